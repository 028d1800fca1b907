package diagnose

import (
	"fmt"
	"math"
)

func word(vs ...float64) string {
	for _, v := range vs {
		switch {
		case math.IsNaN(v):
			return "NaN"
		case math.IsInf(v, 0):
			return "infinite"
		}
	}
	return "finite"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// num writes a number with three significant digits, plainly.
func num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "undefined"
	case math.IsInf(v, 0):
		return "∞"
	}
	a := math.Abs(v)
	switch {
	case a == 0:
		return "0"
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 1e-3:
		s := fmt.Sprintf("%.3g", v)
		return s
	}
	return fmt.Sprintf("%.2g", v)
}

// lnS writes ln C and the losses compared with it to two decimals, so
// "1.10 ≈ ln 3 = 1.10" reads as the match it is.
func lnS(v float64) string { return fmt.Sprintf("%.2f", v) }

// pct writes a fraction as a percentage without the sign.
func pct(f float64) string {
	p := f * 100
	if math.Abs(p) >= 10 {
		return fmt.Sprintf("%.0f", p)
	}
	return fmt.Sprintf("%.1f", p)
}

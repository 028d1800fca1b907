package gradcheck

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gradlab/assets"
	gc "gradlab/sim/gradcheck"
	"gradlab/widgets"
)

// sig writes v with n significant digits, so two derivatives that agree to
// eight digits can be seen to; exponents as ×10ⁿ, and words (from
// widgets.Num) for values that are not finite.
func sig(v float64, n int) string {
	if !finite(v) || v == 0 {
		return widgets.Num(v)
	}
	a := math.Abs(v)
	var s string
	if a >= 1e-3 && a < 1e6 {
		dec := max(n-1-int(math.Floor(math.Log10(a))), 0)
		s = strconv.FormatFloat(v, 'f', dec, 64)
	} else {
		s = strconv.FormatFloat(v, 'e', n-1, 64)
		m, e, _ := strings.Cut(s, "e")
		x, _ := strconv.Atoi(e)
		s = m + "×10" + widgets.Sup(x)
	}
	return strings.ReplaceAll(s, "-", "−")
}

// slope writes a fitted slope with one decimal and a true minus sign.
func slope(v float64) string {
	if !finite(v) {
		return widgets.Num(v)
	}
	return strings.Replace(fmt.Sprintf("%.1f", v), "-", "−", 1)
}

// bandColor is green for good, then yellow, orange and red.
func bandColor(s gc.Severity) color.RGBA {
	switch s {
	case gc.Good:
		return assets.Good
	case gc.KinksOnly:
		return assets.Yellow
	case gc.Uncomfortable:
		return assets.Orange
	}
	return assets.Bad
}

func itoa(i int) string { return strconv.Itoa(i) }

// pow10 writes 10^e for a whole e ("1" for e = 0).
func pow10(e int) string {
	if e == 0 {
		return "1"
	}
	return "10" + widgets.Sup(e)
}

// num is widgets.Num with the mantissa rounded first, so a value just under
// a power of ten reads 10⁻⁸ rather than 10×10⁻⁹.
func num(v float64) string {
	if a := math.Abs(v); finite(v) && v != 0 && (a < 1e-3 || a >= 1e5) {
		v = roundSig(v, 2)
	}
	return widgets.Num(v)
}

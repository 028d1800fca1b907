package widgets

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Num formats a number compactly for labels: 3 significant digits, with
// exponents written as ×10⁻⁴ style powers, and words for non-finite values so
// no "NaN" ever reaches the screen.
func Num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "undefined"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "−∞"
	case v == 0:
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e-3 && a < 1e5 {
		// Three significant digits in plain decimal notation.
		dec := max(0, 2-int(math.Floor(math.Log10(a))))
		s := strconv.FormatFloat(v, 'f', dec, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return strings.Replace(s, "-", "−", 1)
	}
	e := int(math.Floor(math.Log10(a)))
	m := v / math.Pow(10, float64(e))
	if math.Abs(m) >= 9.95 { // two significant digits round this up into the next decade
		m /= 10
		e++
	}
	ms := fmt.Sprintf("%.2g", m)
	if ms == "1" {
		ms = ""
	} else if ms == "-1" {
		ms = "−"
	} else {
		ms = strings.Replace(ms, "-", "−", 1) + "×"
	}
	return ms + "10" + Sup(e)
}

// Sup writes an integer in superscript digits.
func Sup(n int) string {
	digits := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	s := fmt.Sprint(n)
	var b strings.Builder
	for _, r := range s {
		if r == '-' {
			b.WriteRune('⁻')
			continue
		}
		b.WriteRune(digits[r-'0'])
	}
	return b.String()
}

package widgets

import (
	"math"
	"strconv"
	"strings"
)

// Ticks returns round tick values covering [lo, hi], about n of them.
func Ticks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 1 || math.IsInf(hi-lo, 0) {
		return nil
	}
	raw := (hi - lo) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := p * 10
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	var out []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		if math.Abs(v) < step*1e-9 {
			v = 0
		}
		out = append(out, v)
	}
	return out
}

// AxisTicks is Ticks asking for more until there are at least two: a
// short axis asks for few, and ±1.6 at n = 2 rounds to the step 2 and the
// single tick 0, which tells nothing of the scale.
func AxisTicks(lo, hi float64, n int) []float64 {
	out := Ticks(lo, hi, n)
	for k := n + 1; len(out) < 2 && k <= n+8; k++ {
		out = Ticks(lo, hi, k)
	}
	return out
}

// DecadeTicks returns the powers of ten between 10^lo and 10^hi (exponents),
// thinned so at most n remain.
func DecadeTicks(lo, hi float64, n int) []float64 {
	a, b := math.Ceil(lo), math.Floor(hi)
	if b < a || n < 1 {
		return nil
	}
	k := math.Max(1, math.Ceil((b-a+1)/float64(n)))
	var out []float64
	for e := a; e <= b; e += k {
		out = append(out, e)
	}
	return out
}

// TickLabel writes a tick value with as many decimals as the tick spacing
// needs, so zoomed-in axes never repeat a label; large and tiny values fall
// back to Num.
func TickLabel(v float64, ticks []float64) string {
	if len(ticks) < 2 || v == 0 {
		return Num(v)
	}
	step := math.Abs(ticks[1] - ticks[0])
	a := math.Abs(v)
	if a >= 1e5 || a < 1e-4 || step >= 1 {
		return Num(v)
	}
	dec := min(int(math.Ceil(-math.Log10(step)-1e-9)), 12)
	return strings.Replace(strconv.FormatFloat(v, 'f', dec, 64), "-", "−", 1)
}

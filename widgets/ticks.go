package widgets

import "math"

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

package diagnose

import (
	"math"
	"slices"
)

// Smooth is a running median of width w (odd; the window shrinks at the
// ends so the first and last points stay their own neighbourhood's).
func Smooth(xs []float64, w int) []float64 {
	out := make([]float64, len(xs))
	h := w / 2
	buf := make([]float64, 0, w)
	for i := range xs {
		r := min(h, i, len(xs)-1-i)
		buf = append(buf[:0], xs[i-r:i+r+1]...)
		slices.Sort(buf)
		out[i] = buf[len(buf)/2]
	}
	return out
}

// Noise is the scatter of xs around its smoothed version sm, relative to
// the level: 1.4826 × the median of |x − s|/s, which is σ for Gaussian
// noise and ignores the odd outlier. The smoothed curve's endpoints equal
// the raw ones, so they are left out.
func Noise(xs, sm []float64) float64 {
	var r []float64
	for i := 1; i+1 < len(xs); i++ {
		if sm[i] > 0 {
			r = append(r, math.Abs(xs[i]-sm[i])/sm[i])
		}
	}
	if len(r) == 0 {
		return 0
	}
	slices.Sort(r)
	return 1.4826 * r[len(r)/2]
}

// maxRise is the largest ratio xs[j]/min(xs[:j]) and where: j the high,
// i the earlier low.
func maxRise(xs []float64) (j, i int, rise float64) {
	lo := 0
	rise = 1
	for k := 1; k < len(xs); k++ {
		if xs[k-1] < xs[lo] {
			lo = k - 1
		}
		if xs[lo] > 0 && xs[k]/xs[lo] > rise {
			rise, j, i = xs[k]/xs[lo], k, lo
		}
	}
	return j, i, rise
}

func argmax(xs []float64) int {
	m := 0
	for i, v := range xs {
		if v > xs[m] {
			m = i
		}
	}
	return m
}

// resid is xs − sm relative to sm.
func resid(xs, sm []float64) []float64 {
	out := make([]float64, len(xs))
	for i := range xs {
		if sm[i] > 0 {
			out[i] = (xs[i] - sm[i]) / sm[i]
		}
	}
	return out
}

// corr is Pearson's correlation (0 when either side is constant).
func corr(a, b []float64) float64 {
	ma, mb := mean(a), mean(b)
	var sab, saa, sbb float64
	for i := range a {
		sab += (a[i] - ma) * (b[i] - mb)
		saa += (a[i] - ma) * (a[i] - ma)
		sbb += (b[i] - mb) * (b[i] - mb)
	}
	if saa == 0 || sbb == 0 {
		return 0
	}
	return sab / math.Sqrt(saa*sbb)
}

func argmin(xs []float64) int {
	m := 0
	for i, v := range xs {
		if v < xs[m] {
			m = i
		}
	}
	return m
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func clamp01(v float64) float64 { return math.Min(math.Max(v, 0), 1) }

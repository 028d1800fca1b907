package gradcheck

import (
	"math"
	"slices"
)

// CheckAll fills dst with the relative error (RelErr) between analytic[i] and
// the centered difference of f along θ_i, for every parameter: the check a
// backward pass is put through before anyone trusts it. It costs 2·len(θ)
// calls of f. f may read θ but must not keep or modify it. A nil dst is
// allocated.
//
// Each θ_i is restored by assigning back the saved value rather than by
// undoing the step, because (θ_i + h) − h is not always θ_i in floating
// point, and a check that nudges the parameters it checks would be a bug of
// its own: θ is bit-for-bit unchanged afterwards.
func CheckAll(dst []float64, f func(theta []float64) float64, theta, analytic []float64, h float64) []float64 {
	if len(theta) != len(analytic) {
		panic("gradcheck: theta and analytic lengths differ")
	}
	if !(h > 0) || math.IsInf(h, 1) {
		panic("gradcheck: step h must be positive and finite")
	}
	dst = slices.Grow(dst[:0], len(theta))
	for i, a := range analytic {
		old := theta[i]
		theta[i] = old + h
		fp := f(theta)
		theta[i] = old - h
		fm := f(theta)
		theta[i] = old
		dst = append(dst, RelErr(a, (fp-fm)/(2*h)))
	}
	return dst
}

// Range names the slice [Lo, Hi) of the parameter vector that one layer or
// tensor occupies, such as "W1" or "b2".
type Range struct {
	Name   string
	Lo, Hi int
}

// Summary is the distribution of relative errors over one Range. A single
// broken weight hides in an average, so it reports the maximum and where it
// is, and the median and 90th percentile say whether the whole layer is off
// or a few entries (typically ones sitting on a ReLU kink).
type Summary struct {
	Name   string
	N      int
	Max    float64
	Median float64
	P90    float64
	// Worst is the index into the whole error vector of the maximum.
	Worst int
	// Band grades Max: the check is as good as its worst parameter.
	Band Grade
	// Counts is how many of the range's errors fall in each band, indexed by
	// Severity.
	Counts [4]int
}

// Summarize fills dst with one Summary per range of errs. A NaN error is the
// worst outcome there is: Max is NaN as soon as one is present, Worst points
// at the first, and the quantiles count it as +∞. Empty or out-of-bounds ranges are
// programmer errors and panic. A nil dst is allocated.
func Summarize(dst []Summary, errs []float64, ranges []Range) []Summary {
	dst = slices.Grow(dst[:0], len(ranges))
	var buf []float64
	for _, r := range ranges {
		if r.Lo < 0 || r.Hi > len(errs) || r.Lo >= r.Hi {
			panic("gradcheck: range " + r.Name + " is empty or outside the errors")
		}
		s := Summary{Name: r.Name, N: r.Hi - r.Lo, Worst: r.Lo}
		buf = append(buf[:0], errs[r.Lo:r.Hi]...)
		for i, e := range buf {
			if math.IsNaN(e) {
				buf[i] = math.Inf(1) // sorts last
			}
			if worse(e, errs[s.Worst]) {
				s.Worst = r.Lo + i
			}
			s.Counts[Band(e).Severity]++
		}
		slices.Sort(buf)
		s.Max = errs[s.Worst]
		s.Median = quantile(buf, 0.5)
		s.P90 = quantile(buf, 0.9)
		s.Band = Band(s.Max)
		dst = append(dst, s)
	}
	return dst
}

// worse orders errors with NaN above everything, first one winning ties.
func worse(e, than float64) bool {
	if math.IsNaN(than) {
		return false
	}
	return math.IsNaN(e) || e > than
}

// quantile of sorted xs at q with linear interpolation between order
// statistics (position q·(n−1)), the default of most statistics packages, so
// the median of an even count is the mean of the middle two.
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	lo, hi := sorted[i], sorted[i+1]
	frac := pos - float64(i)
	if frac == 0 || lo == hi {
		return lo // keeps 0·∞ and ∞ − ∞ from turning into NaN
	}
	return lo + frac*(hi-lo)
}

// Histogram fills dst with counts of errs per decade for drawing their
// distribution on a log axis: bin k holds 10^(lo+k) ≤ e < 10^(lo+k+1), for
// lo ≤ lo+k < hi, so there are hi − lo bins. Errors below the first bin,
// exact zeros included, are counted in it, and errors from 10^hi up, NaN and
// ∞ included, in the last, so every error is drawn somewhere and the bins sum
// to len(errs). The usual call is Histogram(nil, errs, -16, 0): float64
// cannot resolve relative differences below 1e-16, and RelErr is at most 2.
// A nil dst is allocated.
func Histogram(dst []int, errs []float64, lo, hi int) []int {
	if hi <= lo {
		panic("gradcheck: Histogram needs lo < hi")
	}
	n := hi - lo
	dst = slices.Grow(dst[:0], n)[:n]
	clear(dst)
	for _, e := range errs {
		dst[min(max(decade(e)-lo, 0), n-1)]++
	}
	return dst
}

// decade is ⌊log10 e⌋, exact at powers of ten (math.Log10 can land a hair
// either side of them), with 0 and negatives far below and NaN far above
// anything a histogram asks for.
func decade(e float64) int {
	switch {
	case math.IsNaN(e) || e > math.MaxFloat64:
		return math.MaxInt32
	case !(e > 0):
		return math.MinInt32
	}
	k := int(math.Floor(math.Log10(e)))
	if e < math.Pow10(k) {
		k--
	} else if e >= math.Pow10(k+1) {
		k++
	}
	return k
}

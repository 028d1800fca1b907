package gradcheck

import (
	"math"
	"slices"
)

// Metric is how Sweep compares the numerical derivative with the analytic one.
type Metric int

const (
	Absolute    Metric = iota // |a − n|, what the error analysis predicts
	Relative                  // RelErr, what the cs231n bands judge
	RelativeSum               // RelErrSum, the assignments' variant
)

// String is the label shown to people.
func (e Metric) String() string {
	switch e {
	case Absolute:
		return "absolute"
	case Relative:
		return "relative"
	case RelativeSum:
		return "relative (sum)"
	}
	return "Metric(?)"
}

// Of is the error of numerical derivative n against analytic a.
func (e Metric) Of(a, n float64) float64 {
	switch e {
	case Absolute:
		return math.Abs(a - n)
	case Relative:
		return RelErr(a, n)
	case RelativeSum:
		return RelErrSum(a, n)
	}
	panic("gradcheck: unknown metric")
}

// LogGrid fills dst with step sizes from lo up to hi, perDecade of them per
// factor of ten, evenly spaced in log h. Exact powers of ten come out as
// exactly the literal (1e-5 is 1e-5), so tables and tests can name them.
// If hi/lo is not a whole number of steps the last point stops short of hi.
// A nil dst is allocated.
func LogGrid(dst []float64, lo, hi float64, perDecade int) []float64 {
	if !(lo > 0) || !(hi >= lo) || math.IsInf(hi, 1) || perDecade < 1 {
		panic("gradcheck: LogGrid needs 0 < lo ≤ hi < ∞ and perDecade ≥ 1")
	}
	l0 := math.Log10(lo)
	n := int(math.Floor((math.Log10(hi)-l0)*float64(perDecade)+1e-9)) + 1
	dst = slices.Grow(dst[:0], n)
	for k := range n {
		e := l0 + float64(k)/float64(perDecade)
		if r := math.Round(e); math.Abs(e-r) < 1e-9 {
			dst = append(dst, math.Pow10(int(r)))
		} else {
			dst = append(dst, math.Pow(10, e))
		}
	}
	return dst
}

// DefaultGrid is the h range the lab sweeps, ten steps per decade. Float64
// spans 1e-12…1e-1, which shows both arms of every V with room to spare.
// Float32 spans 1e-7…1e-1: near x = 1 the float32 neighbours are 6e-8 and
// 1.2e-7 away, so for smaller h, x ± h rounds back to x, the difference
// collapses to 0 and the curve is a flat shelf at 100 % error that teaches
// nothing the round-off arm does not. Steps above 1e-1 leave the range where
// the leading Taylor term dominates.
func DefaultGrid(dst []float64, p Precision) []float64 {
	switch p {
	case Float64:
		return LogGrid(dst, 1e-12, 1e-1, 10)
	case Float32:
		return LogGrid(dst, 1e-7, 1e-1, 10)
	}
	panic("gradcheck: unknown precision")
}

// Sweep fills dst with the error of fn's numerical derivative at x for each
// step in hs: the points of the V curve. A nil dst is allocated.
func Sweep(dst []float64, fn Func, x float64, hs []float64, m Method, p Precision, e Metric) []float64 {
	a := fn.Analytic(x, p)
	dst = slices.Grow(dst[:0], len(hs))
	for _, h := range hs {
		dst = append(dst, e.Of(a, fn.Numeric(x, h, m, p)))
	}
	return dst
}

// Line is a straight line on the log-log plot: log10(err) ≈ Slope·log10(h) +
// Intercept, fitted to N points with h in [HLo, HHi]. A fit to fewer than two
// usable points has NaN slope and intercept.
type Line struct {
	Slope, Intercept float64
	N                int
	HLo, HHi         float64
}

// At is the line's error at step h, for drawing it over the curve.
func (l Line) At(h float64) float64 {
	return math.Pow(10, l.Slope*math.Log10(h)+l.Intercept)
}

// FitLogLog is the least-squares line through (log10 h, log10 err). Points
// with a zero, negative or non-finite error are skipped: a zero error is a
// lucky cancellation, not a measurement, and has no logarithm. It is written
// out rather than taken from gonum/stat, which would pull gonum/mat and its
// LAPACK into the page for a two-parameter fit.
func FitLogLog(hs, errs []float64) Line {
	if len(hs) != len(errs) {
		panic("gradcheck: hs and errs lengths differ")
	}
	var n, sx, sy float64
	l := Line{Slope: math.NaN(), Intercept: math.NaN(), HLo: math.Inf(1), HHi: math.Inf(-1)}
	for i, e := range errs {
		if !usable(hs[i], e) {
			continue
		}
		n++
		sx += math.Log10(hs[i])
		sy += math.Log10(e)
		l.HLo, l.HHi = min(l.HLo, hs[i]), max(l.HHi, hs[i])
	}
	l.N = int(n)
	if l.N < 2 {
		return l
	}
	// Centre first: the sums of squares of raw logs around −10 would lose
	// digits to cancellation.
	mx, my := sx/n, sy/n
	var sxx, sxy float64
	for i, e := range errs {
		if !usable(hs[i], e) {
			continue
		}
		dx := math.Log10(hs[i]) - mx
		sxx += dx * dx
		sxy += dx * (math.Log10(e) - my)
	}
	if sxx == 0 {
		return l // all points at one h
	}
	l.Slope = sxy / sxx
	l.Intercept = my - l.Slope*mx
	return l
}

func usable(h, e float64) bool {
	return h > 0 && e > 0 && !math.IsInf(h, 0) && !math.IsInf(e, 0) && !math.IsNaN(e)
}

// V is what AnalyzeV reads off an error curve: its bottom and its two arms.
type V struct {
	// Best indexes the bottom of the V in hs; BestH is hs[Best]. If every
	// error is NaN there is no bottom: Best is −1 and the rest NaN.
	Best  int
	BestH float64
	// MinErr is the smoothed error at the bottom: the typical error there,
	// not the luckiest single point, which round-off noise can make
	// arbitrarily small (even exactly 0).
	MinErr float64
	// Truncation is the fit to the large-h arm (slope ≈ method order);
	// RoundOff the fit to the small-h arm (slope ≈ −1).
	Truncation, RoundOff Line
}

const (
	// vWindow is the half-width, in decades, of the running median that
	// smooths the curve before its minimum is taken.
	vWindow = 0.5
	// vMargin is how far, in decades, each arm's fit stays from the bottom,
	// where the two error sources are comparable and neither slope holds.
	vMargin = 1.0
)

// AnalyzeV finds the bottom of an error-versus-h curve and fits both arms.
// hs must be increasing and the curve should be sampled densely enough
// (several points per decade) for the smoothing to work.
//
// The round-off arm is noise: each error is ε·|f|/h times a number that
// jumps between about −1 and 1 from one h to the next. So the bottom is the
// minimum of a running median over ±half a decade, ties going to the larger
// h (which is further from round-off), and each arm is a least-squares fit
// over every point at least a decade from the bottom. The two sources are
// equal at the bottom and a decade away the other one is 10^(order+1) times
// smaller, so each arm's slope is its own. On the round-off side the fit
// stops where the error stops growing as h shrinks: there x ± h has rounded
// back to x, the difference is 0 or one ulp, and the curve is a flat shelf
// rather than the −1 line.
func AnalyzeV(hs, errs []float64) V {
	if len(hs) != len(errs) {
		panic("gradcheck: hs and errs lengths differ")
	}
	if len(hs) == 0 {
		panic("gradcheck: AnalyzeV of an empty curve")
	}
	lh := make([]float64, len(hs))
	for i, h := range hs {
		if !(h > 0) || (i > 0 && !(h > hs[i-1])) {
			panic("gradcheck: hs must be positive and increasing")
		}
		lh[i] = math.Log10(h)
	}
	sm := smoothLog(lh, errs)
	best := -1
	for i, s := range sm {
		if !math.IsNaN(s) && (best < 0 || s <= sm[best]) {
			best = i
		}
	}
	if best < 0 {
		return V{Best: -1, BestH: math.NaN(), MinErr: math.NaN(),
			Truncation: FitLogLog(nil, nil), RoundOff: FitLogLog(nil, nil)}
	}
	v := V{Best: best, BestH: hs[best], MinErr: math.Pow(10, sm[best])}
	lo := best
	for lo > 0 && lh[lo-1] > lh[best]-vMargin {
		lo--
	}
	// The largest smoothed error left of the bottom (ties going to the
	// larger h) is the end of the shelf, if anything lies left of it; the
	// arm starts after it.
	shelf := 0
	for j := range lo {
		if sm[j] >= sm[shelf] {
			shelf = j
		}
	}
	if shelf > 0 {
		shelf++
	}
	hi := best
	for hi < len(hs)-1 && lh[hi+1] < lh[best]+vMargin {
		hi++
	}
	v.RoundOff = FitLogLog(hs[shelf:lo], errs[shelf:lo])
	v.Truncation = FitLogLog(hs[hi+1:], errs[hi+1:])
	return v
}

// smoothLog is the running median of log10(err) over ±vWindow decades of
// log10(h). Zero errors count as −∞, which a median tolerates; NaN errors
// are left out, and a window with nothing else is NaN.
func smoothLog(lh, errs []float64) []float64 {
	out := make([]float64, len(lh))
	win := make([]float64, 0, len(lh))
	j0 := 0
	for i := range lh {
		for lh[j0] < lh[i]-vWindow-1e-9 {
			j0++
		}
		win = win[:0]
		for j := j0; j < len(lh) && lh[j] <= lh[i]+vWindow+1e-9; j++ {
			if !math.IsNaN(errs[j]) {
				win = append(win, math.Log10(math.Abs(errs[j])))
			}
		}
		out[i] = median(win)
	}
	return out
}

// median sorts xs in place and returns its median (NaN if empty).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	if xs[n/2-1] == xs[n/2] {
		return xs[n/2] // also keeps −∞ from turning into NaN
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// Package quad is gradient descent on a quadratic, f(x) = (L/2)x², and on
// its two-direction version f(x, y) = (L₁x² + L₂y²)/2: the update
// x ← x − η·Lx = (1 − ηL)x, its regimes, the closed-form number of steps to
// a threshold and the step where it diverges. Pure Go: no drawing.
package quad

import "math"

const (
	// Threshold is the |x| a run counts as arrived below.
	Threshold = 1e-3
	// Bound is the |x| beyond which a run is stopped as diverged.
	Bound = 1e6
	// CrawlBelow is the ηL under which a run is said to crawl.
	CrawlBelow = 0.1
	// Tol is how close ηL must be to 1 (fastest) or 2 (constant
	// amplitude) to be named so.
	Tol = 0.02
	// MaxSteps caps the closed-form step counts, which would otherwise
	// grow without bound as ηL → 0.
	MaxSteps = 1 << 40
)

// Regime is what the rule x ← (1 − ηL)x does at a given ηL.
type Regime int

const (
	Crawling    Regime = iota // ηL < 0.1
	Converging                // 0.1 ≤ ηL < 1: monotone
	Fastest                   // ηL ≈ 1: one step lands on the minimum
	Oscillating               // 1 < ηL < 2: flips sign, shrinks
	Constant                  // ηL ≈ 2: flips sign, same size
	Diverging                 // ηL > 2: flips sign, grows
)

// Regimes lists every regime in order of ηL.
var Regimes = []Regime{Crawling, Converging, Fastest, Oscillating, Constant, Diverging}

var ids = [...]string{"crawling", "converging", "fastest", "oscillating", "constant", "diverging"}

// String is the regime's id, as the status object publishes it.
func (r Regime) String() string {
	if r < 0 || int(r) >= len(ids) {
		return "unknown"
	}
	return ids[r]
}

// Name is how the screen names the regime.
func (r Regime) Name() string {
	switch r {
	case Crawling:
		return "crawling"
	case Converging:
		return "converging"
	case Fastest:
		return "fastest"
	case Oscillating:
		return "oscillating but converging"
	case Constant:
		return "constant amplitude"
	case Diverging:
		return "diverging"
	}
	return "unknown"
}

// Converges reports whether runs in this regime reach the minimum
// (constant amplitude is taken at its exact ηL = 2, which does not).
func (r Regime) Converges() bool { return r <= Oscillating }

// Classify names the regime of ηL (η, L > 0).
func Classify(etaL float64) Regime {
	switch {
	case math.Abs(etaL-1) < Tol:
		return Fastest
	case math.Abs(etaL-2) < Tol:
		return Constant
	case !(etaL >= CrawlBelow): // NaN crawls too: it is never reached
		return Crawling
	case etaL < 1:
		return Converging
	case etaL < 2:
		return Oscillating
	}
	return Diverging
}

// Factor is what one step multiplies x by: 1 − ηL.
func Factor(etaL float64) float64 { return 1 - etaL }

// StepsTo is the closed form for the number of steps until |x| < thr from
// x0: the least n with |x0|·|1 − ηL|ⁿ < thr, that is
// ⌊log(thr/|x0|) / log|1 − ηL|⌋ + 1 (the ceiling of the ratio, except
// where it is a whole number), 0 when x0 is already there, 1 at ηL = 1 and
// −1 (never) when |1 − ηL| ≥ 1. Counts are capped at MaxSteps.
func StepsTo(etaL, x0, thr float64) int {
	a := math.Abs(x0)
	if a < thr {
		return 0
	}
	r := math.Abs(1 - etaL)
	switch {
	case r == 0:
		return 1
	case !(etaL > 0 && etaL < 2):
		return -1
	}
	// log|1 − ηL| through Log1p, so tiny rates keep their digits.
	lr := math.Log(r)
	if etaL < 1 {
		lr = math.Log1p(-etaL)
	}
	q := math.Log(thr/a) / lr
	return int(math.Min(math.Floor(q)+1, MaxSteps))
}

// DivergesAt is the closed form for the first step at which |x| exceeds
// bound: ⌊log(bound/|x0|) / log|1 − ηL|⌋ + 1, or −1 when |1 − ηL| ≤ 1 (or
// x0 = 0). Counts are capped at MaxSteps.
func DivergesAt(etaL, x0, bound float64) int {
	a := math.Abs(x0)
	r := math.Abs(1 - etaL)
	if !(r > 1) || a == 0 {
		return -1
	}
	if a > bound {
		return 0
	}
	q := math.Log(bound/a) / math.Log(r)
	return int(math.Min(math.Floor(q)+1, MaxSteps))
}

// Iterate runs gradient descent x ← x − η·(Lx) from x0 for at most n
// steps, appending x0, x1, … to dst. It stops after the first iterate whose
// magnitude exceeds Bound and returns that step as diverged (−1 when it
// did not), so no run ever reaches ±Inf or NaN.
func Iterate(dst []float64, eta, L, x0 float64, n int) (xs []float64, diverged int) {
	xs = append(dst[:0], x0)
	x := x0
	for t := 1; t <= n; t++ {
		x -= eta * (L * x)
		xs = append(xs, x)
		if !(math.Abs(x) <= Bound) {
			return xs, t
		}
	}
	return xs, -1
}

// FirstBelow is the first index of xs with |x| < thr, or −1: the step
// count found by iterating, to set beside StepsTo.
func FirstBelow(xs []float64, thr float64) int {
	for i, x := range xs {
		if math.Abs(x) < thr {
			return i
		}
	}
	return -1
}

// Two is what one η does to the two directions of f(x, y) = (L₁x² + L₂y²)/2.
type Two struct {
	L1, L2 float64
	// Kappa is the condition number L_max/L_min.
	Kappa float64
	// StableLR is 2/L_max: every η below it keeps both directions stable.
	StableLR float64
	// BestLR is 2/(L₁ + L₂), the η that makes the slowest direction as
	// fast as it can be; BestFactor = (κ − 1)/(κ + 1) is what both
	// directions then shrink by per step (in size).
	BestLR, BestFactor float64
	// BestSteps is the steps to |x|, |y| < thr from (x0, x0) at BestLR.
	BestSteps int
	// SafeSteps is the steps the shallow direction needs at η = 1/L_max,
	// the rate that takes the steep one there in one step: about
	// κ·ln(|x0|/thr).
	SafeSteps int
}

// Pair computes the two-direction numbers for a start (x0, x0).
func Pair(L1, L2, x0, thr float64) Two {
	lo, hi := math.Min(L1, L2), math.Max(L1, L2)
	k := hi / lo
	p := Two{L1: L1, L2: L2, Kappa: k, StableLR: 2 / hi, BestLR: 2 / (L1 + L2), BestFactor: (k - 1) / (k + 1)}
	p.BestSteps = max(StepsTo(p.BestLR*L1, x0, thr), StepsTo(p.BestLR*L2, x0, thr))
	p.SafeSteps = StepsTo(lo/hi, x0, thr)
	return p
}

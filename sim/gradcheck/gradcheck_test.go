package gradcheck_test

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"gradlab/sim/gradcheck"
)

// The reference facts these tests reproduce come from the cs231n notes
// "Neural Networks Part 3", section "Gradient checks", unless a comment says
// otherwise: use the centered formula (error O(h²) against the forward
// formula's O(h)), compare with the relative error |a − n| / max(|a|, |n|),
// read it with the bands > 1e-2 wrong, 1e-2…1e-4 uncomfortable, 1e-4…1e-7
// fine only with kinks, ≤ 1e-7 good, take h around 1e-5, beware of kinks
// (their example: ReLU at x = −1e-6 with h > 1e-6), and do it in double
// precision.

func TestAnalyticDerivativesMatchGonumFD(t *testing.T) {
	// gonum's centered difference with its default step (6e-6) is an
	// independent check on the hand-written derivatives, away from kinks.
	for _, fn := range gradcheck.Funcs {
		for _, x := range []float64{-2.3, -0.7, 0.4, 1, 1.9} {
			want := fd.Derivative(fn.F64, x, &fd.Settings{Formula: fd.Central})
			if got := fn.Deriv(x); math.Abs(got-want) > 1e-7*max(1, math.Abs(want)) {
				t.Errorf("%s'(%g) = %.12g, gonum/diff/fd says %.12g", fn.Name, x, got, want)
			}
		}
	}
}

func TestGonumDefaultStepCrossesReLUKink(t *testing.T) {
	// The kink lesson with a library: fd.Central's default step of 6e-6 is
	// six times the distance to the kink, so it reports a slope of
	// (−1e-6 + 6e-6) / 1.2e-5 = 5/12 where the true derivative is 0.
	fn := gradcheck.ReLU
	got := fd.Derivative(fn.F64, fn.X, &fd.Settings{Formula: fd.Central})
	if math.Abs(got-5.0/12) > 1e-9 || fn.Deriv(fn.X) != 0 {
		t.Errorf("fd at ReLU's default point = %g (want 5/12), analytic %g (want 0)", got, fn.Deriv(fn.X))
	}
	if !fn.CrossesKink(fn.X, 6e-6, gradcheck.Centered) {
		t.Error("CrossesKink misses a step six times the distance to the kink")
	}
}

func TestF32AgreesWithF64(t *testing.T) {
	// Two float32 roundings per operation at most a few ulps apart: 1e-6
	// relative is eight ulps, and loose enough for sin near its zeros only
	// because the points avoid them.
	for _, fn := range gradcheck.Funcs {
		for _, x := range []float64{-2.5, -1, -1e-6, 1e-4, 0.3, 1, 2} {
			x32 := float32(x)
			want := fn.F64(float64(x32))
			got := float64(fn.F32(x32))
			if math.Abs(got-want) > 1e-6*math.Abs(want)+1e-30 {
				t.Errorf("%s(%g): float32 %g, float64 %g", fn.Name, x, got, want)
			}
		}
	}
}

func TestCubicTruncationIsExact(t *testing.T) {
	// x³ − 2x at 1 has f' = 1, f'' = 6, f''' = 6 and nothing beyond, so
	// Taylor's series ends: centered gives 1 + h² and forward 1 + 3h + h²
	// exactly, up to the round-off of about ε/h.
	fn := gradcheck.Cubic
	for _, tc := range []struct {
		m    gradcheck.Method
		h    float64
		want float64
	}{
		{gradcheck.Centered, 1e-1, 1 + 1e-2},
		{gradcheck.Centered, 1e-2, 1 + 1e-4},
		{gradcheck.Centered, 1e-3, 1 + 1e-6},
		{gradcheck.Forward, 1e-1, 1 + 3e-1 + 1e-2},
		{gradcheck.Forward, 1e-2, 1 + 3e-2 + 1e-4},
		{gradcheck.Forward, 1e-3, 1 + 3e-3 + 1e-6},
	} {
		got := fn.Numeric(fn.X, tc.h, tc.m, gradcheck.Float64)
		if math.Abs(got-tc.want) > 8*0x1p-52/tc.h {
			t.Errorf("%s h=%g: %.17g, want %.17g", tc.m, tc.h, got, tc.want)
		}
	}
}

func TestFloat32CollapsesBelowItsSpacing(t *testing.T) {
	// Near 1 the float32 numbers are 2⁻²³ ≈ 1.2e-7 apart, so 1 ± 1e-9 is 1
	// and the difference is exactly 0: a 100 % error, the flat shelf left of
	// the float32 V. Float64 still resolves that step.
	fn := gradcheck.Cubic
	for _, m := range gradcheck.Methods {
		if got := fn.Numeric(1, 1e-9, m, gradcheck.Float32); got != 0 {
			t.Errorf("%s float32 at h=1e-9: %g, want exactly 0", m, got)
		}
		if got := fn.Numeric(1, 1e-9, m, gradcheck.Float64); math.Abs(got-1) > 1e-6 {
			t.Errorf("%s float64 at h=1e-9: %g, want ≈ 1", m, got)
		}
	}
}

func TestRelErr(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		a, n, max, sum float64
	}{
		{1, 1, 0, 0},
		{0, 0, 0, 0}, // defined as a perfect match
		{1, 0, 1, 1},
		{0, 1e-20, 1, 1}, // tiny but not zero: completely different
		{1, -1, 2, 1},    // opposite signs: the bounds of each variant
		{2, 1, 0.5, 1.0 / 3},
		{-4, -5, 0.2, 1.0 / 9},
		{1e-8, 1.000001e-8, 1e-6 / 1.000001, 1e-6 / 2.000001},
		{nan, 1, nan, nan},
		{math.Inf(1), 1, nan, nan},
		{math.Inf(-1), math.Inf(-1), 0, 0},
	} {
		for _, v := range []struct {
			name string
			f    func(a, n float64) float64
			want float64
		}{{"RelErr", gradcheck.RelErr, tc.max}, {"RelErrSum", gradcheck.RelErrSum, tc.sum}} {
			got, sym := v.f(tc.a, tc.n), v.f(tc.n, tc.a)
			// 1e-8 leaves room for the cancellation in a − n when they
			// agree to six digits.
			if !same(got, v.want, 1e-8) || !same(sym, got, 0) {
				t.Errorf("%s(%g, %g) = %g (swapped %g), want %g", v.name, tc.a, tc.n, got, sym, v.want)
			}
		}
	}
}

func same(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Abs(want)
}

func TestBand(t *testing.T) {
	// Upper edges belong to their band: "> 1e-2" is wrong, "1e-7 and less"
	// is good, and the notes leave exactly 1e-4 open.
	for _, tc := range []struct {
		rel  float64
		want gradcheck.Severity
		name string
	}{
		{0, gradcheck.Good, "good"},
		{3e-11, gradcheck.Good, "good"},
		{1e-7, gradcheck.Good, "good"},
		{1.0000001e-7, gradcheck.KinksOnly, "kinks only"},
		{1e-5, gradcheck.KinksOnly, "kinks only"},
		{1e-4, gradcheck.KinksOnly, "kinks only"},
		{2e-4, gradcheck.Uncomfortable, "uncomfortable"},
		{1e-2, gradcheck.Uncomfortable, "uncomfortable"},
		{1.01e-2, gradcheck.Wrong, "probably wrong"},
		{1, gradcheck.Wrong, "probably wrong"},
		{math.Inf(1), gradcheck.Wrong, "probably wrong"},
		{math.NaN(), gradcheck.Wrong, "probably wrong"},
	} {
		g := gradcheck.Band(tc.rel)
		if g.Severity != tc.want || g.Name != tc.name || g.Severity.String() != tc.name {
			t.Errorf("Band(%g) = %d %q, want %d %q", tc.rel, g.Severity, g.Name, tc.want, tc.name)
		}
	}
	for i, g := range gradcheck.Grades {
		if int(g.Severity) != i || g.Verdict == "" {
			t.Errorf("Grades[%d] = %+v", i, g)
		}
		if i > 0 && g.Lo != gradcheck.Grades[i-1].Hi {
			t.Errorf("Grades[%d] starts at %g, the previous band ends at %g", i, g.Lo, gradcheck.Grades[i-1].Hi)
		}
		if !math.IsInf(g.Hi, 1) && gradcheck.Band(g.Hi).Severity != g.Severity {
			t.Errorf("Band(%g) is not %s although it is its upper edge", g.Hi, g.Name)
		}
	}
	if !slices.ContainsFunc(gradcheck.Grades[:], func(g gradcheck.Grade) bool {
		return g.Verdict == "fine for objectives with kinks (ReLU, SVM); otherwise too high"
	}) {
		t.Error("the kinks band lost its verdict")
	}
}

func TestKinkLesson(t *testing.T) {
	// With kinks, a step larger than the distance to the kink gives a wrong
	// numerical gradient although the analytic one is right, and a step
	// that stays on one side gives a good check: CrossesKink predicts the
	// verdict exactly, for every step of the lab's grid.
	for _, fn := range []gradcheck.Func{gradcheck.ReLU, gradcheck.Abs} {
		for _, p := range gradcheck.Precisions {
			hs := gradcheck.DefaultGrid(nil, p)
			for _, m := range gradcheck.Methods {
				errs := gradcheck.Sweep(nil, fn, fn.X, hs, m, p, gradcheck.Relative)
				for i, h := range hs {
					wrong := gradcheck.Band(errs[i]).Severity == gradcheck.Wrong
					if cross := fn.CrossesKink(fn.X, h, m); wrong != cross {
						t.Errorf("%s %s %s h=%g: rel err %g, crosses kink %v", fn.Name, m, p, h, errs[i], cross)
					}
				}
			}
		}
	}
	// The cs231n example itself: ReLU at −1e-6 with the recommended h = 1e-5
	// sees 0.45 where the gradient is 0, a 100 % error; a step of 1e-7 is
	// exact.
	fn := gradcheck.ReLU
	if n := fn.Numeric(fn.X, 1e-5, gradcheck.Centered, gradcheck.Float64); math.Abs(n-0.45) > 1e-12 {
		t.Errorf("ReLU at −1e-6, h = 1e-5: numerical %g, want 0.45", n)
	}
	for _, tc := range []struct{ h, want float64 }{{1e-5, 1}, {1e-7, 0}} {
		errs := gradcheck.Sweep(nil, fn, fn.X, []float64{tc.h}, gradcheck.Centered, gradcheck.Float64, gradcheck.Relative)
		if errs[0] != tc.want {
			t.Errorf("ReLU at −1e-6, h = %g: rel err %g, want %g", tc.h, errs[0], tc.want)
		}
	}
	// Forward differences only look right of x, so at |x|'s point (x > 0)
	// they never cross: the kink lesson depends on the formula.
	if gradcheck.Abs.CrossesKink(gradcheck.Abs.X, 1, gradcheck.Forward) {
		t.Error("a forward step from x > 0 cannot reach the kink at 0")
	}
}

// vCase is one curve of the lab with what was measured for it; the numbers
// are in the package's report and the tolerances below are the claims.
type vCase struct {
	fn gradcheck.Func
	m  gradcheck.Method
	p  gradcheck.Precision
}

func vCases() []vCase {
	var cs []vCase
	for _, fn := range []gradcheck.Func{gradcheck.Smooth, gradcheck.Cubic} {
		for _, p := range gradcheck.Precisions {
			for _, m := range gradcheck.Methods {
				cs = append(cs, vCase{fn, m, p})
			}
		}
	}
	return cs
}

func analyze(c vCase, e gradcheck.Metric) gradcheck.V {
	hs := gradcheck.DefaultGrid(nil, c.p)
	return gradcheck.AnalyzeV(hs, gradcheck.Sweep(nil, c.fn, c.fn.X, hs, c.m, c.p, e))
}

func TestVSlopes(t *testing.T) {
	// Truncation error c·h^order makes the right arm a line of slope 2
	// (centered) or 1 (forward) on a log-log plot; round-off ε·|f|/h makes
	// the left arm slope −1 whatever the formula. The right arm is smooth
	// and its slope comes out within 0.05 (0.1 for float32's forward arm,
	// which the f''' term bends at h near 0.1); the left arm is
	// noise and its least-squares slope scatters by about ±0.2 from point to
	// point, so it is held to ±0.3.
	for _, c := range vCases() {
		for _, e := range []gradcheck.Metric{gradcheck.Absolute, gradcheck.Relative} {
			v := analyze(c, e)
			tol := 0.05
			if c.p == gradcheck.Float32 && c.m == gradcheck.Forward {
				tol = 0.1
			}
			if got, want := v.Truncation.Slope, float64(c.m.Order()); !(math.Abs(got-want) <= tol) || v.Truncation.N < 5 {
				t.Errorf("%s %s %s %s: truncation slope %.3f over %d points, want %g ± %g",
					c.fn.Name, c.m, c.p, e, got, v.Truncation.N, want, tol)
			}
			if got := v.RoundOff.Slope; !(math.Abs(got+1) <= 0.3) || v.RoundOff.N < 10 {
				t.Errorf("%s %s %s %s: round-off slope %.3f over %d points, want −1 ± 0.3",
					c.fn.Name, c.m, c.p, e, got, v.RoundOff.N)
			}
		}
	}
}

func TestVBottom(t *testing.T) {
	type key struct {
		fn string
		m  gradcheck.Method
		p  gradcheck.Precision
	}
	bottoms := map[key]gradcheck.V{}
	for _, c := range vCases() {
		v := analyze(c, gradcheck.Relative)
		bottoms[key{c.fn.Name, c.m, c.p}] = v
		// The textbook balance ε^(1/(order+1)) is within a decade of the
		// measured bottom: the functions' derivatives are of order 1–10.
		if est := gradcheck.BestH(c.m, c.p); math.Abs(math.Log10(v.BestH/est)) > 1 {
			t.Errorf("%s %s %s: bottom at h=%g, more than a decade from the estimate %g",
				c.fn.Name, c.m, c.p, v.BestH, est)
		}
		if c.p == gradcheck.Float64 && c.m == gradcheck.Centered {
			// cs231n: h ≈ 1e-5 for centered differences in double.
			if v.BestH < 1e-7 || v.BestH > 1e-3 {
				t.Errorf("%s centered float64: best h %g outside [1e-7, 1e-3]", c.fn.Name, v.BestH)
			}
			if gradcheck.Band(v.MinErr).Severity != gradcheck.Good {
				t.Errorf("%s centered float64: error %g at the bottom is not good", c.fn.Name, v.MinErr)
			}
		}
	}
	for c, v32 := range bottoms {
		if c.p != gradcheck.Float32 {
			continue
		}
		v64 := bottoms[key{c.fn, c.m, gradcheck.Float64}]
		// Single precision lifts the bottom of the V: ε grows 2²⁹ ≈ 5e8
		// times, and the minimum error as ε^(order/(order+1)), which is
		// 5.8 decades for centered and 4.4 for forward.
		decades := math.Log10(v32.MinErr / v64.MinErr)
		want := 5.0
		if c.m == gradcheck.Forward {
			want = 3.5
		}
		if !(decades >= want) {
			t.Errorf("%s %s: float32 bottom %g is only %.1f decades above float64's %g, want ≥ %g",
				c.fn, c.m, v32.MinErr, decades, v64.MinErr, want)
		}
		// …and moves it right, by ε^(1/(order+1)): 2.9 decades centered,
		// 4.4 forward.
		if !(v32.BestH >= 100*v64.BestH) {
			t.Errorf("%s %s: float32 best h %g is not two decades right of float64's %g",
				c.fn, c.m, v32.BestH, v64.BestH)
		}
		if gradcheck.Band(v32.MinErr).Severity < gradcheck.KinksOnly {
			t.Errorf("%s %s: float32 reached %g, which would pass a double-precision check",
				c.fn, c.m, v32.MinErr)
		}
	}
}

func TestFitLogLogSkipsUnusablePoints(t *testing.T) {
	hs := []float64{1e-4, 1e-3, 1e-2, 1e-1, 2e-1, 3e-1}
	errs := make([]float64, len(hs))
	for i, h := range hs {
		errs[i] = 3 * h * h
	}
	errs[3], errs[4] = 0, math.NaN()
	l := gradcheck.FitLogLog(hs, errs)
	if math.Abs(l.Slope-2) > 1e-12 || math.Abs(l.Intercept-math.Log10(3)) > 1e-12 || l.N != 4 ||
		l.HLo != 1e-4 || l.HHi != 3e-1 {
		t.Errorf("fit of 3h² = %+v", l)
	}
	if h := 5e-3; math.Abs(l.At(h)-3*h*h) > 1e-12*3*h*h {
		t.Errorf("line at %g = %g, want %g", h, l.At(h), 3*h*h)
	}
	if l := gradcheck.FitLogLog(hs[:1], errs[:1]); !math.IsNaN(l.Slope) || l.N != 1 {
		t.Errorf("fit of one point = %+v, want NaN slope", l)
	}
}

func TestAnalyzeVSynthetic(t *testing.T) {
	// A model V: truncation h², round-off 1e-16/h times a deterministic
	// factor jumping between 0.02 and 1 (the lucky cancellations that make
	// the raw minimum meaningless), and below 1e-11 a flat shelf at 1.
	// The exact bottom of h² + 1e-16/h is (5e-17)^(1/3) = 3.7e-6.
	hs := gradcheck.LogGrid(nil, 1e-14, 1e-1, 10)
	errs := make([]float64, len(hs))
	for i, h := range hs {
		noise := 0.02 + 0.98*math.Abs(math.Sin(float64(i)*2.4))
		errs[i] = h*h + noise*1e-16/h
		if h < 1e-11 {
			errs[i] = 1
		}
	}
	errs[40] = 0 // an exact match by luck, at h = 1e-10
	v := gradcheck.AnalyzeV(hs, errs)
	if v.BestH < 1e-6 || v.BestH > 1e-5 {
		t.Errorf("bottom at h=%g, want near 3.7e-6", v.BestH)
	}
	if math.Abs(v.Truncation.Slope-2) > 0.01 || math.Abs(v.RoundOff.Slope+1) > 0.15 {
		t.Errorf("slopes %.3f and %.3f, want 2 and −1", v.Truncation.Slope, v.RoundOff.Slope)
	}
	if v.RoundOff.HLo < 1e-11 {
		t.Errorf("round-off fit reaches into the shelf down to h=%g", v.RoundOff.HLo)
	}
	if v.MinErr == 0 || v.MinErr > 1e-10 {
		t.Errorf("min error %g, want the typical ≈ 1e-11, not a lucky 0", v.MinErr)
	}
}

func TestLogGrid(t *testing.T) {
	hs := gradcheck.LogGrid(nil, 1e-12, 1e-1, 10)
	if len(hs) != 111 || hs[0] != 1e-12 || hs[110] != 1e-1 {
		t.Fatalf("LogGrid(1e-12, 1e-1, 10): %d points from %g to %g", len(hs), hs[0], hs[len(hs)-1])
	}
	for i := 0; i < len(hs); i += 10 {
		if want := math.Pow10(-12 + i/10); hs[i] != want {
			t.Errorf("hs[%d] = %.17g, want exactly %g", i, hs[i], want)
		}
	}
	for i := 1; i < len(hs); i++ {
		if r := hs[i] / hs[i-1]; math.Abs(r-math.Pow(10, 0.1)) > 1e-12 {
			t.Errorf("hs[%d]/hs[%d] = %g, want 10^0.1", i, i-1, r)
		}
	}
	if got := gradcheck.LogGrid(nil, 1e-3, 5e-2, 1); !slices.Equal(got, []float64{1e-3, 1e-2}) {
		t.Errorf("partial decade: %g", got)
	}
	buf := make([]float64, 0, 200)
	if a := testing.AllocsPerRun(10, func() { buf = gradcheck.LogGrid(buf, 1e-12, 1e-1, 10) }); a != 0 {
		t.Errorf("LogGrid into a big enough dst allocates %g times", a)
	}
	for _, p := range gradcheck.Precisions {
		if g := gradcheck.DefaultGrid(nil, p); len(g) < 50 || g[len(g)-1] != 1e-1 {
			t.Errorf("%s grid: %d points up to %g", p, len(g), g[len(g)-1])
		}
	}
	for _, bad := range [][2]float64{{0, 1}, {1, 0.5}, {-1, 1}, {1, math.Inf(1)}} {
		mustPanic(t, "LogGrid", func() { gradcheck.LogGrid(nil, bad[0], bad[1], 10) })
	}
	mustPanic(t, "LogGrid", func() { gradcheck.LogGrid(nil, 1, 10, 0) })
}

func TestCheckAllRestoresThetaBitForBit(t *testing.T) {
	// Values for which the usual walk θ += h, θ −= 2h, θ += h does not come
	// back to θ: restoring by assignment is what keeps the check from moving
	// the weights it checks.
	theta := []float64{0.123, 1.7, -0.37, 0.513, 1.1, 0.9}
	const h = 1e-5
	drifted := 0
	for _, x := range theta {
		if y := x + h; (y-2*h)+h != x {
			drifted++
		}
	}
	if drifted < 3 {
		t.Fatalf("only %d test values expose the walk's round-off; pick others", drifted)
	}
	bits := make([]uint64, len(theta))
	for i, x := range theta {
		bits[i] = math.Float64bits(x)
	}
	orig := slices.Clone(theta)
	calls := 0
	f := func(th []float64) float64 {
		calls++
		// Every call sees at most one coordinate moved, by exactly ±h.
		moved := 0
		for i := range th {
			if th[i] != orig[i] {
				moved++
				if th[i] != orig[i]+h && th[i] != orig[i]-h {
					t.Errorf("coordinate %d evaluated at %g, not %g ± h", i, th[i], orig[i])
				}
			}
		}
		if moved > 1 {
			t.Errorf("%d coordinates moved at once", moved)
		}
		s := 0.0
		for _, x := range th {
			s += x * x
		}
		return s / 2
	}
	errs := gradcheck.CheckAll(nil, f, theta, slices.Clone(orig), h)
	for i, x := range theta {
		if math.Float64bits(x) != bits[i] {
			t.Errorf("θ[%d] changed from %.17g to %.17g", i, orig[i], x)
		}
	}
	if calls != 2*len(theta) {
		t.Errorf("%d calls of f, want %d", calls, 2*len(theta))
	}
	// ∇(½‖θ‖²) = θ.
	for i, e := range errs {
		if gradcheck.Band(e).Severity != gradcheck.Good {
			t.Errorf("θ[%d] = %g: rel err %g", i, theta[i], e)
		}
	}
}

// twoLayer is a small loss with two parameter blocks: quadratic weights W
// (6) and softplus biases b (3). Its gradient is W·s and σ(b); grad plants
// the classic bug of differentiating the wrong function (σ' instead of σ)
// at b[1] when broken is set.
func twoLayer() (f func([]float64) float64, grad func(theta []float64, broken bool) []float64, theta []float64) {
	s := []float64{1, 2, 0.5, 3, 1.5, 0.25}
	f = func(th []float64) float64 {
		l := 0.0
		for i, w := range th[:6] {
			l += 0.5 * s[i] * w * w
		}
		for _, b := range th[6:] {
			l += math.Log1p(math.Exp(b))
		}
		return l
	}
	grad = func(th []float64, broken bool) []float64 {
		g := make([]float64, len(th))
		for i, w := range th[:6] {
			g[i] = s[i] * w
		}
		for j, b := range th[6:] {
			sig := 1 / (1 + math.Exp(-b))
			g[6+j] = sig
			if broken && j == 1 {
				g[6+j] = sig * (1 - sig)
			}
		}
		return g
	}
	return f, grad, []float64{0.3, -1.2, 0.8, 0.05, -0.6, 2, 0.4, -0.9, 1.7}
}

func TestCheckAllFindsBrokenLayer(t *testing.T) {
	f, grad, theta := twoLayer()
	ranges := []gradcheck.Range{{"W", 0, 6}, {"b", 6, 9}}
	ok := gradcheck.Summarize(nil, gradcheck.CheckAll(nil, f, theta, grad(theta, false), 1e-5), ranges)
	for _, s := range ok {
		if s.Band.Severity != gradcheck.Good || s.Counts[gradcheck.Good] != s.N {
			t.Errorf("correct gradient, layer %s: %+v", s.Name, s)
		}
	}
	bad := gradcheck.Summarize(nil, gradcheck.CheckAll(nil, f, theta, grad(theta, true), 1e-5), ranges)
	if bad[0].Band.Severity != gradcheck.Good {
		t.Errorf("layer W blamed: %+v", bad[0])
	}
	if b := bad[1]; b.Band.Severity != gradcheck.Wrong || b.Worst != 7 ||
		b.Counts != [4]int{2, 0, 0, 1} || b.Median > 1e-7 {
		t.Errorf("layer b with one broken entry: %+v", b)
	}
}

func TestSummarize(t *testing.T) {
	errs := []float64{10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1e-9, math.NaN(), 1e-3}
	got := gradcheck.Summarize(nil, errs, []gradcheck.Range{
		{"ten", 0, 10}, {"one", 10, 11}, {"nan", 10, 13}})
	// Quantiles interpolate between order statistics at q·(n−1): the median
	// of 1…10 is 5.5 and the 90th percentile 9 + 0.1·(10 − 9) = 9.1.
	ten := got[0]
	if ten.N != 10 || ten.Max != 10 || ten.Worst != 0 || ten.Median != 5.5 ||
		math.Abs(ten.P90-9.1) > 1e-12 || ten.Band.Severity != gradcheck.Wrong || ten.Counts[gradcheck.Wrong] != 10 {
		t.Errorf("1…10: %+v", ten)
	}
	if one := got[1]; one.Max != 1e-9 || one.Median != 1e-9 || one.P90 != 1e-9 || one.Worst != 10 ||
		one.Band.Severity != gradcheck.Good {
		t.Errorf("single entry: %+v", one)
	}
	if n := got[2]; !math.IsNaN(n.Max) || n.Worst != 11 || n.Band.Severity != gradcheck.Wrong ||
		n.Median != 1e-3 || !math.IsInf(n.P90, 1) || n.Counts != [4]int{1, 0, 1, 1} {
		t.Errorf("with a NaN: %+v", n)
	}
	buf := make([]gradcheck.Summary, 0, 4)
	if out := gradcheck.Summarize(buf, errs, []gradcheck.Range{{"x", 0, 2}}); &out[0] != &buf[:1][0] {
		t.Error("Summarize did not fill the dst it was given")
	}
	for _, r := range []gradcheck.Range{{"empty", 3, 3}, {"past", 10, 14}, {"neg", -1, 2}} {
		mustPanic(t, "Summarize "+r.Name, func() { gradcheck.Summarize(nil, errs, []gradcheck.Range{r}) })
	}
}

func TestHistogram(t *testing.T) {
	errs := []float64{
		0, 1e-20, // below the first bin: clamped into it
		1e-16, 9.999e-16, // bin 0 holds [1e-16, 1e-15)
		1e-15,      // exactly at an edge: the upper bin
		1e-8, 3e-8, // bin 8
		1e-1, 0.999, // bin 15
		1, 2, math.Inf(1), math.NaN(), // at or past 1: clamped into the last bin
	}
	h := gradcheck.Histogram(nil, errs, -16, 0)
	want := make([]int, 16)
	want[0], want[1], want[8], want[15] = 4, 1, 2, 6
	if !slices.Equal(h, want) {
		t.Errorf("histogram %v, want %v", h, want)
	}
	// Every power of ten lands in its own bin, whatever math.Log10 rounds to.
	for k := -16; k < 0; k++ {
		h := gradcheck.Histogram(h, []float64{math.Pow10(k), math.Nextafter(math.Pow10(k), 0)}, -20, 0)
		if h[k+20] != 1 || h[k+19] != 1 {
			t.Errorf("10^%d or the number below it in the wrong bin: %v", k, h)
		}
	}
	mustPanic(t, "Histogram", func() { gradcheck.Histogram(nil, errs, 0, 0) })
}

func TestProgrammerErrorsPanic(t *testing.T) {
	fn := gradcheck.Smooth
	mustPanic(t, "unknown method", func() { fn.Numeric(1, 1e-5, gradcheck.Method(9), gradcheck.Float64) })
	mustPanic(t, "unknown precision", func() { fn.Numeric(1, 1e-5, gradcheck.Centered, gradcheck.Precision(9)) })
	mustPanic(t, "unknown metric", func() { gradcheck.Metric(9).Of(1, 1) })
	mustPanic(t, "CheckAll lengths", func() {
		gradcheck.CheckAll(nil, func([]float64) float64 { return 0 }, []float64{1}, nil, 1e-5)
	})
	mustPanic(t, "CheckAll h", func() {
		gradcheck.CheckAll(nil, func([]float64) float64 { return 0 }, []float64{1}, []float64{1}, 0)
	})
	mustPanic(t, "AnalyzeV order", func() { gradcheck.AnalyzeV([]float64{1, 0.1}, []float64{1, 1}) })
	mustPanic(t, "FitLogLog lengths", func() { gradcheck.FitLogLog([]float64{1}, nil) })
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		r := recover()
		if s, ok := r.(string); !ok || len(s) < 11 || s[:11] != "gradcheck: " {
			t.Errorf("%s: panic %v, want one starting with \"gradcheck: \"", what, r)
		}
	}()
	f()
}

func TestFuncByName(t *testing.T) {
	for _, fn := range gradcheck.Funcs {
		if got, ok := gradcheck.FuncByName(fn.Name); !ok || got.Name != fn.Name || got.X != fn.X {
			t.Errorf("FuncByName(%q) = %v, %v", fn.Name, got.Name, ok)
		}
	}
	if _, ok := gradcheck.FuncByName("tanh"); ok {
		t.Error("FuncByName found a function that does not exist")
	}
}

func BenchmarkCheckAll1000(b *testing.B) {
	// A cheap loss, ½‖θ‖²: 2,000 evaluations of a 1,000-term sum per check.
	theta := make([]float64, 1000)
	for i := range theta {
		theta[i] = math.Sin(float64(i))
	}
	f := func(th []float64) float64 {
		s := 0.0
		for _, x := range th {
			s += x * x
		}
		return s / 2
	}
	grad := slices.Clone(theta)
	dst := make([]float64, 0, len(theta))
	b.ReportAllocs()
	for b.Loop() {
		dst = gradcheck.CheckAll(dst, f, theta, grad, 1e-5)
	}
}

func BenchmarkSweep50(b *testing.B) {
	hs := gradcheck.LogGrid(nil, 1e-12, 1e-1, 5)[:50]
	dst := make([]float64, 0, len(hs))
	b.ReportAllocs()
	for b.Loop() {
		dst = gradcheck.Sweep(dst, gradcheck.Smooth, 1, hs, gradcheck.Centered, gradcheck.Float32, gradcheck.Relative)
	}
}

func BenchmarkAnalyzeV(b *testing.B) {
	hs := gradcheck.DefaultGrid(nil, gradcheck.Float64)
	errs := gradcheck.Sweep(nil, gradcheck.Smooth, 1, hs, gradcheck.Centered, gradcheck.Float64, gradcheck.Relative)
	b.ReportAllocs()
	for b.Loop() {
		gradcheck.AnalyzeV(hs, errs)
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{gradcheck.Centered.String(), "centered"},
		{gradcheck.Forward.String(), "forward"},
		{gradcheck.Float64.String(), "float64"},
		{gradcheck.Float32.String(), "float32"},
		{gradcheck.Relative.String(), "relative"},
		{gradcheck.RelativeSum.String(), "relative (sum)"},
		{gradcheck.Absolute.String(), "absolute"},
		{gradcheck.Severity(7).String(), "Severity(?)"},
	} {
		if tc.got != tc.want {
			t.Errorf("label %q, want %q", tc.got, tc.want)
		}
	}
	// ε is the gap above 1 in each type.
	if gradcheck.Float64.Eps() != math.Nextafter(1, 2)-1 ||
		gradcheck.Float32.Eps() != float64(math.Nextafter32(1, 2)-1) {
		t.Error("Eps is not the gap above 1")
	}
}

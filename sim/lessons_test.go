package sim

// The race's captions tell a story per surface. These tests hold each story,
// and each "try this" the captions suggest, to numbers, so that a change of
// preset that would make a caption false fails here first.

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"gradlab/surfaces"
)

// lessonRace runs the surface's preset for kinds under a schedule of the
// given kind spread over the preset's limit, to the end.
func lessonRace(t *testing.T, id string, kinds []Kind, sched ScheduleKind) *Race {
	t.Helper()
	s, ok := surfaces.ByID(id)
	if !ok {
		t.Fatalf("no surface %q", id)
	}
	p := PresetFor(id)
	r := NewRace(s, s.Start(), DefaultSchedule(sched, p.Limit), p.Limit, p.Specs(kinds))
	r.Advance(p.Limit)
	return r
}

func runnerFor(t *testing.T, r *Race, k Kind) *Runner {
	t.Helper()
	for _, rn := range r.Runners {
		if rn.Kind == k {
			return rn
		}
	}
	t.Fatalf("no %s runner", k)
	return nil
}

// stepsToConverge is the step at which rn converged, or MaxInt if it did not.
func stepsToConverge(rn *Runner) int {
	if rn.Status != Converged {
		return math.MaxInt
	}
	return rn.At
}

func finalGap(rn *Runner) float64 { return rn.Gap[len(rn.Gap)-1] }

// visibleZigZags counts the reversals of the y-step, θy(k+1) − θy(k), where
// the steps either side are both longer than minStep: a zig-zag a person can
// see, not one that goes on in the sixth decimal.
func visibleZigZags(rn *Runner, minStep float64) int {
	n := 0
	for k := 2; k < len(rn.Path); k++ {
		a := rn.Path[k].Y - rn.Path[k-1].Y
		b := rn.Path[k-1].Y - rn.Path[k-2].Y
		if a*b < 0 && math.Abs(a) > minStep && math.Abs(b) > minStep {
			n++
		}
	}
	return n
}

// soloSteps races kind k alone with rate lr on surface id from its start
// under the preset's limit and hyperparameters (h overrides them when not
// nil).
func soloRun(id string, k Kind, lr float64, h *Hyper, sched ScheduleKind) *Runner {
	s, _ := surfaces.ByID(id)
	p := PresetFor(id)
	sp := p.Spec(k)
	sp.LR = lr
	if h != nil {
		sp.Hyper = *h
	}
	r := NewRace(s, s.Start(), DefaultSchedule(sched, p.Limit), p.Limit, []RunnerSpec{sp})
	r.Advance(p.Limit)
	return r.Runners[0]
}

// logGrid is n rates spread evenly in log scale over [lo, hi].
func logGrid(lo, hi float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = lo * math.Pow(hi/lo, float64(i)/float64(n-1))
	}
	return out
}

// The bowl: κ = 40. SGD at its best constant rate zig-zags across the narrow
// direction and crawls along the floor; Momentum and Adam arrive five times
// sooner.
func TestBowlLesson(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	l1, l2 := b.Params().L1, b.Params().L2
	p := PresetFor("bowl")
	if best := 2 / (l1 + l2); math.Abs(p.LR[SGD]-best) > 0.01*best || p.LR[SGD] >= 2/l2 {
		t.Errorf("SGD's η %g is not its best constant rate 2/(λ₁+λ₂) = %.4g", p.LR[SGD], best)
	}
	r := lessonRace(t, "bowl", DefaultKinds, Constant)
	sgd, mom, adam := runnerFor(t, r, SGD), runnerFor(t, r, Momentum), runnerFor(t, r, Adam)
	for _, rn := range []*Runner{mom, adam} {
		if n := stepsToConverge(rn); n > 50 {
			t.Errorf("%s needs %d steps, want ≤ 50", rn.Kind, n)
		}
		if stepsToConverge(sgd) < 4*stepsToConverge(rn) {
			t.Errorf("SGD converges at %d, %s at %d: want SGD ≥ 4× slower", sgd.At, rn.Kind, rn.At)
		}
	}
	// A zig-zag is visible while the y-steps exceed 1 % of the view height.
	minStep := 0.01 * b.View().H()
	zz := map[Kind]int{}
	for _, rn := range r.Runners {
		zz[rn.Kind] = visibleZigZags(rn, minStep)
	}
	t.Logf("steps SGD %d, Momentum %d, Adam %d; visible zig-zags %v", sgd.At, mom.At, adam.At, zz)
	if zz[SGD] < 50 || zz[Momentum] > 12 || zz[Adam] > 3 {
		t.Errorf("visible zig-zags SGD %d, Momentum %d, Adam %d: want ≥ 50, ≤ 12, ≤ 3", zz[SGD], zz[Momentum], zz[Adam])
	}
	// Crawling: when Momentum and Adam have arrived, SGD is still 0.4 along
	// the floor (x shrinks by only 1 − ηλ₁ ≈ 0.95 a step).
	if x := sgd.Path[50].X; x > -0.3 {
		t.Errorf("SGD at step 50 is at x = %.3g, want still short of −0.3", x)
	}
	// Not a bad choice of η: no constant rate makes SGD much faster.
	best := math.MaxInt
	for _, lr := range logGrid(0.01, 0.0999, 40) {
		best = min(best, stepsToConverge(soloRun("bowl", SGD, lr, nil, Constant)))
	}
	t.Logf("SGD's best over η ∈ [0.01, 0.0999]: %d steps", best)
	if best < 150 {
		t.Errorf("SGD can converge in %d steps at some η: the preset hobbles it", best)
	}
}

// Rosenbrock: reaching the valley floor is easy, following it is not. SGD
// barely moves along it while Momentum and Adam arrive.
func TestRosenbrockLesson(t *testing.T) {
	// SGD and Momentum sit just under 2/λ_max of the Hessian at the
	// minimum, the largest rate that lets them settle there.
	s := surfaces.Rosenbrock{}
	m, _ := s.Minimum()
	hess := mat.NewSymDense(2, nil)
	fd.Hessian(hess, func(p []float64) float64 { return s.F(p[0], p[1]) }, []float64{m.X, m.Y}, nil)
	var eig mat.EigenSym
	if !eig.Factorize(hess, false) {
		t.Fatal("no eigenvalues")
	}
	limit := 2 / eig.Values(nil)[1]
	for _, k := range []Kind{SGD, Momentum} {
		if lr := PresetFor("rosenbrock").LR[k]; lr > limit || lr < 0.85*limit {
			t.Errorf("%s's η %g is not just under 2/λ_max = %.4g", k, lr, limit)
		}
	}
	r := lessonRace(t, "rosenbrock", DefaultKinds, Constant)
	sgd, mom, adam := runnerFor(t, r, SGD), runnerFor(t, r, Momentum), runnerFor(t, r, Adam)
	if mom.Status != Converged || adam.Status != Converged {
		t.Fatalf("Momentum %v, Adam %v: both should converge", mom.Status, adam.Status)
	}
	if sgd.Status == Converged || finalGap(sgd) < 1e4*r.Tol {
		t.Errorf("SGD ends %v at f − f* = %.3g, want ≥ 4 orders of magnitude short", sgd.Status, finalGap(sgd))
	}
	t.Logf("SGD %v f − f* %.3g; Momentum %d steps, Adam %d; x at 100: %.2f %.2f %.2f; f − f* at 300: %.2g %.2g %.2g",
		sgd.Status, finalGap(sgd), mom.At, adam.At, sgd.Path[100].X, mom.Path[100].X, adam.Path[100].X,
		sgd.Gap[300], mom.Gap[300], adam.Gap[300])
	// On the floor by step 20 (x ≈ −1), SGD has gone a tenth of the way
	// along it by step 100, Momentum most of the way.
	if x := sgd.Path[100].X; x > -0.8 {
		t.Errorf("SGD at step 100 is at x = %.3g, want still short of −0.8", x)
	}
	if x := mom.Path[100].X; x < 0.5 {
		t.Errorf("Momentum at step 100 is at x = %.3g, want past 0.5", x)
	}
	if g := sgd.Gap[300]; g < 1 || mom.Gap[300] > 1e-2 || adam.Gap[300] > 0.1 {
		t.Errorf("f − f* at step 300: SGD %.3g, Momentum %.3g, Adam %.3g", g, mom.Gap[300], adam.Gap[300])
	}
	// Not a bad choice of η: SGD converges within the race at no rate.
	for _, lr := range logGrid(5e-4, 3e-3, 40) {
		if rn := soloRun("rosenbrock", SGD, lr, nil, Constant); rn.Status == Converged {
			t.Errorf("SGD converges at η = %.4g in %d steps: the preset hobbles it", lr, rn.At)
		}
	}
}

// Beale: one rate cannot suit the steep walls and the flat floor. The
// adaptive methods arrive; SGD does not, Momentum much later.
func TestBealeLesson(t *testing.T) {
	r := lessonRace(t, "beale", Kinds, Constant)
	sgd, mom := runnerFor(t, r, SGD), runnerFor(t, r, Momentum)
	adam, rms := runnerFor(t, r, Adam), runnerFor(t, r, RMSProp)
	if adam.Status != Converged || rms.Status != Converged {
		t.Fatalf("Adam %v, RMSProp %v: both should converge", adam.Status, rms.Status)
	}
	if sgd.Status == Converged || finalGap(sgd) < 5*r.Tol {
		t.Errorf("SGD ends %v at %.3g, want short of the minimum", sgd.Status, finalGap(sgd))
	}
	t.Logf("SGD %v f − f* %.3g; Momentum %v at %d; Adam %d; RMSProp %d", sgd.Status, finalGap(sgd), mom.Status, mom.At, adam.At, rms.At)
	if m := stepsToConverge(mom); m < 2*adam.At || m <= rms.At {
		t.Errorf("Momentum converges at %d, Adam %d, RMSProp %d: want Momentum ≥ 2× Adam's and after RMSProp's",
			m, adam.At, rms.At)
	}
	// Momentum must not retrace SGD's path, as it did at a tenth of its η.
	sep := 0.0
	for k := 0; k < len(sgd.Path) && k < len(mom.Path); k++ {
		sep = math.Max(sep, math.Hypot(sgd.Path[k].X-mom.Path[k].X, sgd.Path[k].Y-mom.Path[k].Y))
	}
	t.Logf("SGD and Momentum part by up to %.2f", sep)
	if sep < 0.5 {
		t.Errorf("SGD's and Momentum's paths never part by more than %.3g", sep)
	}
}

// With one η for all only the method differs. The shared rate is SGD-sized,
// so momentum's 1/(1 − μ) speed-up shows, and so does the fact that Adam's η
// is a distance per step rather than a multiplier of the slope.
func TestSharedLR(t *testing.T) {
	type outcome map[Kind]*Runner
	run := func(id string) outcome {
		s, _ := surfaces.ByID(id)
		p := PresetFor(id)
		specs := p.Specs(Kinds)
		for i := range specs {
			specs[i].LR = SharedLR(id)
		}
		r := NewRace(s, s.Start(), DefaultSchedule(Constant, p.Limit), p.Limit, specs)
		r.Advance(p.Limit)
		o := outcome{}
		for _, rn := range r.Runners {
			t.Logf("%s η = %g: %s %v at %d, f − f* %.3g", id, SharedLR(id), rn.Kind, rn.Status, rn.At, finalGap(rn))
			if rn.Status == Diverged {
				t.Errorf("%s, shared η = %g: %s diverged", id, SharedLR(id), rn.Kind)
			}
			o[rn.Kind] = rn
		}
		return o
	}
	// Bowl, η = 0.05: Momentum needs a third of SGD's steps (110 vs 310);
	// Adam, stepping about 0.05 a step, is the slowest of the three.
	o := run("bowl")
	if s, m := stepsToConverge(o[SGD]), stepsToConverge(o[Momentum]); s == math.MaxInt || 2*m > s {
		t.Errorf("bowl: SGD %d steps, Momentum %d: want Momentum in under half", s, m)
	}
	if a, s := stepsToConverge(o[Adam]), stepsToConverge(o[SGD]); a <= s {
		t.Errorf("bowl: Adam %d steps, SGD %d: want Adam slower at an SGD-sized η", a, s)
	}
	// Rosenbrock, η = 0.001: Momentum and Nesterov arrive, SGD is left on
	// the floor, the adaptive methods hardly leave the start.
	o = run("rosenbrock")
	for _, k := range []Kind{Momentum, Nesterov} {
		// Momentum converges at step 1484 of 1500: judge by f − f* so
		// that a few steps either way do not matter.
		if finalGap(o[k]) > 1e-5 {
			t.Errorf("rosenbrock: %s ends at %.3g, want within 1e-5", k, finalGap(o[k]))
		}
	}
	if g := finalGap(o[SGD]); g < 0.1 {
		t.Errorf("rosenbrock: SGD ends at %.3g, want > 0.1", g)
	}
	for _, k := range []Kind{RMSProp, Adam, AdaGrad, AdamW} {
		if g := finalGap(o[k]); g < 1 {
			t.Errorf("rosenbrock: %s ends at %.3g, want stuck above 1", k, g)
		}
	}
	// Beale, η = 0.005: the same story.
	o = run("beale")
	for _, k := range []Kind{Momentum, Nesterov} {
		if o[k].Status != Converged {
			t.Errorf("beale: %s %v, want converged", k, o[k].Status)
		}
	}
	if g := finalGap(o[SGD]); o[SGD].Status == Converged || g < 1e-3 {
		t.Errorf("beale: SGD ends at %.3g, want > 1e-3", g)
	}
	if g := finalGap(o[Adam]); g < 1 {
		t.Errorf("beale: Adam ends at %.3g, want stuck above 1", g)
	}
	if SharedLR("Beale") != SharedLR("beale") || SharedLR("nope") != SharedLR("bowl") {
		t.Error("SharedLR should ignore case and fall back to the bowl")
	}
}

// Try: push SGD past η = 2/λ₂ = 0.1 and it diverges; Momentum survives up to
// 2(1 + μ)/λ₂ = 0.16.
func TestBowlTryThisPushSGDPastTwoOverLambda(t *testing.T) {
	l2 := surfaces.DefaultBowl.L2
	for _, lr := range []float64{0.05, 0.09, 0.097} {
		if rn := soloRun("bowl", SGD, lr, nil, Constant); rn.Status != Converged {
			t.Errorf("SGD at η = %g: %v, want converged", lr, rn.Status)
		}
	}
	for _, lr := range []float64{0.101, 0.11, 0.125} {
		if rn := soloRun("bowl", SGD, lr, nil, Constant); rn.Status != Diverged {
			t.Errorf("SGD at η = %g > 2/λ₂ = %g: %v, want diverged", lr, 2/l2, rn.Status)
		}
	}
	mu := PresetFor("bowl").Hyper[Momentum].Mu
	if rn := soloRun("bowl", Momentum, 0.15, nil, Constant); rn.Status != Converged {
		t.Errorf("Momentum at η = 0.15: %v, want converged", rn.Status)
	}
	if rn := soloRun("bowl", Momentum, 2*(1+mu)/l2*1.05, nil, Constant); rn.Status != Diverged {
		t.Errorf("Momentum 5 %% past 2(1+μ)/λ₂: %v, want diverged", rn.Status)
	}
}

// Try: put Momentum's μ back to PyTorch's usual 0.9 and it is no faster than
// SGD: it then shrinks by √μ ≈ 0.95 a step, whatever η.
func TestBowlTryThisMomentumAtMuPointNine(t *testing.T) {
	h := PresetFor("bowl").Hyper[Momentum]
	h.Mu = 0.9
	p := PresetFor("bowl")
	slow := soloRun("bowl", Momentum, p.LR[Momentum], &h, Constant)
	fast := soloRun("bowl", Momentum, p.LR[Momentum], nil, Constant)
	sgd := soloRun("bowl", SGD, p.LR[SGD], nil, Constant)
	t.Logf("Momentum μ = 0.9: %d steps, μ = %g: %d, SGD %d", slow.At, p.Hyper[Momentum].Mu, fast.At, sgd.At)
	if stepsToConverge(slow) < 4*stepsToConverge(fast) {
		t.Errorf("μ = 0.9: %d steps, μ = %g: %d; want ≥ 4× slower", slow.At, p.Hyper[Momentum].Mu, fast.At)
	}
	if 4*stepsToConverge(slow) < 3*stepsToConverge(sgd) {
		t.Errorf("μ = 0.9: %d steps vs SGD's %d: want no real gain over SGD", slow.At, sgd.At)
	}
	// Nor does any η rescue μ = 0.9.
	best := math.MaxInt
	for _, lr := range logGrid(0.005, 0.18, 30) {
		best = min(best, stepsToConverge(soloRun("bowl", Momentum, lr, &h, Constant)))
	}
	if best < 100 {
		t.Errorf("μ = 0.9 converges in %d steps at some η", best)
	}
}

// Try: warm-up + cosine. Constant-η Adam takes about 900 steps whatever η
// between 0.1 and 0.6; with warm-up + cosine at the preset η = 0.5 it takes
// about 330. Cosine alone lowers η before Adam is down the valley and does
// not arrive; one-cycle helps, less. Plain SGD is short of step size, not
// steadiness: every decaying schedule leaves it further away.
func TestRosenbrockTryThisWarmupCosine(t *testing.T) {
	adam := func(k ScheduleKind) *Runner {
		return soloRun("rosenbrock", Adam, PresetFor("rosenbrock").LR[Adam], nil, k)
	}
	constant, warm, cos, one := adam(Constant), adam(WarmupCos), adam(Cosine), adam(OneCycle)
	if constant.Status != Converged || stepsToConverge(warm) > constant.At/2 {
		t.Errorf("Adam: constant %d steps, warm-up + cosine %d: want under half", constant.At, stepsToConverge(warm))
	}
	t.Logf("Adam: constant %d, warm-up + cosine %d, cosine %v (%.2g), one-cycle %d", constant.At, warm.At, cos.Status, finalGap(cos), one.At)
	if cos.Status == Converged {
		t.Errorf("Adam with cosine alone converged at %d; the caption says it does not", cos.At)
	}
	if o := stepsToConverge(one); o >= constant.At || o <= warm.At {
		t.Errorf("Adam with one-cycle: %d steps; want between warm-up's %d and constant's %d", o, warm.At, constant.At)
	}
	sgd := soloRun("rosenbrock", SGD, PresetFor("rosenbrock").LR[SGD], nil, Constant)
	for _, k := range ScheduleKinds[1:] {
		rn := soloRun("rosenbrock", SGD, PresetFor("rosenbrock").LR[SGD], nil, k)
		t.Logf("SGD with %s: %.3g (constant %.3g)", k, finalGap(rn), finalGap(sgd))
		if finalGap(rn) < finalGap(sgd) {
			t.Errorf("SGD with %s ends at %.3g, better than constant's %.3g", k, finalGap(rn), finalGap(sgd))
		}
	}
}

// Try (Rosenbrock): warm-up lets Momentum run at η = 0.003, which diverges
// from the steep start without it.
func TestRosenbrockTryThisWarmupLetsMomentumGoFaster(t *testing.T) {
	for _, lr := range []float64{0.0025, 0.003, 0.0035} {
		if rn := soloRun("rosenbrock", Momentum, lr, nil, Constant); rn.Status != Diverged {
			t.Errorf("constant η = %g: Momentum %v, want diverged", lr, rn.Status)
		}
		rn := soloRun("rosenbrock", Momentum, lr, nil, WarmupCos)
		t.Logf("Momentum η = %g with warm-up + cosine: %v at %d", lr, rn.Status, rn.At)
		if rn.Status != Converged || rn.At > 700 {
			t.Errorf("warm-up + cosine η = %g: Momentum %v at %d, want converged within 700", lr, rn.Status, rn.At)
		}
	}
}

// Try (Beale): SGD has almost no good η: below 0.033 it is still short after
// the race's 500 steps, from about 0.0355 it diverges within a few steps.
// Adam arrives for every η from 0.15 to 2, a factor of 13.
func TestBealeTryThisAdamForgivesTheRate(t *testing.T) {
	lo, hi := math.Inf(1), 0.0
	for _, lr := range logGrid(0.005, 0.1, 60) {
		rn := soloRun("beale", SGD, lr, nil, Constant)
		if rn.Status == Converged {
			lo, hi = math.Min(lo, lr), math.Max(hi, lr)
		}
		if lr >= 0.036 && (rn.Status != Diverged || rn.At > 10) {
			t.Errorf("SGD at η = %.4g: %v at %d, want diverged within 10 steps", lr, rn.Status, rn.At)
		}
	}
	t.Logf("SGD converges within the race for η ∈ [%.4g, %.4g]", lo, hi)
	if !(hi/lo < 1.15) || lo < 0.032 {
		t.Errorf("SGD converges within the race for η in [%.4g, %.4g]: want a sliver above 0.032", lo, hi)
	}
	for _, lr := range logGrid(0.15, 2, 25) {
		if rn := soloRun("beale", Adam, lr, nil, Constant); rn.Status != Converged {
			t.Errorf("Adam at η = %.3g: %v at f − f* = %.3g, want converged", lr, rn.Status, finalGap(rn))
		}
	}
}

// Try (Beale): AdamW stalls short of the minimum. Decoupled weight decay
// pulls θ toward the origin by ηλθ each step; the Adam step pushes back by
// η m̂/(√v̂ + ε), and it is small because √v̂ still remembers the steep
// start (β₂ = 0.999 averages over ~1000 steps). They balance where
// ∇f ≈ −λ θ ⊙ √v̂, which on Beale at step 500 is f − f* ≈ 4·10⁻³. As v̂
// forgets, the balance point creeps toward the minimum.
func TestBealeTryThisAdamWStalls(t *testing.T) {
	p := PresetFor("beale")
	h := p.Hyper[AdamW]
	if h.WeightDecay != 0.01 {
		t.Fatalf("preset λ = %g, the claim is about PyTorch's 0.01", h.WeightDecay)
	}
	s := surfaces.Beale{}
	run := func(steps int, h Hyper) (*Optimizer, []float64) {
		o := New(AdamW, h)
		th := []float64{s.Start().X, s.Start().Y}
		g := make([]float64, 2)
		for i := 0; i < steps; i++ {
			g[0], g[1] = s.Grad(th[0], th[1])
			o.Step(th, g, p.LR[AdamW])
		}
		return o, th
	}
	o, th := run(p.Limit, h)
	gap := s.F(th[0], th[1])
	if gap < 3e-3 || gap > 5e-3 {
		t.Errorf("AdamW after %d steps: f − f* = %.3g, want the plateau near 4e-3", p.Limit, gap)
	}
	mh, vh, _ := o.BiasCorrected()
	num := fd.Gradient(nil, func(p []float64) float64 { return s.F(p[0], p[1]) }, th,
		&fd.Settings{Formula: fd.Central, Step: 1e-6})
	gx, gy := num[0], num[1]
	t.Logf("AdamW at step %d: θ = (%.4f, %.4f), f − f* = %.3g, ∇f = (%.3g, %.3g), √v̂ = (%.3g, %.3g), m̂/√v̂ = (%.3g, %.3g), λθ = (%.3g, %.3g)",
		p.Limit, th[0], th[1], gap, gx, gy, math.Sqrt(vh[0]), math.Sqrt(vh[1]), mh[0]/math.Sqrt(vh[0]), mh[1]/math.Sqrt(vh[1]),
		h.WeightDecay*th[0], h.WeightDecay*th[1])
	grad := []float64{gx, gy}
	for i := range th {
		decay := h.WeightDecay * th[i]
		push := mh[i] / (math.Sqrt(vh[i]) + h.Eps)
		if math.Abs(push+decay) > 0.05*math.Abs(decay) {
			t.Errorf("coordinate %d: Adam step %.4g does not balance the decay %.4g", i, push, decay)
		}
		if want := -decay * math.Sqrt(vh[i]); math.Abs(grad[i]-want) > 0.05*math.Abs(want) {
			t.Errorf("coordinate %d: ∇f = %.4g, balance predicts −λθ√v̂ = %.4g", i, grad[i], want)
		}
	}
	_, later := run(2*p.Limit, h)
	t.Logf("AdamW at step %d: f − f* = %.3g", 2*p.Limit, s.F(later[0], later[1]))
	if s.F(later[0], later[1]) > gap/2 {
		t.Errorf("the plateau does not creep down: %.3g at step %d", s.F(later[0], later[1]), 2*p.Limit)
	}
	// Without the decay it is Adam, which arrives.
	h.WeightDecay = 0
	if rn := soloRun("beale", AdamW, p.LR[AdamW], &h, Constant); rn.Status != Converged {
		t.Errorf("AdamW with λ = 0: %v, want converged like Adam", rn.Status)
	}
}

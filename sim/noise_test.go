package sim

import (
	"math"
	"testing"

	"gradlab/surfaces"
)

func noisyRace(s surfaces.Surface, kinds []Kind, sched ScheduleKind, n Noise) *Race {
	p := PresetFor(s.ID())
	r := NewRace(s, s.Start(), DefaultSchedule(sched, p.Limit), p.Limit, p.Specs(kinds))
	r.SetNoise(n)
	return r
}

func samePath(a, b *Runner) bool {
	if len(a.Path) != len(b.Path) {
		return false
	}
	for k := range a.Path {
		if a.Path[k] != b.Path[k] || a.Gap[k] != b.Gap[k] {
			return false
		}
	}
	return a.Status == b.Status && a.At == b.At
}

func TestNoiseOffIsExactlyNoNoise(t *testing.T) {
	for _, s := range surfaces.All() {
		plain := presetRace(s, Kinds)
		plain.Advance(plain.Limit)
		for _, n := range []Noise{{}, {Sigma: 0, Seed: 42}, {Sigma: 0, Relative: true, Seed: 7}} {
			quiet := noisyRace(s, Kinds, Constant, n)
			quiet.Advance(quiet.Limit)
			for i := range plain.Runners {
				if !samePath(plain.Runners[i], quiet.Runners[i]) {
					t.Errorf("%s %s: σ = 0 with %+v changed the path", s.ID(), plain.Runners[i].Kind, n)
				}
			}
		}
	}
}

func TestNoiseIsReproducible(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	n := Noise{Sigma: 1, Seed: 12345}
	a, c := noisyRace(b, Kinds, Constant, n), noisyRace(b, Kinds, Constant, n)
	a.Advance(400)
	c.Advance(400)
	for i := range a.Runners {
		if !samePath(a.Runners[i], c.Runners[i]) {
			t.Errorf("%s: one seed, two paths", a.Runners[i].Kind)
		}
	}
	// Reset replays the same noise.
	want := append([]surfaces.Point(nil), a.Runners[0].Path...)
	a.Reset()
	a.Advance(400)
	for k, p := range a.Runners[0].Path {
		if p != want[k] {
			t.Fatalf("after Reset the path differs at step %d", k)
		}
	}
	// Another seed, another path.
	d := noisyRace(b, Kinds, Constant, Noise{Sigma: 1, Seed: 12346})
	d.Advance(400)
	if samePath(a.Runners[0], d.Runners[0]) {
		t.Error("seeds 12345 and 12346 gave the same path")
	}
}

func TestNoiseStreamBelongsToTheRunner(t *testing.T) {
	// Toggling other optimizers on or off, or reordering them, leaves a
	// runner's noisy path exactly as it was.
	s := surfaces.Beale{}
	n := Noise{Sigma: 0.5, Seed: 9}
	alone := noisyRace(s, []Kind{Adam}, Constant, n)
	alone.Advance(alone.Limit)
	for _, kinds := range [][]Kind{{SGD, Adam}, {Adam, Momentum, RMSProp}, Kinds, {AdamW, Adam}} {
		r := noisyRace(s, kinds, Constant, n)
		r.Advance(r.Limit)
		if !samePath(alone.Runners[0], runnerFor(t, r, Adam)) {
			t.Errorf("racing with %v changed Adam's noisy path", kinds)
		}
	}
	// Different kinds draw different noise.
	r := noisyRace(s, []Kind{Momentum, Nesterov}, Constant, n)
	r.Advance(1)
	g1, _, _ := r.Runners[0].LastGrad()
	g2, _, _ := r.Runners[1].LastGrad()
	if g1 == g2 {
		t.Error("Momentum and Nesterov drew the same noise")
	}
}

func TestNoiseHasTheAskedSpread(t *testing.T) {
	// At the bowl's minimum the gradient is 0, so what the runner sees is the
	// noise alone. SGD with η = 0 stays put and records it every step.
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	for _, sigma := range []float64{0.3, 2} {
		r := NewRace(b, surfaces.Point{}, DefaultSchedule(Constant, 20000), 20000,
			[]RunnerSpec{{Kind: SGD, LR: 0, Hyper: DefaultHyper(SGD)}})
		r.Tol = -1 // never converge: f − f* = 0 would count
		r.SetNoise(Noise{Sigma: sigma, Seed: 3})
		var sum, sum2 float64
		n := 0
		for r.Advance(1) == 1 {
			g, _, _ := r.Runners[0].LastGrad()
			sum += g
			sum2 += g * g
			n++
		}
		mean, sd := sum/float64(n), math.Sqrt(sum2/float64(n)-(sum/float64(n))*(sum/float64(n)))
		// 20000 draws: the mean is within 4 standard errors of 0, the
		// spread within 3 %.
		if math.Abs(mean) > 4*sigma/math.Sqrt(float64(n)) || math.Abs(sd/sigma-1) > 0.03 {
			t.Errorf("σ = %g: noise mean %.4g, sd %.4g", sigma, mean, sd)
		}
	}
}

// Constant-η SGD with noise that does not vanish at the minimum hovers at a
// floor instead of converging. On the bowl the floor is ½ Σᵢ ησ²/(2 − ηλᵢ):
// with η = 0.0975 and σ = 1 that is 1.0, nearly all of it from the narrow
// direction, which sits at the edge of stability (ηλ₂ = 1.95) and so
// amplifies the noise. A decaying schedule lowers η as the race goes and so
// lowers the floor: cosine ends more than a hundred times lower.
func TestNoiseFloorAndADecayingSchedule(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	p := PresetFor("bowl")
	eta, sigma := p.LR[SGD], 1.0
	floor := 0.0
	for _, l := range []float64{b.Params().L1, b.Params().L2} {
		floor += 0.5 * eta * sigma * sigma / (2 - eta*l)
	}
	const seeds = 20
	var constTail, cosEnd float64
	for seed := uint64(1); seed <= seeds; seed++ {
		n := Noise{Sigma: sigma, Seed: seed}
		c := noisyRace(b, []Kind{SGD}, Constant, n)
		c.Advance(c.Limit)
		rn := c.Runners[0]
		if rn.Status != Finished {
			t.Fatalf("seed %d: noisy constant SGD %v at %d, want to hover to the step limit", seed, rn.Status, rn.At)
		}
		tail := rn.Gap[len(rn.Gap)*3/4:]
		for _, g := range tail {
			constTail += g / float64(len(tail)) / seeds
		}
		d := noisyRace(b, []Kind{SGD}, Cosine, n)
		d.Advance(d.Limit)
		cosEnd += finalGap(d.Runners[0]) / seeds
	}
	t.Logf("floor: theory %.3g, measured %.3g (last quarter, %d seeds); cosine ends at %.3g", floor, constTail, seeds, cosEnd)
	if math.Abs(constTail/floor-1) > 0.25 {
		t.Errorf("constant SGD hovers at %.3g, theory says %.3g", constTail, floor)
	}
	if cosEnd > constTail/100 {
		t.Errorf("cosine ends at %.3g, want 100× below the constant floor %.3g", cosEnd, constTail)
	}
}

// Noise proportional to the gradient vanishes at the minimum and leaves no
// floor: SGD still converges.
func TestRelativeNoiseLeavesNoFloor(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	for seed := uint64(1); seed <= 10; seed++ {
		r := noisyRace(b, []Kind{SGD}, Constant, Noise{Sigma: 0.1, Relative: true, Seed: seed})
		r.Advance(r.Limit)
		if rn := r.Runners[0]; rn.Status != Converged {
			t.Errorf("seed %d: SGD with 10 %% relative noise %v at f − f* = %.3g, want converged", seed, rn.Status, finalGap(rn))
		}
	}
}

// Large relative noise jitters SGD's effective rate across its stability
// limit.
func TestLargeRelativeNoiseTipsSGDOver(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	diverged := map[float64]int{}
	for _, sigma := range []float64{0.5, 1} {
		for seed := uint64(1); seed <= 20; seed++ {
			r := noisyRace(b, []Kind{SGD}, Constant, Noise{Sigma: sigma, Relative: true, Seed: seed})
			r.Advance(r.Limit)
			if r.Runners[0].Status == Diverged {
				diverged[sigma]++
			}
		}
	}
	if diverged[0.5] == 0 || diverged[0.5] == 20 || diverged[1] != 20 {
		t.Errorf("diverged out of 20 seeds: %v; want some at σ = 0.5, all at σ = 1", diverged)
	}
}

func TestSetNoiseReplaysToTheSameStep(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	r := presetRace(b, DefaultKinds)
	r.Tol = 0
	r.Advance(60)
	n := Noise{Sigma: 0.5, Seed: 77}
	r.SetNoise(n)
	fresh := noisyRace(b, DefaultKinds, Constant, n)
	fresh.Tol = 0
	fresh.Reset()
	fresh.Advance(60)
	if r.Step() != 60 {
		t.Fatalf("SetNoise left the race at step %d, want 60", r.Step())
	}
	for i := range r.Runners {
		if !samePath(r.Runners[i], fresh.Runners[i]) {
			t.Errorf("%s: SetNoise mid-race differs from a race noisy from the start", r.Runners[i].Kind)
		}
	}
}

func TestRunnerRecordsTheNoisyGradientAndStep(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	r := noisyRace(b, []Kind{SGD}, Constant, Noise{Sigma: 3, Seed: 5})
	rn := r.Runners[0]
	if _, _, ok := rn.LastGrad(); ok {
		t.Error("a gradient before the first step")
	}
	if _, _, ok := rn.LastStep(); ok {
		t.Error("a step before the first step")
	}
	r.Advance(3)
	gx, gy, _ := rn.LastGrad()
	dx, dy, _ := rn.LastStep()
	prev := rn.Path[len(rn.Path)-2]
	tx, ty := b.Grad(prev.X, prev.Y)
	if gx == tx || gy == ty {
		t.Error("recorded gradient has no noise in it")
	}
	lr := rn.LR[len(rn.LR)-1]
	if !near(dx, -lr*gx, 1e-12) || !near(dy, -lr*gy, 1e-12) {
		t.Errorf("SGD step (%g, %g), want −η × the noisy gradient (%g, %g)", dx, dy, -lr*gx, -lr*gy)
	}
	o := rn.Opt.LastGrad()
	if o[0] != gx || o[1] != gy {
		t.Error("runner and optimizer disagree on the last gradient")
	}
}

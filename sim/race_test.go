package sim

import (
	"math"
	"strings"
	"testing"

	"gradlab/surfaces"
)

func presetRace(s surfaces.Surface, kinds []Kind) *Race {
	p := PresetFor(s.ID())
	return NewRace(s, s.Start(), DefaultSchedule(Constant, p.Limit), p.Limit, p.Specs(kinds))
}

func TestPresetsMakeAGoodRace(t *testing.T) {
	for _, s := range surfaces.All() {
		r := presetRace(s, Kinds)
		r.Advance(1 << 20)
		if !r.Done() || r.Step() > r.Limit {
			t.Fatalf("%s: race not done after its limit (step %d)", s.ID(), r.Step())
		}
		v := s.View()
		for _, rn := range r.Runners {
			if rn.Status == Diverged {
				t.Errorf("%s: preset %s diverged at %d", s.ID(), rn.Kind, rn.At)
			}
			h := rn.Head()
			moved := math.Hypot(h.X-s.Start().X, h.Y-s.Start().Y)
			if moved < 0.05*math.Hypot(v.W(), v.H()) {
				t.Errorf("%s: %s moved only %g", s.ID(), rn.Kind, moved)
			}
			if last := rn.Gap[len(rn.Gap)-1]; !(last < rn.Gap[0]) {
				t.Errorf("%s: %s did not lower f (%g → %g)", s.ID(), rn.Kind, rn.Gap[0], last)
			}
		}
	}
}

func TestRaceRecordsConvergenceAndDivergence(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	// On the bowl SGD is stable for η < 2/λ₂ = 0.1 and diverges above it.
	r := NewRace(b, b.Start(), DefaultSchedule(Constant, 1000), 1000, []RunnerSpec{
		{SGD, 0.05, DefaultHyper(SGD)}, {SGD, 0.2, DefaultHyper(SGD)}})
	r.Advance(1000)
	good, bad := r.Runners[0], r.Runners[1]
	if good.Status != Converged || good.Gap[good.At] >= r.Tol || good.Gap[good.At-1] < r.Tol {
		t.Errorf("η=0.05: status %v at %d", good.Status, good.At)
	}
	if bad.Status != Diverged || bad.Why == "" {
		t.Fatalf("η=0.2: status %v, want diverged", bad.Status)
	}
	for _, rn := range r.Runners {
		for k, p := range rn.Path {
			if !finite(p.X) || !finite(p.Y) || !finite(rn.Gap[k]) {
				t.Fatalf("%v stored a non-finite point at %d", rn.Kind, k)
			}
			if !r.Bounds.Contains(p) {
				t.Fatalf("path point %v outside the bounds", p)
			}
		}
	}
	// A diverged runner stops: more steps do not change it.
	n := len(bad.Path)
	r.Advance(10)
	if len(bad.Path) != n {
		t.Error("diverged runner kept moving")
	}
}

func TestOverflowIsDivergenceNotNaN(t *testing.T) {
	s := surfaces.Beale{}
	r := NewRace(s, s.Start(), DefaultSchedule(Constant, 100), 100, []RunnerSpec{{SGD, 1e6, DefaultHyper(SGD)}})
	r.Bounds = surfaces.Box{X0: -1e300, Y0: -1e300, X1: 1e300, Y1: 1e300} // only overflow can stop it
	r.Advance(100)
	rn := r.Runners[0]
	if rn.Status != Diverged {
		t.Fatalf("status %v, want diverged", rn.Status)
	}
	for _, g := range rn.Gap {
		if !finite(g) {
			t.Fatal("non-finite f stored")
		}
	}
}

func TestScheduleDrivesTheRace(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	s := DefaultSchedule(StepDecay, 100)
	r := NewRace(b, b.Start(), s, 100, []RunnerSpec{{SGD, 0.05, DefaultHyper(SGD)}})
	r.Tol = 0 // never converge, so every step records its LR
	r.Advance(100)
	lr := r.Runners[0].LR
	if len(lr) != 100 || lr[0] != 0.05 || math.Abs(lr[s.Every]-0.005) > 1e-15 {
		t.Errorf("recorded LRs %v … want 0.05 then 0.005 at %d", lr[:3], s.Every)
	}
	if r.Runners[0].Status != Finished || r.Runners[0].At != 100 {
		t.Errorf("status %v at %d, want step limit at 100", r.Runners[0].Status, r.Runners[0].At)
	}
}

func TestResetRestartsFromNewStart(t *testing.T) {
	s := surfaces.Rosenbrock{}
	r := presetRace(s, DefaultKinds)
	r.Advance(50)
	r.Start = surfaces.Point{X: 0.5, Y: -0.5}
	r.Reset()
	for _, rn := range r.Runners {
		if rn.Steps() != 0 || rn.Head() != r.Start || rn.Status != Running || rn.Opt.Steps() != 0 {
			t.Errorf("%s not reset", rn.Kind)
		}
	}
	if r.Step() != 0 {
		t.Error("race step not reset")
	}
}

func BenchmarkRaceStep7(b *testing.B) {
	s := surfaces.Beale{}
	r := presetRace(s, Kinds)
	r.Limit = math.MaxInt
	r.Tol = 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r.Advance(1) == 0 {
			b.StopTimer()
			r.Reset()
			b.StartTimer()
		}
	}
}

func TestSetTolRejudges(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	r := presetRace(b, DefaultKinds)
	r.Advance(r.Limit)
	at := map[Kind]int{}
	for _, rn := range r.Runners {
		if rn.Status != Converged {
			t.Fatalf("%s did not converge at the default tolerance", rn.Kind)
		}
		at[rn.Kind] = rn.At
	}
	step := r.Step()
	// Tighter: nobody has converged by the step the race had reached, so
	// the race runs on, and each runner then converges later.
	r.SetTol(1e-12)
	if r.Step() != step || r.Done() {
		t.Fatalf("after SetTol(1e-12): step %d (was %d), done %v", r.Step(), step, r.Done())
	}
	r.Advance(r.Limit)
	for _, rn := range r.Runners {
		if rn.Status != Converged || rn.At <= at[rn.Kind] || rn.Gap[rn.At] >= 1e-12 || rn.Gap[rn.At-1] < 1e-12 {
			t.Errorf("%s at 1e-12: %v at %d (was %d)", rn.Kind, rn.Status, rn.At, at[rn.Kind])
		}
	}
	// Looser: each runner stops where it first crossed the new threshold.
	r.SetTol(1e-2)
	for _, rn := range r.Runners {
		if rn.Status != Converged || rn.At >= at[rn.Kind] || len(rn.Path) != rn.At+1 ||
			rn.Gap[rn.At] >= 1e-2 || rn.Gap[rn.At-1] < 1e-2 {
			t.Errorf("%s at 1e-2: %v at %d, %d points", rn.Kind, rn.Status, rn.At, len(rn.Path))
		}
	}
	// Setting the field and resetting is the same as SetTol.
	fresh := presetRace(b, DefaultKinds)
	fresh.Tol = 1e-2
	fresh.Reset()
	fresh.Advance(fresh.Limit)
	for i, rn := range fresh.Runners {
		if rn.At != r.Runners[i].At {
			t.Errorf("%s: Tol field %d, SetTol %d", rn.Kind, rn.At, r.Runners[i].At)
		}
	}
}

func TestRunnerLastStepAndGradient(t *testing.T) {
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	r := NewRace(b, b.Start(), DefaultSchedule(Constant, 10), 10, []RunnerSpec{{Adam, 0.3, DefaultHyper(Adam)}})
	r.Advance(1)
	rn := r.Runners[0]
	gx, gy, _ := rn.LastGrad()
	if wx, wy := b.Grad(b.Start().X, b.Start().Y); gx != wx || gy != wy {
		t.Errorf("last gradient (%g, %g), want ∇f at the start (%g, %g)", gx, gy, wx, wy)
	}
	// Adam's first step is η in each coordinate, against the gradient.
	dx, dy, _ := rn.LastStep()
	if math.Abs(dx-0.3) > 1e-7 || math.Abs(dy+0.3) > 1e-7 {
		t.Errorf("first Adam step (%g, %g), want (0.3, −0.3)", dx, dy)
	}
}

func TestPresetForAnyCaseAndEveryKind(t *testing.T) {
	for _, id := range []string{"bowl", "rosenbrock", "beale"} {
		p, q := PresetFor(id), PresetFor(strings.ToUpper(id[:1])+id[1:])
		for _, k := range Kinds {
			if p.Spec(k) != q.Spec(k) || p.Limit != q.Limit {
				t.Errorf("PresetFor is case-sensitive for %s", id)
			}
			if sp := p.Spec(k); !(sp.LR > 0) || sp.Kind != k {
				t.Errorf("%s: no preset for %s", id, k)
			}
			if _, ok := p.Hyper[k]; !ok {
				t.Errorf("%s: no hyperparameters for %s", id, k)
			}
		}
	}
	if PresetFor("nope").LR[SGD] != PresetFor("bowl").LR[SGD] {
		t.Error("an unknown surface should get the bowl's preset")
	}
}

package schedrun

import (
	"fmt"
	"math"
	"testing"
	"time"

	"gradlab/sim"
)

func run(t testing.TB, seed uint64, k sim.ScheduleKind, base float64) *Run {
	s := DefaultSetup()
	s.Seed = seed
	r := NewRun(s.Set(), s, sim.DefaultSchedule(k, s.Epochs), base)
	r.Finish()
	return r
}

// The set-up was chosen by a sweep over optimizers (SGD, momentum, Adam),
// activations (ReLU, tanh), initial scales (1, 2, 4) and base rates, five
// seeds each: ReLU networks at too high a rate die rather than blow up,
// and with SGD the warm-up did not spare a run that blew up at the same
// peak rate. Adam with tanh units is where the warm-up decides, measured
// here on six seeds: at η₀ = 1 constant and cosine blow up by epoch 1,
// warmup + cosine never does; at η₀ = 0.3 nothing does.
func TestWarmupDecidesTheBlowUp(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 36 networks")
	}
	for seed := uint64(1); seed <= 6; seed++ {
		for _, base := range []float64{0.3, 1} {
			line := fmt.Sprintf("seed %d η₀ %-3g", seed, base)
			for _, k := range []sim.ScheduleKind{sim.Constant, sim.Cosine, sim.WarmupCos} {
				r := run(t, seed, k, base)
				line += fmt.Sprintf(" | %-8s blew %2d peak %.2f× at %2d, end %.3f %.0f %%", k, r.BlewAt, r.Peak/r.Loss[0], r.PeakAt, r.Loss[len(r.Loss)-1], 100*r.Acc[len(r.Acc)-1])
				blows := base == 1 && k != sim.WarmupCos
				if blows != (r.BlewAt == 1) || !blows && r.BlewAt >= 0 {
					t.Errorf("seed %d η₀ %g %s: blew up at %d", seed, base, k, r.BlewAt)
				}
				if r.Diverged() || r.Epoch() != 100 {
					t.Errorf("seed %d η₀ %g %s: %s after %d epochs", seed, base, k, r.Why(), r.Epoch())
				}
			}
			t.Log(line)
		}
	}
}

func TestEventsAndEffects(t *testing.T) {
	evs := Events(sim.DefaultSchedule(sim.StepDecay, 100), 100)
	if len(evs) != 3 || evs[0] != (Event{30, Drop}) || evs[2] != (Event{90, Drop}) {
		t.Errorf("step decay: %v", evs)
	}
	evs = Events(sim.DefaultSchedule(sim.WarmRestart, 100), 100)
	if len(evs) != 3 || evs[0] != (Event{10, Restart}) || evs[1] != (Event{30, Restart}) || evs[2] != (Event{70, Restart}) {
		t.Errorf("restarts: %v", evs)
	}
	for _, k := range []sim.ScheduleKind{sim.Constant, sim.Cosine, sim.WarmupCos, sim.Exponential, sim.OneCycle} {
		if evs := Events(sim.DefaultSchedule(k, 100), 100); len(evs) != 0 {
			t.Errorf("%s: %v", k, evs)
		}
	}
	r := &Run{Loss: []float64{1, 1, 1, 0.9, 0.9, 0.6, 0.3, 0.3, 2, 2}}
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-12 }
	if b, a, ok := r.Effect(Event{4, Drop}); !ok || !near(b, (1+0.9+0.9)/3) || !near(a, 0.4) {
		t.Errorf("drop effect %g %g %v", b, a, ok)
	}
	if b, a, ok := r.Effect(Event{5, Restart}); !ok || a != 2 || !near(b, 0.8) {
		t.Errorf("restart effect %g %g %v", b, a, ok)
	}
	if _, _, ok := r.Effect(Event{7, Drop}); ok {
		t.Error("an effect measured before three epochs were trained past it")
	}
}

// Advance in slices ends where one Finish does, with the same curve.
func TestSlicesMatchOneGo(t *testing.T) {
	s := DefaultSetup()
	set := s.Set()
	a := NewRun(set, s, sim.DefaultSchedule(sim.WarmRestart, 100), 0.3)
	b := NewRun(set, s, sim.DefaultSchedule(sim.WarmRestart, 100), 0.3)
	a.Finish()
	for b.Active() {
		b.Advance(50*time.Microsecond, 7)
	}
	if len(a.Loss) != 101 || len(b.Loss) != 101 || len(b.LR) != 100 {
		t.Fatalf("%d and %d epochs", len(a.Loss), len(b.Loss))
	}
	for e := range a.Loss {
		if a.Loss[e] != b.Loss[e] {
			t.Fatalf("epoch %d: %g vs %g", e, a.Loss[e], b.Loss[e])
		}
	}
}

func ExampleNewRun() {
	s := DefaultSetup()
	set := s.Set()
	for _, k := range []sim.ScheduleKind{sim.Cosine, sim.WarmupCos} {
		r := NewRun(set, s, sim.DefaultSchedule(k, s.Epochs), 1)
		r.Finish()
		fmt.Printf("%-8s η₀ = 1: blew up by epoch %d, peak loss %.1f× its start\n", k, r.BlewAt, r.Peak/r.Loss[0])
	}
	// Output:
	// cosine   η₀ = 1: blew up by epoch 1, peak loss 5.7× its start
	// warmup   η₀ = 1: blew up by epoch -1, peak loss 1.7× its start
}

func BenchmarkEpoch(b *testing.B) {
	s := DefaultSetup()
	set := s.Set()
	r := NewRun(set, s, sim.DefaultSchedule(sim.Cosine, 100), 0.3)
	for i := 0; i < b.N; i++ {
		if !r.Active() {
			r = NewRun(set, s, sim.DefaultSchedule(sim.Cosine, 100), 0.3)
		}
		r.Tr.Step(s.StepsPerEpoch())
	}
}

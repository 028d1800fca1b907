package train

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// spiralRun returns a trainer for a 2-32-3 ReLU network on a split spiral.
func spiralRun(kind sim.Kind, cfg Config) *Trainer {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	tr, va := s.Split(0.2, 2)
	net := nn.New([]int{2, 32, 3}, nn.ReLU)
	net.Init(nn.He, 1, 3)
	return New(net, tr, va, sim.New(kind, sim.DefaultHyper(kind)), cfg)
}

func TestDeterministicForASeed(t *testing.T) {
	cfg := Config{LR: 1e-2, Batch: 32, Seed: 7, MaxSteps: 60, Reg: 1e-3}
	a, b := spiralRun(sim.Adam, cfg), spiralRun(sim.Adam, cfg)
	a.Step(100)
	b.Step(25)
	b.Step(100)
	if !slices.Equal(a.Loss, b.Loss) || !slices.Equal(a.Evals, b.Evals) || !slices.Equal(a.Net.Theta, b.Net.Theta) {
		t.Fatal("same seed, different runs")
	}
	cfg.Seed = 8
	c := spiralRun(sim.Adam, cfg)
	c.Step(100)
	if slices.Equal(a.Loss, c.Loss) {
		t.Error("different minibatch seeds gave the same run")
	}
}

func TestFullBatchIsPlainGradientDescent(t *testing.T) {
	tr := spiralRun(sim.SGD, Config{LR: 0.5, Reg: 1e-3})
	net := nn.New([]int{2, 32, 3}, nn.ReLU)
	net.Init(nn.He, 1, 3)
	o := sim.New(sim.SGD, sim.DefaultHyper(sim.SGD))
	tr.Step(20)
	for k := 0; k < 20; k++ {
		d, r := net.Step(o, tr.Train.X, tr.Train.Y, 1e-3, 0.5)
		if d+r != tr.Loss[k] {
			t.Fatalf("step %d: trainer loss %g, direct %g", k, tr.Loss[k], d+r)
		}
	}
	if tr.Epoch() != 20 {
		t.Errorf("20 full-batch steps are %g epochs", tr.Epoch())
	}
}

func TestScheduleAndEvals(t *testing.T) {
	sched := sim.DefaultSchedule(sim.Cosine, 50)
	tr := spiralRun(sim.Momentum, Config{LR: 0.1, Schedule: sched, EvalEvery: 7, MaxSteps: 50, Batch: 30})
	if n := tr.Step(1000); n != 50 || tr.Status != Done || tr.At != 50 {
		t.Fatalf("took %d steps, status %s at %d; want 50, done at 50", n, tr.Status, tr.At)
	}
	if tr.Step(1) != 0 {
		t.Error("a finished run took another step")
	}
	for k, lr := range tr.LR {
		if lr != sched.LR(0.1, k) {
			t.Fatalf("step %d used LR %g, schedule says %g", k, lr, sched.LR(0.1, k))
		}
	}
	var at []int
	for _, e := range tr.Evals {
		at = append(at, e.Step)
		if e.TrainAcc < 0 || e.TrainAcc > 1 || e.ValLoss <= 0 {
			t.Errorf("odd evaluation %+v", e)
		}
	}
	if want := []int{0, 7, 14, 21, 28, 35, 42, 49, 50}; !slices.Equal(at, want) {
		t.Errorf("evaluated after steps %v, want %v", at, want)
	}
	// 240 training points in batches of 30: 8 steps an epoch.
	if tr.Epoch() != 50.0/8 {
		t.Errorf("epoch %g", tr.Epoch())
	}
}

func TestMinibatchesCoverEachEpoch(t *testing.T) {
	tr := spiralRun(sim.SGD, Config{LR: 0.1, Batch: 50, Seed: 3})
	n := tr.Train.N() // 240: four batches of 50 and one of 40
	for epoch := 0; epoch < 3; epoch++ {
		var seen []int
		for len(seen) < n {
			b := tr.nextBatch(50)
			if len(b) != 50 && len(seen)+len(b) != n {
				t.Fatalf("batch of %d in the middle of an epoch", len(b))
			}
			seen = append(seen, b...)
		}
		slices.Sort(seen)
		for i, v := range seen {
			if v != i {
				t.Fatalf("epoch %d does not visit every point once", epoch)
			}
		}
	}
}

func TestHugeLRDivergesWithAFiniteRecord(t *testing.T) {
	for _, kind := range []sim.Kind{sim.SGD, sim.Momentum} {
		tr := spiralRun(kind, Config{LR: 1e4, MaxSteps: 500})
		tr.Step(500)
		if tr.Status != Diverged || tr.At >= 500 || tr.Why == "" {
			t.Fatalf("%s at LR 1e4: status %s at step %d (%q)", kind, tr.Status, tr.At, tr.Why)
		}
		if tr.Steps() != tr.At {
			t.Errorf("%s: %d losses recorded, diverged at step %d", kind, tr.Steps(), tr.At)
		}
		for _, v := range tr.Loss {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s: a recorded loss is %g", kind, v)
			}
		}
		for _, e := range tr.Evals {
			for _, v := range []float64{e.TrainLoss, e.ValLoss, e.TrainAcc, e.ValAcc} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("%s: a recorded evaluation is %+v", kind, e)
				}
			}
		}
		t.Logf("%s at LR 1e4: diverged at step %d: %s", kind, tr.At, tr.Why)
	}
}

func TestNaNLossIsDivergence(t *testing.T) {
	// The softmax without the max subtraction overflows to NaN once the
	// scores grow: the trainer records that as divergence, not as a value.
	tr := spiralRun(sim.SGD, Config{LR: 50})
	tr.Net.Bug = nn.BugNoMax
	tr.Step(1000)
	if tr.Status != Diverged || !strings.Contains(tr.Why, "NaN") && !strings.Contains(tr.Why, "infinity") &&
		!strings.Contains(tr.Why, "not finite") {
		t.Errorf("status %s at %d: %q", tr.Status, tr.At, tr.Why)
	}
}

func TestRunForRespectsBudgetAndMaxSteps(t *testing.T) {
	tr := spiralRun(sim.Adam, Config{LR: 1e-3, Batch: 16})
	if n := tr.RunFor(time.Hour, 37); n != 37 || tr.Steps() != 37 {
		t.Fatalf("RunFor(1h, 37) took %d steps", n)
	}
	if n := tr.RunFor(time.Hour, 0); n != 0 {
		t.Fatalf("RunFor(1h, 0) took %d steps", n)
	}
	budget := 30 * time.Millisecond
	start := time.Now()
	n := tr.RunFor(budget, 1<<30)
	el := time.Since(start)
	// It runs until the budget is spent (or the run ends). How far past the
	// budget it goes depends on the machine's load, so it is logged, not
	// asserted: a timed assertion fails on a slow machine.
	if el < budget || n < 1 {
		t.Errorf("RunFor(%v) ran %v for %d steps", budget, el, n)
	}
	t.Logf("RunFor(%v) ran %v for %d steps", budget, el, n)
	// A spent budget still takes one step, so a slow page makes progress.
	if n := tr.RunFor(0, 1<<30); n != 1 {
		t.Errorf("RunFor(0) took %d steps, want 1", n)
	}
	// Stops early, and reports it, when the run ends.
	tr.Config.MaxSteps = tr.Steps() + 5
	if n := tr.RunFor(time.Hour, 100); n != 5 || tr.Status != Done {
		t.Errorf("RunFor past MaxSteps took %d steps, status %s", n, tr.Status)
	}
}

func TestBadSetsPanic(t *testing.T) {
	net := nn.New([]int{3, 4, 2}, nn.ReLU)
	o := sim.New(sim.SGD, sim.DefaultHyper(sim.SGD))
	for name, f := range map[string]func(){
		"dimension": func() { New(net, data.MakeSpiral(5, 2, 0, 0), nil, o, Config{}) },
		"classes":   func() { New(nn.New([]int{2, 2}, nn.ReLU), data.MakeSpiral(5, 3, 0, 0), nil, o, Config{}) },
		"empty":     func() { New(nn.New([]int{2, 2}, nn.ReLU), data.MakeSpiral(0, 2, 0, 0), nil, o, Config{}) },
	} {
		func() {
			defer func() {
				if r, ok := recover().(string); !ok || !strings.HasPrefix(r, "train: ") {
					t.Errorf("%s: panic %v", name, r)
				}
			}()
			f()
		}()
	}
}

func BenchmarkRunForMinibatch(b *testing.B) {
	tr := spiralRun(sim.Adam, Config{LR: 1e-3, Batch: 32})
	for b.Loop() {
		tr.RunFor(time.Hour, 10)
	}
}

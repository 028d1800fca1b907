package nn

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gradlab/sim"
)

// bits is the exact bit pattern of a slice, so "unchanged" means unchanged
// to the last bit, not equal within a tolerance.
func bits(xs []float64) []uint64 {
	out := make([]uint64, len(xs))
	for i, v := range xs {
		out[i] = math.Float64bits(v)
	}
	return out
}

// Frozen layers are never written by any optimizer, AdamW's decoupled
// weight decay included (it would shrink every weight it is handed even
// where the gradient is zero), and the optimizer's state covers only the
// trainable tail.
func TestFrozenLayersStayBitIdentical(t *testing.T) {
	for _, k := range sim.Kinds {
		for frozen := 0; frozen <= 3; frozen++ {
			n, x, y := randomProblem([]int{2, 8, 6, 3}, ReLU, 40, 7)
			n.Frozen = frozen
			before := bits(n.Theta)
			lo := len(n.Theta)
			if frozen < n.Layers() {
				lo = n.Params()[2*frozen].Lo
			}
			h := sim.DefaultHyper(k)
			h.WeightDecay = 0.1
			opt := sim.New(k, h)
			idx := []int{1, 5, 9, 13, 20, 33}
			for i := range 60 {
				if i%2 == 0 {
					n.Step(opt, x, y, 1e-3, 0.05)
				} else {
					n.StepBatch(opt, x, y, idx, 1e-3, 0.05)
				}
			}
			after := bits(n.Theta)
			if !slices.Equal(before[:lo], after[:lo]) {
				t.Errorf("%s, %d frozen: a frozen parameter changed", k, frozen)
			}
			if lo < len(before) && slices.Equal(before[lo:], after[lo:]) {
				t.Errorf("%s, %d frozen: the trainable layers did not move", k, frozen)
			}
			if st := opt.LastStep(); len(st) != len(n.Theta)-lo {
				t.Errorf("%s, %d frozen: optimizer state for %d parameters, want the %d trainable",
					k, frozen, len(st), len(n.Theta)-lo)
			}
			if m := opt.SecondMoment(); m != nil && len(m) != len(n.Theta)-lo {
				t.Errorf("%s, %d frozen: second moment for %d parameters", k, frozen, len(m))
			}
		}
	}
}

// With no layer frozen, a step is exactly what it was before freezing
// existed: LossGrad, then the optimizer on the whole vector.
func TestNoFrozenLayersIsThePlainStep(t *testing.T) {
	a, x, y := randomProblem([]int{3, 6, 5, 4}, ReLU, 30, 3)
	b := a.Clone()
	oa, ob := sim.New(sim.Adam, sim.DefaultHyper(sim.Adam)), sim.New(sim.Adam, sim.DefaultHyper(sim.Adam))
	for range 20 {
		da, ra := a.Step(oa, x, y, 1e-3, 0.01)
		db, rb := b.LossGrad(nil, x, y, 1e-3)
		ob.Step(b.Theta, b.Grad, 0.01)
		if da != db || ra != rb {
			t.Fatalf("losses differ: %g+%g against %g+%g", da, ra, db, rb)
		}
	}
	if !slices.Equal(bits(a.Theta), bits(b.Theta)) {
		t.Error("Step with nothing frozen differs from LossGrad + optimizer")
	}
}

// TrainGrad gives the trainable layers the very gradient LossGrad gives
// them, and the frozen ones zero.
func TestTrainGradAboveFrozenLayers(t *testing.T) {
	for _, sh := range shapes {
		for frozen := 0; frozen <= len(sh.sizes)-1; frozen++ {
			n, x, y := randomProblem(sh.sizes, sh.act, 25, 11)
			full := make([]float64, len(n.Theta))
			n.LossGrad(full, x, y, 1e-2)
			n.Frozen = frozen
			n.TrainGrad(x, y, 1e-2)
			th, g := n.Trainable()
			lo := len(n.Theta) - len(th)
			if len(g) != len(th) {
				t.Fatalf("%v: %d gradient entries for %d parameters", sh.sizes, len(g), len(th))
			}
			if !slices.Equal(bits(full[lo:]), bits(n.Grad[lo:])) {
				t.Errorf("%v %s, %d frozen: the trainable gradient differs from LossGrad's", sh.sizes, sh.act, frozen)
			}
			for i, v := range n.Grad[:lo] {
				if v != 0 {
					t.Errorf("%v, %d frozen: gradient %g at frozen parameter %d", sh.sizes, frozen, v, i)
					break
				}
			}
		}
	}
}

func TestBadFrozenPanics(t *testing.T) {
	for _, f := range []int{-1, 3} {
		func() {
			defer func() {
				r := recover()
				if r == nil || !strings.HasPrefix(r.(string), "nn: ") {
					t.Errorf("Frozen %d: recovered %v, want an nn panic", f, r)
				}
			}()
			n, x, y := randomProblem([]int{2, 4, 3}, ReLU, 5, 1)
			n.Frozen = f
			n.TrainGrad(x, y, 0)
		}()
	}
}

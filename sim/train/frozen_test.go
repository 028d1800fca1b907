package train

import (
	"slices"
	"testing"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// A trainer honours the network's frozen layers: with minibatches and
// AdamW (whose weight decay would shrink any weight it is handed), the
// frozen layers keep their exact bits while the head learns.
func TestTrainerLeavesFrozenLayersAlone(t *testing.T) {
	s := data.MakeSpiral(40, 3, 0.2, 2)
	net := nn.New([]int{2, 16, 16, 3}, nn.ReLU)
	net.Init(nn.He, 1, 4)
	net.Frozen = 2
	lo := net.Params()[4].Lo
	before := slices.Clone(net.Theta)
	tr := New(net, s, nil, sim.New(sim.AdamW, sim.DefaultHyper(sim.AdamW)), Config{LR: 0.01, Batch: 16, Seed: 1, MaxSteps: 200})
	tr.Step(200)
	if tr.Status != Done {
		t.Fatalf("status %v: %s", tr.Status, tr.Why)
	}
	for i := 0; i < lo; i++ {
		if net.Theta[i] != before[i] {
			t.Fatalf("frozen parameter %d moved from %v to %v", i, before[i], net.Theta[i])
		}
	}
	if slices.Equal(before[lo:], net.Theta[lo:]) {
		t.Error("the head did not train")
	}
	if first, last := tr.Evals[0].TrainLoss, tr.Last().TrainLoss; !(last < first) {
		t.Errorf("training the head alone did not lower the loss: %g to %g", first, last)
	}
}

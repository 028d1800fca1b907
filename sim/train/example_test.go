package train_test

import (
	"fmt"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
)

func ExampleTrainer_Step() {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	tr, va := s.Split(0.2, 1)
	net := nn.New([]int{2, 100, 3}, nn.ReLU)
	net.Init(nn.He, 1, 1)
	t := train.New(net, tr, va, sim.New(sim.Adam, sim.DefaultHyper(sim.Adam)), train.Config{
		LR: 0.01, Schedule: sim.DefaultSchedule(sim.Cosine, 600), Reg: 1e-4,
		Batch: 30, Seed: 1, EvalEvery: 100, MaxSteps: 600,
	})
	for t.Status == train.Running {
		t.Step(200) // a UI would call t.RunFor(4*time.Millisecond, 1000) per frame
	}
	e := t.Last()
	fmt.Printf("%s after %d steps (%.0f epochs): train %.0f %%, validation %.0f %%\n",
		t.Status, t.Steps(), t.Epoch(), 100*e.TrainAcc, 100*e.ValAcc)
	// Output: done after 600 steps (75 epochs): train 99 %, validation 95 %
}

func ExampleTrainer_divergence() {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	net := nn.New([]int{2, 100, 3}, nn.ReLU)
	net.Init(nn.Gaussian, 0.01, 1)
	t := train.New(net, s, nil, sim.New(sim.SGD, sim.DefaultHyper(sim.SGD)), train.Config{LR: 300})
	t.Step(100)
	fmt.Printf("%s at step %d: %s\n", t.Status, t.At, t.Why)
	// Output: diverged at step 2: the loss exploded to 1.37e+03, over 1000 times its start 1.1
}

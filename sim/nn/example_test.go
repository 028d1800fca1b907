package nn_test

import (
	"fmt"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

func ExampleNet_Step() {
	// The linear softmax classifier of the cs231n case study: it cannot
	// separate the spiral.
	s := data.MakeSpiral(100, 3, 0.2, 0)
	net := nn.New([]int{2, 3}, nn.Identity)
	net.Init(nn.Gaussian, 0.01, 0)
	opt := sim.New(sim.SGD, sim.DefaultHyper(sim.SGD))
	for step := 0; step < 200; step++ {
		dataLoss, regLoss := net.Step(opt, s.X, s.Y, 1e-3, 1.0)
		if step%100 == 0 {
			fmt.Printf("step %d: loss %.3f\n", step, dataLoss+regLoss)
		}
	}
	fmt.Printf("accuracy %.0f %%\n", 100*net.Accuracy(s.X, s.Y))
	// Output:
	// step 0: loss 1.099
	// step 100: loss 0.769
	// accuracy 52 %
}

func ExampleNet_Params() {
	net := nn.New([]int{2, 100, 3}, nn.ReLU)
	for _, p := range net.Params() {
		fmt.Printf("%s: Theta[%d:%d], %d×%d\n", p.Name, p.Lo, p.Hi, p.Rows, p.Cols)
	}
	// Output:
	// layer 1 W: Theta[0:200], 2×100
	// layer 1 b: Theta[200:300], 1×100
	// layer 2 W: Theta[300:600], 100×3
	// layer 2 b: Theta[600:603], 1×3
}

func ExampleBug() {
	// A forgotten 1/N makes the gradient N times too big.
	s := data.MakeSpiral(10, 3, 0.2, 0)
	net := nn.New([]int{2, 3}, nn.Identity)
	net.Init(nn.Gaussian, 0.01, 0)
	net.LossGrad(nil, s.X, s.Y, 0)
	right := net.Grad[0]
	net.Bug = nn.BugNoMean
	net.LossGrad(nil, s.X, s.Y, 0)
	fmt.Printf("%s: gradient × %.0f\n", net.Bug.Name(), net.Grad[0]/right)
	// Output: forgot the 1/N in the gradient: gradient × 30
}

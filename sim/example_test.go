package sim_test

import (
	"fmt"

	"gradlab/sim"
	"gradlab/surfaces"
)

func ExampleOptimizer_Step() {
	// One Adam step moves each coordinate by almost exactly the LR.
	o := sim.New(sim.Adam, sim.DefaultHyper(sim.Adam))
	theta := []float64{1, 1}
	o.Step(theta, []float64{250, -0.003}, 0.01)
	fmt.Printf("%.4f %.4f\n", theta[0], theta[1])
	// Output: 0.9900 1.0100
}

func ExampleSchedule_LR() {
	s := sim.Schedule{Kind: sim.StepDecay, Total: 100, Every: 30, Gamma: 0.1}
	for _, e := range []int{0, 29, 30, 60} {
		fmt.Printf("%g ", s.LR(0.1, e))
	}
	fmt.Println()
	// Output: 0.1 0.1 0.010000000000000002 0.0010000000000000002
}

func ExampleRace() {
	s := surfaces.Rosenbrock{}
	r := sim.NewRace(s, s.Start(), sim.DefaultSchedule(sim.Constant, 100), 100, []sim.RunnerSpec{
		{Kind: sim.SGD, LR: 0.001, Hyper: sim.DefaultHyper(sim.SGD)},
		{Kind: sim.SGD, LR: 0.01, Hyper: sim.DefaultHyper(sim.SGD)},
	})
	r.Advance(100)
	for _, rn := range r.Runners {
		fmt.Printf("lr %g: %s at step %d, f−f* %.4g\n", rn.BaseLR, rn.Status, rn.At, rn.Gap[len(rn.Gap)-1])
	}
	// Output:
	// lr 0.001: step limit at step 100, f−f* 5.593
	// lr 0.01: diverged at step 4, f−f* 9.531e+04
}

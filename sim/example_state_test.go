package sim_test

import (
	"fmt"
	"time"

	"gradlab/sim"
	"gradlab/surfaces"
)

func ExampleParams() {
	// Every hyperparameter Adam's update reads, and where a slider puts
	// PyTorch's default on each scale.
	h := sim.DefaultHyper(sim.Adam)
	for _, p := range sim.Params(sim.Adam) {
		v := *p.Get(&h)
		fmt.Printf("%s = %g at %.2f of [%g, %g]\n", p.Name, v, p.Unit(v), p.Min, p.Max)
	}
	// Output:
	// β₁ = 0.9 at 0.91 of [0, 0.99]
	// β₂ = 0.999 at 0.73 of [0.5, 0.9999]
	// ε = 1e-08 at 0.33 of [1e-12, 1]
}

func ExampleOptimizer_BiasCorrected() {
	// After one Adam step m̂ = g and v̂ = g², so each coordinate moves by η.
	o := sim.New(sim.Adam, sim.DefaultHyper(sim.Adam))
	theta := []float64{0, 0}
	o.Step(theta, []float64{4, -0.5}, 0.1)
	mhat, vhat, _ := o.BiasCorrected()
	fmt.Printf("m̂ %.3g  v̂ %.3g  step %.3g  step size %.3g\n", mhat, vhat, o.LastStep(), o.StepSize())
	// Output: m̂ [4 -0.5]  v̂ [16 0.25]  step [-0.1 0.1]  step size [0.025 0.2]
}

func ExampleRace_SetNoise() {
	// With noise that does not vanish at the minimum, constant-η SGD hovers
	// instead of converging; the same seed gives the same path every time.
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	p := sim.PresetFor("bowl")
	r := sim.NewRace(b, b.Start(), sim.DefaultSchedule(sim.Constant, p.Limit), p.Limit, p.Specs([]sim.Kind{sim.SGD}))
	r.SetNoise(sim.Noise{Sigma: 1, Seed: 1})
	r.Advance(p.Limit)
	fmt.Println(r.Runners[0].Status)
	// Output: step limit
}

func ExamplePacer() {
	// 30 steps a second, whatever the frame rate.
	var slow, fast sim.Pacer
	n10, n60 := 0, 0
	for i := 0; i < 10; i++ {
		n10 += slow.Steps(30, time.Second/10)
	}
	for i := 0; i < 60; i++ {
		n60 += fast.Steps(30, time.Second/60)
	}
	fmt.Println(n10, n60)
	// Output: 30 30
}

package gradcheck_test

import (
	"fmt"
	"math"

	"gradlab/sim/gradcheck"
)

func ExampleBand() {
	for _, e := range []float64{3e-9, 2e-6, 5e-4, 0.3} {
		g := gradcheck.Band(e)
		fmt.Printf("%g: %d %s\n", e, g.Severity, g.Name)
	}
	// Output:
	// 3e-09: 0 good
	// 2e-06: 1 kinks only
	// 0.0005: 2 uncomfortable
	// 0.3: 3 probably wrong
}

func ExampleFunc_CrossesKink() {
	// ReLU just left of its kink: steps that reach past 0 see a slope the
	// function does not have there.
	fn := gradcheck.ReLU
	for _, h := range []float64{1e-7, 1e-5} {
		n := fn.Numeric(fn.X, h, gradcheck.Centered, gradcheck.Float64)
		e := gradcheck.RelErr(fn.Deriv(fn.X), n)
		fmt.Printf("h=%g: numerical %.2f, rel err %g (%s), crosses %v\n",
			h, n, e, gradcheck.Band(e).Name, fn.CrossesKink(fn.X, h, gradcheck.Centered))
	}
	// Output:
	// h=1e-07: numerical 0.00, rel err 0 (good), crosses false
	// h=1e-05: numerical 0.45, rel err 1 (probably wrong), crosses true
}

func ExampleAnalyzeV() {
	fn := gradcheck.Cubic
	for _, m := range gradcheck.Methods {
		hs := gradcheck.DefaultGrid(nil, gradcheck.Float64)
		v := gradcheck.AnalyzeV(hs, gradcheck.Sweep(nil, fn, fn.X, hs, m, gradcheck.Float64, gradcheck.Relative))
		fmt.Printf("%s: slopes %.0f and %.0f, bottom near h=1e%.0f\n",
			m, v.Truncation.Slope, v.RoundOff.Slope, math.Round(math.Log10(v.BestH)))
	}
	// Output:
	// centered: slopes 2 and -1, bottom near h=1e-6
	// forward: slopes 1 and -1, bottom near h=1e-8
}

func ExampleSummarize() {
	f, grad, theta := twoLayer()
	errs := gradcheck.CheckAll(nil, f, theta, grad(theta, true), 1e-5)
	for _, s := range gradcheck.Summarize(nil, errs, []gradcheck.Range{{"W", 0, 6}, {"b", 6, 9}}) {
		fmt.Printf("%s: %s", s.Name, s.Band.Name)
		if s.Band.Severity > gradcheck.Good {
			fmt.Printf(", worst θ[%d], %d of %d good", s.Worst, s.Counts[gradcheck.Good], s.N)
		}
		fmt.Println()
	}
	// Output:
	// W: good
	// b: probably wrong, worst θ[7], 2 of 3 good
}

func ExampleHistogram() {
	errs := []float64{0, 3e-12, 4e-11, 5e-11, 2e-3, math.NaN()}
	fmt.Println(gradcheck.Histogram(nil, errs, -12, 0))
	// Output: [2 2 0 0 0 0 0 0 0 1 0 1]
}

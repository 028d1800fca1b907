package ensemble_test

import (
	"fmt"

	"gradlab/sim/data"
	"gradlab/sim/ensemble"
)

func ExampleExperiment() {
	e := ensemble.New(ensemble.Preset(data.Moons, 5, 1))
	e.Finish()
	var m ensemble.Measurer
	r := e.Measure(&m)
	fmt.Printf("members: mean %.1f %%, best %.1f %%; averaged: %.1f %% (%+.1f points over the mean)\n",
		100*r.Mean, 100*r.Best, 100*r.Ensemble, 100*r.GainOverMean())
	fmt.Printf("snapshot ensemble of %d from one run: %.1f %%; Polyak mean of %d checkpoints: %.1f %%\n",
		r.Snapshots, 100*r.SnapEnsemble, r.PolyakN, 100*r.Polyak)
	// Output:
	// members: mean 89.2 %, best 91.3 %; averaged: 90.0 % (+0.8 points over the mean)
	// snapshot ensemble of 5 from one run: 88.0 %; Polyak mean of 10 checkpoints: 88.7 %
}

func ExampleAverage() {
	// Two networks' probabilities for one point of two classes: averaged,
	// not voted.
	avg := ensemble.Average(nil, []float64{0.6, 0.4}, []float64{0.1, 0.9})
	fmt.Printf("%.2f → class %d\n", avg, ensemble.Argmax(avg, 2, 0))
	// Output: [0.35 0.65] → class 1
}

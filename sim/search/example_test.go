package search_test

import (
	"fmt"

	"gradlab/sim/search"
)

func ExampleCompare() {
	o := search.NewObjective(10, 1) // x matters ten times as much as y
	for _, r := range search.Compare(o, search.Methods, 25, 1, 0) {
		fmt.Printf("%-22s %2d values of x, best %.3f\n", r.Method.Name(), r.DistinctX, r.BestScore)
	}
	// Output:
	// grid                    5 values of x, best 0.783
	// random                 25 values of x, best 0.890
	// quasi-random (Halton)  25 values of x, best 0.855
}

func ExampleSearch() {
	s := search.New(search.DefaultConfig())
	s.Finish() // a UI calls s.Advance(budget, maxSteps) once a frame instead
	c, f := s.Trials[s.CoarseBest], s.Trials[s.FineBest]
	fmt.Printf("coarse: %d trials of %d epochs, best η %.2g λ %.2g at %.1f %%\n", len(s.Stage(search.Coarse)), c.Epochs, c.LR(), c.Reg(), 100*c.ValAcc)
	fmt.Printf("fine:   %d trials of %d epochs, best η %.2g λ %.2g at %.1f %%\n", len(s.Stage(search.Fine)), f.Epochs, f.LR(), f.Reg(), 100*f.ValAcc)
	fmt.Printf("retrained for %d epochs: %.1f %% on the validation set\n", s.Final.Epochs, 100*s.Final.ValAcc)
	// Output:
	// coarse: 20 trials of 5 epochs, best η 0.26 λ 0.00068 at 96.0 %
	// fine:   12 trials of 25 epochs, best η 0.29 λ 0.00018 at 98.7 %
	// retrained for 60 epochs: 98.7 % on the validation set
}

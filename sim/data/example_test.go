package data_test

import (
	"fmt"

	"gradlab/sim/data"
)

func ExampleMakeSpiral() {
	// The cs231n spiral: 100 points in each of 3 classes.
	s := data.MakeSpiral(100, 3, 0.2, 1)
	train, val := s.Split(0.2, 1)
	fmt.Println(s.N(), s.Counts(), train.N(), val.N())
	// Output: 300 [100 100 100] 240 60
}

func ExampleSet_WithLabelNoise() {
	s := data.MakeMoons(50, 0.1, 1)
	noisy := s.WithLabelNoise(0.1, 2)
	changed := 0
	for i := range s.Y {
		if s.Y[i] != noisy.Y[i] {
			changed++
		}
	}
	fmt.Println(changed, "of", s.N(), "labels flipped")
	// Output: 10 of 100 labels flipped
}

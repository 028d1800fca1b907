package surfaces_test

import (
	"fmt"

	"gradlab/surfaces"
)

func ExampleContours() {
	// The unit circle as the level 1 of x² + y², sampled on a 41×41 grid.
	g := surfaces.Sample(nil, func(x, y float64) float64 { return x*x + y*y }, surfaces.Box{X0: -2, Y0: -2, X1: 2, Y1: 2}, 41, 41)
	c := surfaces.Contours(g, []float64{1})[0]
	fmt.Println(len(c.Lines), "line, closed:", c.Lines[0].Closed)
	// Output: 1 line, closed: true
}

func ExampleNiceLevels() {
	// Beale spans 0 … 1.8·10⁵: round, log-spaced levels.
	fmt.Println(surfaces.NiceLevels(0, 1.8e5, 0, 6, 0.5))
	// Output: [1 10 100 1000 10000 100000]
}

// Package surfaces holds the 2-D loss surfaces the optimizers race on, and the
// sampling and contouring that turns one into a map. It is pure Go: no ebiten,
// no image, so it is tested natively and runs identically under WebAssembly.
package surfaces

import (
	"math"
	"strings"
)

// Point is a position in data coordinates.
type Point struct{ X, Y float64 }

// Box is an axis-aligned rectangle in data coordinates.
type Box struct{ X0, Y0, X1, Y1 float64 }

// W is the width of the box.
func (b Box) W() float64 { return b.X1 - b.X0 }

// H is the height of the box.
func (b Box) H() float64 { return b.Y1 - b.Y0 }

// Center is the midpoint of the box.
func (b Box) Center() Point { return Point{(b.X0 + b.X1) / 2, (b.Y0 + b.Y1) / 2} }

// Contains reports whether p lies inside the box (edges included).
func (b Box) Contains(p Point) bool {
	return p.X >= b.X0 && p.X <= b.X1 && p.Y >= b.Y0 && p.Y <= b.Y1
}

// Scale grows (k > 1) or shrinks the box about c.
func (b Box) Scale(c Point, k float64) Box {
	return Box{c.X + (b.X0-c.X)*k, c.Y + (b.Y0-c.Y)*k, c.X + (b.X1-c.X)*k, c.Y + (b.Y1-c.Y)*k}
}

// Surface is a 2-D test function with what a view of it needs to know.
type Surface interface {
	// ID is the stable identifier used in URLs and tests.
	ID() string
	// Name is the human name shown in the program.
	Name() string
	F(x, y float64) float64
	// Grad returns ∂f/∂x and ∂f/∂y.
	Grad(x, y float64) (gx, gy float64)
	// View is the usual window onto the surface.
	View() Box
	// Minimum is the global minimiser and its value f*.
	Minimum() (Point, float64)
	// Start is a default start point that makes an instructive race.
	Start() Point
	// LogLevels reports whether contour levels should be log-spaced because f
	// spans many decades over the view.
	LogLevels() bool
}

// ByID returns the surface with the given id, in any case (a URL may say
// surface=Beale), and whether it exists. The surface's own ID stays lowercase.
func ByID(id string) (Surface, bool) {
	for _, s := range All() {
		if strings.EqualFold(s.ID(), id) {
			return s, true
		}
	}
	return nil, false
}

// All lists the surfaces in the order the program offers them.
func All() []Surface {
	return []Surface{NewBowl(DefaultBowl), Rosenbrock{}, Beale{}}
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

package surfaces

import "math"

// BowlParams shape the elongated quadratic bowl.
type BowlParams struct {
	// L1 and L2 are the curvatures along the rotated axes; L2/L1 is the
	// condition number κ.
	L1, L2 float64
	// Theta rotates the bowl's axes, in radians, anticlockwise.
	Theta float64
}

// DefaultBowl is axis-aligned with κ = 40: wide in x, narrow in y, the shape on
// which plain gradient descent zig-zags.
var DefaultBowl = BowlParams{L1: 0.5, L2: 20}

// Bowl is f(x, y) = ½(λ₁x′² + λ₂y′²) where (x′, y′) is (x, y) rotated by −θ,
// so the bowl's long axis points along θ. Its minimum is 0 at the origin.
type Bowl struct {
	p        BowlParams
	cos, sin float64
}

// NewBowl panics on non-positive curvatures: that is a programmer error.
func NewBowl(p BowlParams) Bowl {
	if !(p.L1 > 0 && p.L2 > 0) {
		panic("surfaces: bowl curvatures must be positive")
	}
	return Bowl{p: p, cos: math.Cos(p.Theta), sin: math.Sin(p.Theta)}
}

func (Bowl) ID() string   { return "bowl" }
func (Bowl) Name() string { return "elongated bowl" }

// Params returns the bowl's shape.
func (b Bowl) Params() BowlParams { return b.p }

func (b Bowl) rot(x, y float64) (float64, float64) {
	return x*b.cos + y*b.sin, -x*b.sin + y*b.cos
}

func (b Bowl) F(x, y float64) float64 {
	u, v := b.rot(x, y)
	return 0.5 * (b.p.L1*u*u + b.p.L2*v*v)
}

func (b Bowl) Grad(x, y float64) (float64, float64) {
	u, v := b.rot(x, y)
	gu, gv := b.p.L1*u, b.p.L2*v
	// Rotate back: the gradient transforms with the transpose of the rotation.
	return gu*b.cos - gv*b.sin, gu*b.sin + gv*b.cos
}

func (Bowl) View() Box                 { return Box{-6, -4, 6, 4} }
func (Bowl) Minimum() (Point, float64) { return Point{0, 0}, 0 }
func (Bowl) LogLevels() bool           { return true }
func (b Bowl) Start() Point            { return Point{-5, 1.5} }

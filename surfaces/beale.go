package surfaces

// Beale is f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²,
// minimum 0 at (3, 0.5). It reaches about 1.8·10⁵ in the corners of its usual
// view, so its contour levels are log-spaced.
type Beale struct{}

func (Beale) ID() string   { return "beale" }
func (Beale) Name() string { return "Beale function" }

func (Beale) terms(x, y float64) (a, b, c float64) {
	y2 := y * y
	return 1.5 - x + x*y, 2.25 - x + x*y2, 2.625 - x + x*y2*y
}

func (s Beale) F(x, y float64) float64 {
	a, b, c := s.terms(x, y)
	return a*a + b*b + c*c
}

func (s Beale) Grad(x, y float64) (float64, float64) {
	a, b, c := s.terms(x, y)
	y2 := y * y
	gx := 2*a*(y-1) + 2*b*(y2-1) + 2*c*(y2*y-1)
	gy := 2*a*x + 2*b*2*x*y + 2*c*3*x*y2
	return gx, gy
}

func (Beale) View() Box                 { return Box{-4.5, -4.5, 4.5, 4.5} }
func (Beale) Minimum() (Point, float64) { return Point{3, 0.5}, 0 }
func (Beale) Start() Point              { return Point{1, 1.5} }
func (Beale) LogLevels() bool           { return true }

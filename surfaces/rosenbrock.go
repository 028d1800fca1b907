package surfaces

// Rosenbrock is f(x, y) = (1 − x)² + 100(y − x²)²: a long, flat, curved valley
// whose floor leads slowly to the minimum 0 at (1, 1).
type Rosenbrock struct{}

func (Rosenbrock) ID() string   { return "rosenbrock" }
func (Rosenbrock) Name() string { return "Rosenbrock valley" }

func (Rosenbrock) F(x, y float64) float64 {
	a, b := 1-x, y-x*x
	return a*a + 100*b*b
}

func (Rosenbrock) Grad(x, y float64) (float64, float64) {
	b := y - x*x
	return -2*(1-x) - 400*x*b, 200 * b
}

func (Rosenbrock) View() Box                 { return Box{-2, -1, 2, 3} }
func (Rosenbrock) Minimum() (Point, float64) { return Point{1, 1}, 0 }
func (Rosenbrock) Start() Point              { return Point{-1.5, 2} }
func (Rosenbrock) LogLevels() bool           { return true }

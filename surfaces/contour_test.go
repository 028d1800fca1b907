package surfaces

import (
	"math"
	"testing"
)

func TestContourPointsLieOnTheirLevel(t *testing.T) {
	for _, s := range All() {
		g := Sample(nil, s.F, s.View(), 128, 128)
		lo, hi, _ := g.Range()
		_, fstar := s.Minimum()
		levels := Levels(lo, hi, fstar, 15, s.LogLevels(), 1e-3)
		cs := Contours(g, levels)
		if len(cs) != len(levels) {
			t.Fatalf("%s: %d contours for %d levels", s.ID(), len(cs), len(levels))
		}
		for _, c := range cs {
			if len(c.Lines) == 0 {
				t.Errorf("%s: level %g has no line", s.ID(), c.Level)
			}
			for _, l := range c.Lines {
				for _, p := range l.Pts {
					if !finite(p.X) || !finite(p.Y) || !g.Box.Contains(p) {
						t.Fatalf("%s: bad point %v", s.ID(), p)
					}
					// The point is on a grid edge where the linear
					// interpolant equals the level.
					iv, a, b := interpOnEdge(g, p)
					if math.Abs(iv-c.Level) > 1e-9*math.Max(1, math.Abs(c.Level)) {
						t.Fatalf("%s: interpolant %g at %v, level %g", s.ID(), iv, p, c.Level)
					}
					// And the true function is close: the grid is fine.
					// The true f differs from the level by at most the
					// interpolation error along this edge, sampled finely.
					tol := 1e-9 * math.Max(1, c.Level)
					fa, fb := s.F(a.X, a.Y), s.F(b.X, b.Y)
					for k := 1; k < 32; k++ {
						u := float64(k) / 32
						e := s.F(a.X+(b.X-a.X)*u, a.Y+(b.Y-a.Y)*u) - (fa + (fb-fa)*u)
						tol = math.Max(tol, 1.5*math.Abs(e))
					}
					if math.Abs(s.F(p.X, p.Y)-c.Level) > tol {
						t.Fatalf("%s: f = %g at %v, level %g (tol %g)", s.ID(), s.F(p.X, p.Y), p, c.Level, tol)
					}
				}
			}
		}
	}
}

// interpOnEdge evaluates the grid's linear interpolant at a point lying on a
// grid line.
func interpOnEdge(g *Grid, p Point) (v float64, a, b Point) {
	fi := (p.X - g.Box.X0) / g.Box.W() * float64(g.NX-1)
	fj := (p.Y - g.Box.Y0) / g.Box.H() * float64(g.NY-1)
	ri, rj := math.Round(fi), math.Round(fj)
	at := func(i, j int) float64 { return g.V[j*g.NX+i] }
	if math.Abs(fj-rj) < 1e-9 { // on a horizontal edge
		j := int(rj)
		i := min(int(math.Floor(fi)), g.NX-2)
		t := fi - float64(i)
		return at(i, j)*(1-t) + at(i+1, j)*t, Point{g.X(i), g.Y(j)}, Point{g.X(i + 1), g.Y(j)}
	}
	if math.Abs(fi-ri) > 1e-9 {
		panic("point not on a grid line")
	}
	i := int(ri)
	j := min(int(math.Floor(fj)), g.NY-2)
	t := fj - float64(j)
	return at(i, j)*(1-t) + at(i, j+1)*t, Point{g.X(i), g.Y(j)}, Point{g.X(i), g.Y(j + 1)}
}

func TestBowlLevelsAreClosedRings(t *testing.T) {
	b := NewBowl(DefaultBowl)
	g := Sample(nil, b.F, b.View(), 200, 150)
	// Every level whose ellipse fits inside the view is one closed ring.
	for _, c := range Contours(g, []float64{0.01, 0.5, 2, 8}) {
		if len(c.Lines) != 1 || !c.Lines[0].Closed {
			t.Fatalf("level %g: %d lines, closed=%v", c.Level, len(c.Lines), len(c.Lines) > 0 && c.Lines[0].Closed)
		}
		// A ring of the ellipse x²/a² + y²/b² = 1 encloses the origin: it
		// crosses both axes on both sides.
		var sx, sy [2]bool
		for _, p := range c.Lines[0].Pts {
			sx[b2i(p.X > 0)] = true
			sy[b2i(p.Y > 0)] = true
		}
		if !(sx[0] && sx[1] && sy[0] && sy[1]) {
			t.Errorf("level %g ring does not go around the minimum", c.Level)
		}
	}
	// A level cut by the view's edge is open and ends on the border.
	for _, c := range Contours(g, []float64{30}) {
		for _, l := range c.Lines {
			if l.Closed {
				t.Errorf("level 30 should be cut by the view, got a closed ring")
			}
			for _, p := range []Point{l.Pts[0], l.Pts[len(l.Pts)-1]} {
				if !onBorder(g.Box, p) {
					t.Errorf("open line ends inside the view at %v", p)
				}
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func onBorder(b Box, p Point) bool {
	const e = 1e-9
	return math.Abs(p.X-b.X0) < e || math.Abs(p.X-b.X1) < e || math.Abs(p.Y-b.Y0) < e || math.Abs(p.Y-b.Y1) < e
}

func TestContoursSkipNaNCells(t *testing.T) {
	// A cone with a NaN hole at its centre: the inner ring disappears, rings
	// elsewhere stay, and nothing non-finite comes out.
	f := func(x, y float64) float64 {
		r := math.Hypot(x, y)
		if r < 0.3 {
			return math.Log(-1)
		}
		if r > 0.9 && r < 0.95 {
			return math.Inf(1)
		}
		return r
	}
	g := Sample(nil, f, Box{-1, -1, 1, 1}, 101, 101)
	for _, c := range Contours(g, []float64{0.2, 0.5, 0.7}) {
		switch c.Level {
		case 0.2:
			if len(c.Lines) != 0 {
				t.Errorf("level inside the NaN hole produced %d lines", len(c.Lines))
			}
		default:
			if len(c.Lines) != 1 || !c.Lines[0].Closed {
				t.Errorf("level %g: want one closed ring, got %d lines", c.Level, len(c.Lines))
			}
		}
		for _, l := range c.Lines {
			for _, p := range l.Pts {
				if !finite(p.X) || !finite(p.Y) {
					t.Fatal("non-finite contour point")
				}
			}
		}
	}
	// Infinity was stored as NaN, and lines near it end at the hole.
	lines := Contours(g, []float64{0.925})[0].Lines
	for _, l := range lines {
		if l.Closed {
			t.Error("a level inside the Inf band formed a ring")
		}
	}
}

func TestSaddleIsResolvedConsistently(t *testing.T) {
	// f = xy has a saddle at the origin; the level 0.01 makes two hyperbola
	// branches that must not be joined across the saddle.
	g := Sample(nil, func(x, y float64) float64 { return x * y }, Box{-1, -1, 1, 1}, 2, 2)
	g.V = []float64{1, -1, -1, 1} // corners above on one diagonal: case 5
	c := Contours(g, []float64{0.1})[0]
	if len(c.Lines) != 2 {
		t.Fatalf("saddle cell: %d lines, want 2", len(c.Lines))
	}
	for _, l := range c.Lines {
		if len(l.Pts) != 2 || l.Closed {
			t.Errorf("saddle segment %v", l)
		}
	}
}

func TestLevels(t *testing.T) {
	lv := Levels(0, 1e5, 0, 5, true, 1)
	for i := 1; i < len(lv); i++ {
		r := lv[i] / lv[i-1]
		if math.Abs(r-10) > 1e-9 {
			t.Fatalf("log levels not evenly spaced: %v", lv)
		}
	}
	if got := Levels(1, 1, 0, 5, false, 0); got != nil {
		t.Errorf("empty range gave levels %v", got)
	}
	nice := NiceLevels(0, 1.8e5, 0, 20, 1e-2)
	for _, v := range nice {
		m := v / math.Pow(10, math.Floor(math.Log10(v)))
		if math.Abs(m-1) > 1e-9 && math.Abs(m-2) > 1e-9 && math.Abs(m-5) > 1e-9 && math.Abs(m-3) > 1e-9 {
			t.Errorf("level %g is not a round number", v)
		}
	}
	if len(nice) == 0 || len(nice) > 20 {
		t.Errorf("NiceLevels gave %d levels", len(nice))
	}
}

func benchContours(b *testing.B, n, levels int) {
	s := Beale{}
	g := Sample(nil, s.F, s.View(), n, n)
	lo, hi, _ := g.Range()
	lv := Levels(lo, hi, 0, levels, true, 1e-2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Contours(g, lv)
	}
}

func BenchmarkContoursSmall(b *testing.B)  { benchContours(b, 64, 20) }
func BenchmarkContoursMedium(b *testing.B) { benchContours(b, 256, 20) }
func BenchmarkContoursLarge(b *testing.B)  { benchContours(b, 512, 20) }

func BenchmarkSample512(b *testing.B) {
	s := Beale{}
	var g *Grid
	for i := 0; i < b.N; i++ {
		g = Sample(g, s.F, s.View(), 512, 512)
	}
}

func TestLevelCoord(t *testing.T) {
	levels := []float64{1.01, 1.1, 2, 11}
	c := LevelCoord(levels, 1)
	for k, l := range levels {
		if got := c(l); math.Abs(got-float64(k)) > 1e-12 {
			t.Errorf("coord at level %d = %g", k, got)
		}
	}
	// Between 0.1 and 1 above f*, halfway in log is √0.1 above f*.
	if got := c(1 + math.Sqrt(0.1)); math.Abs(got-1.5) > 1e-12 {
		t.Errorf("log-midpoint coord = %g, want 1.5", got)
	}
	if c(0.5) > -1e6 || c(1) > -1e6 {
		t.Error("values at or below f* must sit far below level 0")
	}
	if got := c(101); math.Abs(got-4) > 1e-12 { // extrapolated: one more decade
		t.Errorf("extrapolated coord = %g, want 4", got)
	}
	// The coordinate increases with f everywhere.
	prev := math.Inf(-1)
	for f := 1.001; f < 200; f *= 1.01 {
		if v := c(f); v <= prev {
			t.Fatalf("not increasing at %g", f)
		} else {
			prev = v
		}
	}
}

func BenchmarkLevelCoord(b *testing.B) {
	c := LevelCoord(NiceLevels(0, 1.8e5, 0, 12, 1e-2), 0)
	for i := 0; i < b.N; i++ {
		c(float64(i%100000) + 0.5)
	}
}

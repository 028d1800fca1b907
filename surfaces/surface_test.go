package surfaces

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

func allForTest() []Surface {
	return append(All(), NewBowl(BowlParams{L1: 0.5, L2: 30, Theta: 0.7}))
}

func TestGradientMatchesCentralDifference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range allForTest() {
		v := s.View()
		for k := 0; k < 200; k++ {
			x := v.X0 + rng.Float64()*v.W()
			y := v.Y0 + rng.Float64()*v.H()
			gx, gy := s.Grad(x, y)
			num := fd.Gradient(nil, func(p []float64) float64 { return s.F(p[0], p[1]) },
				[]float64{x, y}, &fd.Settings{Formula: fd.Central, Step: 1e-5})
			for i, a := range []float64{gx, gy} {
				if relErr(a, num[i]) > 1e-6 {
					t.Fatalf("%s at (%g, %g): ∂%d analytic %g, central %g", s.ID(), x, y, i, a, num[i])
				}
			}
		}
	}
}

func relErr(a, b float64) float64 {
	d := math.Max(math.Abs(a), math.Abs(b))
	if d < 1e-3 {
		return math.Abs(a - b) // near zero, compare absolutely
	}
	return math.Abs(a-b) / d
}

func TestMinimaAreStationaryAndLowest(t *testing.T) {
	for _, s := range allForTest() {
		p, fstar := s.Minimum()
		if f := s.F(p.X, p.Y); math.Abs(f-fstar) > 1e-12 {
			t.Errorf("%s: f(min) = %g, want %g", s.ID(), f, fstar)
		}
		gx, gy := s.Grad(p.X, p.Y)
		if math.Hypot(gx, gy) > 1e-12 {
			t.Errorf("%s: gradient at minimum = (%g, %g)", s.ID(), gx, gy)
		}
		g := Sample(nil, s.F, s.View(), 101, 101)
		lo, _, _ := g.Range()
		if lo < fstar-1e-12 {
			t.Errorf("%s: grid minimum %g below f* %g", s.ID(), lo, fstar)
		}
		if !s.View().Contains(s.Start()) || !s.View().Contains(p) {
			t.Errorf("%s: start or minimum outside the view", s.ID())
		}
	}
}

func TestReferenceFacts(t *testing.T) {
	b := Beale{}
	if f := b.F(-4.5, -4.5); f < 1.7e5 || f > 1.9e5 {
		t.Errorf("Beale corner f = %g, want ~1.8e5", f)
	}
	r := Rosenbrock{}
	if f := r.F(-1.5, 2); f != 12.5 {
		t.Errorf("Rosenbrock(-1.5, 2) = %g, want 12.5", f)
	}
	bowl := NewBowl(DefaultBowl)
	if k := bowl.Params().L2 / bowl.Params().L1; k < 20 {
		t.Errorf("default bowl condition number %g < 20", k)
	}
	// Axis-aligned: the long axis is x, so f grows slower along x than y.
	if bowl.F(1, 0) >= bowl.F(0, 1) {
		t.Error("default bowl is not wide in x and narrow in y")
	}
	// Rotating by θ turns the long axis to angle θ.
	rot := NewBowl(BowlParams{L1: 1, L2: 20, Theta: math.Pi / 4})
	c := math.Sqrt(0.5)
	if got := rot.F(c, c); math.Abs(got-0.5) > 1e-12 {
		t.Errorf("rotated bowl along its long axis: f = %g, want 0.5", got)
	}
}

func TestByID(t *testing.T) {
	for _, id := range []string{"bowl", "rosenbrock", "beale"} {
		if s, ok := ByID(id); !ok || s.ID() != id {
			t.Errorf("ByID(%q) failed", id)
		}
	}
	for _, tc := range []struct{ in, id string }{{"Beale", "beale"}, {"ROSENBROCK", "rosenbrock"}, {"bOwL", "bowl"}} {
		if s, ok := ByID(tc.in); !ok || s.ID() != tc.id {
			t.Errorf("ByID(%q) should find %q, lowercase", tc.in, tc.id)
		}
	}
	for _, bad := range []string{"nope", "", "beale ", "bealé"} {
		if _, ok := ByID(bad); ok {
			t.Errorf("ByID accepted %q", bad)
		}
	}
}

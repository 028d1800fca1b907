package lr1d

import (
	"math"
	"strings"
	"testing"
)

// Each "try" of the captions, done with the keys a learner would press,
// and the promised outcome checked.

// "press → a few times until the regime reads oscillating: every step
// jumps past the bottom, x changes sign and still shrinks"
func TestCaptionOscillating(t *testing.T) {
	s := New()
	if !strings.Contains(s.captionText(), "press → a few times until the regime reads oscillating") {
		t.Fatal("caption changed")
	}
	n := 0
	for status(s).Regime != "oscillating" {
		press(t, s, "→", false)
		if n++; n > 6 {
			t.Fatalf("not oscillating after %d presses: ηL %g", n, s.lr*s.L)
		}
	}
	st := finish(s)
	xs := s.run.xs
	for i := 1; i < len(xs); i++ {
		if xs[i] == 0 {
			break
		}
		if math.Signbit(xs[i]) == math.Signbit(xs[i-1]) || math.Abs(xs[i]) >= math.Abs(xs[i-1]) {
			t.Fatalf("x%d = %g after %g: no overshoot or no shrink", i, xs[i], xs[i-1])
		}
	}
	if st.StepsTo <= 0 || !strings.Contains(st.Lines[0], "oscillating") {
		t.Errorf("%+v", st)
	}
}

// "Press M until η lands on 1/L: the very first step reaches the minimum."
// "Then press ↑ ... once L passes 2/η the jumps grow and the run diverges."
func TestCaptionFastestThenDiverging(t *testing.T) {
	s := New()
	for range 4 {
		if status(s).Regime == "fastest" {
			break
		}
		press(t, s, "M", false)
	}
	st := finish(s)
	if st.Regime != "fastest" || st.StepsTo != 1 || math.Abs(s.run.xs[1]) > 1e-12 || st.LR != 1/s.L {
		t.Fatalf("M to 1/L: %s, %d steps, x1 = %g", st.Regime, st.StepsTo, s.run.xs[1])
	}
	eta := s.lr
	for s.L <= 2/eta {
		press(t, s, "↑", false)
		if st := status(s); s.L < 2/eta && (st.Regime == "diverging" || st.DivergedAt >= 0) {
			t.Fatalf("L %g < 2/η diverges", s.L)
		}
	}
	st = finish(s)
	if s.lr != eta || st.Regime != "diverging" || st.DivergedAt <= 0 {
		t.Fatalf("L %g > 2/η = %g: %s, diverged at %d", s.L, 2/eta, st.Regime, st.DivergedAt)
	}
	xs := s.run.xs
	for i := 1; i < len(xs); i++ {
		if math.Abs(xs[i]) <= math.Abs(xs[i-1]) {
			t.Fatalf("jumps do not grow: x%d = %g after %g", i, xs[i], xs[i-1])
		}
	}
}

// "Press A to see |x| on a log axis, where every converging run is a
// straight line falling by log|1 − ηL| per step."
func TestCaptionLogAxisStraightLines(t *testing.T) {
	s := New()
	press(t, s, "A", false)
	if !s.logAxis {
		t.Fatal("A")
	}
	for _, e := range []float64{0.05, 0.5, 1.5, 1.9} {
		s.setLR(e / s.L)
		want := math.Log10(math.Abs(1 - s.lr*s.L))
		xs := s.run.xs
		for i := 1; i < len(xs) && math.Abs(xs[i]) > 1e-300; i++ {
			if d := math.Log10(math.Abs(xs[i])) - math.Log10(math.Abs(xs[i-1])); math.Abs(d-want) > 1e-9 {
				t.Fatalf("ηL %g step %d: log10|x| falls by %g, want %g", e, i, d, want)
			}
		}
	}
}

// "Press T to add a second, steeper direction." "press ← until y stops
// diverging. At η = 0.1 = 2/L₂ it bounces at constant amplitude; one more
// ← and y oscillates inward, but x now crawls and needs about 90 steps."
func TestCaptionTwoCurvatures(t *testing.T) {
	s := New()
	press(t, s, "T", false)
	if !s.two || s.L2 <= s.L || s.L2 != 20 || s.L != 1 || !strings.Contains(s.captionText(), "With L₂ = 20 and L₁ = 1") {
		t.Fatalf("T: two %v, L %g, L₂ %g", s.two, s.L, s.L2)
	}
	if st := status(s); st.Y.Regime != "diverging" {
		t.Fatalf("y at the start: %s", st.Y.Regime)
	}
	n := 0
	for status(s).Y.Regime == "diverging" {
		press(t, s, "←", false)
		n++
	}
	st := finish(s)
	if s.lr != 0.1 || st.Y.Regime != "constant" || st.Y.StepsTo != -1 {
		t.Fatalf("after %d ←: η %g, y %s", n, s.lr, st.Y.Regime)
	}
	for _, y := range s.run.ys {
		if math.Abs(math.Abs(y)-1) > 1e-9 {
			t.Fatalf("constant amplitude: y %g", y)
		}
	}
	press(t, s, "←", false)
	st = finish(s)
	if st.Y.Regime != "oscillating" || st.Regime != "crawling" || st.StepsTo < 80 || st.StepsTo > 100 || st.IterSteps != st.StepsTo {
		t.Errorf("one more ←: η %g, x %s in %d steps, y %s", s.lr, st.Regime, st.StepsTo, st.Y.Regime)
	}
	// "No η suits both: the steep direction caps η at 2/L_max, and the
	// shallow one then needs on the order of L_max/L_min steps."
	p := st.Pair
	if p.StableLR != 2/s.L2 || float64(p.SafeSteps) < p.Kappa || float64(p.BestSteps) < p.Kappa/2 {
		t.Errorf("pair %+v", p)
	}
	if !strings.Contains(s.captionText(), "key 6 opens the optimizer race") {
		t.Error("the bridge to the race")
	}
}

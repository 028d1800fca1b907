package quad

import (
	"math"
	"testing"
)

func TestRegimeBoundaries(t *testing.T) {
	for _, c := range []struct {
		etaL  float64
		want  Regime
		steps int // from x0 = 1 to |x| < 1e-3; −1 never
	}{
		{0.05, Crawling, 135},
		{0.5, Converging, 10},
		{1, Fastest, 1},
		{1.5, Oscillating, 10},
		{2, Constant, -1},
		{2.5, Diverging, -1},
		{0.0999, Crawling, 66},
		{0.1, Converging, 66},
		{0.985, Fastest, 2},
		{0.97, Converging, 2},
		{1.03, Oscillating, 2},
		{1.97, Oscillating, 227},
		{1.99, Constant, 688},
		{2.01, Constant, -1},
		{2.03, Diverging, -1},
	} {
		if got := Classify(c.etaL); got != c.want {
			t.Errorf("ηL %g: %v, want %v", c.etaL, got, c.want)
		}
		if got := StepsTo(c.etaL, 1, Threshold); got != c.steps {
			t.Errorf("ηL %g: %d steps, want %d", c.etaL, got, c.steps)
		}
	}
	if !Oscillating.Converges() || Constant.Converges() || Diverging.Converges() {
		t.Error("Converges")
	}
	for _, r := range Regimes {
		if r.String() == "unknown" || r.Name() == "unknown" {
			t.Errorf("regime %d unnamed", r)
		}
	}
}

// The closed form agrees with iterating the update, over a grid of rates,
// curvatures and starts.
func TestStepsClosedFormMatchesIteration(t *testing.T) {
	n := 0
	for _, L := range []float64{0.1, 0.37, 1, 3, 10} {
		for e := -3.0; e <= 1.3; e += 0.0625 {
			eta := math.Pow(10, e)
			for _, x0 := range []float64{0.01, 0.5, 1, -2, 7.3, 10} {
				etaL := eta * L
				want := StepsTo(etaL, x0, Threshold)
				div := DivergesAt(etaL, x0, Bound)
				limit := 20000
				if want > limit {
					continue
				}
				xs, d := Iterate(nil, eta, L, x0, limit)
				got := FirstBelow(xs, Threshold)
				q := math.Log(Threshold/math.Abs(x0)) / math.Log(math.Abs(1-etaL))
				near := math.Abs(q-math.Round(q)) < 1e-9 // rounding may go either way
				if got != want && !(near && abs(got-want) <= 1) {
					t.Errorf("η %g L %g x0 %g: iteration %d, closed form %d", eta, L, x0, got, want)
				}
				if d != div && !(abs(d-div) <= 1 && d > 0 && div > 0) {
					t.Errorf("η %g L %g x0 %g: diverged at %d, closed form %d", eta, L, x0, d, div)
				}
				n++
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d cases", n)
	}
}

func abs(n int) int { return max(n, -n) }

func TestDivergenceStopsBeforeInfinity(t *testing.T) {
	xs, d := Iterate(nil, 20, 10, 10, 1_000_000)
	if d <= 0 || d != len(xs)-1 {
		t.Fatalf("diverged at %d of %d", d, len(xs))
	}
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("non-finite iterate %g", x)
		}
	}
	if last := math.Abs(xs[d]); last <= Bound || last > Bound*201 {
		t.Errorf("last |x| %g", last)
	}
	if DivergesAt(2.5, 1, Bound) != d2(2.5) {
		t.Error("closed form")
	}
	if DivergesAt(1.5, 1, Bound) != -1 || DivergesAt(2, 1, Bound) != -1 {
		t.Error("stable runs do not diverge")
	}
}

func d2(etaL float64) int {
	_, d := Iterate(nil, etaL, 1, 1, 1000)
	return d
}

func TestStepsEdgeCases(t *testing.T) {
	if StepsTo(0.5, 1e-4, Threshold) != 0 {
		t.Error("already below")
	}
	if StepsTo(1e-300, 1, Threshold) != MaxSteps {
		t.Errorf("tiny rate: %d", StepsTo(1e-300, 1, Threshold))
	}
	if StepsTo(2, 1, Threshold) != -1 || StepsTo(3, 1, Threshold) != -1 {
		t.Error("never")
	}
	// Exactly 1/L: one step, to exactly zero.
	xs, _ := Iterate(nil, 0.25, 4, 3, 3)
	if xs[1] != 0 || StepsTo(1, 3, Threshold) != 1 {
		t.Errorf("η = 1/L: %v", xs)
	}
}

func TestPair(t *testing.T) {
	p := Pair(1, 20, 1, Threshold)
	if p.Kappa != 20 || p.StableLR != 0.1 || math.Abs(p.BestLR-2.0/21) > 1e-15 || math.Abs(p.BestFactor-19.0/21) > 1e-15 {
		t.Errorf("%+v", p)
	}
	// At the best rate both directions shrink by 19/21 a step.
	want := int(math.Floor(math.Log(1e-3)/math.Log(19.0/21))) + 1
	if p.BestSteps != want {
		t.Errorf("best steps %d, want %d", p.BestSteps, want)
	}
	// At 1/L_max the shallow direction shrinks by 1 − 1/κ: about κ·ln 1000 steps.
	if p.SafeSteps < 130 || p.SafeSteps > 140 {
		t.Errorf("safe steps %d", p.SafeSteps)
	}
	if q := Pair(20, 1, 1, Threshold); q.Kappa != 20 || q.BestSteps != p.BestSteps {
		t.Errorf("order: %+v", q)
	}
}

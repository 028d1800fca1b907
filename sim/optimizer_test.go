package sim

import (
	"math"
	"testing"

	"gradlab/surfaces"
)

// Trajectories from REFERENCE.md, computed independently from PyTorch's
// documented update rules.
var trajectories = []struct {
	surface string
	kind    Kind
	lr      float64
	steps   int
	x, y, f float64
}{
	{"rosenbrock", SGD, 0.001, 1, -1.345, 2.05, 11.3059200625},
	{"rosenbrock", SGD, 0.001, 10, -1.42221447584, 2.00141663835, 5.91239564388},
	{"rosenbrock", SGD, 0.001, 100, -1.36376678611, 1.86749874825, 5.5932287005},
	{"rosenbrock", Momentum, 0.001, 1, -1.345, 2.05, 11.3059200625},
	{"rosenbrock", Momentum, 0.001, 10, -1.30120098953, 1.9105674473, 10.0236906128},
	{"rosenbrock", Momentum, 0.001, 100, -0.58654918177, 0.351021682788, 2.52201277573},
	{"rosenbrock", Nesterov, 0.001, 1, -1.2055, 2.095, 46.0510714515},
	{"rosenbrock", Nesterov, 0.001, 10, -0.861506272974, 0.735808910421, 3.46928133883},
	{"rosenbrock", Nesterov, 0.001, 100, 0.663487500421, 0.438571605072, 0.11351095509},
	{"rosenbrock", RMSProp, 0.01, 1, -1.40000000006, 2.0999999998, 7.71999998965},
	{"rosenbrock", RMSProp, 0.01, 10, -1.42725614207, 2.04327309153, 5.89543251171},
	{"rosenbrock", RMSProp, 0.01, 100, -1.33610128956, 1.79138195938, 5.46123223474},
	{"rosenbrock", Adam, 0.01, 1, -1.49, 2.01, 10.6143010002},
	{"rosenbrock", Adam, 0.01, 10, -1.41764253363, 2.08118048517, 6.35579339752},
	{"rosenbrock", Adam, 0.01, 100, -1.40498121521, 1.98035122803, 5.78800382613},
	{"rosenbrock", AdaGrad, 0.1, 1, -1.4, 2.1, 7.71999999999},
	{"rosenbrock", AdaGrad, 0.1, 10, -1.4274166899, 2.04373381558, 5.89621491728},
	{"rosenbrock", AdaGrad, 0.1, 100, -1.35871186484, 1.85230427182, 5.56737352716},
	{"beale", SGD, 0.001, 1, 0.9655, 1.4075, 32.7440328121},
	{"beale", SGD, 0.001, 10, 0.883489673879, 1.02198542259, 14.7563024108},
	{"beale", SGD, 0.001, 100, 1.35332131029, 0.236415057316, 2.82610954769},
	{"beale", Momentum, 0.001, 1, 0.9655, 1.4075, 32.7440328121},
	{"beale", Momentum, 0.001, 10, 0.667771713673, -0.0995819969212, 6.9389497446},
	{"beale", Momentum, 0.001, 100, 2.39314159872, 0.300987498162, 0.123574621539},
	{"beale", Nesterov, 0.001, 1, 0.93445, 1.32425, 26.8823977845},
	{"beale", Nesterov, 0.001, 10, 0.778252904048, 0.00527254204838, 6.10343735633},
	{"beale", Nesterov, 0.001, 100, 2.40817092338, 0.306564428592, 0.115432043398},
	{"beale", RMSProp, 0.01, 1, 0.90000000029, 1.40000000011, 30.7512651733},
	{"beale", RMSProp, 0.01, 10, 0.679246596063, 1.13207131396, 17.0790969329},
	{"beale", RMSProp, 0.01, 100, 1.4341378289, 0.399482467911, 3.14376683823},
	{"beale", Adam, 0.01, 1, 0.990000000003, 1.49, 40.0045061096},
	{"beale", Adam, 0.01, 10, 0.901684056011, 1.40141111516, 30.8783787533},
	{"beale", Adam, 0.01, 100, 0.59921354628, 0.879674058959, 12.4326939628},
	{"beale", AdaGrad, 0.1, 1, 0.9, 1.4, 30.75126516},
	{"beale", AdaGrad, 0.1, 10, 0.681388007781, 1.13529830547, 17.1697625511},
	{"beale", AdaGrad, 0.1, 100, 1.25257470668, 0.488351603953, 4.72334848069},
}

func TestReferenceTrajectories(t *testing.T) {
	for _, tc := range trajectories {
		s, _ := surfaces.ByID(tc.surface)
		start := surfaces.Point{X: -1.5, Y: 2}
		if tc.surface == "beale" {
			start = surfaces.Point{X: 1, Y: 1.5}
		}
		o := New(tc.kind, DefaultHyper(tc.kind))
		th := []float64{start.X, start.Y}
		g := make([]float64, 2)
		for i := 0; i < tc.steps; i++ {
			g[0], g[1] = s.Grad(th[0], th[1])
			o.Step(th, g, tc.lr)
		}
		f := s.F(th[0], th[1])
		// The table gives 12 significant digits; 1e-9 relative is well inside.
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"x", th[0], tc.x}, {"y", th[1], tc.y}, {"f", f, tc.f}} {
			if rel(c.got, c.want) > 1e-9 {
				t.Errorf("%s %s lr=%g after %d steps: %s = %.12g, want %.12g",
					tc.surface, tc.kind, tc.lr, tc.steps, c.name, c.got, c.want)
			}
		}
	}
}

func rel(a, b float64) float64 {
	return math.Abs(a-b) / math.Max(math.Abs(b), 1e-12)
}

func TestAdamFirstStepIsLR(t *testing.T) {
	for _, g := range []float64{1e-3, 1, 1e4, -7} {
		o := New(Adam, DefaultHyper(Adam))
		th := []float64{0}
		o.Step(th, []float64{g}, 0.05)
		if math.Abs(math.Abs(th[0])-0.05) > 1e-6 {
			t.Errorf("gradient %g: first Adam step moved %g, want 0.05", g, th[0])
		}
	}
}

func TestAdamWDecaysWeightsBeforeAdam(t *testing.T) {
	h := DefaultHyper(AdamW)
	h.WeightDecay = 0.5
	a, w := New(Adam, DefaultHyper(Adam)), New(AdamW, h)
	ta, tw := []float64{2}, []float64{2}
	a.Step(ta, []float64{1}, 0.1)
	w.Step(tw, []float64{1}, 0.1)
	// AdamW: θ ← θ(1 − ηλ), then the same Adam step.
	if want := ta[0] - 2*0.1*0.5; math.Abs(tw[0]-want) > 1e-12 {
		t.Errorf("AdamW θ = %g, want %g", tw[0], want)
	}
}

func TestResetForgetsState(t *testing.T) {
	for _, k := range Kinds {
		o := New(k, DefaultHyper(k))
		a := []float64{1, -2}
		o.Step(a, []float64{3, 4}, 0.1)
		o.Step(a, []float64{3, 4}, 0.1)
		o.Reset()
		b := []float64{1, -2}
		fresh := New(k, DefaultHyper(k))
		c := []float64{1, -2}
		o.Step(b, []float64{3, 4}, 0.1)
		fresh.Step(c, []float64{3, 4}, 0.1)
		if b[0] != c[0] || b[1] != c[1] || o.Steps() != 1 {
			t.Errorf("%s: reset optimizer differs from a new one", k)
		}
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds {
		if got, err := ParseKind(string(k)); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k, got, err)
		}
	}
	if got, err := ParseKind("ADAM"); err != nil || got != Adam {
		t.Error("ParseKind is case-sensitive")
	}
	if _, err := ParseKind("lbfgs"); err == nil {
		t.Error("ParseKind accepted an unknown optimizer")
	}
}

func BenchmarkStepAdam(b *testing.B) {
	o := New(Adam, DefaultHyper(Adam))
	th, g := []float64{1, 2}, []float64{0.1, -0.2}
	for i := 0; i < b.N; i++ {
		o.Step(th, g, 1e-3)
	}
}

package sim

import (
	"math"
	"testing"

	"gradlab/surfaces"
)

// Trajectories computed independently from PyTorch's documented update rules.
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

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestStateBeforeFirstStep(t *testing.T) {
	for _, k := range Kinds {
		o := New(k, DefaultHyper(k))
		if k == Adam {
			// A reset optimizer must look new too.
			o.Step([]float64{1}, []float64{1}, 0.1)
			o.Reset()
		}
		if o.FirstMoment() != nil || o.SecondMoment() != nil || o.StepSize() != nil ||
			o.Gain() != nil || o.LastStep() != nil || o.LastGrad() != nil || o.LR() != 0 {
			t.Errorf("%s: state before the first step", k)
		}
		if _, _, ok := o.BiasCorrected(); ok {
			t.Errorf("%s: bias-corrected moments before the first step", k)
		}
	}
}

// Each case is worked by hand from PyTorch's documented update rules: two
// steps with gradients g1 then g2 from θ = (1, −2).
func TestStateMatchesHandComputation(t *testing.T) {
	g1, g2 := []float64{3, -0.5}, []float64{-1, 2}
	const lr = 0.1
	type want struct {
		m, v, size, step []float64 // after the second step; nil: not kept
	}
	mu, a, b1, b2 := 0.9, 0.99, 0.9, 0.999
	eps := 1e-8
	adamM := func(i int) float64 { return (b1*(1-b1)*g1[i] + (1-b1)*g2[i]) }
	adamV := func(i int) float64 { return (b2*(1-b2)*g1[i]*g1[i] + (1-b2)*g2[i]*g2[i]) }
	adamStep := func(i int) float64 {
		mh, vh := adamM(i)/(1-b1*b1), adamV(i)/(1-b2*b2)
		return -lr * mh / (math.Sqrt(vh) + eps)
	}
	rmsV := func(i int) float64 { return a*(1-a)*g1[i]*g1[i] + (1-a)*g2[i]*g2[i] }
	cases := map[Kind]want{
		SGD: {size: []float64{lr, lr}, step: []float64{-lr * g2[0], -lr * g2[1]}},
		Momentum: {m: []float64{mu*g1[0] + g2[0], mu*g1[1] + g2[1]}, size: []float64{lr, lr},
			step: []float64{-lr * (mu*g1[0] + g2[0]), -lr * (mu*g1[1] + g2[1])}},
		Nesterov: {m: []float64{mu*g1[0] + g2[0], mu*g1[1] + g2[1]}, size: []float64{lr, lr},
			step: []float64{-lr * (g2[0] + mu*(mu*g1[0]+g2[0])), -lr * (g2[1] + mu*(mu*g1[1]+g2[1]))}},
		RMSProp: {v: []float64{rmsV(0), rmsV(1)},
			size: []float64{lr / (math.Sqrt(rmsV(0)) + eps), lr / (math.Sqrt(rmsV(1)) + eps)},
			step: []float64{-lr * g2[0] / (math.Sqrt(rmsV(0)) + eps), -lr * g2[1] / (math.Sqrt(rmsV(1)) + eps)}},
		AdaGrad: {v: []float64{g1[0]*g1[0] + g2[0]*g2[0], g1[1]*g1[1] + g2[1]*g2[1]},
			size: []float64{lr / (math.Sqrt(10) + 1e-10), lr / (math.Sqrt(4.25) + 1e-10)},
			step: []float64{-lr * g2[0] / (math.Sqrt(10) + 1e-10), -lr * g2[1] / (math.Sqrt(4.25) + 1e-10)}},
		Adam: {m: []float64{adamM(0), adamM(1)}, v: []float64{adamV(0), adamV(1)},
			size: []float64{lr / (math.Sqrt(adamV(0)/(1-b2*b2)) + eps), lr / (math.Sqrt(adamV(1)/(1-b2*b2)) + eps)},
			step: []float64{adamStep(0), adamStep(1)}},
	}
	for k, w := range cases {
		o := New(k, DefaultHyper(k))
		th := []float64{1, -2}
		o.Step(th, g1, lr)
		before := append([]float64(nil), th...)
		o.Step(th, g2, lr)
		check := func(what string, got, want []float64) {
			if want == nil {
				if got != nil {
					t.Errorf("%s: %s = %v, want none", k, what, got)
				}
				return
			}
			for i := range want {
				if len(got) != len(want) || !near(got[i], want[i], 1e-12) {
					t.Errorf("%s: %s = %v, want %v", k, what, got, want)
					return
				}
			}
		}
		check("first moment", o.FirstMoment(), w.m)
		check("second moment", o.SecondMoment(), w.v)
		check("step size", o.StepSize(), w.size)
		check("last step", o.LastStep(), w.step)
		check("step actually taken", []float64{th[0] - before[0], th[1] - before[1]}, w.step)
		check("last gradient", o.LastGrad(), g2)
		gain := o.Gain()
		for i := range gain {
			if !near(gain[i], -w.step[i]/g2[i], 1e-12) {
				t.Errorf("%s: gain %v, want −Δθ/g", k, gain)
			}
		}
		if o.Steps() != 2 || o.LR() != lr {
			t.Errorf("%s: t = %d, lr = %g", k, o.Steps(), o.LR())
		}
	}
}

func TestAdamFirstStepState(t *testing.T) {
	// PyTorch's Adam: after one step m̂ = g and v̂ = g² exactly (up to
	// rounding), so the step is η·g/(|g| + ε): η in each coordinate.
	g := []float64{250, -0.003}
	for _, k := range []Kind{Adam, AdamW} {
		h := DefaultHyper(k)
		h.WeightDecay = 0 // AdamW with λ = 0 is Adam
		o := New(k, h)
		th := []float64{1, 1}
		o.Step(th, g, 0.01)
		mh, vh, ok := o.BiasCorrected()
		if !ok {
			t.Fatalf("%s: no bias-corrected moments", k)
		}
		for i := range g {
			if !near(mh[i], g[i], 1e-12) || !near(vh[i], g[i]*g[i], 1e-12) {
				t.Errorf("%s: m̂ = %v, v̂ = %v, want g and g²", k, mh, vh)
			}
			if d := o.LastStep()[i]; math.Abs(math.Abs(d)-0.01) > 1e-7 {
				t.Errorf("%s: first step moved coordinate %d by %g, want 0.01", k, i, d)
			}
			if s := o.StepSize()[i]; !near(s, 0.01/(math.Abs(g[i])+1e-8), 1e-12) {
				t.Errorf("%s: step size %g", k, s)
			}
		}
		if m := o.FirstMoment(); !near(m[0], 0.1*g[0], 1e-12) {
			t.Errorf("%s: raw m = %v, want (1 − β₁)g", k, m)
		}
	}
}

func TestStateAccessorsReturnCopies(t *testing.T) {
	o := New(Adam, DefaultHyper(Adam))
	th := []float64{0, 0}
	o.Step(th, []float64{1, 2}, 0.1)
	for _, s := range [][]float64{o.FirstMoment(), o.SecondMoment(), o.LastStep(), o.LastGrad(), o.StepSize()} {
		s[0] = 1e9
	}
	mh, vh, _ := o.BiasCorrected()
	mh[0], vh[0] = 1e9, 1e9
	if m := o.FirstMoment(); m[0] == 1e9 {
		t.Error("FirstMoment exposes the optimizer's buffer")
	}
	if v := o.SecondMoment(); v[0] == 1e9 {
		t.Error("SecondMoment exposes the optimizer's buffer")
	}
	if d := o.LastStep(); d[0] == 1e9 {
		t.Error("LastStep exposes the optimizer's buffer")
	}
}

func TestGainWhereGradientIsZero(t *testing.T) {
	o := New(Momentum, DefaultHyper(Momentum))
	th := []float64{0, 0}
	o.Step(th, []float64{1, 1}, 0.1)
	o.Step(th, []float64{0, 2}, 0.1)
	g := o.Gain()
	// Coordinate 0 still moved (velocity 0.9) with no gradient at all.
	if !math.IsNaN(g[0]) || !near(g[1], 0.1*(0.9+2)/2, 1e-12) {
		t.Errorf("gain %v, want NaN and 0.145", g)
	}
}

func TestParams(t *testing.T) {
	for _, k := range Kinds {
		ps := Params(k)
		seen := map[string]bool{}
		h := DefaultHyper(k)
		for _, p := range ps {
			if seen[p.Name] {
				t.Errorf("%s lists %s twice", k, p.Name)
			}
			seen[p.Name] = true
			v := *p.Get(&h)
			if !(p.Min < p.Max) || v < p.Min || v > p.Max {
				t.Errorf("%s %s: default %g outside [%g, %g]", k, p.Name, v, p.Min, p.Max)
			}
			if p.Log && p.Min <= 0 || p.Complement && p.Max >= 1 {
				t.Errorf("%s %s: range [%g, %g] does not suit its scale", k, p.Name, p.Min, p.Max)
			}
			if u := p.Unit(p.Min); u != 0 {
				t.Errorf("%s %s: Unit(Min) = %g", k, p.Name, u)
			}
			if u := p.Unit(p.Max); math.Abs(u-1) > 1e-12 {
				t.Errorf("%s %s: Unit(Max) = %g", k, p.Name, u)
			}
			for _, u := range []float64{0, 0.1, 0.5, 0.77, 1} {
				if got := p.Unit(p.Value(u)); math.Abs(got-u) > 1e-9 {
					t.Errorf("%s %s: Unit(Value(%g)) = %g", k, p.Name, u, got)
				}
			}
			if p.Value(-1) != p.Min || p.Value(2) != p.Max {
				t.Errorf("%s %s: Value does not clamp", k, p.Name)
			}
		}
		if m, ok := MainParam(k); ok {
			h := DefaultHyper(k)
			found := false
			for _, p := range ps {
				found = found || (p.Name == m.Name && p.Get(&h) == m.Get(&h))
			}
			if !found {
				t.Errorf("%s: main parameter %s missing from Params", k, m.Name)
			}
		}
	}
	if n := len(Params(SGD)); n != 0 {
		t.Errorf("SGD has %d parameters besides η", n)
	}
	names := func(k Kind) (s string) {
		for _, p := range Params(k) {
			s += p.Name + " "
		}
		return s
	}
	if got := names(AdamW); got != "β₁ β₂ ε λ " {
		t.Errorf("AdamW params %q", got)
	}
	// The scales put the telling values where a slider can reach them.
	eps, _ := paramByName(Adam, "ε")
	if u := eps.Unit(1e-6); math.Abs(u-0.5) > 1e-12 {
		t.Errorf("ε = 1e-6 sits at %g of the slider, want the middle of 1e-12…1", u)
	}
	b2, _ := paramByName(Adam, "β₂")
	u9, u99, u999 := b2.Unit(0.9), b2.Unit(0.99), b2.Unit(0.999)
	if math.Abs((u99-u9)-(u999-u99)) > 1e-12 || u99-u9 < 0.2 {
		t.Errorf("β₂ 0.9, 0.99, 0.999 at %g, %g, %g: want evenly spread", u9, u99, u999)
	}
}

func paramByName(k Kind, name string) (Param, bool) {
	for _, p := range Params(k) {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

func TestEditedEpsReachesTheUpdate(t *testing.T) {
	// ε = 1 swamps √v̂ = |g| = 0.5: the first step is η·0.5/1.5, not η.
	h := DefaultHyper(Adam)
	p, _ := paramByName(Adam, "ε")
	*p.Get(&h) = p.Max
	o := New(Adam, h)
	th := []float64{0}
	o.Step(th, []float64{0.5}, 0.3)
	if !near(th[0], -0.1, 1e-12) {
		t.Errorf("θ = %g, want −0.1", th[0])
	}
}

func BenchmarkStepAdam(b *testing.B) {
	o := New(Adam, DefaultHyper(Adam))
	th, g := []float64{1, 2}, []float64{0.1, -0.2}
	for i := 0; i < b.N; i++ {
		o.Step(th, g, 1e-3)
	}
}

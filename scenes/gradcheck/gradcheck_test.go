package gradcheck

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gradlab/scenes/kit"
	gc "gradlab/sim/gradcheck"
	"gradlab/sim/nn"
	"gradlab/widgets"
)

func query(s *Scene) string { return kit.EncodeQuery("gradcheck", s.Params()) }

func apply(s *Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
}

// open returns a scene on function id at step h.
func open(t *testing.T, id string, h float64) *Scene {
	t.Helper()
	s := New()
	s.setFn(fnIndex(id))
	s.setH(h)
	if fns[s.fn].id != id || s.h != h {
		t.Fatalf("could not open %s at h=%g: got %s at %g", id, h, fns[s.fn].id, s.h)
	}
	return s
}

func status(s *Scene) Status { return s.Status().(Status) }

// curve finds a series of the current function.
func curve(t *testing.T, s *Scene, m gc.Method, p gc.Precision) *series {
	t.Helper()
	for i := range s.curves {
		if s.curves[i].m == m && s.curves[i].p == p {
			return &s.curves[i]
		}
	}
	t.Fatalf("%s has no %s %s curve", fns[s.fn].id, m, p)
	return nil
}

func TestDefaults(t *testing.T) {
	s := New()
	st := status(s)
	if st.Function != "smooth" || st.H != 1e-5 || st.Bug != "none" || st.Seed != 1 || st.Params != 63 ||
		st.Check.State != "idle" || len(st.Series) != 4 || st.Float32 == nil {
		t.Fatalf("landing state %+v", st)
	}
	if q := query(s); q != "scene=gradcheck&fn=smooth&h=1e-05&bug=none&seed=1&param=30" {
		t.Errorf("landing URL %s", q)
	}
	// The default parameter is layer 2's first weight.
	if st.Layer != 2 || st.Bias || st.ParamName != "layer 2 W, row 1 col 1" {
		t.Errorf("default parameter %d: layer %d bias %v %q", st.Param, st.Layer, st.Bias, st.ParamName)
	}
}

func TestChangingHUpdatesTheNumbers(t *testing.T) {
	for _, id := range fnIDs() {
		s := open(t, id, 1e-5)
		a := status(s)
		s.setH(1e-2)
		b := status(s)
		if b.H != 1e-2 || b.Centered == a.Centered || b.Forward == a.Forward || id != "relu" && b.RelErr == a.RelErr {
			t.Errorf("%s: h 1e-5 → 1e-2 left the numbers: %+v → %+v", id, a, b)
		}
		if b.Analytic != a.Analytic {
			t.Errorf("%s: the analytic derivative moved with h: %g → %g", id, a.Analytic, b.Analytic)
		}
		// The readout's error is RelErr of its own numbers.
		if want := gc.RelErr(b.Analytic, b.Centered); b.RelErr != want {
			t.Errorf("%s: relErr %g, want %g", id, b.RelErr, want)
		}
		if b.Band != gc.Band(b.RelErr).Name {
			t.Errorf("%s: band %q for %g", id, b.Band, b.RelErr)
		}
	}
	// The arrows step quarter decades and land on exact powers of ten.
	s := New()
	for range 4 {
		s.nudgeH(1)
	}
	if s.h != 1e-4 {
		t.Errorf("four → from 1e-5: h = %.17g", s.h)
	}
	for range 100 {
		s.nudgeH(-1)
	}
	if s.h != hMin {
		t.Errorf("h went below its range: %g", s.h)
	}
	for range 100 {
		s.nudgeH(1)
	}
	if s.h != hMax {
		t.Errorf("h went above its range: %g", s.h)
	}
}

func TestKeysChangeTheState(t *testing.T) {
	s := New()
	keys := map[string]kit.Key{}
	for _, k := range s.Keys() {
		keys[k.Label] = k
	}
	press := func(label string, shift bool) {
		k, ok := keys[label]
		if !ok {
			t.Fatalf("no key %q", label)
		}
		k.Do(shift)
	}
	press("→", false)
	if s.h <= 1e-5 {
		t.Error("→ did not raise h")
	}
	press("R", false)
	if s.h != 1e-5 {
		t.Error("R did not reset h")
	}
	press("F / Shift+F", true)
	if fns[s.fn].id != netID {
		t.Errorf("Shift+F from smooth went to %s, want the network", fns[s.fn].id)
	}
	press("↑ / Shift+↑", false)
	if s.param != 31 {
		t.Errorf("↑: parameter %d", s.param)
	}
	press("↑ / Shift+↑", true)
	if s.param != 60 {
		t.Errorf("Shift+↑ from W2: parameter %d, want b2 at 60", s.param)
	}
	press("↓ / Shift+↓", true)
	if s.param != 30 {
		t.Errorf("Shift+↓ from b2: parameter %d, want W2 at 30", s.param)
	}
	press("B / Shift+B", false)
	press("S / Shift+S", false)
	if bugs[s.bugI] != nn.Bugs[0] || s.seed != 2 {
		t.Errorf("B and S: bug %s seed %d", bugs[s.bugI], s.seed)
	}
	press("C", false)
	s.chk.finish()
	if !s.chk.finished() {
		t.Error("C did not run the check")
	}
}

func TestVSlopes(t *testing.T) {
	for _, id := range []string{"smooth", "cubic"} {
		s := open(t, id, 1e-5)
		st := status(s)
		if !st.V {
			t.Fatalf("%s: no V", id)
		}
		for _, c := range s.curves {
			tol := 0.15
			if c.p == gc.Float32 {
				tol = 0.3 // fewer points per arm, coarser rounding
			}
			if !c.vOK {
				t.Errorf("%s %s: no V fitted", id, c.name())
				continue
			}
			if want := float64(c.m.Order()); math.Abs(c.v.Truncation.Slope-want) > tol {
				t.Errorf("%s %s: truncation slope %.2f, want %g", id, c.name(), c.v.Truncation.Slope, want)
			}
			if math.Abs(c.v.RoundOff.Slope+1) > tol {
				t.Errorf("%s %s: round-off slope %.2f, want −1", id, c.name(), c.v.RoundOff.Slope)
			}
		}
		for _, ss := range st.Series {
			if !ss.V || ss.TruncSlope == 0 || ss.RoundOffSlope >= 0 || ss.BestH <= 0 {
				t.Errorf("%s: series status %+v", id, ss)
			}
		}
		// Centered beats forward at the bottom of the V, float64 beats
		// float32.
		c64, f64 := curve(t, s, gc.Centered, gc.Float64), curve(t, s, gc.Forward, gc.Float64)
		c32 := curve(t, s, gc.Centered, gc.Float32)
		if !(c64.v.MinErr < f64.v.MinErr/100) || !(c64.v.MinErr < c32.v.MinErr/1e4) {
			t.Errorf("%s: bottoms centered64 %g forward64 %g centered32 %g", id, c64.v.MinErr, f64.v.MinErr, c32.v.MinErr)
		}
		if !(c64.v.BestH > 1e-7 && c64.v.BestH < 1e-4) {
			t.Errorf("%s: centered float64 best h %g, want near 1e-5", id, c64.v.BestH)
		}
	}
}

func TestKinkedFunctionsHaveNoV(t *testing.T) {
	for _, id := range []string{"relu", "abs"} {
		s := open(t, id, 1e-5)
		st := status(s)
		if st.V || s.hasV() {
			t.Errorf("%s: reported a V", id)
		}
		for _, ss := range st.Series {
			if ss.V || ss.TruncSlope != 0 || ss.RoundOffSlope != 0 {
				t.Errorf("%s: slopes reported without a V: %+v", id, ss)
			}
		}
		f := fns[s.fn].f
		if st.KinkDistance != math.Abs(f.X) {
			t.Errorf("%s: kink distance %g, want %g", id, st.KinkDistance, math.Abs(f.X))
		}
		// Below the kink distance no step crosses it; above it both do.
		s.setH(f.X * f.X / math.Abs(f.X) / 10)
		if s.crosses(gc.Centered) || status(s).CrossesKink {
			t.Errorf("%s: h = %g < %g said to cross the kink", id, s.h, st.KinkDistance)
		}
		s.setH(math.Abs(f.X) * 10)
		if !s.crosses(gc.Centered) || !status(s).CrossesKink {
			t.Errorf("%s: h = %g > %g not said to cross the kink", id, s.h, st.KinkDistance)
		}
	}
}

func TestNetworkCurves(t *testing.T) {
	s := open(t, netID, 1e-5)
	st := status(s)
	if len(st.Series) != 2 || st.Float32 != nil {
		t.Fatalf("the network shows %d series, float32 %v", len(st.Series), st.Float32)
	}
	// Every second-layer weight's loss is smooth: a clean V.
	w2 := s.net.ranges[2]
	for p := w2.Lo; p < w2.Hi; p++ {
		s.setParam(p)
		if !math.IsInf(s.kinkH, 1) {
			t.Errorf("θ[%d] in layer 2 has a kink at %g", p, s.kinkH)
		}
		for _, c := range s.curves {
			if !c.vOK {
				t.Errorf("θ[%d] %s: no V", p, c.name())
				continue
			}
			if want := float64(c.m.Order()); math.Abs(c.v.Truncation.Slope-want) > 0.2 || math.Abs(c.v.RoundOff.Slope+1) > 0.2 {
				t.Errorf("θ[%d] %s: slopes %.2f and %.2f", p, c.name(), c.v.Truncation.Slope, c.v.RoundOff.Slope)
			}
		}
	}
	// The network's sweep is gc.Sweep's numbers.
	p := 7
	s.setParam(p)
	x0 := s.net.net.Theta[p]
	fn := gc.Func{F64: func(x float64) float64 { return s.net.at(p, x) }, Deriv: func(float64) float64 { return s.net.grad[p] }}
	for i, m := range gc.Methods {
		want := gc.Sweep(nil, fn, x0, s.hs, m, gc.Float64, gc.Relative)
		if !slices.Equal(want, s.curves[i].errs) {
			t.Errorf("%s sweep differs from gc.Sweep", m)
		}
	}
	if s.net.net.Theta[p] != x0 {
		t.Error("sweeping moved the parameter")
	}
	// A first-layer parameter has a kink in reach, and the V is fitted
	// only left of it.
	s.setParam(0)
	if math.IsInf(s.kinkH, 1) || !(s.kinkH > 0) {
		t.Fatalf("θ[0]: kink distance %g", s.kinkH)
	}
	for _, c := range s.curves {
		if c.vOK && c.v.Truncation.HHi >= s.kinkH {
			t.Errorf("θ[0] %s: fit reaches h = %g past the kink at %g", c.name(), c.v.Truncation.HHi, s.kinkH)
		}
	}
}

// kinkDist must agree with what the network does: a step just below it
// keeps every hidden unit on its side, just above it crosses.
func TestKinkDistanceMatchesTheNetwork(t *testing.T) {
	m := newNetModel(3, nn.NoBug)
	for _, p := range []int{0, 9, 13, 20, 25, 29} {
		d := m.kinkDist(p)
		if !(d > 0) || math.IsInf(d, 1) {
			t.Fatalf("θ[%d]: kink distance %g", p, d)
		}
		signs := func(dx float64) []bool {
			old := m.net.Theta[p]
			m.net.Theta[p] += dx
			defer func() { m.net.Theta[p] = old }()
			m2 := *m
			var out []bool
			w, b := m2.ranges[0], m2.ranges[1]
			for n := 0; n < m.set.N(); n++ {
				x := m.set.Row(n)
				for j := 0; j < hidden; j++ {
					v := m.net.Theta[b.Lo+j]
					for i := range x {
						v += x[i] * m.net.Theta[w.Lo+i*hidden+j]
					}
					out = append(out, v > 0)
				}
			}
			return out
		}
		base := signs(0)
		if !slices.Equal(base, signs(0.99*d)) || !slices.Equal(base, signs(-0.99*d)) {
			t.Errorf("θ[%d]: a step of 0.99·%g already flips a unit", p, d)
		}
		if slices.Equal(base, signs(1.01*d)) && slices.Equal(base, signs(-1.01*d)) {
			t.Errorf("θ[%d]: a step of 1.01·%g flips no unit", p, d)
		}
	}
}

// expected are the blocks each bug breaks, as the caption says.
var expected = map[nn.Bug][]string{
	nn.NoBug:          nil,
	nn.BugNoMask:      {"layer 1 W", "layer 1 b"},
	nn.BugNoMean:      {"layer 1 W", "layer 1 b", "layer 2 W", "layer 2 b"},
	nn.BugNoRegGrad:   {"layer 1 W", "layer 2 W"},
	nn.BugSign:        {"layer 1 W"},
	nn.BugTranspose:   {"layer 1 W"},
	nn.BugSoftmaxAxis: {"layer 1 W", "layer 1 b", "layer 2 W", "layer 2 b"},
	nn.BugNoMax:       nil,
	nn.BugRegSign:     nil,
}

func TestCheckFlagsTheBrokenLayers(t *testing.T) {
	if len(expected) != len(bugs) {
		t.Fatalf("expected covers %d bugs of %d", len(expected), len(bugs))
	}
	for seed := 0; seed < 12; seed++ {
		s := New()
		s.setSeed(seed)
		s.chk.start(s)
		for bi, b := range bugs {
			s.setBug(bi)
			s.chk.finish()
			st := status(s).Check
			if st.State != "done" || st.Done != 63 || len(st.Layers) != 4 {
				t.Fatalf("seed %d bug %s: check %+v", seed, bugID(b), st)
			}
			want := expected[b]
			if !slices.Equal(st.Flagged, want) && !(len(want) == 0 && len(st.Flagged) == 0) {
				t.Errorf("seed %d bug %s: flagged %q, want %q", seed, bugID(b), st.Flagged, want)
			}
			for i, l := range st.Layers {
				if !slices.Contains(want, l.Name) && l.Band != "good" && !(l.RoundOff && l.Band == "kinks only") {
					t.Errorf("seed %d bug %s: %s not flagged but %s (max %g)", seed, bugID(b), l.Name, l.Band, l.Max)
				}
				if r := s.net.ranges[i]; l.N != r.Hi-r.Lo || l.Name != r.Name {
					t.Errorf("%s has %d entries", l.Name, l.N)
				}
				sum := 0
				for _, n := range l.Hist {
					sum += n
				}
				if sum != l.N || len(l.Hist) != histHi-histLo {
					t.Errorf("%s: histogram %v of %d errors", l.Name, l.Hist, l.N)
				}
			}
		}
	}
}

func TestVerdictInWords(t *testing.T) {
	s := New()
	s.chk.start(s)
	s.chk.finish()
	if v := s.chk.verdict(); !strings.Contains(v, "every layer < 10⁻⁷") {
		t.Errorf("no bug: %q", v)
	}
	s.setBug(slices.Index(bugs, nn.BugSign))
	s.chk.finish()
	v := s.chk.verdict()
	if !strings.HasPrefix(v, "layer 1 W: max relative error 2 — probably wrong; every other layer < 10⁻⁷") {
		t.Errorf("sign bug: %q", v)
	}
	s.setBug(slices.Index(bugs, nn.BugRegSign))
	s.chk.finish()
	if v := s.chk.verdict(); !strings.Contains(v, "Yet the bug") || len(status(s).Check.Flagged) != 0 {
		t.Errorf("reg-sign bug: %q", v)
	}
	// Seed 1 with reg-sign has a layer-2 weight with a gradient of 3e-5,
	// where rounding alone gives 4e-7: said so, not called a bug.
	s.setSeed(1)
	s.chk.finish()
	if st := status(s).Check; !st.Layers[2].RoundOff || st.Layers[2].Band != "kinks only" ||
		!strings.Contains(st.Verdict, "rounding, not a bug") {
		t.Errorf("reg-sign, seed 1: %+v", st)
	}
	// A large h crosses ReLU kinks, and the verdict says so.
	s.setBug(0)
	s.setH(1e-1)
	s.chk.finish()
	st := status(s).Check
	if k := st.Layers[0].Kinks + st.Layers[1].Kinks; k == 0 || st.Layers[2].Kinks+st.Layers[3].Kinks != 0 {
		t.Errorf("kinks at h = 0.1: %+v", st.Layers)
	}
	if v := s.chk.verdict(); !strings.Contains(v, "across its kink") {
		t.Errorf("h = 0.1: %q", v)
	}
}

// The check runs a block per tick within its budget, so the page keeps
// drawing; natively the whole network takes well under the 5 ms that
// would need spreading.
func TestCheckIsSpreadOverTicks(t *testing.T) {
	s := New()
	s.chk.start(s)
	s.chk.step(time.Hour)
	if s.chk.done != 0 {
		t.Errorf("the check ran in the tick it was asked for (%d done)", s.chk.done)
	}
	ticks := 0
	for s.chk.running() {
		s.chk.step(0) // the smallest budget: one block of parameters
		ticks++
		if st := status(s).Check; st.State != "done" && (st.State != "running" || st.Done != min(8*ticks, 63)) {
			t.Fatalf("tick %d: %+v", ticks, st)
		}
	}
	if ticks != 8 {
		t.Errorf("63 parameters in %d ticks of 8", ticks)
	}
	// The fastest of several runs: other processes on the machine only
	// ever make a run slower.
	best := time.Hour
	for range 20 {
		t0 := time.Now()
		s.chk.restart(s)
		s.chk.finish()
		best = min(best, time.Since(t0))
	}
	// Logged, not asserted: a timed assertion fails on a slow machine; the
	// benchmark table reports the frame times.
	t.Logf("whole-network check: %v", best)
}

func TestURLRoundTrip(t *testing.T) {
	a := New()
	a.setFn(fnIndex(netID))
	a.setSeed(42)
	a.setBug(slices.Index(bugs, nn.BugTranspose))
	a.setParam(17)
	a.setH(3.16e-7)
	a.chk.start(a)
	q := query(a)
	if q != "scene=gradcheck&fn=net&h=3.16e-07&bug=transpose&seed=42&param=17&check=1" {
		t.Errorf("query %s", q)
	}
	b := New()
	if msgs := apply(b, "?"+q); len(msgs) != 0 {
		t.Fatalf("own URL refused: %q", msgs)
	}
	if query(b) != q || b.h != a.h || b.param != 17 || b.seed != 42 || bugs[b.bugI] != nn.BugTranspose || !b.chk.asked {
		t.Errorf("round trip: %s", query(b))
	}
	b.chk.finish()
	if got := status(b).Check.Flagged; !slices.Equal(got, []string{"layer 1 W"}) {
		t.Errorf("check from the URL flagged %q", got)
	}
	// Values are read in any case and strictly.
	c := New()
	if msgs := apply(c, "fn=ReLU&bug=No-Mean"); len(msgs) != 0 || fns[c.fn].id != "relu" || bugs[c.bugI] != nn.BugNoMean {
		t.Errorf("any case: %q %s", msgs, query(c))
	}
	for _, raw := range []string{"fn=tanh", "h=1", "h=1e-13", "h=0x1p-4", "param=63", "param=-1", "param=1.5",
		"bug=off-by-one", "seed=10000", "seed=1e3", "check=maybe"} {
		d := New()
		def := query(d)
		if msgs := apply(d, raw); len(msgs) != 1 {
			t.Errorf("%s: messages %q", raw, msgs)
		}
		if query(d) != def {
			t.Errorf("%s: state moved to %s", raw, query(d))
		}
	}
}

// Every number the scene can show is finite in the status and readable on
// screen, at both ends of h, in both precisions.
func TestExtremesStayFinite(t *testing.T) {
	for _, id := range fnIDs() {
		for _, h := range []float64{hMin, 1e-9, hMax} {
			s := open(t, id, h)
			if _, err := json.Marshal(s.Status()); err != nil {
				t.Errorf("%s at h=%g: %v", id, h, err)
			}
			for _, r := range s.at {
				for _, v := range []float64{r.analytic, r.centered, r.forward, r.errC, r.errF} {
					if !finite(v) {
						t.Errorf("%s at h=%g: a reading is %g", id, h, v)
					}
					for _, txt := range []string{sig(v, 10), widgets.Num(v)} {
						if strings.Contains(txt, "NaN") || strings.Contains(txt, "Inf") {
							t.Errorf("%s at h=%g: %q on screen", id, h, txt)
						}
					}
				}
			}
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got := sig(v, 10); got != widgets.Num(v) {
			t.Errorf("sig(%g) = %q", v, got)
		}
		if got := fin(v, -1); !finite(got) {
			t.Errorf("fin(%g) = %g", v, got)
		}
	}
	for v, want := range map[float64]string{9.9949e-9: "10⁻⁸", 9.94e-9: "9.9×10⁻⁹", 0.216: "0.216", 2: "2", 1.3e-10: "1.3×10⁻¹⁰"} {
		if got := num(v); got != want {
			t.Errorf("num(%g) = %q, want %q", v, got, want)
		}
	}
	if got := sig(-4.780331281e-5, 4); got != "−4.780×10⁻⁵" {
		t.Errorf("sig = %q", got)
	}
	if got := sig(0.0881203311, 6); got != "0.0881203" {
		t.Errorf("sig = %q", got)
	}
}

// TestCaptionClaims does what each caption tells people to try and checks
// that they see what it says.
func TestCaptionClaims(t *testing.T) {
	t.Run("smooth", func(t *testing.T) {
		s := open(t, "smooth", 1e-5)
		at5 := s.at[0].errC
		for s.h > 1e-9 {
			s.nudgeH(-1) // "press ← until h = 10⁻⁹"
		}
		if s.h != 1e-9 {
			t.Fatalf("← did not land on 1e-9: %g", s.h)
		}
		// "Both float64 errors have risen again, the centered one tens of
		// times above its value at 10⁻⁵".
		if r := s.at[0].errC / at5; !(r >= 10 && r < 100) {
			t.Errorf("centered error at 1e-9 is %g, at 1e-5 %g: %.0f times, not tens of times", s.at[0].errC, at5, r)
		}
		for _, c := range s.curves {
			if c.p == gc.Float64 && !(s.errAt(&c) > 3*c.v.MinErr) {
				t.Errorf("%s at 1e-9: %g, not risen from its bottom %g", c.name(), s.errAt(&c), c.v.MinErr)
			}
		}
		// "at 10⁻¹² even the centered error has left the green band".
		for s.h > 1e-12 {
			s.nudgeH(-1)
		}
		if s.h != 1e-12 || gc.Band(s.at[0].errC).Severity == gc.Good {
			t.Errorf("centered error at h = %g: %g", s.h, s.at[0].errC)
		}
		// "The thin float32 curves never reach the green band at any h"
		// (and the thin lines are the float32 ones).
		for _, c := range s.curves {
			if c.p != gc.Float32 {
				continue
			}
			if styleOf(&c).w >= styleOf(&s.curves[0]).w {
				t.Error("float32 curves are not drawn thinner than float64")
			}
			for k, e := range c.errs {
				if gc.Band(e).Severity == gc.Good {
					t.Errorf("%s reaches the green band at h = %g: %g", c.name(), s.hs[k], e)
				}
			}
		}
		if !strings.Contains(captions["smooth"], "thin float32 curves never reach the green band") {
			t.Error("the caption changed; update this test")
		}
	})
	t.Run("cubic", func(t *testing.T) {
		s := open(t, "cubic", 1e-5)
		for s.h < 1e-1 {
			s.nudgeH(1) // "press → up to h = 10⁻¹"
		}
		if s.h != 0.1 {
			t.Fatalf("→ did not land on 0.1: %g", s.h)
		}
		if e := s.at[0].errC; math.Abs(e-0.0099) > 0.00005 {
			t.Errorf("centered error at 0.1: %g, caption says about 0.0099", e)
		}
		if e := s.at[0].errF; math.Abs(e-0.24) > 0.005 {
			t.Errorf("forward error at 0.1: %g, caption says about 0.24", e)
		}
		for _, c := range s.curves {
			if c.p == gc.Float64 && math.Abs(c.v.Truncation.Slope-float64(c.m.Order())) > 0.02 {
				t.Errorf("%s: slope %.3f, caption says %d", c.name(), c.v.Truncation.Slope, c.m.Order())
			}
		}
	})
	t.Run("relu", func(t *testing.T) {
		s := open(t, "relu", 1e-7)
		if s.at[0].errC != 0 || s.at[1].errC != 0 {
			t.Errorf("below the kink the check is not exact: %g, %g", s.at[0].errC, s.at[1].errC)
		}
		s.setH(3e-6) // "drag h past 10⁻⁶"
		for i, r := range s.at {
			if !(r.centered > 0.3 && r.centered < 0.5) || r.errC < 0.99 || gc.Band(r.errC).Severity != gc.Wrong {
				t.Errorf("precision %d past the kink: centered %g, error %g", i, r.centered, r.errC)
			}
		}
		s.setH(0.1)
		if r := s.at[0]; math.Abs(r.centered-0.5) > 0.01 {
			t.Errorf("far past the kink the centered difference is %g, not near ½", r.centered)
		}
	})
	t.Run("abs", func(t *testing.T) {
		s := open(t, "abs", 1e-5)
		if gc.Band(s.at[0].errC).Severity != gc.Good {
			t.Errorf("below the kink: centered error %g", s.at[0].errC)
		}
		c := curve(t, s, gc.Centered, gc.Float64)
		for k, h := range s.hs {
			if h < 1e-4/2 && c.errs[k] > 1e-7 && h > 1e-10 {
				t.Errorf("|x| at h = %g: error %g shows truncation below the kink", h, c.errs[k])
			}
		}
		prev := 0.0
		for s.h < 1e-2 {
			s.nudgeH(1) // "press → past 10⁻⁴"
			if s.h > 1e-4 {
				x := fns[s.fn].f.X
				if r := s.at[0]; math.Abs(r.centered-x/s.h) > 1e-9 || r.errC < prev {
					t.Errorf("h = %g: centered %g, want x/h = %g; error %g after %g", s.h, r.centered, x/s.h, r.errC, prev)
				}
				prev = s.at[0].errC
			}
		}
		if prev < 0.98 {
			t.Errorf("error at 1e-2 is %g, not near 100 %%", prev)
		}
	})
	t.Run("net", func(t *testing.T) {
		s := open(t, netID, 1e-5)
		if s.net.size() != 63 || s.net.set.N() != 30 || s.net.net.Sizes[1] != 10 {
			t.Errorf("the caption's 2–10–3 net on 30 points with 63 parameters: %v, %d points, %d parameters",
				s.net.net.Sizes, s.net.set.N(), s.net.size())
		}
		if !s.hasV() {
			t.Error("the default second-layer weight shows no V")
		}
		// "press C …, then B to inject bugs one by one": the blocks each
		// bug breaks, as listed (TestCheckFlagsTheBrokenLayers checks
		// more seeds).
		s.chk.start(s)
		for range bugs {
			s.chk.finish()
			b := bugs[s.bugI]
			if got := status(s).Check.Flagged; !slices.Equal(got, expected[b]) && len(got)+len(expected[b]) > 0 {
				t.Errorf("%s: flagged %q", bugID(b), got)
			}
			if b != nn.NoBug && !strings.Contains(captions[netID], string(b)) {
				t.Errorf("the caption does not mention %s", b)
			}
			s.setBug(s.bugI + 1)
		}
	})
}

// Clicking a layer's row in the check opens the network's loss along that
// layer's worst parameter.
func TestLayerRowPicksWorstParameter(t *testing.T) {
	s := New()
	s.setBug(slices.Index(bugs, nn.BugSign))
	s.chk.start(s)
	s.chk.finish()
	s.pickLayer(0)
	if !s.isNet() || s.param != s.chk.sums[0].Worst || s.net.block(s.param).ID != "W1" {
		t.Errorf("picked θ[%d] (%s), worst is %d", s.param, fns[s.fn].id, s.chk.sums[0].Worst)
	}
	// That parameter's curve never gets good: the bug sets a floor.
	if e := status(s).RelErr; gc.Band(e).Severity != gc.Wrong {
		t.Errorf("worst W1 parameter under the sign bug: error %g", e)
	}
}

// A wrong gradient keeps the error up at every h: a flat line, not a V,
// and no slopes are reported for it.
func TestWrongGradientHasNoV(t *testing.T) {
	s := open(t, netID, 1e-5)
	s.setBug(slices.Index(bugs, nn.BugNoMean))
	if s.hasV() || status(s).V {
		t.Errorf("no-mean bug: a V was reported: %+v", status(s).Series)
	}
	for _, c := range s.curves {
		if m := slices.Min(c.errs); m < 1e-2 {
			t.Errorf("%s: error gets down to %g under the no-mean bug", c.name(), m)
		}
	}
}

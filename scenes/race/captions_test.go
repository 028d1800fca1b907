package race

import (
	"strings"
	"testing"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// Each caption's claims and "try this" suggestions, done the way a learner
// would (through the scene's keys and settings) and checked.

// press runs the key-table row whose label starts with label.
func press(t *testing.T, s *Scene, label string, shift bool) {
	t.Helper()
	for _, k := range s.Keys() {
		if k.Label == label || strings.HasPrefix(k.Label, label+" ") {
			k.Do(shift)
			return
		}
	}
	t.Fatalf("no key %q", label)
}

func finish(s *Scene) map[sim.Kind]*sim.Runner {
	s.race.Advance(s.tun.limit)
	out := map[sim.Kind]*sim.Runner{}
	for _, r := range s.race.Runners {
		out[r.Kind] = r
	}
	return out
}

func selectKind(t *testing.T, s *Scene, k sim.Kind) {
	t.Helper()
	for range sim.Kinds {
		if s.sel == k {
			return
		}
		press(t, s, "Tab", false)
	}
	t.Fatalf("could not select %s", k)
}

func TestCaptionBowl(t *testing.T) {
	s := New()
	s.setSurface(surfaces.NewBowl(surfaces.DefaultBowl))
	rs := finish(s)
	sgd := rs[sim.SGD]
	if sgd.Status != sim.Converged {
		t.Fatalf("SGD %v", sgd.Status)
	}
	// "both arrive in a fraction of SGD's steps"
	for _, k := range []sim.Kind{sim.Momentum, sim.Adam} {
		if r := rs[k]; r.Status != sim.Converged || float64(r.At) > 0.35*float64(sgd.At) {
			t.Errorf("%s: %v at %d, SGD at %d", k, r.Status, r.At, sgd.At)
		}
	}
	// "push its η past 2/λ = 0.1 with →: it diverges"
	selectKind(t, s, sim.SGD)
	press(t, s, "→", false)
	if s.tun.lr[sim.SGD] <= 0.1 {
		t.Fatalf("one → took SGD to %g only", s.tun.lr[sim.SGD])
	}
	if r := finish(s)[sim.SGD]; r.Status != sim.Diverged {
		t.Errorf("SGD at η %g: %v", s.tun.lr[sim.SGD], r.Status)
	}
	// "raise Momentum's μ to 0.9 (↑): it arrives barely sooner than SGD"
	s.restorePreset()
	selectKind(t, s, sim.Momentum)
	for s.tun.hyper[sim.Momentum].Mu < 0.9-1e-9 {
		press(t, s, "↑", false)
	}
	if mu := s.tun.hyper[sim.Momentum].Mu; mu > 0.92 {
		t.Fatalf("↑ stepped μ to %g, past 0.9", mu)
	}
	rs = finish(s)
	if m := rs[sim.Momentum]; m.Status != sim.Converged || m.At >= sgd.At || float64(m.At) < 0.7*float64(sgd.At) {
		t.Errorf("Momentum at μ %g: %v at %d; SGD at %d", s.tun.hyper[sim.Momentum].Mu, m.Status, m.At, sgd.At)
	}
}

func TestCaptionRosenbrock(t *testing.T) {
	s := New()
	s.setSurface(surfaces.Rosenbrock{})
	rs := finish(s)
	adam := rs[sim.Adam]
	if adam.Status != sim.Converged {
		t.Fatalf("Adam %v", adam.Status)
	}
	// "SGD ... barely moves along the floor, while Momentum builds up speed"
	if sgd, mom := rs[sim.SGD], rs[sim.Momentum]; sgd.Status == sim.Converged || mom.Status != sim.Converged {
		t.Errorf("SGD %v, Momentum %v", sgd.Status, mom.Status)
	}
	// "the warmup + cosine schedule (C): Adam then arrives in about a third of the steps"
	for s.schedK != sim.WarmupCos {
		press(t, s, "C", false)
	}
	r := finish(s)[sim.Adam]
	if ratio := float64(r.At) / float64(adam.At); r.Status != sim.Converged || ratio < 0.25 || ratio > 0.45 {
		t.Errorf("Adam with warmup + cosine: %v at %d, against %d at a constant rate", r.Status, r.At, adam.At)
	}
}

func TestCaptionBeale(t *testing.T) {
	s := New()
	// "select SGD (Tab) and → once: it diverges within a few steps"
	selectKind(t, s, sim.SGD)
	press(t, s, "→", false)
	if r := finish(s)[sim.SGD]; r.Status != sim.Diverged || r.At > 10 {
		t.Errorf("SGD at η %g: %v at step %d", s.tun.lr[sim.SGD], r.Status, r.At)
	}
	// "Add AdamW (W): it stalls short of the minimum"
	s.restorePreset()
	press(t, s, "W", false)
	rs := finish(s)
	if w, a := rs[sim.AdamW], rs[sim.Adam]; w.Status == sim.Converged || w.Gap[len(w.Gap)-1] < 1e-3 || a.Status != sim.Converged {
		t.Errorf("AdamW %v at f − f* %g; Adam %v", w.Status, w.Gap[len(w.Gap)-1], a.Status)
	}
	if !strings.Contains(s.captionText(), "weight decay pulls θ toward (0, 0)") {
		t.Error("with AdamW racing, the caption does not say why it stalls")
	}
}

// "at a constant rate SGD hovers above the minimum at a floor ... A
// decaying schedule (C: cosine) ... goes lower."
func TestCaptionNoise(t *testing.T) {
	s := New()
	s.setSurface(surfaces.NewBowl(surfaces.DefaultBowl))
	s.setNoise(1)
	floor := finish(s)[sim.SGD]
	for s.schedK != sim.Cosine {
		press(t, s, "C", false)
	}
	cos := finish(s)[sim.SGD]
	end := func(r *sim.Runner) float64 { return r.Gap[len(r.Gap)-1] }
	if floor.Status == sim.Converged || end(floor) < 0.1 || end(cos) > end(floor)/10 {
		t.Errorf("noise σ 1: constant ends %v at %g, cosine at %g", floor.Status, end(floor), end(cos))
	}
}

// The one-cycle schedule's peak is the base rate, and the caption says so.
func TestCaptionExplainsTheSchedule(t *testing.T) {
	s := New()
	for s.schedK != sim.OneCycle {
		press(t, s, "C", false)
	}
	if !strings.Contains(s.captionText(), "the peak is the base rate") {
		t.Errorf("caption %q", s.captionText())
	}
}

// Every text the race shows can be drawn by the embedded font: no empty
// boxes where a glyph is missing.
func TestTextsUseDrawableGlyphs(t *testing.T) {
	s := New()
	var texts []string
	for _, sf := range surfaces.All() {
		s.setSurface(sf)
		for _, k := range sim.Kinds {
			s.on[k] = true
		}
		s.rates, s.noise.Sigma = sharedRates, 1
		for i, sk := range sim.ScheduleKinds {
			s.schedK = sk
			if i == 0 {
				// The fair race's texts, while it searches and after.
				s.rates = searchedRates
				s.restart()
				s.layoutLegend(widgets.NewTheme(1))
				texts = append(texts, s.captionText(), s.ui.legend.Title, s.paramText(s.race.Runners[0]))
				finishSearch(s)
				s.rates = sharedRates
			}
			s.restart()
			s.race.Advance(3)
			texts = append(texts, s.captionText())
			for _, r := range s.race.Runners {
				title, lines := ruleLines(r)
				texts = append(texts, title, runnerText(r), s.paramText(r))
				texts = append(texts, lines...)
			}
		}
	}
	c := ctx()
	s.Update(c)
	p := s.m.Plot()
	c.In.X, c.In.Y = p.X+5, p.Y+5
	s.Update(c)
	texts = append(texts, s.hover.lines...)
	for _, x := range texts {
		if m := widgets.MissingGlyphs(x); len(m) > 0 {
			t.Errorf("%q uses %q", x, string(m))
		}
	}
}

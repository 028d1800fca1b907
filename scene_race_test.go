package main

import (
	"math"
	"strings"
	"testing"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

func TestDefaultRaceIsBealeWithThreeOptimizers(t *testing.T) {
	s := newRaceScene()
	if s.surf.ID() != "beale" || !s.playing {
		t.Fatalf("landing race: surface %s, playing %v", s.surf.ID(), s.playing)
	}
	var kinds []string
	for _, r := range s.race.Runners {
		kinds = append(kinds, string(r.Kind))
	}
	if got := strings.Join(kinds, ","); got != "sgd,momentum,adam" {
		t.Errorf("default racers %s", got)
	}
}

func TestBadQueryValuesFallBackWithMessages(t *testing.T) {
	s := newRaceScene()
	msgs := s.Apply(map[string]string{
		"surface": "saddle", "opt": "lbfgs", "lr": "adam:-1,sgd:NaN,bogus", "start": "abc",
		"steps": "1e9", "sched": "zigzag", "schedp": "7", "speed": "-3",
	})
	if len(msgs) < 8 {
		t.Errorf("want a message per bad value, got %d: %q", len(msgs), msgs)
	}
	if s.surf.ID() != "beale" || s.lr[sim.Adam] != sim.PresetFor("beale").LR[sim.Adam] ||
		s.start != (surfaces.Beale{}).Start() || s.limit != sim.PresetFor("beale").Limit ||
		s.sched.Kind != sim.Constant || speeds[s.speedIdx] <= 0 {
		t.Errorf("bad values were not replaced by defaults: %+v", s.Query())
	}
	if len(s.race.Runners) != 3 {
		t.Errorf("racers %d after a bad opt=, want the default three", len(s.race.Runners))
	}
}

func TestQueryRoundTrips(t *testing.T) {
	a := newRaceScene()
	a.Apply(map[string]string{"surface": "rosenbrock"})
	a.toggleKind(sim.Nesterov)
	a.setLR(sim.Nesterov, 3e-4)
	a.setLimit(777)
	a.cycleSchedule(3)
	a.setSchedParam(0.2)
	a.setStart(surfaces.Point{X: -1.25, Y: 2.5})
	a.speedIdx = 2
	q := encodeQuery(a.Query())
	b := newRaceScene()
	if msgs := b.Apply(parseQuery("?" + q)); len(msgs) != 0 {
		t.Fatalf("own URL rejected: %q", msgs)
	}
	if got := encodeQuery(b.Query()); got != q {
		t.Errorf("round trip changed the state:\n%s\n%s", q, got)
	}
}

func TestSettingsAreClamped(t *testing.T) {
	s := newRaceScene()
	s.setLR(sim.SGD, 1e9)
	if s.lr[sim.SGD] != lrMax {
		t.Errorf("LR not clamped: %g", s.lr[sim.SGD])
	}
	s.setHyper(sim.Momentum, 5)
	if h := s.hyper[sim.Momentum]; h.Mu > 0.99 {
		t.Errorf("μ not clamped: %g", h.Mu)
	}
	s.setStart(surfaces.Point{X: 1e12, Y: math.Inf(-1)})
	if !(s.start.X < 1e3 && s.start.Y > -1e3) {
		t.Errorf("start not clamped: %v", s.start)
	}
	s.setLimit(0)
	if s.limit < 10 {
		t.Errorf("limit %d", s.limit)
	}
}

func TestAtLeastOneRacerStays(t *testing.T) {
	s := newRaceScene()
	for _, k := range sim.Kinds {
		if s.on[k] {
			s.toggleKind(k)
		}
	}
	if len(s.race.Runners) != 1 {
		t.Fatalf("%d racers after switching all off", len(s.race.Runners))
	}
	if !s.on[s.sel] {
		t.Error("the selected optimizer is not racing")
	}
}

func TestDivergingRaceReportsWordsNotNaN(t *testing.T) {
	s := newRaceScene()
	for _, k := range sim.Kinds {
		s.on[k] = true
		s.lr[k] = lrMax
	}
	s.restart()
	for i := 0; i < 2000 && !s.race.Done(); i++ {
		s.race.Advance(5)
	}
	var st Status
	st.Controls = map[string][4]float64{}
	s.Report(&st)
	diverged := 0
	for _, r := range st.Runners {
		if math.IsNaN(r.Gap) || math.IsInf(r.Gap, 0) || math.IsNaN(r.X) || math.IsNaN(r.Y) {
			t.Errorf("%s reports a non-finite value", r.Kind)
		}
		if r.Status == "diverged" {
			diverged++
		}
	}
	if diverged == 0 {
		t.Error("η = 10 should diverge somewhere on Beale")
	}
	for _, r := range s.race.Runners {
		if txt := runnerText(r); strings.Contains(txt, "NaN") || strings.Contains(txt, "Inf") {
			t.Errorf("legend text %q", txt)
		}
	}
}

func TestLayoutFitsAnyWindow(t *testing.T) {
	s := newRaceScene()
	for _, sz := range [][2]float64{{120, 90}, {320, 240}, {1280, 800}, {800, 1280}, {5120, 2880}} {
		for _, scale := range []float64{1, 2} {
			c := &Ctx{Theme: widgets.NewTheme(scale), In: &widgets.Input{}}
			c.Area = widgets.Rect{Y: 36 * scale, W: sz[0] * scale, H: sz[1]*scale - 36*scale}
			s.layout(c)
			u := s.ui
			for name, r := range map[string]widgets.Rect{"map": u.mapArea, "legend": u.legend, "lr": u.lrPanel, "loss": u.lossPanel, "strip": u.strip} {
				if r.W < 0 || r.H < 0 || math.IsNaN(r.X+r.Y+r.W+r.H) {
					t.Errorf("%v×%g: %s rect %+v", sz, scale, name, r)
				}
			}
			if sz[0] >= 320 && (u.mapArea.W < 1 || u.mapArea.H < 1) {
				t.Errorf("%v×%g: no room left for the map", sz, scale)
			}
		}
	}
}

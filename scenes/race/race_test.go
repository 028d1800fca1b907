package race

import (
	"math"
	"strings"
	"testing"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

func query(s *Scene) string { return kit.EncodeQuery("race", s.Params()) }

func apply(s *Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
}

func TestDefaultRaceIsBealeWithThreeOptimizers(t *testing.T) {
	s := New()
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
	s := New()
	msgs := apply(s, "surface=saddle&opt=lbfgs&lr=adam:-1,sgd:NaN,bogus&start=abc&steps=1e9&sched=zigzag&schedp=7&speed=-3")
	if len(msgs) < 8 {
		t.Errorf("want a message per bad value, got %d: %q", len(msgs), msgs)
	}
	if s.surf.ID() != "beale" || s.tun.lr[sim.Adam] != sim.PresetFor("beale").LR[sim.Adam] ||
		s.tun.start != (surfaces.Beale{}).Start() || s.tun.limit != sim.PresetFor("beale").Limit ||
		s.sched.Kind != sim.Constant || speeds[s.speedIdx] <= 0 {
		t.Errorf("bad values were not replaced by defaults: %s", query(s))
	}
	if len(s.race.Runners) != 3 {
		t.Errorf("racers %d after a bad opt=, want the default three", len(s.race.Runners))
	}
}

// Values the old reader accepted silently are now refused in words.
func TestSilentlyAcceptedValuesNowGetMessages(t *testing.T) {
	for _, raw := range []string{"speed=Inf", "speed=1e300", "speed=1e-300", "surface=%ZZ",
		"sched=constant&schedp=0.5", "lr=sgd:0x1p-4", "lr=sgd:1_0"} {
		s := New()
		if msgs := apply(s, raw); len(msgs) == 0 {
			t.Errorf("%s: no message", raw)
		}
	}
	s := New()
	if msgs := apply(s, "surface=Beale&opt=SGD&sched=Cosine"); len(msgs) != 0 || s.schedK != sim.Cosine {
		t.Errorf("ids should be read in any case: %q", msgs)
	}
}

func TestQueryRoundTrips(t *testing.T) {
	a := New()
	apply(a, "surface=rosenbrock")
	a.toggleKind(sim.Nesterov)
	a.setLR(sim.Nesterov, 3e-4)
	a.setLimit(777)
	a.cycleSchedule(3)
	a.setSchedParam(0.2)
	a.setStart(surfaces.Point{X: -1.25, Y: 2.5})
	a.speedIdx = 2
	a.sel = sim.Momentum
	a.nudgeHyper(-3)
	a.setNoise(0.3)
	a.reseed()
	a.setTol(1e-8)
	a.arrows = true
	a.Update(&kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}})
	p := a.m.Plot()
	a.m.ZoomAt(p.X+p.W/3, p.Y+p.H/3, 0.5)
	q := query(a)
	b := New()
	if msgs := apply(b, "?"+q); len(msgs) != 0 {
		t.Fatalf("own URL rejected: %q", msgs)
	}
	if got := query(b); got != q {
		t.Errorf("round trip changed the state:\n%s\n%s", q, got)
	}
}

// Applying a URL restarts the race once, however many values it sets.
func TestApplyRestartsOnce(t *testing.T) {
	s := New()
	v := s.version
	apply(s, "surface=bowl&opt=sgd,adam&lr=sgd:0.05&steps=300&sched=cosine&schedp=0.1&speed=5&start=3,1")
	if s.version != v+1 {
		t.Errorf("the race restarted %d times while a URL was applied", s.version-v)
	}
}

func TestSettingsAreClamped(t *testing.T) {
	s := New()
	s.setLR(sim.SGD, 1e9)
	if s.tun.lr[sim.SGD] != lrMax {
		t.Errorf("LR not clamped: %g", s.tun.lr[sim.SGD])
	}
	mp, _ := sim.MainParam(sim.Momentum)
	s.setHyper(sim.Momentum, mp, 5)
	if h := s.tun.hyper[sim.Momentum]; h.Mu > 0.99 {
		t.Errorf("μ not clamped: %g", h.Mu)
	}
	s.setStart(surfaces.Point{X: 1e12, Y: math.Inf(-1)})
	if !(s.tun.start.X < 1e3 && s.tun.start.Y > -1e3) {
		t.Errorf("start not clamped: %v", s.tun.start)
	}
	s.setLimit(0)
	if s.tun.limit < limitMin {
		t.Errorf("limit %d", s.tun.limit)
	}
	s.setNoise(1e9)
	s.setTol(0)
	if s.noise.Sigma != noiseMax || s.tol != tolMin {
		t.Errorf("noise %g tol %g", s.noise.Sigma, s.tol)
	}
}

func TestAtLeastOneRacerStays(t *testing.T) {
	s := New()
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
	s := New()
	for _, k := range sim.Kinds {
		s.on[k] = true
		s.tun.lr[k] = lrMax
	}
	s.restart()
	for i := 0; i < 2000 && !s.race.Done(); i++ {
		s.race.Advance(5)
	}
	st := s.Status().(Status)
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

// The L key doubles the step limit and Shift+L halves it, as the help says.
func TestStepLimitKeysMatchTheirHelp(t *testing.T) {
	s := New()
	for _, k := range s.Keys() {
		if k.Label != "L / Shift+L" {
			continue
		}
		if !strings.HasPrefix(k.Help, "double / halve") {
			t.Fatalf("help says %q", k.Help)
		}
		n := s.tun.limit
		k.Do(false)
		if s.tun.limit != 2*n {
			t.Errorf("L: limit %d → %d, want doubled", n, s.tun.limit)
		}
		k.Do(true)
		if s.tun.limit != n {
			t.Errorf("Shift+L: limit → %d, want %d", s.tun.limit, n)
		}
		return
	}
	t.Fatal("no L key")
}

// When a race ends by itself, the play button reads "play" in the frame
// that shows the end, not only after the mouse moves.
func TestPlayLabelFollowsTheEndOfARace(t *testing.T) {
	s := New()
	s.setLimit(limitMin)
	s.setSpeed(len(speeds) - 1)
	c := &kit.Ctx{Dt: time.Second / 60, Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}}
	for i := 0; i < 200 && s.playing; i++ {
		s.Update(c)
	}
	if s.playing {
		t.Fatal("the race did not end")
	}
	if s.ui.play.Label != "play" {
		t.Errorf("after the race ended the button reads %q", s.ui.play.Label)
	}
}

// Every setting that changes the picture is in the URL: a tuned Momentum
// converges in the copy as it did in the original.
func TestURLCarriesHyperparameters(t *testing.T) {
	a := New()
	apply(a, "surface=bowl")
	a.sel = sim.Momentum
	a.nudgeHyper(4)
	a.setLR(sim.Adam, 0.2)
	q := query(a)
	if !strings.Contains(q, "hyper=momentum.mu:") {
		t.Fatalf("μ is not in %s", q)
	}
	b := New()
	apply(b, q)
	if b.tun.hyper[sim.Momentum] != a.tun.hyper[sim.Momentum] || b.tun.lr[sim.Adam] != 0.2 {
		t.Errorf("copy has μ %g, Adam η %g", b.tun.hyper[sim.Momentum].Mu, b.tun.lr[sim.Adam])
	}
	a.race.Advance(400)
	b.race.Advance(400)
	for i, r := range a.race.Runners {
		if r2 := b.race.Runners[i]; r.Status != r2.Status || r.At != r2.At || r.Head() != r2.Head() {
			t.Errorf("%s: original %v at %d, copy %v at %d", r.Kind, r.Status, r.At, r2.Status, r2.At)
		}
	}
	if msgs := apply(New(), "hyper=momentum.mu:2,adam.zeta:1,sgd.mu:0.5"); len(msgs) != 1 || !strings.Contains(msgs[0], "zeta") {
		t.Errorf("bad hyperparameters: %q", msgs)
	}
}

// Switching the surface keeps the rates tuned on each one.
func TestSurfaceSwitchKeepsTunedRates(t *testing.T) {
	s := New()
	s.setLR(sim.SGD, 0.003)
	s.setSurface(surfaces.Rosenbrock{})
	if s.tun.lr[sim.SGD] == 0.003 {
		t.Error("Beale's rate leaked onto Rosenbrock")
	}
	s.setSurface(surfaces.Beale{})
	if s.tun.lr[sim.SGD] != 0.003 {
		t.Errorf("back on Beale SGD's rate is %g, want the tuned 0.003", s.tun.lr[sim.SGD])
	}
	s.restorePreset()
	if s.tun.lr[sim.SGD] != sim.PresetFor("beale").LR[sim.SGD] {
		t.Error("Shift+R did not restore the preset")
	}
}

// The pace is in steps per second of wall time: a 10 fps page and a 60 fps
// page advance the same number of steps in the same time.
func TestPaceIsWallTime(t *testing.T) {
	steps := func(fps int) int {
		s := New()
		s.setLimit(limitMax)
		c := &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
			Changed: func() {}, Notify: func(string) {}, Dt: time.Second / time.Duration(fps)}
		for range 2 * fps {
			s.Update(c)
		}
		return s.race.Step()
	}
	slow, fast := steps(10), steps(60)
	if want := 2 * int(speeds[defaultSpeed]); abs(slow-want) > 2 || abs(fast-want) > 2 {
		t.Errorf("2 s at %g steps/s: %d steps at 10 fps, %d at 60 fps", speeds[defaultSpeed], slow, fast)
	}
}

func abs(x int) int { return max(x, -x) }

// "Same η for all" races every optimizer at one rate.
func TestSharedRate(t *testing.T) {
	s := New()
	s.toggleShared()
	for _, r := range s.race.Runners {
		if r.BaseLR != sim.SharedLR("beale") {
			t.Errorf("%s at %g", r.Kind, r.BaseLR)
		}
	}
	s.setLR(s.sel, 0.002)
	for _, r := range s.race.Runners {
		if r.BaseLR != 0.002 {
			t.Errorf("%s at %g after setting the shared rate", r.Kind, r.BaseLR)
		}
	}
	if !strings.Contains(query(s), "shared=0.002") {
		t.Errorf("query %s", query(s))
	}
}

// The hover read-outs show finite numbers on the map and the loss plot.
func TestHoverReadOuts(t *testing.T) {
	s := New()
	c := &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
	s.Update(c)
	p := s.m.Plot()
	c.In.X, c.In.Y = p.X+p.W/2, p.Y+p.H/2
	s.Update(c)
	if len(s.hover.lines) != 3 || !strings.HasPrefix(s.hover.lines[2], "grad f = (") {
		t.Fatalf("map hover %q", s.hover.lines)
	}
	for _, l := range s.hover.lines {
		if strings.Contains(l, "NaN") || strings.Contains(l, "Inf") {
			t.Errorf("hover %q", l)
		}
	}
}

func ctx() *kit.Ctx {
	return &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
}

// The 3-D view: T switches to it, the URL keeps it and its angle, and the
// map's control becomes the surface's.
func TestThreeDView(t *testing.T) {
	a := New()
	c := ctx()
	a.Update(c)
	press(t, a, "T", false)
	press(t, a, "Y", false)
	a.Update(c)
	if !a.mode3d {
		t.Fatal("T did not switch to 3-D")
	}
	q := query(a)
	if !strings.Contains(q, "mode=3d") || !strings.Contains(q, "rot=") {
		t.Fatalf("query %s", q)
	}
	b := New()
	if msgs := apply(b, q); len(msgs) != 0 || !b.mode3d || math.Abs(b.s3.Yaw-a.s3.Yaw) > 1e-3 {
		t.Errorf("copy: %q, 3-D %v, yaw %g vs %g", msgs, b.mode3d, b.s3.Yaw, a.s3.Yaw)
	}
	var m widgets.Rect
	a.Controls(func(name string, r widgets.Rect) {
		if name == "map" {
			m = r
		}
	})
	if m != a.s3.Plot() {
		t.Errorf("map control %+v, 3-D plot %+v", m, a.s3.Plot())
	}
	if msgs := apply(New(), "mode=3d&rot=0,95"); len(msgs) != 1 {
		t.Errorf("pitch 95: %q", msgs)
	}
}

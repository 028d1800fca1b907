package lr1d

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/sim/quad"
	"gradlab/widgets"
)

func ctx() *kit.Ctx {
	return &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
}

func query(s *Scene) string { return kit.EncodeQuery("lr-1d", s.Params()) }

func apply(s *Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
}

func status(s *Scene) Status { return s.Status().(Status) }

// finish reveals the whole run.
func finish(s *Scene) Status {
	s.shown = s.run.last()
	s.playing = false
	return status(s)
}

// The regimes across the boundaries, by URL: name, steps (closed form and
// iterated) and the words on screen.
func TestRegimeBoundaries(t *testing.T) {
	for _, c := range []struct {
		etaL  float64
		id    string
		steps int
		words string
	}{
		{0.05, "crawling", 135, "crawling"},
		{0.5, "converging", 10, "converging"},
		{1, "fastest", 1, "fastest"},
		{1.5, "oscillating", 10, "oscillating but converging"},
		{2, "constant", -1, "constant amplitude"},
		{2.5, "diverging", -1, "diverging"},
	} {
		for _, L := range []float64{1, 4} {
			s := New()
			if msgs := apply(s, "L="+kit.Num(L)+"&lr="+kit.Num(c.etaL/L)); len(msgs) != 0 {
				t.Fatal(msgs)
			}
			st := finish(s)
			if st.Regime != c.id || st.StepsTo != c.steps || st.Verdict != c.words {
				t.Errorf("ηL %g (L %g): %s, %d steps, %q", c.etaL, L, st.Regime, st.StepsTo, st.Verdict)
			}
			if c.steps > 0 && st.IterSteps != c.steps {
				t.Errorf("ηL %g: iterating gives %d, closed form %d", c.etaL, st.IterSteps, c.steps)
			}
			if !strings.Contains(st.Lines[0], c.words) {
				t.Errorf("ηL %g: readout %q", c.etaL, st.Lines[0])
			}
			switch c.id {
			case "constant":
				if !strings.Contains(strings.Join(st.Lines, " "), "never below") || st.DivergedAt != -1 {
					t.Errorf("constant: %q", st.Lines)
				}
				for i, x := range s.run.xs {
					if math.Abs(math.Abs(x)-1) > 1e-9 {
						t.Fatalf("constant amplitude: x%d = %g", i, x)
					}
				}
			case "diverging":
				if st.DivergedAt != quad.DivergesAt(2.5, 1, quad.Bound) || !strings.Contains(strings.Join(st.Lines, " "), "diverged at step") {
					t.Errorf("diverging: at %d, %q", st.DivergedAt, st.Lines)
				}
			}
		}
	}
}

// Over a grid of rates, curvatures and starts the readout's closed-form
// count agrees with the scene's own iterates.
func TestStepsClosedFormAgainstTheRun(t *testing.T) {
	s := New()
	n := 0
	for _, L := range []float64{0.1, 0.5, 1, 3.7, 10} {
		for k := -24; k <= 10; k++ {
			for _, x0 := range []float64{0.01, 1, 6.5, 10} {
				s.L, s.x0 = L, x0
				s.setLR(onGrid(1, k))
				st := status(s)
				if st.StepsTo < 0 || st.StepsTo > st.Steps {
					continue
				}
				q := math.Log(quad.Threshold/x0) / math.Log(math.Abs(1-st.EtaL))
				if st.IterSteps != st.StepsTo && !(math.Abs(q-math.Round(q)) < 1e-9 && abs(st.IterSteps-st.StepsTo) == 1) {
					t.Errorf("η %g L %g x0 %g: closed form %d, the run %d", s.lr, L, x0, st.StepsTo, st.IterSteps)
				}
				n++
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d cases", n)
	}
}

func abs(n int) int { return max(n, -n) }

// drawAll runs ticks and draws them, returning every text the scene would
// show.
func texts(s *Scene) []string {
	out := []string{s.mainTitle(), s.verdict(), s.captionText()}
	for _, d := range s.dirs() {
		out = append(out, s.arrival(d))
		out = append(out, s.headlines(d)...)
	}
	for _, l := range s.readout() {
		out = append(out, l.text)
	}
	return out
}

// The fastest divergence the sliders allow stops at the bound: nothing on
// screen or in the status is NaN or infinite, and it says where it
// diverged.
func TestDivergenceIsStoppedAndShown(t *testing.T) {
	s := New()
	if msgs := apply(s, "L=10&lr=20&x0=10&two=1&L2=100&log=1"); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	for range 300 {
		s.Update(c)
		s.Draw(dst, c)
		c.Full = false
		b, err := json.Marshal(s.Status())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
			t.Fatalf("status %s", b)
		}
	}
	st := status(s)
	if st.DivergedAt <= 0 || st.DivergedAt > 3 || st.T != st.DivergedAt || st.Y == nil || st.Y.Regime != "diverging" {
		t.Errorf("diverged at %d, shown %d, y %+v", st.DivergedAt, st.T, st.Y)
	}
	for _, x := range append(slices.Clone(s.run.xs), s.run.ys...) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("iterate %g", x)
		}
	}
	all := strings.Join(texts(s), " | ")
	if !strings.Contains(all, "diverged at step") || strings.Contains(all, "NaN") || strings.Contains(all, "undefined") || strings.Contains(all, "∞") {
		t.Errorf("texts: %s", all)
	}
}

// Two curvatures: each direction's verdict, and the numbers of "no η suits
// both".
func TestTwoCurvatureVerdicts(t *testing.T) {
	s := New()
	s.toggleTwo()
	st := finish(s)
	if st.Regime != "converging" || st.Y.Regime != "diverging" ||
		st.Verdict != "At this η x, the shallow direction, converges; y, the steep one, diverges." {
		t.Errorf("default: x %s, y %s, %q", st.Regime, st.Y.Regime, st.Verdict)
	}
	p := st.Pair
	if p.Kappa != 20 || p.StableLR != 0.1 || p.BestSteps != quad.StepsTo(2.0/21, 1, quad.Threshold) || p.SafeSteps != quad.StepsTo(0.05, 1, quad.Threshold) {
		t.Errorf("pair %+v", p)
	}
	all := strings.Join(st.Lines, " ")
	for _, w := range []string{"No η suits both", "y needs η < 2/L₂ = 0.1", "x is crawling", "2/(L₁ + L₂) = 0.0952", "70 steps", "135 steps", "Key 6"} {
		if !strings.Contains(all, w) {
			t.Errorf("readout lacks %q: %s", w, all)
		}
	}
	// Swapped: the steep direction is x.
	s.setL(10)
	s.setL2(0.5)
	s.setLR(0.15)
	st = finish(s)
	if st.Regime != "oscillating" || st.Y.Regime != "crawling" ||
		st.Verdict != "At this η y, the shallow direction, crawls; x, the steep one, oscillates as it converges." {
		t.Errorf("swapped: x %s, y %s, %q", st.Regime, st.Y.Regime, st.Verdict)
	}
	// Close curvatures: one η serves both.
	s.setL2(3)
	if all := strings.Join(status(s).Lines, " "); !strings.Contains(all, "One η can serve both") {
		t.Errorf("κ 3.3: %s", all)
	}
}

// The URL round trip, and junk with messages and defaults.
func TestURLRoundTrip(t *testing.T) {
	a := New()
	a.setL(onGrid(a.L, 3))
	a.stepLandmark(1)
	a.setX0(4)
	a.toggleTwo()
	a.setL2(onGrid(a.L2, -5))
	a.toggleLog()
	a.setSpeed(7)
	q := query(a)
	b := New()
	if msgs := apply(b, "?"+q); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	if query(b) != q || b.lr != a.lr || b.L != a.L || b.L2 != a.L2 || b.x0 != a.x0 || !b.two || !b.logAxis || b.speedIdx != 7 {
		t.Errorf("%s\n%s", q, query(b))
	}
	if !strings.Contains(q, "two=1") || !strings.Contains(q, "L2=") || !strings.Contains(q, "log=1") {
		t.Errorf("query %s", q)
	}
	c := New()
	msgs := apply(c, "lr=50&L=0&x0=-1&two=maybe&L2=NaN&log=2&speed=0x10&bogus=1")
	if len(msgs) != 8 {
		t.Errorf("messages %q", msgs)
	}
	if query(c) != query(New()) {
		t.Errorf("junk changed the state: %s", query(c))
	}
	if msgs := apply(New(), "speed=7"); len(msgs) != 0 {
		t.Error(msgs)
	}
}

// The keys: arrows on the eighth-decade grid, M through the landmarks, T
// and K for the second curvature.
func TestKeys(t *testing.T) {
	s := New()
	press(t, s, "→", false)
	if s.lr != 0.421697 {
		t.Errorf("→ gave η %g", s.lr)
	}
	for range 4 {
		press(t, s, "←", false)
	}
	if s.lr != 0.133352 {
		t.Errorf("← gave η %g", s.lr)
	}
	var got []float64
	for range len(landmarks) {
		press(t, s, "M", false)
		got = append(got, math.Round(s.lr*s.L*1e9)/1e9)
	}
	if !slices.Equal(got, []float64{0.5, 1, 1.5, 2, 2.5, 0.05}) {
		t.Errorf("landmarks %v", got)
	}
	press(t, s, "M", true)
	if math.Abs(s.lr*s.L-2.5) > 1e-9 {
		t.Errorf("Shift+M wraps to 2.5, got %g", s.lr*s.L)
	}
	press(t, s, "K", false)
	if !s.two || s.L2 != onGrid(l2Def, 1) {
		t.Errorf("K: two %v L2 %g", s.two, s.L2)
	}
	for range 40 {
		press(t, s, "↑", false)
		press(t, s, "X", false)
	}
	if s.L != lMax || s.x0 != x0Max {
		t.Errorf("clamped: L %g x0 %g", s.L, s.x0)
	}
}

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

// The iterates appear at the pace set in steps per second of wall time,
// whatever the frame rate; Space pauses, R replays.
func TestPace(t *testing.T) {
	s := New()
	c := ctx()
	for _, dt := range []time.Duration{time.Second / 60, time.Second / 10} {
		s.replay()
		n := int(time.Second / dt)
		for range n {
			c.Dt = dt
			s.Update(c)
		}
		if s.shown != int(speeds[defaultSpeed]) {
			t.Errorf("after 1 s at %v a tick: step %d", dt, s.shown)
		}
	}
	press(t, s, "Space", false)
	at := s.shown
	for range 60 {
		s.Update(c)
	}
	if s.shown != at || s.playing {
		t.Errorf("paused run moved: %d → %d", at, s.shown)
	}
	press(t, s, "R", false)
	if s.shown != 0 || !s.playing {
		t.Error("R")
	}
}

// Every text can be drawn by the font, in every regime and both modes.
func TestTextsUseDrawableGlyphs(t *testing.T) {
	s := New()
	var all []string
	for _, two := range []bool{false, true} {
		if s.two != two {
			s.toggleTwo()
		}
		for _, e := range landmarks {
			s.setLR(e / s.L)
			finish(s)
			all = append(all, texts(s)...)
			for _, tk := range s.ticks() {
				all = append(all, tk.label)
			}
		}
	}
	for _, k := range s.Keys() {
		all = append(all, k.Label, k.Help)
	}
	for _, x := range all {
		if m := widgets.MissingGlyphs(x); len(m) > 0 {
			t.Errorf("%q uses %q", x, string(m))
		}
	}
}

// The cost of a tick, natively: printed, not asserted, so a busy machine
// fails nothing. What is asserted is that an idle scene draws nothing new.
func TestTickCost(t *testing.T) {
	s := New()
	s.setSpeed(len(speeds) - 1)
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var tot []float64
	for tick := range 240 {
		if tick%60 == 0 {
			s.replay()
		}
		t0 := time.Now()
		s.Update(c)
		s.Draw(dst, c)
		tot = append(tot, float64(time.Since(t0).Microseconds())/1000)
		c.Full = false
	}
	m, p := kit.Percentiles(tot)
	t.Logf("Update+Draw while playing: median %.3f ms, p95 %.3f ms", m, p)
	// At rest: the panels' key does not change, so nothing is repainted.
	s.shown, s.playing = s.run.last(), false
	s.Update(c)
	s.Draw(dst, c)
	before := s.drawn
	s.Update(c)
	s.Draw(dst, c)
	if s.drawn != before {
		t.Error("an idle frame changed what is drawn")
	}
}

// Every layout from 320×240 to 5120×2880 keeps the readout's lines inside
// their panel and draws without trouble.
func TestLayoutsKeepTextInside(t *testing.T) {
	for _, sz := range [][2]float64{{320, 240}, {360, 640}, {640, 360}, {1280, 800}, {1920, 1080}, {5120, 2880}} {
		s := New()
		s.toggleTwo()
		c := ctx()
		sc := math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1)
		c.Theme = widgets.NewTheme(sc)
		c.Area = widgets.Rect{Y: 36, W: sz[0], H: sz[1] - 36}
		s.Update(c)
		in := kit.PanelInner(c.Theme, s.ui.readP, true)
		for _, l := range s.ui.lines {
			if w := c.Theme.Width(l.text, widgets.Small, l.bold); w > in.W+0.5 || l.y+c.Theme.LineH(widgets.Small) > s.ui.readP.Bottom() {
				t.Errorf("%v: line %q (%g wide at y %g) leaves %+v", sz, l.text, w, l.y, in)
			}
		}
		if s.ui.mainPanel.H < c.Area.H*0.3 {
			t.Errorf("%v: the main view is only %+v", sz, s.ui.mainPanel)
		}
		for _, v := range s.ui.curves {
			if v.area.W < 1 || v.area.H < 1 || v.area.Right() > s.ui.mainPanel.Right() || v.area.Bottom() > s.ui.mainPanel.Bottom() {
				t.Errorf("%v: view %+v in %+v", sz, v.area, s.ui.mainPanel)
			}
		}
	}
}

// When the panels move (a resize, a second strip row), the gaps between
// them hold old pixels: the scene asks for a full repaint.
func TestMovedPanelsRepaintAll(t *testing.T) {
	s := New()
	c := ctx()
	s.Update(c)
	c.Full = false
	s.Update(c)
	if c.Full {
		t.Fatal("a still layout asked for a full repaint")
	}
	c.Area.H -= 100
	s.Update(c)
	if !c.Full {
		t.Error("a resized layout did not ask for a full repaint")
	}
}

package lr1d

import (
	"math"

	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen                  kit.Screen
	mainPanel, plotP, readP widgets.Rect
	strip                   kit.Strip
	caption                 kit.Caption
	play, replayB, step     widgets.Button
	twoB, logB              widgets.Button
	lr, l, l2, x0, speed    widgets.Slider
	laidOut                 stripKey
	lastFrame               frameKey
	lines                   []line // the readout, laid out in its panel
	curves                  []curveView
	plot                    widgets.Plot
}

// frameKey is where the panels and the strip are.
type frameKey struct{ main, read, plot, caption, strip widgets.Rect }

func (u *ui) frame() frameKey {
	return frameKey{u.mainPanel, u.readP, u.plotP, u.caption.Rect, u.strip.Rect}
}

// stripKey is the state the strip's layout and the panels' text follow.
type stripKey struct {
	version, shown int
	playing        bool
	notes          bool
	speed          int
	logAxis        bool
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.shown, s.playing, s.ui.caption.NeedsButton(), s.speedIdx, s.logAxis}
}

func lineH(t *widgets.Theme) float64  { return math.Round(t.LineH(widgets.Body) * 1.2) }
func smallH(t *widgets.Theme) float64 { return math.Round(t.LineH(widgets.Small) * 1.2) }

// layout fills the strip and splits the area: the parabola (or the two
// cross-sections) as the main view, then the readout, x against t and the
// caption beside or under it.
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	lh := smallH(t)
	title := t.S(30)
	want := 9.0
	if s.two {
		want = 13
	}
	specs := []kit.PanelSpec{
		{Min: title + 3*lh, Want: title + want*lh, Drop: 0},
		{Min: t.S(110), Want: t.S(230), Drop: 1},
		{Min: t.S(70), Grow: true, Drop: 3},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.5, specs)
	p := u.screen.Panels
	u.mainPanel, u.readP, u.plotP, u.caption.Rect = u.screen.Main, p[0], p[1], p[2]
	s.placePlot(t)
	u.caption.Title = "what to try"
	u.caption.Text = s.captionText()
	s.layoutCurves(t)
	s.layoutReadout(t)
}

// placePlot gives x(t) a place when the layout dropped its panel (phones,
// small windows): the lesson needs it, so it takes the lower part of the
// main view, with any slack the column left above the strip.
func (s *Scene) placePlot(t *widgets.Theme) {
	u := &s.ui
	if u.plotP.H > 0 {
		return
	}
	pad := math.Round(t.S(8))
	m := u.mainPanel
	slack := 0.0
	if !u.screen.Wide {
		low := m.Bottom()
		for _, p := range []widgets.Rect{u.readP, u.caption.Rect} {
			if p.H > 0 {
				low = math.Max(low, p.Bottom())
			}
		}
		slack = math.Max(math.Floor(u.screen.Strip.Y-pad-low), 0)
	}
	total := m.H + slack - pad
	minPlot, minMain := t.S(70), t.S(110)
	if total < minPlot+minMain {
		return
	}
	plotH := math.Round(math.Max(total*0.36, minPlot))
	u.mainPanel.H = total - plotH
	u.plotP = widgets.Rect{X: m.X, Y: u.mainPanel.Bottom() + pad, W: m.W, H: plotH}
	// Under the main view in a narrow layout, the panels move down by the
	// slack the plot took.
	for _, p := range []*widgets.Rect{&u.readP, &u.caption.Rect} {
		if p.H > 0 && !u.screen.Wide {
			p.Y += slack
		}
	}
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	// The button takes the width of its wider label, so toggling it
	// never moves the controls after it (a click on a slider restarts
	// the run: its release must land on the track it pressed).
	wide := "pause"
	if t.Width("play", widgets.Body, false) > t.Width(wide, widgets.Body, false) {
		wide = "play"
	}
	st.Button(t, &u.play, wide)
	u.play.Label = "pause"
	if !s.playing {
		u.play.Label = "play"
	}
	st.Button(t, &u.replayB, "replay")
	st.Button(t, &u.step, "step")
	st.Gap()
	st.Slider(t, &u.lr, 280)
	// The value on the right as on every slider; the tick labels take the
	// top line between it and the name.
	u.lr.Label, u.lr.Min, u.lr.Max, u.lr.Log, u.lr.Value = "rate η", lrMin, lrMax, true, s.lr
	u.lr.Format = nil
	st.Slider(t, &u.l, 150)
	u.l.Label, u.l.Min, u.l.Max, u.l.Log, u.l.Value = "curvature L", lMin, lMax, true, s.L
	if s.two {
		u.l.Label = "L₁ (x)"
	}
	u.l.Format = nil
	st.Slider(t, &u.x0, 130)
	u.x0.Label, u.x0.Min, u.x0.Max, u.x0.Log, u.x0.Value = "start x₀", x0Min, x0Max, true, s.x0
	st.Gap()
	st.Button(t, &u.twoB, "second curvature")
	u.twoB.Active = s.two
	if s.two {
		st.Slider(t, &u.l2, 150)
		u.l2.Label, u.l2.Min, u.l2.Max, u.l2.Log, u.l2.Value = "L₂ (y)", l2Min, l2Max, true, s.L2
	} else {
		st.Hide(&u.l2)
	}
	st.Button(t, &u.logB, "log |x|")
	u.logB.Active = s.logAxis
	st.Slider(t, &u.speed, 130)
	u.speed.Label, u.speed.Min, u.speed.Max = "speed", 0, float64(len(speeds)-1)
	u.speed.Value = float64(s.speedIdx)
	u.speed.Format = func(v float64) string { return widgets.Num(speeds[int(math.Round(v))]) + " steps/s" }
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
}

func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	if u.strip.Update(in) {
		c.Full = true
	}
	if u.play.Update(in) {
		s.togglePlay()
	}
	if u.replayB.Update(in) {
		s.replay()
	}
	if u.step.Update(in) {
		s.stepOnce()
	}
	if u.lr.Rect.W > 0 && u.lr.Update(in, t) {
		s.setLR(s.snapLR(u.lr.Value))
	}
	if u.l.Rect.W > 0 && u.l.Update(in, t) {
		s.setL(roundSig(u.l.Value, 3))
	}
	if u.x0.Rect.W > 0 && u.x0.Update(in, t) {
		s.setX0(roundSig(u.x0.Value, 3))
	}
	if u.l2.Rect.W > 0 && u.l2.Update(in, t) {
		s.setL2(roundSig(u.l2.Value, 3))
	}
	if u.speed.Rect.W > 0 && u.speed.Update(in, t) {
		s.setSpeed(int(math.Round(u.speed.Value)))
	}
	if u.twoB.Update(in) {
		s.toggleTwo()
	}
	if u.logB.Update(in) {
		s.toggleLog()
	}
}

// snapLR rounds a dragged η to three digits, or onto a tick (1/L, 2/L,
// and 2/L₂ with two curvatures) when it is within 2 % of one.
func (s *Scene) snapLR(v float64) float64 {
	for _, tk := range s.ticks() {
		if math.Abs(math.Log(v/tk.lr)) < 0.02 {
			return roundSig(tk.lr, 6)
		}
	}
	return roundSig(v, 3)
}

// tick is a rate marked on the η slider.
type tick struct {
	lr    float64
	label string
	good  bool
}

func (s *Scene) ticks() []tick {
	if s.two {
		return []tick{{2 / math.Max(s.L, s.L2), "2/L" + map[bool]string{true: "₁", false: "₂"}[s.L >= s.L2], false},
			{2 / math.Min(s.L, s.L2), "2/L" + map[bool]string{true: "₁", false: "₂"}[s.L < s.L2], false}}
	}
	return []tick{{1 / s.L, "1/L", true}, {2 / s.L, "2/L", false}}
}

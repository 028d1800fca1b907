package race

import (
	"fmt"
	"math"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// ui holds the race's widgets and where they are this frame.
type ui struct {
	screen                   kit.Screen
	rulePanel                widgets.Rect
	lrPanel, lossPanel       widgets.Rect
	strip                    kit.Strip
	legend                   kit.Legend
	caption                  kit.Caption
	surf                     []widgets.Button
	opts                     []widgets.Button
	play, step, reset, sched widgets.Button
	same, fair, arrows       widgets.Button
	view3d                   widgets.Button
	speed, schedP, limit     widgets.Slider
	lr, hyper, noise         widgets.Slider
	laidOut                  stripKey
	// captionLaid is the text the caption's lines were wrapped from (in
	// its Update), which is what Draw shows: a new one repaints it.
	captionLaid  string
	panning      bool
	lastX, lastY float64
}

// layout fills the strip and splits the area into the map, the legend, the
// two plots and the caption (kit.Layout decides side by side or stacked).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: kit.LegendHeight(t, 1), Want: kit.LegendHeight(t, len(s.race.Runners))},
		{Min: t.S(78), Want: t.S(96), Drop: 2},
		{Min: t.S(80), Want: t.S(100), Drop: 3},
		{Min: t.S(90), Want: t.S(190), Drop: 1},
		{Min: t.S(70), Grow: true, Drop: 4},
	}
	if s.rates == searchedRates {
		// The fair race's caption holds the standings and how the rates were
		// found: it goes before the update rule and the schedule.
		specs[4].Drop = 2
		specs[1].Drop, specs[2].Drop = 3, 4
	}
	v := s.surf.View()
	u.screen = kit.Layout(t, c.Area, &u.strip, v.W()/v.H(), specs)
	p := u.screen.Panels
	u.legend.Rect, u.rulePanel, u.lrPanel, u.lossPanel, u.caption.Rect = p[0], p[1], p[2], p[3], p[4]
	s.m.Rect = u.screen.Main
	u.caption.Title = "what to notice"
	u.caption.Text = s.captionText()
	s.m.Layout(t)
	s.s3.Rect, s.s3.View = u.screen.Main, s.m.View
	s.s3.Layout(t)
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	all := surfaces.All()
	if len(u.surf) != len(all) {
		u.surf = make([]widgets.Button, len(all))
	}
	if len(u.opts) != len(sim.Kinds) {
		u.opts = make([]widgets.Button, len(sim.Kinds))
	}
	st.Begin()
	for i, sf := range all {
		st.Button(t, &u.surf[i], sf.ID())
		u.surf[i].Active = sf.ID() == s.surf.ID()
	}
	st.Gap()
	label := "pause"
	if !s.playing {
		label = "play"
	}
	st.Button(t, &u.play, label)
	st.Button(t, &u.step, "step")
	st.Button(t, &u.reset, "reset")
	st.Gap()
	st.Slider(t, &u.speed, 130)
	u.speed.Label, u.speed.Min, u.speed.Max = "speed", 0, float64(len(speeds)-1)
	u.speed.Value = float64(s.speedIdx)
	u.speed.Format = func(v float64) string { return fmt.Sprintf("%g steps/s", speeds[int(math.Round(v))]) }
	st.Slider(t, &u.limit, 120)
	u.limit.Label, u.limit.Min, u.limit.Max, u.limit.Log = "steps", limitMin, limitMax, true
	u.limit.Value = float64(s.tun.limit)
	u.limit.Format = func(v float64) string { return fmt.Sprint(int(math.Round(v))) }
	if u.caption.NeedsButton() {
		label := "notes (I)"
		if s.rates == searchedRates {
			label = "standings (I)"
		}
		st.Button(t, &u.caption.Button, label)
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
	st.Break()
	for i, k := range sim.Kinds {
		b := &u.opts[i]
		b.Swatch = kit.KindColor(k)
		st.Button(t, b, k.Name())
		b.Active = s.on[k]
	}
	st.Break()
	st.Button(t, &u.same, "same η")
	u.same.Active = s.rates == sharedRates
	st.Button(t, &u.fair, "fair race")
	u.fair.Active = s.rates == searchedRates
	if s.rates == searchedRates {
		st.Hide(&u.lr) // the search sets the rates
	} else {
		st.Slider(t, &u.lr, 170)
		u.lr.Label = "η " + s.sel.Name()
		if s.rates == sharedRates {
			u.lr.Label = "η for all"
		}
		u.lr.Min, u.lr.Max, u.lr.Log, u.lr.Value = lrMin, lrMax, true, s.lrOf(s.sel)
	}
	if p, ok := s.hyperParam(); ok {
		h := s.tun.hyper[s.sel]
		st.Slider(t, &u.hyper, 130)
		u.hyper.Label = p.Name + " " + s.sel.Name()
		// The slider runs in the parameter's own scale (log for ε, log of
		// 1 − β₂ for β₂), so its stops are where the values matter.
		u.hyper.Min, u.hyper.Max, u.hyper.Value = 0, 1, p.Unit(*p.Get(&h))
		u.hyper.Format = func(v float64) string { return widgets.Num(p.Value(v)) }
	} else {
		st.Hide(&u.hyper)
	}
	st.Gap()
	st.Button(t, &u.sched, "schedule: "+s.schedK.Name())
	if name, lo, hi, p, ok := s.sched.Param(); ok {
		st.Slider(t, &u.schedP, 120)
		u.schedP.Label, u.schedP.Min, u.schedP.Max, u.schedP.Value = name, lo, hi, *p
	} else {
		st.Hide(&u.schedP)
	}
	st.Gap()
	st.Slider(t, &u.noise, 120)
	u.noise.Label, u.noise.Min, u.noise.Max, u.noise.Value = "noise σ", 0, 1, noiseUnit(s.noise.Sigma)
	u.noise.Format = func(v float64) string {
		if sg := noiseValue(v); sg > 0 {
			return widgets.Num(sg)
		}
		return "off"
	}
	st.Button(t, &u.arrows, "arrows")
	u.arrows.Active = s.arrows
	st.Button(t, &u.view3d, "3-D")
	u.view3d.Active = s.mode3d
}

// noiseUnit and noiseValue map σ to the noise slider: off at the left end,
// then 0.001 to 10 on a log scale.
func noiseUnit(sigma float64) float64 {
	if sigma <= 0 {
		return 0
	}
	return 0.05 + 0.95*(math.Log10(sigma)+3)/(math.Log10(noiseMax)+3)
}

func noiseValue(u float64) float64 {
	if u < 0.05 {
		return 0
	}
	return math.Pow(10, -3+(u-0.05)/0.95*(math.Log10(noiseMax)+3))
}

func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	u.captionLaid = u.caption.Text
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	for i, sf := range surfaces.All() {
		if u.surf[i].Update(in) && sf.ID() != s.surf.ID() {
			s.setSurface(sf)
		}
	}
	if u.play.Update(in) {
		s.togglePlay()
	}
	if u.step.Update(in) {
		s.stepOnce()
	}
	if u.reset.Update(in) {
		s.restart()
		s.playing = true
	}
	if u.sched.Update(in) {
		s.cycleSchedule(1)
	}
	for i, k := range sim.Kinds {
		if u.opts[i].Update(in) {
			s.toggleKind(k)
		}
	}
	if u.speed.Update(in, t) {
		s.setSpeed(int(math.Round(u.speed.Value)))
	}
	if u.limit.Update(in, t) {
		s.setLimit(int(math.Round(u.limit.Value)))
	}
	if u.lr.Rect.W > 0 && u.lr.Update(in, t) {
		s.setLR(s.sel, u.lr.Value)
	}
	if p, ok := s.hyperParam(); ok && u.hyper.Rect.W > 0 && u.hyper.Update(in, t) {
		s.setHyper(s.sel, p, p.Value(u.hyper.Value))
	}
	if u.noise.Update(in, t) {
		s.setNoise(noiseValue(u.noise.Value))
	}
	if u.same.Update(in) {
		s.toggleShared()
	}
	if u.fair.Update(in) {
		s.toggleFair()
	}
	if u.arrows.Update(in) {
		s.arrows = !s.arrows
	}
	if u.view3d.Update(in) {
		s.toggle3D()
	}
	if u.schedP.Rect.W > 0 && u.schedP.Update(in, t) {
		s.setSchedParam(u.schedP.Value)
	}
	if i := u.legend.Update(in); i >= 0 && i < len(s.race.Runners) {
		s.sel = s.race.Runners[i].Kind
	}
}

// updateMap: a press or drag on the map sets the start point; right-drag,
// Shift-drag or two fingers pan; the wheel or a pinch zooms.
func (s *Scene) updateMap(c *kit.Ctx) {
	in, u := c.In, &s.ui
	if s.mode3d {
		// A drag turns the surface; the wheel still zooms the region shown.
		s.s3.Update(in)
		if p := s.s3.Plot(); in.Wheel != 0 && p.Contains(in.X, in.Y) {
			m := s.m.Plot()
			s.m.ZoomAt(m.X+m.W/2, m.Y+m.H/2, math.Pow(0.85, in.Wheel))
		}
		s.s3.View = s.m.View
		return
	}
	p := s.m.Plot()
	if in.Owns(&s.m, p) {
		if in.Pressed {
			u.panning = in.Alt
			u.lastX, u.lastY = in.X, in.Y
		}
		if in.Alt && !u.panning { // a second finger turned a pick into a pan
			u.panning = true
			u.lastX, u.lastY = in.X, in.Y
		}
		switch {
		case u.panning:
			s.m.Pan(in.X-u.lastX, in.Y-u.lastY)
			u.lastX, u.lastY = in.X, in.Y
		case in.Down || in.Released:
			s.setStart(s.m.ToData(math.Min(math.Max(in.X, p.X), p.Right()), math.Min(math.Max(in.Y, p.Y), p.Bottom())))
			s.playing = true
		}
		if in.Pinch != 1 {
			s.m.ZoomAt(in.X, in.Y, 1/in.Pinch)
		}
	}
	if in.Wheel != 0 && p.Contains(in.X, in.Y) {
		// The shell bounds the wheel to one notch per tick, whatever the
		// browser's delta mode, so one notch is one bounded zoom step.
		s.m.ZoomAt(in.X, in.Y, math.Pow(0.85, in.Wheel))
	}
}

// layoutLegend fills the legend's rows from the race, after it advanced.
func (s *Scene) layoutLegend(t *widgets.Theme) {
	l := &s.ui.legend
	l.Title = fmt.Sprintf("optimizers · step %d of %d · finish f − f* < %s", s.race.Step(), s.tun.limit, widgets.Num(s.tol))
	searching := s.searching()
	if searching {
		d, n := s.progress()
		l.Title = fmt.Sprintf("fair race · searching each η: %d of %d trial races…", d, n)
	}
	l.Rows = l.Rows[:0]
	pl := s.fairPlaces()
	if pl != nil {
		l.Title = fmt.Sprintf("fair race · place (at shared η %s) · step %d",
			widgets.Num(sim.SharedLR(s.surf.ID())), s.race.Step())
	}
	for _, r := range s.race.Runners {
		line := waitingText(r, searching)
		if p, ok := pl[r.Kind]; ok {
			line = fairLine(r, p)
		}
		l.Rows = append(l.Rows, kit.LegendRow{Color: kit.KindColor(r.Kind), Marker: kit.KindMarker(r.Kind),
			Name: r.Kind.Name(), Detail: s.paramText(r), Line: line,
			LineColor: kit.StatusColor(r.Status), Selected: r.Kind == s.sel})
	}
	l.Layout(t)
}

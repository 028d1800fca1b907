package main

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// raceUI holds the race scene's widgets and where they are this frame.
type raceUI struct {
	mapArea, side, legend, lrPanel, lossPanel, caption, strip widgets.Rect

	surf                     [3]widgets.Button
	play, step, reset, sched widgets.Button
	opts                     [7]widgets.Button
	speed, schedP, limit     widgets.Slider
	lr, hyper                widgets.Slider
	legendRows               []widgets.Rect
	panning                  bool
	lastX, lastY             float64
}

// layout places the map, the side panels and the control strip: side by side
// on wide screens, stacked on narrow or portrait ones.
func (s *raceScene) layout(c *Ctx) {
	t, a, u := c.Theme, c.Area, &s.ui
	pad := math.Round(t.S(8))
	// Lay the strip out once to learn how many rows it wraps to.
	stripH := s.layoutStrip(t, widgets.Rect{W: a.W})
	u.strip = widgets.Rect{X: 0, Y: a.Bottom() - stripH, W: a.W, H: stripH}
	s.layoutStrip(t, u.strip)
	body := widgets.Rect{X: pad, Y: a.Y + pad, W: math.Max(a.W-2*pad, 1), H: math.Max(a.H-stripH-2*pad, 1)}
	legendH := t.S(22) + float64(len(s.race.Runners))*t.S(34)
	if body.W >= body.H*1.15 && body.W > t.S(700) {
		sideW := math.Round(math.Min(math.Max(body.W*0.33, t.S(300)), t.S(440)))
		u.mapArea, u.side = body.SplitLeft(body.W - sideW - pad)
		u.side.X += pad
		u.side.W -= pad
		var rest widgets.Rect
		u.legend, rest = u.side.SplitTop(legendH)
		rest.Y += pad
		u.lrPanel, rest = rest.SplitTop(math.Round(t.S(110)))
		rest.Y += pad
		lossH := math.Round(math.Max(t.S(150), math.Min(t.S(210), rest.H-t.S(130))))
		u.lossPanel, rest = rest.SplitTop(lossH)
		rest.Y += pad
		u.caption = widgets.Rect{X: rest.X, Y: rest.Y, W: rest.W, H: math.Max(body.Bottom()-rest.Y, 0)}
	} else {
		// Narrow: map on top, legend and plots in a row under it.
		mapH := math.Round(math.Min(body.W/(s.m.View.W()/s.m.View.H())+t.S(30), body.H*0.55))
		u.mapArea, u.side = body.SplitTop(mapH)
		u.side.Y += pad
		u.side.H = math.Max(u.side.H-pad, 0)
		colW := math.Floor((u.side.W - 2*pad) / 3)
		u.legend = widgets.Rect{X: u.side.X, Y: u.side.Y, W: colW, H: u.side.H}
		u.lrPanel = widgets.Rect{X: u.side.X + colW + pad, Y: u.side.Y, W: colW, H: u.side.H}
		u.lossPanel = widgets.Rect{X: u.side.X + 2*(colW+pad), Y: u.side.Y, W: colW, H: u.side.H}
		u.caption = widgets.Rect{}
	}
	s.m.Rect = u.mapArea
}

// layoutStrip flows the controls left to right in strip, wrapping onto new
// rows as needed, and returns the height they take.
func (s *raceScene) layoutStrip(t *widgets.Theme, strip widgets.Rect) float64 {
	u := &s.ui
	pad := math.Round(t.S(8))
	rowH := math.Round(t.S(34))
	x, y := strip.X+pad, strip.Y+pad
	fit := func(w float64) {
		if x+w > strip.Right()-pad && x > strip.X+pad {
			x, y = strip.X+pad, y+rowH+t.S(4)
		}
	}
	newRow := func() { x, y = strip.X+pad, y+rowH+t.S(4) }
	place := func(b *widgets.Button, label string) {
		b.Label = label
		w := b.Width(t)
		fit(w)
		b.Rect = widgets.Rect{X: x, Y: y + t.S(4), W: w, H: rowH - t.S(8)}
		x += w + t.S(4)
	}
	slider := func(sl *widgets.Slider, w float64) {
		fit(w)
		sl.Rect = widgets.Rect{X: x, Y: y, W: w, H: rowH}
		x += w + pad*2
	}
	for i, sf := range surfaces.All() {
		place(&u.surf[i], sf.ID())
		u.surf[i].Active = sf.ID() == s.surf.ID()
	}
	x += pad
	label := "pause"
	if !s.playing {
		label = "play"
	}
	place(&u.play, label)
	place(&u.step, "step")
	place(&u.reset, "reset")
	x += pad
	slider(&u.speed, t.S(130))
	u.speed.Label, u.speed.Min, u.speed.Max = "speed", 0, float64(len(speeds)-1)
	u.speed.Value = float64(s.speedIdx)
	u.speed.Format = func(v float64) string { return fmt.Sprintf("%g steps/frame", speeds[int(math.Round(v))]) }
	slider(&u.limit, t.S(120))
	u.limit.Label, u.limit.Min, u.limit.Max, u.limit.Log = "steps", 10, 20000, true
	u.limit.Value = float64(s.limit)
	u.limit.Format = func(v float64) string { return fmt.Sprint(int(math.Round(v))) }

	newRow()
	for i, k := range sim.Kinds {
		b := &u.opts[i]
		b.Swatch = kindColor[k]
		place(b, k.Name())
		b.Active = s.on[k]
	}
	x += pad
	slider(&u.lr, t.S(170))
	u.lr.Label = "η " + s.sel.Name()
	u.lr.Min, u.lr.Max, u.lr.Log, u.lr.Value = lrMin, lrMax, true, s.lr[s.sel]
	if p, ok := sim.MainParam(s.sel); ok {
		h := s.hyper[s.sel]
		slider(&u.hyper, t.S(120))
		u.hyper.Label = p.Name + " " + s.sel.Name()
		u.hyper.Min, u.hyper.Max, u.hyper.Value = p.Min, p.Max, *p.Get(&h)
	} else {
		u.hyper.Rect = widgets.Rect{}
	}
	place(&u.sched, "schedule: "+s.sched.Kind.Name())
	x += pad
	if name, lo, hi, p, ok := s.sched.Param(); ok {
		slider(&u.schedP, t.S(120))
		u.schedP.Label, u.schedP.Min, u.schedP.Max, u.schedP.Value = name, lo, hi, *p
	} else {
		u.schedP.Rect = widgets.Rect{}
	}
	return y + rowH + pad - strip.Y
}

func (s *raceScene) updateControls(c *Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	for i, sf := range surfaces.All() {
		if u.surf[i].Update(in) && sf.ID() != s.surf.ID() {
			s.setSurface(sf)
			s.playing = true
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
		s.speedIdx = int(math.Round(u.speed.Value))
	}
	if u.limit.Update(in, t) {
		s.setLimit(int(math.Round(u.limit.Value)))
	}
	if u.lr.Update(in, t) {
		s.setLR(s.sel, u.lr.Value)
	}
	if u.hyper.Rect.W > 0 && u.hyper.Update(in, t) {
		s.setHyper(s.sel, u.hyper.Value)
	}
	if u.schedP.Rect.W > 0 && u.schedP.Update(in, t) {
		s.setSchedParam(u.schedP.Value)
	}
	for i, r := range u.legendRows {
		if i < len(s.race.Runners) && in.Owns(&u.legendRows[i], r) && in.Pressed {
			s.sel = s.race.Runners[i].Kind
		}
	}
}

// updateMap: a press or drag on the map sets the start point; right-drag,
// Shift-drag or two fingers pan; the wheel or a pinch zooms.
func (s *raceScene) updateMap(c *Ctx) {
	in, u := c.In, &s.ui
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
		s.m.ZoomAt(in.X, in.Y, math.Pow(0.85, in.Wheel))
	}
}

func (s *raceScene) keys(c *Ctx) {
	shift := 1
	if Shift() {
		shift = -1
	}
	just := inpututil.IsKeyJustPressed
	if just(ebiten.KeySpace) {
		s.togglePlay()
	}
	if c.Pressed(ebiten.KeyPeriod) {
		s.stepOnce()
	}
	if just(ebiten.KeyR) {
		s.restart()
		s.playing = true
	}
	if just(ebiten.KeyS) {
		s.cycleSurface(shift)
	}
	if just(ebiten.KeyC) {
		s.cycleSchedule(shift)
	}
	if just(ebiten.KeyTab) {
		s.selectNext(shift)
	}
	for k, key := range map[sim.Kind]ebiten.Key{sim.SGD: ebiten.KeyG, sim.Momentum: ebiten.KeyM,
		sim.Nesterov: ebiten.KeyN, sim.RMSProp: ebiten.KeyP, sim.Adam: ebiten.KeyA,
		sim.AdaGrad: ebiten.KeyD, sim.AdamW: ebiten.KeyW} {
		if just(key) {
			s.toggleKind(k)
		}
	}
	// Arrow keys: a quarter-decade of LR, a twentieth of the parameter range.
	if c.Pressed(ebiten.KeyArrowRight) {
		s.setLR(s.sel, s.lr[s.sel]*math.Pow(10, 0.25))
	}
	if c.Pressed(ebiten.KeyArrowLeft) {
		s.setLR(s.sel, s.lr[s.sel]/math.Pow(10, 0.25))
	}
	if c.Pressed(ebiten.KeyArrowUp) && s.ui.hyper.Rect.W > 0 {
		s.setHyper(s.sel, s.ui.hyper.Nudge(1))
	}
	if c.Pressed(ebiten.KeyArrowDown) && s.ui.hyper.Rect.W > 0 {
		s.setHyper(s.sel, s.ui.hyper.Nudge(-1))
	}
	if c.Pressed(ebiten.KeyK) && s.ui.schedP.Rect.W > 0 {
		s.setSchedParam(s.ui.schedP.Nudge(1))
	}
	if c.Pressed(ebiten.KeyJ) && s.ui.schedP.Rect.W > 0 {
		s.setSchedParam(s.ui.schedP.Nudge(-1))
	}
	if c.Typed(']') {
		s.speedIdx = min(s.speedIdx+1, len(speeds)-1)
	}
	if c.Typed('[') {
		s.speedIdx = max(s.speedIdx-1, 0)
	}
	if just(ebiten.KeyL) {
		if shift > 0 {
			s.setLimit(s.limit * 2)
		} else {
			s.setLimit(s.limit / 2)
		}
	}
	p := s.m.Plot()
	if c.Typed('+') || c.Typed('=') {
		s.m.ZoomAt(p.X+p.W/2, p.Y+p.H/2, 0.8)
	}
	if c.Typed('-') {
		s.m.ZoomAt(p.X+p.W/2, p.Y+p.H/2, 1.25)
	}
	if just(ebiten.KeyV) {
		s.m.View = s.surf.View()
	}
}

func (s *raceScene) Help() []KeyHelp {
	return []KeyHelp{
		{"Space", "play / pause (replays a finished race)"},
		{". (period)", "one step"},
		{"R", "restart the race"},
		{"S / Shift+S", "next / previous surface: bowl, Rosenbrock, Beale"},
		{"G M N P A D W", "toggle SGD, Momentum, Nesterov, RMSProp, Adam, AdaGrad, AdamW"},
		{"Tab / Shift+Tab", "choose which optimizer the sliders tune (or click its legend row)"},
		{"← / →", "its learning rate ÷ / × 10^¼"},
		{"↓ / ↑", "its main hyperparameter (μ, α, β₁ or λ)"},
		{"C / Shift+C", "next / previous LR schedule"},
		{"J / K", "the schedule's parameter down / up"},
		{"L / Shift+L", "halve / double the step limit"},
		{"[ / ]", "slower / faster (0.05 to 50 steps per frame)"},
		{"+ / − / V", "zoom in / out / reset the view (or wheel, pinch)"},
		{"click, drag", "on the map: set the start point"},
		{"right-drag", "on the map (or Shift-drag, two fingers): pan"},
	}
}

package race

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// Draw paints the map and the panels every frame (they change while the race
// runs) and the strip and caption only when something was touched.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t := c.Theme
	if s.drawn.version != s.version || s.drawn.mode3d != s.mode3d {
		s.drawn = drawState{version: s.version, mode3d: s.mode3d, chrome: s.drawn.chrome}
		s.surfaceView().ClearTrail()
	}
	// The map and the panels change while the race runs, the pointer
	// hovers or the map is being refined; a finished, untouched race costs
	// no drawing at all.
	pk := panelsKey{s.version, s.race.Step(), s.m.View, s.hover.x, s.hover.y, len(s.hover.lines),
		s.sel, s.ui.caption.Open(), s.ui.screen.Main, s.ui.legend.Rect, s.mode3d, s.s3.Yaw, s.s3.Pitch}
	mapDue := c.Full || pk != s.drawn.panels || !s.m.Settled() || s.mode3d
	// The side panels' numbers change every step, faster than anyone reads
	// them: while only the step moves they repaint ten times a second, which
	// under software WebGL is most of a running race's cost.
	side := pk
	side.step = 0
	now := time.Now()
	// While the fair race searches, the legend counts its trials instead.
	moved := s.race.Step()
	if s.searching() {
		d, _ := s.progress()
		moved = -1 - d
	}
	sideDue := c.Full || side != s.drawn.side ||
		s.drawn.sideStep != moved && now.Sub(s.drawn.sideAt) >= 100*time.Millisecond
	if mapDue {
		s.drawn.panels = pk
		s.drawMap(dst, t)
	}
	if sideDue {
		s.drawn.side, s.drawn.sideStep, s.drawn.sideAt = side, moved, now
		if s.ui.legend.Rect.H > 0 {
			s.ui.legend.Draw(dst, t)
		}
		if s.ui.lrPanel.H > 0 {
			s.drawSchedule(dst, t)
		}
		if s.ui.lossPanel.H > 0 {
			s.drawLoss(dst, t)
		}
		if s.ui.rulePanel.H > 0 {
			s.drawRule(dst, t)
		}
	}
	if mapDue && s.hover.clip == s.m.Rect || sideDue && s.hover.clip != s.m.Rect {
		s.hover.draw(dst, t, s.hoverGuide)
	}
	key := chromeKey{s.version, s.playing, s.sel, s.hsel, s.speedIdx, s.noise.Sigma, s.arrows, s.mode3d, s.ui.strip.Page(), s.rates}
	// The caption also follows its text: the fair race's standings replace
	// "searching" when the search ends, a tick after the restart.
	if c.Full || c.Active || key != s.drawn.chrome || s.ui.captionLaid != s.drawn.caption {
		s.drawn.chrome, s.drawn.caption = key, s.ui.captionLaid
		s.ui.caption.Draw(dst, t)
		s.drawStrip(dst, t)
	}
	s.ui.caption.DrawOverlay(dst, t)
}

// panelsKey is what the map and the panels show.
type panelsKey struct {
	version      int
	step         int
	view         surfaces.Box
	hx, hy       float64
	hover        int
	sel          sim.Kind
	notes        bool
	main, legend widgets.Rect
	mode3d       bool
	yaw, pitch   float64
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version  int
	playing  bool
	sel      sim.Kind
	hsel     int
	speedIdx int
	noise    float64
	arrows   bool
	mode3d   bool
	page     int
	rates    rateMode
}

// hoverGuide is where the hover's vertical guide goes on its plot.
func (s *Scene) hoverGuide() (x, y0, y1 float64) {
	pl := &s.lossPlot
	if s.hover.clip == s.ui.lrPanel {
		pl = &s.lrPlot
	}
	x, _ = pl.Map(s.hover.mark, 0)
	a := pl.Area()
	return x, a.Y, a.Bottom()
}

func (s *Scene) drawRule(dst *ebiten.Image, t *widgets.Theme) {
	r := s.selected()
	if r == nil {
		return
	}
	title, lines := ruleLines(r)
	in := kit.Panel(dst, t, s.ui.rulePanel, title)
	lh := t.LineH(widgets.Small) * 1.25
	for i, l := range lines {
		if y := in.Y + float64(i)*lh; y+lh <= in.Bottom()+t.S(2) {
			c := assets.Neutral
			if i == 0 {
				c = assets.Text
			}
			t.Text(dst, t.Fit(l, widgets.Small, false, in.W), in.X, y, widgets.Small, false, c, widgets.Left)
		}
	}
}

// selected is the selected optimizer's runner.
func (s *Scene) selected() *sim.Runner {
	for _, r := range s.race.Runners {
		if r.Kind == s.sel {
			return r
		}
	}
	return nil
}

// drawArrows draws, at each head, the downhill direction −∇f (white, a
// fixed length) and the step actually taken (the optimizer's colour, all
// scaled by one factor so their lengths compare).
func (s *Scene) drawArrows(clip *ebiten.Image, t *widgets.Theme) {
	p := s.m.Plot()
	v := s.m.View
	sx, sy := p.W/v.W(), p.H/v.H()
	longest := 0.0
	for _, r := range s.race.Runners {
		if dx, dy, ok := r.LastStep(); ok && r.Status != sim.Diverged {
			longest = math.Max(longest, math.Hypot(dx*sx, dy*sy))
		}
	}
	k := 1.0
	if longest > 0 {
		k = t.S(40) / longest
	}
	for _, r := range s.race.Runners {
		if r.Status == sim.Diverged {
			continue
		}
		hx, hy := s.m.ToScreen(r.Head())
		if gx, gy, ok := r.LastGrad(); ok {
			if n := math.Hypot(gx*sx, gy*sy); n > 0 && !math.IsInf(n, 0) {
				arrow(clip, t, hx, hy, -gx*sx/n*t.S(28), gy*sy/n*t.S(28), color.RGBA{0xff, 0xff, 0xff, 0xd0})
			}
		}
		if dx, dy, ok := r.LastStep(); ok {
			arrow(clip, t, hx, hy, dx*sx*k, -dy*sy*k, kit.KindColor(r.Kind))
		}
	}
	if longest > 0 {
		note := "arrows: white −grad f (direction) · colour: step taken × " + widgets.Num(k/math.Max(sx, 1e-300)*sx)
		t.Text(clip, t.Fit(note, widgets.Small, false, p.W-t.S(16)), p.X+t.S(8), p.Bottom()-t.S(18), widgets.Small, false, color.White, widgets.Left)
	}
}

// arrow draws a line from (x, y) by (dx, dy) with a head, if it is long
// enough to see and finite.
func arrow(dst *ebiten.Image, t *widgets.Theme, x, y, dx, dy float64, c color.Color) {
	n := math.Hypot(dx, dy)
	if !(n > t.S(3)) || math.IsInf(n, 0) {
		return
	}
	ex, ey := x+dx, y+dy
	w := t.S(2)
	widgets.Line(dst, x, y, ex, ey, w, c)
	ux, uy := dx/n, dy/n
	hl := math.Min(t.S(7), n/2)
	widgets.Line(dst, ex, ey, ex-hl*(ux-uy*0.5), ey-hl*(uy+ux*0.5), w, c)
	widgets.Line(dst, ex, ey, ex-hl*(ux+uy*0.5), ey-hl*(uy-ux*0.5), w, c)
}

// surfaceView is what the race draws its paths on: the contour map or the
// 3-D surface.
type surfaceView interface {
	Prepare(t *widgets.Theme) bool
	TrailAdd(pts []surfaces.Point, w float64, c color.Color)
	TrailFlush()
	ClearTrail()
	Draw(dst *ebiten.Image)
	Plot() widgets.Rect
}

func (s *Scene) surfaceView() surfaceView {
	if s.mode3d {
		return &s.s3
	}
	return &s.m
}

// toScreen places a point of the surface on the screen, in either view.
func (s *Scene) toScreen(p surfaces.Point) (x, y float64, ok bool) {
	if s.mode3d {
		return s.s3.Project(p)
	}
	x, y = s.m.ToScreen(p)
	return x, y, true
}

func (s *Scene) drawMap(dst *ebiten.Image, t *widgets.Theme) {
	v := s.surfaceView()
	if v.Prepare(t) {
		s.drawn.trail = nil
	}
	rs := s.race.Runners
	if len(s.drawn.trail) != len(rs) {
		s.drawn.trail = make([]int, len(rs))
	}
	// Only the segments added since the last frame go into the trail layer,
	// all in one batch: first dark casings, then the colours, so trails read
	// on any part of the map.
	for pass, w := range []float64{t.S(4), t.S(2)} {
		for i, r := range rs {
			from := max(s.drawn.trail[i]-1, 0)
			if len(r.Path)-from < 2 {
				continue
			}
			c := kit.KindColor(r.Kind)
			if pass == 0 {
				c = color.RGBA{0, 0, 0, 0x90}
			}
			v.TrailAdd(r.Path[from:], w, c)
		}
	}
	v.TrailFlush()
	for i, r := range rs {
		s.drawn.trail[i] = len(r.Path)
	}
	v.Draw(dst)
	p := v.Plot()
	clip := dst.SubImage(p.Image()).(*ebiten.Image)
	if sx, sy, ok := s.toScreen(s.tun.start); ok {
		widgets.Ring(clip, sx, sy, t.S(6), t.S(2), color.White)
		t.Text(clip, "start", sx+t.S(9), sy-t.S(16), widgets.Small, false, color.White, widgets.Left)
	}
	for _, r := range rs {
		hx, hy, ok := s.toScreen(r.Head())
		if !ok {
			continue
		}
		if r.Status == sim.Diverged {
			d := t.S(7)
			widgets.Line(clip, hx-d, hy-d, hx+d, hy+d, t.S(3), assets.Bad)
			widgets.Line(clip, hx-d, hy+d, hx+d, hy-d, t.S(3), assets.Bad)
			continue
		}
		kit.DrawMarker(clip, kit.KindMarker(r.Kind), hx, hy, t.S(5.5), kit.KindColor(r.Kind))
		if r.Kind == s.sel {
			widgets.Ring(clip, hx, hy, t.S(10), t.S(1.5), color.White)
		}
	}
	if s.arrows && !s.mode3d {
		s.drawArrows(clip, t)
	}
	t.Text(dst, s.surf.Name(), p.X+t.S(8), p.Y+t.S(6), widgets.Body, true, color.White, widgets.Left)
}

func (s *Scene) paramText(r *sim.Runner) string {
	txt := "η " + widgets.Num(r.BaseLR) + s.lrNote(r)
	if t, ok := s.searched(r.Kind); t != nil && !ok {
		txt = fmt.Sprintf("η: searching, %d of %d trial races", t.Finished(), t.Total())
	}
	if p, ok := sim.MainParam(r.Kind); ok {
		h := r.Opt.Hyper
		txt += "  " + p.Name + " " + widgets.Num(*p.Get(&h))
	}
	if lr := r.LR; len(lr) > 0 && s.schedK != sim.Constant {
		txt += "  now " + widgets.Num(lr[len(lr)-1])
	}
	return txt
}

// waitingText is runnerText, or that the race waits for the search.
func waitingText(r *sim.Runner, searching bool) string {
	if searching {
		return "waiting for the search"
	}
	return runnerText(r)
}

func runnerText(r *sim.Runner) string {
	gap := "f − f* " + widgets.Num(r.Gap[len(r.Gap)-1])
	switch r.Status {
	case sim.Converged:
		return fmt.Sprintf("converged at step %d", r.At)
	case sim.Diverged:
		return fmt.Sprintf("diverged at step %d: %s", r.At, r.Why)
	case sim.Finished:
		return fmt.Sprintf("not converged in %d steps · %s", r.At, gap)
	}
	return fmt.Sprintf("step %d · %s", r.Steps(), gap)
}

func (s *Scene) drawSchedule(dst *ebiten.Image, t *widgets.Theme) {
	in := kit.Panel(dst, t, s.ui.lrPanel, "LR schedule  η(t)/η₀ · "+s.schedK.Name()+" (I: how it works)")
	pl := &s.lrPlot
	pl.Rect = in
	pl.XMin, pl.XMax, pl.YMin, pl.YMax = 0, float64(s.tun.limit), 0, 1.05
	pl.XLabel = ""
	if pl.Prepare(t) || !s.drawn.sched {
		pl.ClearSeries()
		n := min(s.tun.limit, 600)
		sc := s.sched
		xs := func(i int) float64 { return float64(i) * float64(s.tun.limit-1) / float64(n-1) }
		pl.Series(xs, func(i int) float64 { return sc.Factor(int(math.Round(xs(i)))) }, 0, n, t.S(2), assets.Accent)
		pl.Flush()
		s.drawn.sched = true
	}
	pl.Draw(dst)
	a := pl.Area()
	x, _ := pl.Map(float64(s.race.Step()), 0)
	widgets.FillRect(dst, widgets.Rect{X: math.Round(x), Y: a.Y, W: math.Max(1, t.S(1.5)), H: a.H}, color.White)
	_, y := pl.Map(0, s.sched.Factor(s.race.Step()))
	widgets.Circle(dst, x, y, t.S(4), color.White)
}

// lossRange picks fixed log axes for the loss panel when a race starts, so
// its lines can be drawn incrementally: from the tolerance to above the
// worst start.
func (s *Scene) lossRange() (lo, hi float64) {
	top := 1e-6
	for _, r := range s.race.Runners {
		top = math.Max(top, r.Gap[0])
	}
	return math.Log10(s.race.Tol) - 1, math.Ceil(math.Log10(top) + 0.3)
}

func (s *Scene) drawLoss(dst *ebiten.Image, t *widgets.Theme) {
	in := kit.Panel(dst, t, s.ui.lossPanel, "f − f*  (log scale) against step")
	pl := &s.lossPlot
	pl.Rect = in
	pl.XMin, pl.XMax = 0, float64(s.tun.limit)
	pl.YMin, pl.YMax = s.lossRange()
	pl.LogY = true
	pl.XLabel = "step"
	rs := s.race.Runners
	if pl.Prepare(t) || len(s.drawn.loss) != len(rs) {
		pl.ClearSeries()
		s.drawn.loss = make([]int, len(rs))
	}
	var marks []*sim.Runner
	// Markers every eighth of the race, staggered per optimizer, tell apart
	// lines whose colours are close.
	every := max(s.tun.limit/8, 1)
	type mark struct {
		r *sim.Runner
		k int
	}
	var shapes []mark
	for i, r := range rs {
		from, to := s.drawn.loss[i], len(r.Gap)
		if to > from {
			pl.Series(func(k int) float64 { return float64(k) }, func(k int) float64 { return r.Gap[k] }, from, to, t.S(2), kit.KindColor(r.Kind))
			s.drawn.loss[i] = to
			if r.Status == sim.Converged {
				marks = append(marks, r)
			}
			off := every * i / max(len(rs), 1)
			for k := (from-off+every-1)/every*every + off; k < to; k += every {
				if k > 0 {
					shapes = append(shapes, mark{r, k})
				}
			}
		}
	}
	pl.Flush()
	for _, m := range shapes {
		c := kit.KindColor(m.r.Kind)
		pl.MarkWith(float64(m.k), m.r.Gap[m.k], func(img *ebiten.Image, x, y float64) {
			kit.DrawMarker(img, kit.KindMarker(m.r.Kind), x, y, t.S(3.5), c)
		})
	}
	for _, r := range marks {
		pl.Mark(float64(r.At), r.Gap[r.At], t.S(5), assets.Good)
	}
	pl.Draw(dst)
	for _, r := range rs {
		if r.Status == sim.Diverged {
			x, y := pl.Map(float64(r.Steps()), r.Gap[len(r.Gap)-1])
			d := t.S(5)
			widgets.Line(dst, x-d, y-d, x+d, y+d, t.S(2.5), assets.Bad)
			widgets.Line(dst, x-d, y+d, x+d, y-d, t.S(2.5), assets.Bad)
		}
	}
}

func (s *Scene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	u.strip.Draw(dst, t)
	for i := range u.surf {
		kit.DrawButtons(dst, t, &u.surf[i])
	}
	kit.DrawButtons(dst, t, &u.play, &u.step, &u.reset, &u.sched, &u.caption.Button, &u.same, &u.fair, &u.arrows, &u.view3d)
	for i := range u.opts {
		kit.DrawButtons(dst, t, &u.opts[i])
	}
	kit.DrawSliders(dst, t, &u.speed, &u.limit, &u.lr, &u.hyper, &u.schedP, &u.noise)
}

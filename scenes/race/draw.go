package race

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/widgets"
)

// Draw paints the map and the panels every frame (they change while the race
// runs) and the strip and caption only when something was touched.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t := c.Theme
	if s.drawn.version != s.version {
		s.drawn = drawState{version: s.version, chrome: s.drawn.chrome}
		s.m.ClearTrail()
	}
	s.drawMap(dst, t)
	if s.ui.legend.Rect.H > 0 {
		s.ui.legend.Draw(dst, t)
	}
	if s.ui.lrPanel.H > 0 {
		s.drawSchedule(dst, t)
	}
	if s.ui.lossPanel.H > 0 {
		s.drawLoss(dst, t)
	}
	key := chromeKey{s.version, s.playing, s.sel, s.speedIdx, s.ui.strip.Page()}
	if c.Full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		s.ui.caption.Draw(dst, t)
		s.drawStrip(dst, t)
	}
	s.ui.caption.DrawOverlay(dst, t)
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version  int
	playing  bool
	sel      sim.Kind
	speedIdx int
	page     int
}

func (s *Scene) drawMap(dst *ebiten.Image, t *widgets.Theme) {
	if s.m.Prepare(t) {
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
			s.m.TrailAdd(r.Path[from:], w, c)
		}
	}
	s.m.TrailFlush()
	for i, r := range rs {
		s.drawn.trail[i] = len(r.Path)
	}
	s.m.Draw(dst)
	p := s.m.Plot()
	clip := dst.SubImage(p.Image()).(*ebiten.Image)
	sx, sy := s.m.ToScreen(s.start)
	widgets.Ring(clip, sx, sy, t.S(6), t.S(2), color.White)
	t.Text(clip, "start", sx+t.S(9), sy-t.S(16), widgets.Small, false, color.White, widgets.Left)
	for _, r := range rs {
		hx, hy := s.m.ToScreen(r.Head())
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
	t.Text(dst, s.surf.Name(), p.X+t.S(8), p.Y+t.S(6), widgets.Body, true, color.White, widgets.Left)
}

func (s *Scene) paramText(r *sim.Runner) string {
	txt := "η " + widgets.Num(r.BaseLR)
	if p, ok := sim.MainParam(r.Kind); ok {
		h := r.Opt.Hyper
		txt += "  " + p.Name + " " + widgets.Num(*p.Get(&h))
	}
	if lr := r.LR; len(lr) > 0 && s.schedK != sim.Constant {
		txt += "  now " + widgets.Num(lr[len(lr)-1])
	}
	return txt
}

func runnerText(r *sim.Runner) string {
	gap := "f − f* " + widgets.Num(r.Gap[len(r.Gap)-1])
	switch r.Status {
	case sim.Converged:
		return fmt.Sprintf("converged at step %d  (f − f* < 10⁻⁶)", r.At)
	case sim.Diverged:
		return fmt.Sprintf("diverged at step %d: %s", r.At, r.Why)
	case sim.Finished:
		return fmt.Sprintf("not converged in %d steps · %s", r.At, gap)
	}
	return fmt.Sprintf("step %d · %s", r.Steps(), gap)
}

func (s *Scene) drawSchedule(dst *ebiten.Image, t *widgets.Theme) {
	in := kit.Panel(dst, t, s.ui.lrPanel, "LR schedule  η(t)/η₀ · "+s.schedK.Name())
	pl := &s.lrPlot
	pl.Rect = in
	pl.XMin, pl.XMax, pl.YMin, pl.YMax = 0, float64(s.limit), 0, 1.05
	pl.XLabel = ""
	if pl.Prepare(t) || !s.drawn.sched {
		pl.ClearSeries()
		n := min(s.limit, 600)
		sc := s.sched
		xs := func(i int) float64 { return float64(i) * float64(s.limit-1) / float64(n-1) }
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
	pl.XMin, pl.XMax = 0, float64(s.limit)
	pl.YMin, pl.YMax = s.lossRange()
	pl.LogY = true
	pl.XLabel = "step"
	rs := s.race.Runners
	if pl.Prepare(t) || len(s.drawn.loss) != len(rs) {
		pl.ClearSeries()
		s.drawn.loss = make([]int, len(rs))
	}
	var marks []*sim.Runner
	for i, r := range rs {
		from, to := s.drawn.loss[i], len(r.Gap)
		if to > from {
			pl.Series(func(k int) float64 { return float64(k) }, func(k int) float64 { return r.Gap[k] }, from, to, t.S(2), kit.KindColor(r.Kind))
			s.drawn.loss[i] = to
			if r.Status == sim.Converged {
				marks = append(marks, r)
			}
		}
	}
	pl.Flush()
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
	kit.DrawButtons(dst, t, &u.play, &u.step, &u.reset, &u.sched, &u.caption.Button)
	for i := range u.opts {
		kit.DrawButtons(dst, t, &u.opts[i])
	}
	kit.DrawSliders(dst, t, &u.speed, &u.limit, &u.lr, &u.hyper, &u.schedP)
}

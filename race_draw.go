package main

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/sim"
	"gradlab/widgets"
)

var captions = map[string]string{
	"bowl": "Curvature is 40× steeper across this bowl than along it. SGD's η sits just under the " +
		"stability limit 2/λ, so it bounces wall to wall while crawling along the floor; momentum " +
		"averages the bounces away, Adam rescales each direction. Real losses look like this in many " +
		"directions at once. Try → to push SGD past η = 0.1.",
	"rosenbrock": "A curved, almost flat valley floor leads to the minimum at (1, 1). Reaching the floor " +
		"is easy; following it is not. SGD barely moves along it, momentum builds speed, Adam's " +
		"per-direction scaling keeps its steps useful. Try: a cosine or one-cycle schedule (C), or " +
		"drag the start point onto the valley floor.",
	"beale": "Beale's surface spans five decades between its flat middle and steep corners, so one " +
		"learning rate cannot suit every region. Watch how far each optimizer gets in the same number " +
		"of steps, and which ones end in green. Try: click elsewhere on the map to start from another " +
		"point, or add RMSProp (P) and AdaGrad (D).",
}

func (s *raceScene) Draw(dst *ebiten.Image, c *Ctx) {
	t := c.Theme
	if s.drawn.version != s.version {
		s.drawn = drawState{version: s.version, chrome: s.drawn.chrome}
		s.m.ClearTrail()
	}
	// The map and the three panels change every frame while the race runs;
	// the strip and the caption only when something was touched.
	s.drawMap(dst, t)
	s.drawLegend(dst, t)
	s.drawSchedule(dst, t)
	s.drawLoss(dst, t)
	key := chromeKey{s.version, s.playing, s.sel, s.speedIdx}
	if c.Full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		if s.ui.caption.H > t.S(40) {
			in := t.Panel(dst, s.ui.caption, "what to notice")
			t.Paragraph(dst, captions[s.surf.ID()], in.X, in.Y, in.W, widgets.Body, assets.Neutral)
		}
		s.drawStrip(dst, t)
	}
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version  int
	playing  bool
	sel      sim.Kind
	speedIdx int
}

func (s *raceScene) drawMap(dst *ebiten.Image, t *widgets.Theme) {
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
			c := kindColor[r.Kind]
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
		widgets.Circle(clip, hx, hy, t.S(7), color.Black)
		widgets.Circle(clip, hx, hy, t.S(5.5), kindColor[r.Kind])
		if r.Kind == s.sel {
			widgets.Ring(clip, hx, hy, t.S(10), t.S(1.5), color.White)
		}
	}
	t.Text(dst, s.surf.Name(), p.X+t.S(8), p.Y+t.S(6), widgets.Body, true, color.White, widgets.Left)
}

func (s *raceScene) drawLegend(dst *ebiten.Image, t *widgets.Theme) {
	in := t.Panel(dst, s.ui.legend, fmt.Sprintf("optimizers · step %d of %d", s.race.Step(), s.limit))
	rowH := t.S(34)
	s.ui.legendRows = s.ui.legendRows[:0]
	for i, r := range s.race.Runners {
		row := widgets.Rect{X: in.X - t.S(4), Y: in.Y + float64(i)*rowH, W: in.W + t.S(8), H: rowH}
		s.ui.legendRows = append(s.ui.legendRows, row)
		if row.Bottom() > s.ui.legend.Bottom()+1 {
			break
		}
		if r.Kind == s.sel {
			widgets.FillRect(dst, row, assets.PanelHi)
		}
		widgets.Circle(dst, row.X+t.S(12), row.Y+t.S(11), t.S(5.5), kindColor[r.Kind])
		t.Text(dst, r.Kind.Name(), row.X+t.S(24), row.Y+t.S(3), widgets.Body, true, assets.Text, widgets.Left)
		t.Text(dst, s.paramText(r), row.X+t.S(24)+t.S(84), row.Y+t.S(4), widgets.Small, false, assets.Dim, widgets.Left)
		t.Text(dst, runnerText(r), row.X+t.S(24), row.Y+t.S(18), widgets.Small, false, statusColor(r.Status), widgets.Left)
	}
}

func (s *raceScene) paramText(r *sim.Runner) string {
	txt := "η " + widgets.Num(r.BaseLR)
	if p, ok := sim.MainParam(r.Kind); ok {
		h := r.Opt.Hyper
		txt += "  " + p.Name + " " + widgets.Num(*p.Get(&h))
	}
	if lr := r.LR; len(lr) > 0 && s.sched.Kind != sim.Constant {
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

func (s *raceScene) drawSchedule(dst *ebiten.Image, t *widgets.Theme) {
	in := t.Panel(dst, s.ui.lrPanel, "LR schedule  η(t)/η₀ · "+s.sched.Kind.Name())
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
func (s *raceScene) lossRange() (lo, hi float64) {
	top := 1e-6
	for _, r := range s.race.Runners {
		top = math.Max(top, r.Gap[0])
	}
	return math.Log10(s.race.Tol) - 1, math.Ceil(math.Log10(top) + 0.3)
}

func (s *raceScene) drawLoss(dst *ebiten.Image, t *widgets.Theme) {
	in := t.Panel(dst, s.ui.lossPanel, "f − f*  (log scale) against step")
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
			pl.Series(func(k int) float64 { return float64(k) }, func(k int) float64 { return r.Gap[k] }, from, to, t.S(2), kindColor[r.Kind])
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

func (s *raceScene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	widgets.FillRect(dst, u.strip, assets.Panel)
	widgets.FillRect(dst, widgets.Rect{X: u.strip.X, Y: u.strip.Y, W: u.strip.W, H: math.Max(1, t.S(1))}, assets.Border)
	for i := range u.surf {
		u.surf[i].Draw(dst, t)
	}
	for _, b := range []*widgets.Button{&u.play, &u.step, &u.reset, &u.sched} {
		b.Draw(dst, t)
	}
	for i := range u.opts {
		u.opts[i].Draw(dst, t)
	}
	for _, sl := range []*widgets.Slider{&u.speed, &u.limit, &u.lr, &u.hyper, &u.schedP} {
		if sl.Rect.W > 0 {
			sl.Draw(dst, t)
		}
	}
}

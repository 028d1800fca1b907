package threelrs

import (
	"fmt"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames  int
	layout  [5]widgets.Rect
	plot    widgets.Plot
	runs    [slots]*run
	n       [slots]int     // points of each curve drawn
	colors  [slots]verdict // the colour each curve was drawn in
	ylo     float64        // the plot's range in decades
	yhi     float64
	version int
	marks   string // the overlay marks as last drawn
	plotAt  time.Time
	legend  string
	caption string
	labels  [slots]string
	sel     int
	chrome  chromeKey
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version int
	playing bool
	page    int
	notes   bool
	text    string
}

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.drawn.frames++
	full := c.Full
	lay := [5]widgets.Rect{u.plot, u.legend.Rect, u.regions, u.caption.Rect, u.strip.Rect}
	if lay != s.drawn.layout {
		s.drawn.layout = lay
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	s.drawPlot(dst, t, full)
	s.drawViews(dst, t, full)
	if lg := s.legendKey(); full || lg != s.drawn.legend {
		s.drawn.legend = lg
		if u.legend.Rect.H > 0 {
			u.legend.Draw(dst, t)
		}
	}
	if full || u.captionLaid != s.drawn.caption || c.Active {
		s.drawn.caption = u.captionLaid
		u.caption.Draw(dst, t)
	}
	key := chromeKey{s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label}
	if full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.run, &u.reset, &u.data, &u.seed, &u.hidden, &u.caption.Button)
		kit.DrawSliders(dst, t, &u.sliders[0], &u.sliders[1], &u.sliders[2])
	}
	u.caption.DrawOverlay(dst, t)
}

// plotEvery is the least time between two repaints of the growing curves.
const plotEvery = 50 * time.Millisecond

// legendKey is what the legend shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.sel, s.ui.legend.Rect)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line
	}
	return k
}

// yRange is the plot's range in decades for the losses drawn: at least
// 10⁻¹ … 10¹, widened to whole decades around every value.
func yRange(runs [slots]*run) (lo, hi float64) {
	lo, hi = -1, 1
	for _, r := range runs {
		for _, v := range r.loss() {
			if v > 0 {
				lo = math.Min(lo, math.Floor(math.Log10(v)))
				hi = math.Max(hi, math.Ceil(math.Log10(v)))
			}
		}
	}
	return lo, hi
}

// grow widens [lo, hi] to hold the values xs.
func grow(lo, hi float64, xs []float64) (float64, float64) {
	for _, v := range xs {
		if v > 0 {
			lo = math.Min(lo, math.Floor(math.Log10(v)))
			hi = math.Max(hi, math.Ceil(math.Log10(v)))
		}
	}
	return lo, hi
}

// drawPlot keeps the three loss curves in the cached plot, adding only the
// steps not drawn yet; the curves are drawn anew when a run restarts,
// changes colour or the range widens.
func (s *Scene) drawPlot(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.plot.H <= 0 {
		return
	}
	pl := &d.plot
	pl.Rect = kit.PanelInner(t, u.plot, true)
	lo, hi := d.ylo, d.yhi
	if d.version != s.version || d.runs != s.runs {
		lo, hi = yRange(s.runs)
	}
	for i, r := range s.runs {
		if r == d.runs[i] && d.n[i] < len(r.loss()) {
			lo, hi = grow(lo, hi, r.loss()[d.n[i]:])
		}
	}
	d.ylo, d.yhi, d.version = lo, hi, s.version
	pl.XMin, pl.XMax, pl.YMin, pl.YMax, pl.LogY, pl.XLabel = 0, float64(s.limit), lo, hi, true, "step"
	cleared := pl.Prepare(t)
	for i, r := range s.runs {
		if r != d.runs[i] || r.v.color() != d.colors[i].color() || d.n[i] > len(r.loss()) {
			cleared = true
		}
	}
	// New points join the curves a few dozen times a second, not every
	// frame: a repaint of the plot is the page's largest, and under
	// software WebGL the browser's share of a frame grows with it.
	if !full && !cleared && time.Since(d.plotAt) < plotEvery && s.marksKey() == d.marks {
		return
	}
	d.plotAt = time.Now()
	if cleared {
		pl.ClearSeries()
		for i, r := range s.runs {
			d.runs[i], d.n[i], d.colors[i] = r, 0, r.v
		}
	}
	grew := false
	for i, r := range s.runs {
		loss := r.loss()
		if len(loss) > d.n[i] {
			pl.Series(func(k int) float64 { return float64(k) }, func(k int) float64 { return loss[k] }, d.n[i], len(loss), t.S(2), r.v.color())
			d.n[i] = len(loss)
			grew = true
		}
	}
	pl.Flush()
	marks := s.marksKey()
	if !full && !cleared && !grew && marks == d.marks {
		return
	}
	d.marks = marks
	if full || cleared {
		kit.Panel(dst, t, u.plot, fmt.Sprintf("training loss (log scale) against step · %d %s points · %d hidden ReLU units",
			s.set.N(), s.kind.Name(), s.hidden))
	}
	pl.Draw(dst)
	s.drawMarks(dst, t)
}

// marksKey is what the marks over the curves depend on.
func (s *Scene) marksKey() string {
	k := ""
	for _, r := range s.runs {
		k += fmt.Sprint(r.v, r.reachedAt, r.stopAt, len(r.loss()), ";")
	}
	return k
}

// drawMarks draws over the curves: a ring where a run reached the goal, a
// red cross where one diverged with its reason beside the plot's corner,
// and each run's slot marker at its curve's head.
func (s *Scene) drawMarks(dst *ebiten.Image, t *widgets.Theme) {
	pl := &s.drawn.plot
	a := pl.Area()
	y := a.Y + t.S(4)
	for i, r := range s.runs {
		loss := r.loss()
		if len(loss) == 0 {
			continue
		}
		if r.reachedAt > 0 && r.reachedAt <= len(loss) {
			x, yy := pl.Map(float64(r.reachedAt), loss[r.reachedAt-1])
			widgets.Ring(dst, x, yy, t.S(6), t.S(2), assets.Good)
		}
		x, yy := pl.Map(float64(len(loss)-1), loss[len(loss)-1])
		if r.v == diverged {
			d := t.S(6)
			widgets.Line(dst, x-d, yy-d, x+d, yy+d, t.S(3), assets.Bad)
			widgets.Line(dst, x-d, yy+d, x+d, yy-d, t.S(3), assets.Bad)
			msg := t.Fit(fmt.Sprintf("η = %s diverged at step %d: %s", fmtLR(r.lr), r.stopAt, shortWhy(r)), widgets.Small, true, a.W-t.S(12))
			t.Text(dst, msg, a.Right()-t.S(6), y, widgets.Small, true, assets.Bad, widgets.Right)
			y += t.LineH(widgets.Small) + t.S(2)
			continue
		}
		kit.DrawMarker(dst, slotMarker(i), x, yy, t.S(4.5), r.v.color())
	}
}

// drawViews paints the region views that rendered anew, and their labels
// when a verdict or the selection changed.
func (s *Scene) drawViews(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.regions.H <= 0 {
		return
	}
	if full {
		kit.Panel(dst, t, u.regions, "decision regions of each network over the data (paler: less sure)")
	}
	t0 := time.Now()
	for i := range u.views {
		g := &u.views[i]
		if g.Rect.W <= 0 {
			continue
		}
		rendered := g.Prepare(t, time.Now())
		if full || rendered {
			g.Draw(dst)
		}
		if full || u.labels[i] != d.labels[i] || s.sel != d.sel || rendered {
			box := u.viewBox[i]
			lh := t.LineH(widgets.Small) + t.S(4)
			widgets.FillRect(dst, widgets.Rect{X: box.X, Y: box.Y, W: box.W, H: lh}, assets.Panel)
			r := s.runs[i]
			kit.DrawMarker(dst, slotMarker(i), box.X+t.S(5), box.Y+lh/2-t.S(1), t.S(4), r.v.color())
			t.Text(dst, u.labels[i], box.X+t.S(14), box.Y, widgets.Small, true, r.v.color(), widgets.Left)
			if i == s.sel {
				p := g.Plot()
				widgets.StrokeRect(dst, widgets.Rect{X: p.X - t.S(3), Y: p.Y - t.S(3), W: p.W + t.S(6), H: p.H + t.S(6)}, t.S(2), assets.Accent)
			} else if s.sel != d.sel || full {
				p := g.Plot()
				widgets.StrokeRect(dst, widgets.Rect{X: p.X - t.S(3), Y: p.Y - t.S(3), W: p.W + t.S(6), H: p.H + t.S(6)}, t.S(2), assets.Panel)
				if !rendered {
					g.Draw(dst)
				}
			}
		}
	}
	for i := range u.labels {
		d.labels[i] = u.labels[i]
	}
	d.sel = s.sel
	s.renderCost += time.Since(t0)
}

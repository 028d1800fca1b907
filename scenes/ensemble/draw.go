package ensemble

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/ensemble"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames  int
	layout  [5]widgets.Rect
	plot    widgets.Plot
	plotFor time.Time // the measurement the plot shows
	plotV   int
	legend  string
	caption string
	labels  []string
	boxes   []widgets.Rect // the grid panel and the views' boxes as drawn
	viewsOf *ensemble.Experiment
	chrome  chromeKey
}

type chromeKey struct {
	version int
	playing bool
	page    int
	notes   bool
	run     string
	view    int
}

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.drawn.frames++
	full := c.Full
	lay := [5]widgets.Rect{u.grid, u.plot, u.legend.Rect, u.caption.Rect, u.strip.Rect}
	if lay != s.drawn.layout {
		s.drawn.layout = lay
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	t0 := time.Now()
	s.drawViews(dst, t, full)
	s.cost += time.Since(t0)
	s.drawPlot(dst, t, full)
	if lg := s.legendKey(); full || lg != s.drawn.legend {
		s.drawn.legend = lg
		if u.legend.Rect.H > 0 {
			u.legend.Draw(dst, t)
		}
	}
	if full || u.captionLaid != s.drawn.caption || c.Active {
		s.drawn.caption = u.captionLaid
		if u.caption.Rect.H > 0 {
			u.caption.Draw(dst, t)
		}
	}
	key := chromeKey{s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label, s.page}
	if full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.run, &u.view, &u.restart, &u.finish, &u.members, &u.data, &u.noise, &u.seed, &u.caption.Button)
	}
	u.caption.DrawOverlay(dst, t)
}

// legendKey is what the table shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.ui.legend.Rect, s.ui.legend.Title)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line
	}
	return k
}

// drawViews paints the small multiples that rendered anew, and their
// labels when they changed.
func (s *Scene) drawViews(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.grid.H <= 0 {
		return
	}
	// Views that moved, came or went leave old pictures behind: the
	// whole panel is painted again.
	boxes := make([]widgets.Rect, 0, len(u.views)+1)
	boxes = append(boxes, u.grid)
	for _, v := range u.views {
		boxes = append(boxes, v.box)
	}
	if !slices.Equal(boxes, d.boxes) || d.viewsOf != u.viewsOf {
		d.boxes, d.viewsOf = boxes, u.viewsOf
		full = true
	}
	if full {
		in := kit.Panel(dst, t, u.grid, u.gridTitle)
		if len(u.order) == 0 {
			t.Paragraph(dst, "The window is too small for the maps; the table has the numbers.", in.X, in.Y, in.W, widgets.Small, assets.Dim)
		}
	}
	if len(d.labels) != len(u.views) {
		d.labels = make([]string, len(u.views))
		full = true
	}
	now := time.Now()
	for i, v := range u.views {
		if v.g.Rect.W <= 0 {
			continue
		}
		rendered := v.g.Prepare(t, now)
		if full || rendered {
			v.g.Draw(dst)
			if v.kind != memberView {
				p := v.g.Plot()
				widgets.StrokeRect(dst, widgets.Rect{X: p.X - t.S(2), Y: p.Y - t.S(2), W: p.W + t.S(4), H: p.H + t.S(4)}, t.S(2), v.color)
			}
		}
		if full || v.label != d.labels[i] {
			d.labels[i] = v.label
			box := v.box
			lh := t.LineH(widgets.Small) + t.S(4)
			widgets.FillRect(dst, widgets.Rect{X: box.X, Y: box.Y, W: box.W, H: lh}, assets.Panel)
			col := v.color
			if v.kind == memberView && v.member == s.res.BestAt {
				col = assets.Text
			}
			t.Text(dst, v.label, box.X, box.Y, widgets.Small, v.kind != memberView, col, widgets.Left)
		}
	}
}

// drawPlot draws the accuracy of the averaged prediction against the number
// of members averaged, when a new measurement arrives.
func (s *Scene) drawPlot(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d, r := &s.ui, &s.drawn, &s.res
	if u.plot.H <= 0 {
		return
	}
	if !full && d.plotFor == s.measured && d.plotV == s.version {
		return
	}
	d.plotFor, d.plotV = s.measured, s.version
	pl := &d.plot
	pl.Rect = kit.PanelInner(t, u.plot, true)
	lo, hi := 1.0, 0.0
	vals := append(append([]float64{r.Best}, r.VsK...), r.SnapVsK...)
	for _, v := range vals {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if hi < lo {
		lo, hi = 0, 1
	}
	// Whole percents around the values, at least 4 points tall.
	lo, hi = math.Floor(100*lo-1), math.Ceil(100*hi+1)
	if hi-lo < 4 {
		lo = hi - 4
	}
	lo, hi = math.Max(lo, 0), math.Min(hi, 100)
	pl.XMin, pl.XMax, pl.YMin, pl.YMax, pl.LogY = 1, float64(max(len(r.VsK), len(r.SnapVsK), 2)), lo, hi, false
	pl.XLabel = "networks averaged"
	pl.YFormat = func(v float64) string {
		if v != math.Round(v) {
			return fmt.Sprintf("%.1f%%", v) // half-point ticks on a short range
		}
		return fmt.Sprintf("%.0f%%", v)
	}
	pl.Prepare(t)
	pl.ClearSeries()
	if len(r.VsK) > 0 {
		xs := []float64{pl.XMin, pl.XMax}
		pl.Series(func(i int) float64 { return xs[i] }, func(int) float64 { return 100 * r.Best }, 0, 2, t.S(1), assets.Dim)
	}
	s.plotLine(t, r.VsK, kit.Square, ensembleColor)
	s.plotLine(t, r.SnapVsK, kit.Diamond, snapColor)
	pl.Flush()
	kit.Panel(dst, t, u.plot, u.plotTitle)
	pl.Draw(dst)
}

// plotLine draws one accuracy-against-k curve with a marker at each k.
func (s *Scene) plotLine(t *widgets.Theme, v []float64, m kit.Marker, col color.RGBA) {
	pl := &s.drawn.plot
	if len(v) == 0 {
		return
	}
	pl.Series(func(i int) float64 { return float64(i + 1) }, func(i int) float64 { return 100 * v[i] }, 0, len(v), t.S(2), col)
	pl.Flush()
	for i, a := range v {
		pl.MarkWith(float64(i+1), 100*a, func(l *ebiten.Image, x, y float64) {
			kit.DrawMarker(l, m, x, y, t.S(3.5), col)
		})
	}
}

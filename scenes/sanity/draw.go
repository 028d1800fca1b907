package sanity

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	layout [6]widgets.Rect
	table  tableKey
	ln     lnPlot
	over   *run // the run whose curve is in the overfit plot
	overN  int  // its steps drawn
	full   *run
	fullN  int
	// overStatus and fullStatus are the runs' statuses when last drawn.
	overStatus, fullStatus train.Status
	regions                *run // the run the region view shows
	chrome                 chromeKey
	frames                 int // Draw calls so far
	plots                  [2]widgets.Plot
}

// tableKey is what the checklist panel shows.
type tableKey struct {
	gen   int
	r     widgets.Rect
	words bool
	cols  colsKey
	warn  string
}

// chromeKey is the state the strip and caption show besides hover and
// press.
type chromeKey struct {
	version                   int
	playing                   bool
	page                      int
	classes, examples, seed   int
	reg                       float64
	notes                     bool
	bug, kind, view, captionT string
}

// Draw paints what changed since the last frame: the checklist when a
// cell changed, the plots when a point arrived, the region view when it
// rendered, the strip when touched.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.drawn.frames++
	full := c.Full
	lay := [6]widgets.Rect{u.table, u.lnPanel, u.overPanel, u.fullPanel, u.regionsPanel, u.caption.Rect}
	if lay != s.drawn.layout {
		// The panels moved (a warning appeared, a plot was dropped): clear
		// the scene and paint everything.
		s.drawn.layout = lay
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	s.drawTable(dst, t, full)
	if u.lnPanel.H > 0 {
		s.drawn.ln.draw(dst, t, s, u.lnPanel, full)
	}
	s.drawOverfit(dst, t, full)
	s.drawFull(dst, t, full)
	s.drawRegions(dst, t, full)
	key := chromeKey{s.version, s.playing, u.strip.Page(), s.classes, s.examples, s.seed, s.reg,
		u.caption.NeedsButton(), string(s.bug), string(s.kind), s.view, u.caption.Text}
	if full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		u.caption.Draw(dst, t)
		s.drawStrip(dst, t)
	}
	u.caption.DrawOverlay(dst, t)
}

// verdictColor is green for pass, orange while running, red for fail.
func verdictColor(v verdict) color.RGBA {
	switch v {
	case pass:
		return assets.Good
	case running:
		return assets.Slow
	case fail:
		return assets.Bad
	}
	return assets.Dim
}

func (s *Scene) drawTable(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u := &s.ui
	if u.table.H <= 0 {
		return
	}
	k := tableKey{gen: u.rowsGen, r: u.table, words: u.words, cols: u.colsKey}
	if len(u.warnLines) > 0 {
		k.warn = strings.Join(u.warnLines, "\n")
	}
	if k == s.drawn.table && !full {
		return
	}
	s.drawn.table = k
	in := kit.Panel(dst, t, u.table, "the checklist · every number measured live on fresh networks")
	lh := s.lineH(t)
	y := in.Y + t.S(2)
	// Header.
	for i, h := range tableHeaders {
		if u.cols[i] {
			t.Text(dst, t.Fit(h, widgets.Small, false, u.colW[i]), u.colX[i], y, widgets.Small, false, assets.Dim, widgets.Left)
		}
	}
	widgets.FillRect(dst, widgets.Rect{X: in.X, Y: y + lh - t.S(3), W: in.W, H: math.Max(1, t.S(1))}, assets.Border)
	y += lh
	for _, r := range u.rows {
		if y+lh > u.table.Bottom()+1 {
			break
		}
		for i, cell := range r.cells() {
			if !u.cols[i] || u.colW[i] <= 0 {
				continue
			}
			col, bold := assets.Neutral, false
			switch i {
			case 0:
				col = assets.Text
			case 3:
				col, bold = verdictColor(r.Verdict), true
			}
			t.Text(dst, t.Fit(cell, widgets.Small, bold, u.colW[i]), u.colX[i], y, widgets.Small, bold, col, widgets.Left)
		}
		y += lh
		if u.words {
			x := in.X + t.S(10)
			c := assets.Dim
			if r.Verdict == fail {
				c = color.RGBA{0xE0, 0x9A, 0x8C, 0xff}
			}
			t.Text(dst, t.Fit(r.Words, widgets.Small, false, in.Right()-x), x, y, widgets.Small, false, c, widgets.Left)
			y += lh
		}
	}
	for _, l := range u.warnLines {
		if y+lh > u.table.Bottom()+1 {
			break
		}
		t.Text(dst, l, in.X, y, widgets.Small, false, assets.Bad, widgets.Left)
		y += lh
	}
}

// drawCurve keeps a run's loss curve in plot pl, adding only the steps not
// drawn yet, and repaints what changed: the whole panel when asked or when
// the plot was cleared, else only the plot's cached image. configure sets
// the plot's ranges; mark draws fixed lines into its series layer after a
// clear (under the curve, so a frame never redraws them).
func (s *Scene) drawCurve(dst *ebiten.Image, t *widgets.Theme, full bool, panel widgets.Rect, title string,
	pl *widgets.Plot, r *run, drawnRun **run, drawnN *int, drawnStatus *train.Status, configure func(pl *widgets.Plot), mark func(pl *widgets.Plot)) {
	if panel.H <= 0 {
		return
	}
	pl.Rect = kit.PanelInner(t, panel, true)
	configure(pl)
	cleared := pl.Prepare(t)
	if cleared || *drawnRun != r {
		pl.ClearSeries()
		*drawnRun, *drawnN = r, 0
		cleared = true
		if mark != nil {
			mark(pl)
		}
	}
	loss := r.tr.Loss
	// A run that diverges stops without a new point: its marker still
	// has to be drawn.
	grew := len(loss) > *drawnN || r.tr.Status != *drawnStatus
	*drawnStatus = r.tr.Status
	if len(loss) > *drawnN {
		pl.Series(func(k int) float64 { return float64(k) }, func(k int) float64 { return loss[k] }, *drawnN, len(loss), t.S(2), assets.Accent)
		pl.Flush()
		*drawnN = len(loss)
	}
	if !full && !cleared && !grew {
		return
	}
	if full || cleared {
		kit.Panel(dst, t, panel, t.Fit(title, widgets.Small, false, panel.W-t.S(16)))
	}
	pl.Draw(dst)
	if r.tr.Status == train.Diverged {
		a := pl.Area()
		if a.H >= t.S(90) { // on a small plot the × and the checklist say it
			msg := t.Fit(fmt.Sprintf("diverged at step %d", r.tr.At), widgets.Small, true, a.W-t.S(12))
			t.Text(dst, msg, a.Right()-t.S(6), a.Y+t.S(4), widgets.Small, true, assets.Bad, widgets.Right)
		}
		if len(loss) > 0 {
			x, y := pl.Map(float64(len(loss)-1), loss[len(loss)-1])
			d := t.S(5)
			widgets.Line(dst, x-d, y-d, x+d, y+d, t.S(2.5), assets.Bad)
			widgets.Line(dst, x-d, y+d, x+d, y-d, t.S(2.5), assets.Bad)
		}
	}
}

// hline draws a horizontal line at data value y across the plot's series
// layer, with an optional label above its right end.
func hline(pl *widgets.Plot, t *widgets.Theme, y float64, c color.Color, label string) {
	w := pl.Area().W
	pl.MarkWith(pl.XMin, y, func(img *ebiten.Image, lx, ly float64) {
		widgets.FillRect(img, widgets.Rect{X: lx, Y: math.Round(ly), W: w, H: math.Max(1, t.S(1))}, c)
		if label != "" {
			lab := t.Fit(label, widgets.Small, false, w-t.S(12))
			t.Text(img, lab, lx+w-t.S(6), ly-t.LineH(widgets.Small)-t.S(1), widgets.Small, false, c, widgets.Right)
		}
	})
}

func (s *Scene) drawOverfit(dst *ebiten.Image, t *widgets.Theme, full bool) {
	title := fmt.Sprintf("overfit %d examples, λ = 0 · loss (log scale) against step", s.over.set.N())
	s.drawCurve(dst, t, full, s.ui.overPanel, title, &s.drawn.plots[0], s.over, &s.drawn.over, &s.drawn.overN, &s.drawn.overStatus,
		func(pl *widgets.Plot) {
			pl.XMin, pl.XMax, pl.YMin, pl.YMax, pl.LogY, pl.XLabel = 0, overfitSteps, -4, 1, true, "step"
		},
		func(pl *widgets.Plot) {
			// The pass line: below it, with every example right, the
			// examples count as memorised.
			hline(pl, t, overfitPass, assets.Good, "pass below "+widgets.Num(overfitPass))
		})
}

// fullRange is the full plot's y range: from 0 (or below, once the loss
// goes negative) to above the first loss, in quarter steps so it changes
// rarely.
func (s *Scene) fullRange() (lo, hi float64) {
	first := s.full.loss
	if l := s.full.tr.Loss; len(l) > 0 {
		first = l[0]
	}
	hi = math.Max(math.Ceil(fin(first)*1.15*4)/4, 0.25)
	if m := s.full.minLoss(); m < 0 {
		lo = -math.Ceil(-m*1.2*4) / 4
	}
	return lo, hi
}

func (s *Scene) drawFull(dst *ebiten.Image, t *widgets.Theme, full bool) {
	title := fmt.Sprintf("full training on %d %s points, λ = %s · loss against step", s.set.N(), s.kind.Name(), widgets.Num(fullReg))
	lo, hi := s.fullRange()
	s.drawCurve(dst, t, full, s.ui.fullPanel, title, &s.drawn.plots[1], s.full, &s.drawn.full, &s.drawn.fullN, &s.drawn.fullStatus,
		func(pl *widgets.Plot) {
			pl.XMin, pl.XMax, pl.YMin, pl.YMax, pl.LogY, pl.XLabel = 0, fullSteps, lo, hi, false, "step"
		},
		func(pl *widgets.Plot) {
			if lo < 0 { // zero, which the loss should never cross
				hline(pl, t, 0, assets.Bad, "")
			}
		})
}

func (s *Scene) drawRegions(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u := &s.ui
	if u.regionsPanel.H <= 0 || u.regions.Rect.W <= 0 {
		return
	}
	g := &u.regions
	if r := s.viewed(); s.drawn.regions != r {
		s.drawn.regions = r
		g.Refresh()
	}
	t0 := time.Now()
	rendered := g.Prepare(t, t0)
	if rendered {
		s.renderCost = time.Since(t0)
	}
	if full || rendered {
		kit.Panel(dst, t, u.regionsPanel, s.regionsTitle())
		g.Draw(dst)
	}
}

func (s *Scene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	u.strip.Draw(dst, t)
	kit.DrawButtons(dst, t, &u.restart, &u.play, &u.bug, &u.data, &u.seed, &u.view, &u.caption.Button)
	kit.DrawSliders(dst, t, &u.classes, &u.reg, &u.examples)
}

package search

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// netDrawing is the search's scatter as drawn: the plot caches the axes and
// the trials already marked, so a new trial is one marker more.
type netDrawing struct {
	plot   widgets.Plot
	srch   *hs.Search
	n      int  // trials marked on the plot's layer
	fine   bool // the fine range is drawn
	key    string
	at     time.Time
	barKey string
}

// netEvery is the least time between two repaints of the scatter while the
// search runs: a finished trial shows within it.
const netEvery = 150 * time.Millisecond

// accColor is an accuracy's colour: viridis from chance (a third, three
// classes) to 100 %.
func accColor(acc float64) color.RGBA { return assets.Viridis((acc - 1.0/3) / (2.0 / 3)) }

// plotBox is the plot's range: the coarse range with a margin, so points on
// its edge are whole.
func plotBox(b hs.Box) (x0, x1, y0, y1 float64) {
	mx, my := 0.04*(b.LR[1]-b.LR[0]), 0.04*(b.Reg[1]-b.Reg[0])
	return b.LR[0] - mx, b.LR[1] + mx, b.Reg[0] - my, b.Reg[1] + my
}

// drawNetwork paints the search: the ranges, a marker per finished trial
// coloured by its validation accuracy, the trial in progress, the best so
// far and the edge warning.
func (s *Scene) drawNetwork(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn.net
	sr := s.srch
	cur := ""
	if c := sr.Current; c != nil {
		cur = fmt.Sprint(c.LogLR, c.LogReg)
	}
	key := fmt.Sprint(u.main, u.plot, t.Scale, sr.Phase, len(sr.Trials), cur, sr.FineBox, s.restarts)
	if !full && key == d.key {
		s.drawBar(dst, t, full)
		return
	}
	if !full && time.Since(d.at) < netEvery {
		return
	}
	d.key, d.at = key, time.Now()
	if full || s.drawn.main != "network" {
		s.drawn.main = "network"
		kit.Panel(dst, t, u.main, fmt.Sprintf("validation accuracy of each trial (colour) · learning rate η across, regularization λ up (log10) · seed %d", s.seed))
	}
	pl := &d.plot
	pl.Rect = u.plot
	pl.XMin, pl.XMax, pl.YMin, pl.YMax = plotBox(sr.CoarseBox)
	pl.LogY, pl.XLabel = false, "log10 of the learning rate η (up: log10 of λ)"
	cleared := pl.Prepare(t)
	if cleared || d.srch != sr || d.n > len(sr.Trials) || (sr.Phase >= hs.Fine) != d.fine {
		pl.ClearSeries()
		d.srch, d.n, d.fine = sr, 0, false
		s.drawRanges(t)
	}
	for ; d.n < len(sr.Trials); d.n++ {
		tr := sr.Trials[d.n]
		pl.MarkWith(tr.LogLR, tr.LogReg, func(l *ebiten.Image, x, y float64) {
			if tr.Diverged {
				r := t.S(4)
				widgets.Line(l, x-r, y-r, x+r, y+r, t.S(2), assets.Bad)
				widgets.Line(l, x-r, y+r, x+r, y-r, t.S(2), assets.Bad)
				return
			}
			m := kit.Disc
			if tr.Stage == hs.Fine {
				m = kit.Square
			}
			marker(l, m, x, y, t.S(4), accColor(tr.ValAcc))
		})
	}
	pl.Draw(dst)
	// Over the cached layer: the trial in progress and the best so far.
	if c := sr.Current; c != nil && sr.Phase != hs.Retrain {
		x, y := pl.Map(c.LogLR, c.LogReg)
		widgets.Ring(dst, x, y, t.S(7), t.S(2), assets.Text)
	}
	if b, ok := sr.Best(); ok {
		x, y := pl.Map(b.LogLR, b.LogReg)
		col := assets.Good
		if len(sr.CoarseEdges) > 0 && b.Stage == hs.Coarse || sr.Phase >= hs.Fine && len(sr.CoarseEdges) > 0 {
			col = assets.Bad
		}
		widgets.Ring(dst, x, y, t.S(9), t.S(3.5), color.Black)
		widgets.Ring(dst, x, y, t.S(9), t.S(2), col)
	}
	s.drawWarning(dst, t)
	s.drawBar(dst, t, true)
}

// drawWarning paints the edge warning in its band above the plot.
func (s *Scene) drawWarning(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	b := u.warn
	if len(u.warnLines) == 0 || b.H <= 0 {
		return
	}
	widgets.FillRect(dst, b, color.RGBA{0x30, 0x12, 0x10, 0xff})
	lh := t.LineH(widgets.Small)
	for i, l := range u.warnLines {
		t.Text(dst, l, b.X+t.S(6), b.Y+t.S(3)+float64(i)*lh, widgets.Small, false, assets.Bad, widgets.Left)
	}
}

// drawRanges draws the coarse range, its edge band and the fine range onto
// the plot's layer.
func (s *Scene) drawRanges(t *widgets.Theme) {
	d, sr := &s.drawn.net, s.srch
	pl := &d.plot
	rect := func(b hs.Box) widgets.Rect {
		x0, y0 := pl.Map(b.LR[0], b.Reg[1])
		x1, y1 := pl.Map(b.LR[1], b.Reg[0])
		return widgets.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
	}
	c := rect(sr.CoarseBox)
	pl.MarkWith(sr.CoarseBox.LR[0], sr.CoarseBox.Reg[1], func(l *ebiten.Image, x, y float64) {
		// The outer tenth of each axis: a best point there means the range
		// was probably wrong.
		ox, oy := x-c.X, y-c.Y
		in := widgets.Rect{X: c.X + ox, Y: c.Y + oy, W: c.W, H: c.H}
		bx, by := hs.EdgeBand*in.W, hs.EdgeBand*in.H
		band := color.RGBA{0x22, 0x1d, 0x21, 0xff}
		widgets.FillRect(l, widgets.Rect{X: in.X, Y: in.Y, W: in.W, H: by}, band)
		widgets.FillRect(l, widgets.Rect{X: in.X, Y: in.Bottom() - by, W: in.W, H: by}, band)
		widgets.FillRect(l, widgets.Rect{X: in.X, Y: in.Y + by, W: bx, H: in.H - 2*by}, band)
		widgets.FillRect(l, widgets.Rect{X: in.Right() - bx, Y: in.Y + by, W: bx, H: in.H - 2*by}, band)
		widgets.StrokeRect(l, in, math.Max(1, t.S(1)), assets.Dim)
		t.Text(l, "coarse range (shaded: its edges)", in.X+t.S(4), in.Bottom()-t.LineH(widgets.Small)-t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
		if sr.Phase >= hs.Fine {
			f := rect(sr.FineBox)
			f.X, f.Y = f.X+ox, f.Y+oy
			widgets.StrokeRect(l, f, math.Max(1.5, t.S(1.5)), assets.Accent)
			t.Text(l, "fine", f.X+t.S(3), f.Y+t.S(1), widgets.Small, true, assets.Accent, widgets.Left)
		}
	})
	d.fine = sr.Phase >= hs.Fine
}

// drawBar paints the accuracy colour scale under the plot.
func (s *Scene) drawBar(dst *ebiten.Image, t *widgets.Theme, force bool) {
	u, d := &s.ui, &s.drawn.net
	b := u.bar
	if b.W <= t.S(80) {
		return
	}
	key := fmt.Sprint(b, t.Scale)
	if !force && key == d.barKey {
		return
	}
	d.barKey = key
	widgets.FillRect(dst, b, assets.Panel)
	lab := "validation accuracy:"
	lw := t.Width(lab, widgets.Small, false) + t.S(8)
	t.Text(dst, lab, b.X, b.Y, widgets.Small, false, assets.Dim, widgets.Left)
	g := widgets.Rect{X: b.X + lw + t.S(34), Y: b.Y + t.S(2), W: b.W - lw - t.S(80), H: b.H - t.S(6)}
	if g.W < t.S(30) {
		return
	}
	t.Text(dst, "33 %", g.X-t.S(4), b.Y, widgets.Small, false, assets.Dim, widgets.Right)
	t.Text(dst, "100 %", g.Right()+t.S(4), b.Y, widgets.Small, false, assets.Dim, widgets.Left)
	n := 24
	for i := 0; i < n; i++ {
		x0 := g.X + g.W*float64(i)/float64(n)
		widgets.FillRect(dst, widgets.Rect{X: math.Floor(x0), Y: g.Y, W: math.Ceil(g.W/float64(n)) + 1, H: g.H}, assets.Viridis((float64(i)+0.5)/float64(n)))
	}
}

// drawRanking lists the finished trials, best first, as many as fit.
func (s *Scene) drawRanking(dst *ebiten.Image, t *widgets.Theme) {
	u, d, sr := &s.ui, &s.drawn, s.srch
	if u.rank.H <= 0 {
		return
	}
	key := fmt.Sprint(u.rank, t.Scale, len(sr.Trials), s.restarts, sr.Phase)
	if key == d.tally {
		return
	}
	d.tally = key
	in := kit.Panel(dst, t, u.rank, fmt.Sprintf("trials so far, best first (%d)", len(sr.Trials)))
	lh := t.LineH(widgets.Small) + t.S(3)
	cols := []float64{0, 0.09, 0.3, 0.5, 0.7, 1}
	head := []string{"", "stage", "η", "λ", "epochs", "validation"}
	if in.W < t.S(300) {
		head[4], head[5] = "ep.", "val."
	}
	at := func(i int) (float64, widgets.Align) {
		if i == len(cols)-1 {
			return in.Right(), widgets.Right
		}
		return in.X + cols[i]*in.W, widgets.Left
	}
	for i, h := range head {
		x, al := at(i)
		t.Text(dst, h, x, in.Y, widgets.Small, false, assets.Dim, al)
	}
	rk := sr.Ranked()
	rows := min(len(rk), int((in.H-lh)/lh))
	for k := 0; k < rows; k++ {
		tr := sr.Trials[rk[k]]
		y := in.Y + float64(k+1)*lh
		acc := pct1(tr.ValAcc)
		// The scale's dark end is unreadable as text on the panel.
		col := assets.Viridis(math.Max((tr.ValAcc-1.0/3)/(2.0/3), 0.4))
		if tr.Diverged {
			acc, col = fmt.Sprintf("diverged at step %d", tr.Steps), assets.Bad
		}
		cells := []string{fmt.Sprint(k + 1), tr.Stage.String(), exp10(tr.LogLR), exp10(tr.LogReg), fmt.Sprint(tr.Epochs), acc}
		for i, c := range cells {
			x, al := at(i)
			fg := assets.Neutral
			if i == len(cells)-1 {
				fg = col
			}
			t.Text(dst, c, x, y, widgets.Small, i == len(cells)-1, fg, al)
		}
	}
}

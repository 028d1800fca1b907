package search

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// drawSampling paints the two learning-rate histograms on one log axis.
func (s *Scene) drawSampling(dst *ebiten.Image, t *widgets.Theme) {
	u, d := &s.ui, &s.drawn
	key := fmt.Sprint(s.version, u.main, t.Scale)
	if key == d.main {
		return
	}
	d.main = key
	kit.Panel(dst, t, u.main, fmt.Sprintf("%d learning rates drawn from 1e-5 … 1e-1 by each rule, counted in bins of a quarter decade", lrDraws))
	for i, h := range []hs.Hist{s.uni, s.lgu} {
		r := u.hist[i]
		if r.H <= 0 {
			continue
		}
		name := [...]string{"uniform: η = U(1e-5, 1e-1)", "log-uniform: η = 10^U(-5, -1)"}[i]
		col := [...]color.RGBA{assets.Orange, assets.Green}[i]
		drawHist(dst, t, r, h, name, col)
	}
}

// histGeom is where one histogram's parts go in its box: the name on top,
// then a band of its own for the decades' shares, the bars' area, and the
// decade labels under it. Bars never reach the shares' band, whatever the
// counts, so a tall bar cannot run into a label.
type histGeom struct {
	name   widgets.Rect
	shares []widgets.Rect // one per decade
	area   widgets.Rect   // the bars' box
	bars   []widgets.Rect // one per bin
	labels []widgets.Rect // one per decade line
	// labelAlign is each decade label's alignment at its x: the ends are
	// aligned inwards, so they stay within the axis.
	labelAlign []widgets.Align
	// whole is true when a share is written in whole percents, for want of
	// width; shares is empty when not even those fit.
	whole bool
}

// layoutHist places h's parts in r; the zero histGeom when r is too small.
func layoutHist(t *widgets.Theme, r widgets.Rect, h hs.Hist) histGeom {
	lh := t.LineH(widgets.Small)
	g := histGeom{name: widgets.Rect{X: r.X, Y: r.Y, W: r.W, H: lh}}
	shareY := r.Y + lh + t.S(2)
	a := widgets.Rect{X: r.X + t.S(40), Y: shareY + lh + t.S(3), W: r.W - t.S(52), H: 0}
	a.H = r.Bottom() - lh - t.S(4) - a.Y
	if a.W < t.S(40) || a.H < t.S(10) {
		return histGeom{}
	}
	g.area = a
	top := 1
	for _, c := range h.Counts {
		top = max(top, c)
	}
	bw := a.W / float64(len(h.Counts))
	for i, c := range h.Counts {
		bh := float64(c) / float64(top) * a.H
		g.bars = append(g.bars, widgets.Rect{X: a.X + float64(i)*bw + 1, Y: a.Bottom() - bh, W: bw - 2, H: bh})
	}
	decades := int(math.Round(math.Log10(h.Hi / h.Lo)))
	dw := a.W / float64(decades)
	for k := 0; k <= decades; k++ {
		x := a.X + dw*float64(k)
		lab := widgets.Num(h.Lo * math.Pow(10, float64(k)))
		w := t.Width(lab, widgets.Small, false)
		al, lx := widgets.Center, x-w/2
		switch k {
		case 0:
			al, lx = widgets.Left, x
		case decades:
			al, lx = widgets.Right, x-w
		}
		g.labels = append(g.labels, widgets.Rect{X: lx, Y: a.Bottom() + t.S(3), W: w, H: lh})
		g.labelAlign = append(g.labelAlign, al)
	}
	w := t.Width(shareText(1, false), widgets.Small, true) // the widest share
	if w > dw-t.S(4) {
		g.whole = true
		w = t.Width(shareText(1, true), widgets.Small, true)
	}
	for k := 0; k < decades && w <= dw-t.S(4); k++ {
		x := a.X + dw*float64(k)
		g.shares = append(g.shares, widgets.Rect{X: x + dw/2 - w/2, Y: shareY, W: w, H: lh})
	}
	return g
}

// shareText writes a decade's share, to a tenth of a percent or whole.
func shareText(v float64, whole bool) string {
	if whole {
		return fmt.Sprintf("%.0f%%", 100*v)
	}
	return fmt.Sprintf("%.1f %%", 100*v)
}

// drawHist draws one histogram in r: bars over a log axis with a label per
// decade and, above the bars, each decade's share.
func drawHist(dst *ebiten.Image, t *widgets.Theme, r widgets.Rect, h hs.Hist, name string, col color.RGBA) {
	t.Text(dst, name, r.X, r.Y, widgets.Small, true, col, widgets.Left)
	g := layoutHist(t, r, h)
	a := g.area
	if a.W <= 0 {
		return
	}
	widgets.FillRect(dst, a, assets.Backdrop)
	top := 1
	for _, c := range h.Counts {
		top = max(top, c)
	}
	ticks := widgets.Ticks(0, float64(top), max(int(a.H/t.S(22)), 2))
	for _, v := range ticks {
		y := a.Bottom() - v/float64(top)*a.H
		widgets.FillRect(dst, widgets.Rect{X: a.X, Y: math.Round(y), W: a.W, H: 1}, assets.PanelHi)
		t.TextMid(dst, widgets.TickLabel(v, ticks), a.X-t.S(5), y, widgets.Small, false, assets.Dim, widgets.Right)
	}
	for _, b := range g.bars {
		widgets.FillRect(dst, b, col)
	}
	decades := len(g.labels) - 1
	for k, l := range g.labels {
		x := a.X + a.W*float64(k)/float64(decades)
		widgets.FillRect(dst, widgets.Rect{X: math.Round(x), Y: a.Y, W: 1, H: a.H}, assets.Border)
		lx := l.X
		switch g.labelAlign[k] {
		case widgets.Center:
			lx = l.X + l.W/2
		case widgets.Right:
			lx = l.Right()
		}
		t.Text(dst, widgets.Num(h.Lo*math.Pow(10, float64(k))), lx, l.Y, widgets.Small, false, assets.Dim, g.labelAlign[k])
	}
	for k, sr := range g.shares {
		share := h.Decade(h.Lo * math.Pow(10, float64(k)))
		t.Text(dst, shareText(share, g.whole), sr.X+sr.W/2, sr.Y, widgets.Small, true, assets.Text, widgets.Center)
	}
	widgets.StrokeRect(dst, a, math.Max(1, t.S(1)), assets.Border)
}

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

// drawHist draws one histogram in r: bars over a log axis with a label per
// decade and each decade's share.
func drawHist(dst *ebiten.Image, t *widgets.Theme, r widgets.Rect, h hs.Hist, name string, col color.RGBA) {
	lh := t.LineH(widgets.Small)
	t.Text(dst, name, r.X, r.Y, widgets.Small, true, col, widgets.Left)
	a := widgets.Rect{X: r.X + t.S(40), Y: r.Y + lh + t.S(4), W: r.W - t.S(52), H: r.H - 2*lh - t.S(10)}
	if a.W < t.S(40) || a.H < t.S(10) {
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
	n := len(h.Counts)
	bw := a.W / float64(n)
	for i, c := range h.Counts {
		bh := float64(c) / float64(top) * a.H
		widgets.FillRect(dst, widgets.Rect{X: a.X + float64(i)*bw + 1, Y: a.Bottom() - bh, W: bw - 2, H: bh}, col)
	}
	// Decade lines, labels and shares.
	decades := int(math.Round(math.Log10(h.Hi / h.Lo)))
	for k := 0; k <= decades; k++ {
		x := a.X + a.W*float64(k)/float64(decades)
		widgets.FillRect(dst, widgets.Rect{X: math.Round(x), Y: a.Y, W: 1, H: a.H}, assets.Border)
		t.Text(dst, widgets.Num(h.Lo*math.Pow(10, float64(k))), x, a.Bottom()+t.S(3), widgets.Small, false, assets.Dim, widgets.Center)
		if k < decades {
			share := h.Decade(h.Lo * math.Pow(10, float64(k)))
			t.Text(dst, fmt.Sprintf("%.1f %%", 100*share), x+a.W/float64(decades)/2, a.Y+t.S(2), widgets.Small, true, assets.Text, widgets.Center)
		}
	}
	widgets.StrokeRect(dst, a, math.Max(1, t.S(1)), assets.Border)
}

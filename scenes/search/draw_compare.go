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

// heatmap is the objective painted once per objective and size, one pixel
// per cell, and scaled onto the map.
type heatmap struct {
	img  *ebiten.Image
	key  hs.Objective
	n    int
	pix  []byte
	gx   []float64
	gy   []float64
	vals []float64
}

// heatColor dims viridis so the markers stand out on it.
func heatColor(v float64) color.RGBA {
	c := assets.Viridis(v)
	mix := func(a, b uint8) uint8 { return uint8(0.7*float64(a) + 0.3*float64(b)) }
	return color.RGBA{mix(c.R, assets.Backdrop.R), mix(c.G, assets.Backdrop.G), mix(c.B, assets.Backdrop.B), 0xff}
}

// image returns the picture of o at n×n cells, painting it if o changed.
// The score is separable, so a row and a column of bumps give every cell.
func (h *heatmap) image(o hs.Objective, n int) *ebiten.Image {
	if h.img != nil && h.key == o && h.n == n {
		return h.img
	}
	if h.img == nil || h.n != n {
		if h.img != nil {
			h.img.Deallocate()
		}
		h.img = ebiten.NewImage(n, n)
	}
	h.key, h.n = o, n
	h.pix = make([]byte, 4*n*n)
	for j := 0; j < n; j++ {
		y := 1 - (float64(j)+0.5)/float64(n) // y grows upwards
		for i := 0; i < n; i++ {
			c := heatColor(o.Score((float64(i)+0.5)/float64(n), y))
			k := 4 * (j*n + i)
			h.pix[k], h.pix[k+1], h.pix[k+2], h.pix[k+3] = c.R, c.G, c.B, 0xff
		}
	}
	h.img.WritePixels(h.pix)
	return h.img
}

// toMap converts a point of the unit square to the screen.
func (s *Scene) toMap(p []float64) (float64, float64) {
	m := s.ui.mapR
	return m.X + p[0]*m.W, m.Bottom() - p[1]*m.H
}

// drawCompare paints the objective, every method's points, their best, and
// the projections of the points on each axis.
func (s *Scene) drawCompare(dst *ebiten.Image, t *widgets.Theme) {
	u, d := &s.ui, &s.drawn
	key := fmt.Sprint(s.version, u.main, u.mapR, t.Scale)
	if key == d.main {
		return
	}
	d.main = key
	kit.Panel(dst, t, u.main, fmt.Sprintf("score over two hyperparameters (brighter is better) · x matters %s× as much as y · %d trials each · click to resample",
		widgets.Num(s.ratio), s.budget))
	m := u.mapR
	if m.W <= 0 {
		return
	}
	img := d.heat.image(s.obj, 128)
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(m.W/128, m.H/128)
	op.GeoM.Translate(m.X, m.Y)
	dst.DrawImage(img, op)
	widgets.StrokeRect(dst, m, math.Max(1, t.S(1)), assets.Border)
	lh := t.LineH(widgets.Small)
	t.Text(dst, "y: the hyperparameter that matters less", m.X, m.Y-lh-t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
	t.Text(dst, "0", m.X, m.Bottom()+t.S(2), widgets.Small, false, assets.Dim, widgets.Center)
	t.Text(dst, "1", m.Right(), m.Bottom()+t.S(2), widgets.Small, false, assets.Dim, widgets.Center)
	t.Text(dst, "1", m.X-t.S(4), m.Y, widgets.Small, false, assets.Dim, widgets.Right)
	t.Text(dst, "x: the hyperparameter that matters", m.X+m.W/2, u.xrug.Bottom()+t.S(3), widgets.Small, false, assets.Dim, widgets.Center)
	// The peak.
	px, py := s.toMap([]float64{s.obj.PeakX, s.obj.PeakY})
	widgets.Line(dst, px-t.S(6), py, px+t.S(6), py, t.S(1.5), assets.Text)
	widgets.Line(dst, px, py-t.S(6), px, py+t.S(6), t.S(1.5), assets.Text)
	rug := u.xrug.H / float64(max(len(s.results), 1))
	lw := math.Max(1, math.Round(t.S(1.5)))
	// Markers shrink with the map and with the budget, so a phone's map
	// of a hundred points is not a carpet of them.
	r := math.Min(t.S(3.5), m.W/70)
	if s.budget > 49 {
		r *= 0.75
	}
	r = math.Max(r, t.S(1.5))
	for i, res := range s.results {
		col := methodColor(res.Method)
		// The projections: one tick per trial on each axis. Repeats fall on
		// one tick, so a grid's five columns show as five.
		xr := widgets.Rect{X: u.xrug.X, Y: u.xrug.Y + float64(i)*rug, W: u.xrug.W, H: rug - t.S(2)}
		yr := widgets.Rect{X: u.yrug.X + float64(i)*rug, Y: u.yrug.Y, W: rug - t.S(2), H: u.yrug.H}
		widgets.FillRect(dst, xr, assets.PanelHi)
		widgets.FillRect(dst, yr, assets.PanelHi)
		for _, p := range res.Points {
			widgets.FillRect(dst, widgets.Rect{X: math.Round(xr.X + p[0]*xr.W), Y: xr.Y, W: lw, H: xr.H}, col)
			widgets.FillRect(dst, widgets.Rect{X: yr.X, Y: math.Round(yr.Bottom() - p[1]*yr.H), W: yr.W, H: lw}, col)
		}
		for _, p := range res.Points {
			x, y := s.toMap(p)
			marker(dst, methodMarker(res.Method), x, y, r, col)
		}
	}
	// Each method's best, ringed in its colour, on top of everything.
	for _, res := range s.results {
		if res.Best < 0 {
			continue
		}
		x, y := s.toMap(res.Points[res.Best])
		widgets.Ring(dst, x, y, r+t.S(4), t.S(3.5), color.Black)
		widgets.Ring(dst, x, y, r+t.S(4), t.S(2), methodColor(res.Method))
	}
}

// drawTally paints the share of resamples each method won.
func (s *Scene) drawTally(dst *ebiten.Image, t *widgets.Theme) {
	u, d := &s.ui, &s.drawn
	tl := &u.slow.tallied
	if u.tally.H <= 0 || len(tl.Methods) == 0 {
		return
	}
	key := fmt.Sprint(s.version, u.tally, u.slow.tally, t.Scale)
	if key == d.tally {
		return
	}
	d.tally = key
	title := fmt.Sprintf("who found the best: %d of %d resamples", tl.Done, tl.Total)
	in := kit.Panel(dst, t, u.tally, title)
	rowH := math.Min(t.S(24), in.H/float64(max(len(tl.Methods), 1)))
	nameW := t.S(60)
	for i, m := range tl.Methods {
		y := in.Y + float64(i)*rowH
		t.Text(dst, map[hs.Method]string{hs.Grid: "grid", hs.Random: "random", hs.Halton: "Halton"}[m], in.X, y+t.S(2), widgets.Small, true, methodColor(m), widgets.Left)
		bar := widgets.Rect{X: in.X + nameW, Y: y + t.S(2), W: in.W - nameW - t.S(150), H: rowH - t.S(8)}
		if bar.W < t.S(20) {
			bar.W = 0
		}
		share := tl.Share(i)
		if bar.W > 0 {
			widgets.FillRect(dst, bar, assets.PanelHi)
			widgets.FillRect(dst, widgets.Rect{X: bar.X, Y: bar.Y, W: bar.W * share, H: bar.H}, methodColor(m))
		}
		txt := fmt.Sprintf("%s wins · mean best %.3f", pct(share), tl.Mean(i))
		if in.Right()-bar.Right() < t.Width(txt, widgets.Small, false)+t.S(6) {
			txt = fmt.Sprintf("%s · mean %.3f", pct(share), tl.Mean(i))
		}
		t.Text(dst, t.Fit(txt, widgets.Small, false, in.Right()-bar.Right()-t.S(6)), bar.Right()+t.S(6), y+t.S(2), widgets.Small, false, assets.Neutral, widgets.Left)
	}
}

package search

import (
	"fmt"
	"image/color"
	"math"

	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames  int
	layout  [8]widgets.Rect
	mode    mode
	main    string
	legend  string
	tally   string
	caption string
	chrome  chromeKey
	heat    heatmap
	net     netDrawing
	// regNet and regSteps are the network the region view last showed
	// and its steps then; regSet the points it was given; regTitle the
	// title drawn.
	regNet   *nn.Net
	regSteps int
	regSet   *data.Set
	regTitle string
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version int
	playing bool
	page    int
	notes   bool
	run     string
}

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u, d := c.Theme, &s.ui, &s.drawn
	d.frames++
	full := c.Full
	lay := [8]widgets.Rect{u.main, u.legend.Rect, u.tally, u.caption.Rect, u.strip.Rect, u.mapR, u.rank, u.regP}
	if lay != d.layout || s.mode != d.mode {
		d.layout, d.mode = lay, s.mode
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	if full {
		d.main, d.legend, d.tally = "", "", ""
	}
	switch s.mode {
	case compareMode:
		s.drawCompare(dst, t)
		s.drawTally(dst, t)
	case samplingMode:
		s.drawSampling(dst, t)
	case networkMode:
		s.drawNetwork(dst, t, full)
		s.drawRanking(dst, t)
		s.drawRegions(dst, t, full)
	}
	if lg := s.legendKey(); lg != d.legend && u.legend.Rect.H > 0 {
		d.legend = lg
		u.legend.Draw(dst, t)
	}
	if full || u.captionLaid != d.caption || c.Active {
		d.caption = u.captionLaid
		u.caption.Draw(dst, t)
	}
	key := chromeKey{s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label}
	if full || c.Active || key != d.chrome {
		d.chrome = key
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.modes[0], &u.modes[1], &u.modes[2], &u.resmp, &u.meth[0], &u.meth[1], &u.meth[2],
			&u.run, &u.rng, &u.fast, &u.seed, &u.caption.Button)
		kit.DrawSliders(dst, t, &u.bud, &u.rat)
	}
	u.caption.DrawOverlay(dst, t)
}

// legendKey is what the legend shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.mode, s.ui.legend.Rect, s.ui.legend.Title)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line + fmt.Sprint(r.Color, r.LineColor)
	}
	return k
}

// marker draws shape m with a dark rim, so it reads on the bright and the
// dark ends of the colour map alike.
func marker(dst *ebiten.Image, m kit.Marker, x, y, r float64, c color.Color) {
	if m == kit.Ring {
		widgets.Ring(dst, x, y, r, math.Max(1.5, r*0.45)+2, color.Black) // the width DrawMarker uses, plus a rim
	}
	kit.DrawMarker(dst, m, x, y, r, c)
}

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

// drawRegions paints the decision regions of the network in training (a
// few pictures a second) or of the retrained choice.
func (s *Scene) drawRegions(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.regP.H <= 0 {
		return
	}
	g := &u.regions
	net := s.viewedNet()
	title := "decision regions: waiting for the next trial"
	if s.srch.Steps == 0 && !s.playing {
		title = "decision regions of each trial's network: Space starts the search"
	}
	if net != nil {
		steps := 0
		if tr := s.srch.Trainer(); tr != nil {
			steps = tr.Steps()
			c := s.srch.Current
			title = fmt.Sprintf("decision regions of the %s trial in training: η %s, λ %s", c.Stage, exp10(c.LogLR), exp10(c.LogReg))
			if c.Stage == hs.Retrain {
				title = fmt.Sprintf("the choice, being retrained: η %s, λ %s", exp10(c.LogLR), exp10(c.LogReg))
			}
		} else {
			f := s.srch.Final
			title = fmt.Sprintf("the choice retrained: η %s, λ %s, %s on the held-out points shown", exp10(f.LogLR), exp10(f.LogReg), pct1(f.ValAcc))
		}
		switch {
		case net != d.regNet:
			d.regNet, d.regSteps = net, steps
			g.Refresh()
		case steps != d.regSteps:
			d.regSteps = steps
			g.Invalidate()
		}
	}
	rendered := false
	if net != nil && g.Rect.W > 0 {
		t0 := time.Now()
		rendered = g.Prepare(t, t0)
		s.renderCost += time.Since(t0)
	}
	if full || rendered || title != d.regTitle {
		d.regTitle = title
		kit.Panel(dst, t, u.regP, title)
		if net != nil && g.Rect.W > 0 {
			g.Draw(dst)
		}
	}
}

package gradcheck

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	gc "gradlab/sim/gradcheck"
	"gradlab/widgets"
)

// drawState is what is on screen already; a part is repainted only when
// its key changes (or on a full repaint).
type drawState struct {
	series  int // the curve version in the plot's series layer
	main    mainKey
	plot    plotKey
	read    readKey
	check   checkKey
	chrome  chromeKey
	caption captionKey
}

type plotKey struct {
	version int
	h       float64
	r       widgets.Rect
	scale   float64
}

// mainKey is what the cached main panel shows.
type mainKey struct {
	version int
	r       widgets.Rect
	scale   float64
}

type readKey struct {
	version int
	h       float64
	r       widgets.Rect
	scale   float64
}

type checkKey struct {
	gen, bug, param, fn int
	r                   widgets.Rect
	scale, rowH         float64
	rows                int
}

type chromeKey struct {
	strip stripKey
	h     float64
	param int
	page  int
	r     widgets.Rect
	// hover is the strip control under the pointer (buttons light up),
	// down whether it is pressed.
	hover int
	down  bool
}

type captionKey struct {
	r     widgets.Rect
	text  string
	short bool
	scale float64
}

// style tells the four curves apart by colour, width and marker: float64
// thick, float32 thin, and each its own marker shape.
type style struct {
	c      color.RGBA
	w      float64
	marker kit.Marker
}

func styleOf(sr *series) style {
	switch {
	case sr.p == gc.Float64 && sr.m == gc.Centered:
		return style{assets.SkyBlue, 2.5, kit.Disc}
	case sr.p == gc.Float64:
		return style{assets.Orange, 2.5, kit.Square}
	case sr.m == gc.Centered:
		return style{assets.Purple, 1.25, kit.Diamond}
	}
	return style{assets.Yellow, 1.25, kit.Cross}
}

// The plot's ranges: x is log10 h, y the relative error (exponents).
const (
	xMin, xMax = -12, -1
	yMin, yMax = -16.5, 0.5
)

// Draw repaints the parts whose inputs changed.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	full := c.Full
	if k := (plotKey{s.version, s.h, u.mainPanel, t.Scale}); full || k != s.drawn.plot {
		s.drawn.plot = k
		s.drawMain(dst, t)
	}
	if k := (readKey{s.version, s.h, u.readPanel, t.Scale}); full || k != s.drawn.read {
		s.drawn.read = k
		if u.readPanel.H > 0 {
			s.drawReadout(dst, t)
		}
	}
	if k := (checkKey{s.chk.gen, s.bugI, s.param, s.fn, u.chkP, t.Scale, u.rowH, len(u.layerHits)}); full || k != s.drawn.check {
		s.drawn.check = k
		if u.chkP.H > 0 {
			s.drawCheck(dst, t)
		}
	}
	// The caption has no hover state: it is repainted only when it moves
	// or its text changes; the strip also on any input (hover, press).
	if k := (captionKey{u.caption.Rect, u.caption.Text, u.caption.NeedsButton(), t.Scale}); full || k != s.drawn.caption {
		s.drawn.caption = k
		u.caption.Draw(dst, t)
	}
	key := chromeKey{s.stripKey(), s.h, s.param, u.strip.Page(), u.strip.Rect, s.hovered(c.In), c.In.Down}
	if full || key != s.drawn.chrome {
		s.drawn.chrome = key
		s.drawStrip(dst, t)
	}
	u.caption.DrawOverlay(dst, t)
}

// hovered is the index of the strip control under the pointer, or −1:
// the strip is repainted when it changes, not on every pointer move.
func (s *Scene) hovered(in *widgets.Input) int {
	u := &s.ui
	rs := []widgets.Rect{u.checkBtn.Rect, u.bugBtn.Rect, u.seedBtn.Rect, u.caption.Button.Rect, u.strip.More(),
		u.hSlider.Rect, u.paramSlider.Rect}
	for i := range u.fnBtn {
		rs = append(rs, u.fnBtn[i].Rect)
	}
	for i, r := range rs {
		if r.Contains(in.X, in.Y) {
			return i
		}
	}
	return -1
}

func (s *Scene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	u.strip.Draw(dst, t)
	for i := range u.fnBtn {
		kit.DrawButtons(dst, t, &u.fnBtn[i])
	}
	kit.DrawButtons(dst, t, &u.checkBtn, &u.bugBtn, &u.seedBtn, &u.caption.Button)
	kit.DrawSliders(dst, t, &u.hSlider, &u.paramSlider)
}

// drawMain draws the V plot: everything that does not move with h comes
// from a cached image of the panel (redrawn when the curves or the layout
// change); the current h, its line and the readout's dots go on top.
func (s *Scene) drawMain(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	r := u.mainPanel
	w, h := max(int(math.Ceil(r.W)), 1), max(int(math.Ceil(r.H)), 1)
	if u.mainImg == nil || u.mainImg.Bounds().Dx() != w || u.mainImg.Bounds().Dy() != h {
		if u.mainImg != nil {
			u.mainImg.Deallocate()
		}
		u.mainImg = ebiten.NewImage(w, h)
		s.drawn.main = mainKey{}
	}
	if k := (mainKey{s.version, r, t.Scale}); k != s.drawn.main {
		s.drawn.main = k
		u.placed = s.drawMainStatic(u.mainImg, t, r.X, r.Y)
	}
	widgets.Blit(dst, u.mainImg, r.X, r.Y)
	// The current h: a line, each series' error there, and its label.
	pl := &u.plot
	a := pl.Area()
	a.X, a.Y = a.X+r.X, a.Y+r.Y
	hx, _ := pl.Map(math.Log10(s.h), 1)
	hx += r.X
	clip := dst.SubImage(a.Image()).(*ebiten.Image)
	widgets.FillRect(clip, widgets.Rect{X: math.Round(hx - t.S(0.75)), Y: a.Y, W: math.Max(1, t.S(1.5)), H: a.H}, color.White)
	for i := range s.curves {
		e := s.errAt(&s.curves[i])
		if e > 0 && finite(e) {
			_, y := pl.Map(0, e)
			widgets.Circle(clip, hx, y+r.Y, t.S(4.5), color.White)
			widgets.Circle(clip, hx, y+r.Y, t.S(3), styleOf(&s.curves[i]).c)
		}
	}
	placed := make([]widgets.Rect, 0, len(u.placed))
	for _, p := range u.placed {
		placed = append(placed, widgets.Rect{X: p.X + r.X, Y: p.Y + r.Y, W: p.W, H: p.H})
	}
	lab := "h = " + num(s.h)
	lw := t.Width(lab, widgets.Small, false) + t.S(8)
	lx := hx + t.S(4)
	if lx+lw > a.Right() {
		lx = hx - t.S(4) - lw
	}
	s.label(dst, t, a, lab, lx, a.Y+t.S(3), color.White, placed)
}

// drawMainStatic draws the panel, the curves, their markers, the measured
// slopes (or why there is no V) and the legend into img, whose origin is
// the screen point (ox, oy). It returns the labels' rectangles in img.
func (s *Scene) drawMainStatic(img *ebiten.Image, t *widgets.Theme, ox, oy float64) []widgets.Rect {
	u := &s.ui
	title := "relative error against step h  ·  " + s.formula()
	if !s.isNet() {
		title += "  at x = " + num(fns[s.fn].f.X)
	}
	kit.Panel(img, t, widgets.Rect{W: u.mainPanel.W, H: u.mainPanel.H}, title)
	pl := &u.plot
	pl.Rect = widgets.Rect{X: u.plotRect.X - ox, Y: u.plotRect.Y - oy, W: u.plotRect.W, H: u.plotRect.H}
	pl.XMin, pl.XMax, pl.YMin, pl.YMax = xMin, xMax, yMin, yMax
	pl.LogY = true
	pl.XLabel = "step h (log scale)"
	if pl.Prepare(t) || s.drawn.series != s.version {
		pl.ClearSeries()
		s.drawn.series = s.version
		// Band edges under the curves, in their bands' colours.
		for i, e := range []float64{1e-7, 1e-4, 1e-2} {
			c := bandColor(gc.Severity(i + 1))
			c.A = 0x70
			pl.Series(func(k int) float64 { return []float64{xMin, xMax}[k] }, func(int) float64 { return e }, 0, 2, math.Max(1, t.S(1)), c)
		}
		if !math.IsInf(s.kinkH, 1) && s.kinkH > hMin && s.kinkH < hMax {
			s.dashedV(pl, math.Log10(s.kinkH), math.Max(1, t.S(1.5)), assets.Bad)
		}
		for i := range s.curves {
			s.addCurve(pl, &s.curves[i], t)
		}
		pl.Flush()
	}
	pl.Draw(img)
	a := pl.Area()
	s.relabelX(img, t, a)
	s.drawBandBar(img, t, a)
	clip := img.SubImage(a.Image()).(*ebiten.Image)
	// Markers every decade, each series offset so they do not overlap.
	for i := range s.curves {
		c := &s.curves[i]
		st := styleOf(c)
		for k := 2*i + 1; k < len(s.hs); k += 10 {
			if e := c.errs[k]; e > 0 && finite(e) {
				x, y := pl.Map(math.Log10(s.hs[k]), e)
				kit.DrawMarker(clip, st.marker, x, y, t.S(4), st.c)
			}
		}
	}
	// The first row of labels is left to the current h's label.
	row := smallH(t) * 1.3
	var placed []widgets.Rect
	if !math.IsInf(s.kinkH, 1) && s.kinkH > hMin && s.kinkH < hMax {
		kx, _ := pl.Map(math.Log10(s.kinkH), 1)
		txt := "kink: h > " + num(s.kinkH) + " crosses it"
		w := t.Width(txt, widgets.Small, false) + t.S(8)
		x := kx - t.S(4) - w
		if x < a.X {
			x = kx + t.S(4)
		}
		placed = append(placed, s.label(img, t, a, txt, x, a.Y+t.S(3)+row, assets.Bad, placed))
	}
	// Measured slopes on the arms, or why there is no V.
	if s.hasV() {
		// A small plot has room for the float64 slopes only.
		small := a.W < t.S(320) || a.H < t.S(160)
		for i := range s.curves {
			c := &s.curves[i]
			if !c.vOK || small && c.p != gc.Float64 {
				continue
			}
			col := styleOf(c).c
			for _, l := range []gc.Line{c.v.Truncation, c.v.RoundOff} {
				hm := math.Sqrt(l.HLo * l.HHi)
				x, y := pl.Map(math.Log10(hm), l.At(hm))
				txt := "slope " + slope(l.Slope)
				w := t.Width(txt, widgets.Small, false) + t.S(8)
				placed = append(placed, s.label(img, t, a, txt, x-w/2, math.Max(y-t.S(22), a.Y+row), col, placed))
			}
		}
	} else {
		placed = s.noVNote(img, t, a, placed)
	}
	if zeros := s.zeros(); zeros > 0 {
		placed = append(placed, s.label(img, t, a, fmt.Sprintf("%d exact matches (error 0) have no place on a log axis and are left out", zeros),
			a.X+t.S(6), a.Bottom(), assets.Dim, placed))
	}
	s.drawLegend(img, t, ox, oy)
	return placed
}

// errAt is a curve's error at the current h: the readout's number.
func (s *Scene) errAt(c *series) float64 {
	r := s.at[0]
	if c.p == gc.Float32 {
		r = s.at[1]
	}
	if c.m == gc.Centered {
		return r.errC
	}
	return r.errF
}

// addCurve queues one curve, skipping exact zeros (lucky cancellations
// with no logarithm).
func (s *Scene) addCurve(pl *widgets.Plot, c *series, t *widgets.Theme) {
	st := styleOf(c)
	w := t.S(st.w)
	xs := func(k int) float64 { return math.Log10(s.hs[k]) }
	ys := func(k int) float64 { return c.errs[k] }
	ok := func(k int) bool { return c.errs[k] > 0 && finite(c.errs[k]) }
	for k := 0; k < len(s.hs); {
		if !ok(k) {
			k++
			continue
		}
		e := k
		for e < len(s.hs) && ok(e) {
			e++
		}
		k0 := k
		pl.Series(func(i int) float64 { return xs(k0 + i) }, func(i int) float64 { return ys(k0 + i) }, 0, e-k, w, st.c)
		k = e
	}
}

// dashedV queues a dashed vertical line at x across the plot.
func (s *Scene) dashedV(pl *widgets.Plot, x, w float64, c color.Color) {
	const n = 40
	for i := 0; i < n; i += 2 {
		y0 := math.Pow(10, yMin+(yMax-yMin)*float64(i)/n)
		y1 := math.Pow(10, yMin+(yMax-yMin)*float64(i+1)/n)
		pl.Series(func(int) float64 { return x }, func(k int) float64 { return []float64{y0, y1}[k] }, 1, 2, w, c)
	}
}

// relabelX writes the x ticks as powers of ten (the plot writes their
// exponents).
func (s *Scene) relabelX(dst *ebiten.Image, t *widgets.Theme, a widgets.Rect) {
	ticks := widgets.Ticks(xMin, xMax, max(int(a.W/t.S(70)), 2))
	for _, v := range ticks {
		x, _ := s.ui.plot.Map(v, 1)
		w := t.Width(widgets.TickLabel(v, ticks), widgets.Small, false) + t.S(2)
		widgets.FillRect(dst, widgets.Rect{X: x - w/2, Y: a.Bottom() + t.S(2), W: w, H: t.LineH(widgets.Small) + t.S(1)}, assets.Panel)
		if v == math.Round(v) {
			t.Text(dst, pow10(int(v)), x, a.Bottom()+t.S(3), widgets.Small, false, assets.Dim, widgets.Center)
		}
	}
}

// drawBandBar paints the cs231n bands as a strip along the plot's right
// edge.
func (s *Scene) drawBandBar(dst *ebiten.Image, t *widgets.Theme, a widgets.Rect) {
	w := math.Max(3, t.S(5))
	x := a.Right() + t.S(2)
	pl := &s.ui.plot
	for _, g := range gc.Grades {
		lo, hi := math.Max(g.Lo, math.Pow(10, yMin)), math.Min(g.Hi, math.Pow(10, yMax))
		_, y0 := pl.Map(0, lo)
		_, y1 := pl.Map(0, hi)
		widgets.FillRect(dst, widgets.Rect{X: x, Y: y1, W: w, H: y0 - y1}, bandColor(g.Severity))
	}
}

// label draws text on a dark backdrop at (x, y), kept inside a and moved
// down past labels already placed; it returns where it went.
func (s *Scene) label(dst *ebiten.Image, t *widgets.Theme, a widgets.Rect, txt string, x, y float64, c color.Color, placed []widgets.Rect) widgets.Rect {
	txt = t.Fit(txt, widgets.Small, false, a.W-t.S(8))
	w, h := t.Width(txt, widgets.Small, false)+t.S(8), smallH(t)+t.S(2)
	r := widgets.Rect{X: math.Min(math.Max(x, a.X+t.S(2)), a.Right()-w-t.S(2)), Y: math.Min(math.Max(y, a.Y+t.S(2)), a.Bottom()-h-t.S(2)), W: w, H: h}
	for try := 0; try < 8; try++ {
		hit := false
		for _, p := range placed {
			if r.X < p.Right() && p.X < r.Right() && r.Y < p.Bottom() && p.Y < r.Bottom() {
				hit = true
				break
			}
		}
		if !hit {
			break
		}
		r.Y += h + t.S(2)
		if r.Bottom() > a.Bottom() {
			r.Y = a.Y + t.S(2) + float64(try)*h
		}
	}
	widgets.FillRect(dst, r, color.RGBA{0x12, 0x15, 0x1A, 0xE0})
	t.Text(dst, txt, r.X+t.S(4), r.Y+t.S(1), widgets.Small, false, c, widgets.Left)
	return r
}

// zeros counts the exact zeros of the curves (left out of the plot).
func (s *Scene) zeros() int {
	n := 0
	for _, c := range s.curves {
		for _, e := range c.errs {
			if e == 0 {
				n++
			}
		}
	}
	return n
}

// noVNote says on the plot why the curves have no V.
func (s *Scene) noVNote(dst *ebiten.Image, t *widgets.Theme, a widgets.Rect, placed []widgets.Rect) []widgets.Rect {
	var txt string
	floor := math.Inf(1)
	for _, c := range s.curves {
		for _, e := range c.errs {
			if !math.IsNaN(e) {
				floor = math.Min(floor, e)
			}
		}
	}
	switch {
	case s.isNet() && floor > 1e-2:
		txt = "no V: the error never gets below " + num(floor) + " at any h. No step size fixes a wrong gradient"
	case s.isNet() && !math.IsInf(s.kinkH, 1):
		txt = "no clean V: the ReLU kink " + num(s.kinkH) + " away cuts the truncation arm short"
	case s.isNet():
		txt = "no clean V for this parameter"
	default:
		txt = "no V: once h > " + num(s.kinkH) + ", x ± h lie on both sides of the kink"
	}
	lines := t.Wrap(txt, widgets.Small, math.Min(a.W*0.6, t.S(300)))
	y := a.Y + t.S(3) + 2.6*smallH(t)
	for _, l := range lines {
		r := s.label(dst, t, a, l, a.X+t.S(6), y, assets.Text, placed)
		placed = append(placed, r)
		y = r.Bottom()
	}
	return placed
}

// drawLegend draws the legend under the plot: a line sample with the
// series' marker and its name.
func (s *Scene) drawLegend(dst *ebiten.Image, t *widgets.Theme, ox, oy float64) {
	for _, it := range s.ui.legend {
		it.x, it.y = it.x-ox, it.y-oy
		cy := it.y + smallH(t)/2
		if it.i < 0 {
			t.Text(dst, it.text, it.x, it.y, widgets.Small, false, assets.Dim, widgets.Left)
			continue
		}
		c := &s.curves[it.i]
		st := styleOf(c)
		widgets.Line(dst, it.x, cy, it.x+t.S(30), cy, t.S(st.w), st.c)
		kit.DrawMarker(dst, st.marker, it.x+t.S(15), cy, t.S(4), st.c)
		t.Text(dst, it.text, it.x+t.S(40), it.y, widgets.Small, false, assets.Neutral, widgets.Left)
	}
}

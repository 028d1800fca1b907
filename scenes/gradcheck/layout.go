package gradcheck

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen                     kit.Screen
	mainPanel, readPanel, chkP widgets.Rect
	plotRect, plotArea         widgets.Rect
	legend                     []legendItem
	strip                      kit.Strip
	caption                    kit.Caption
	fnBtn                      []widgets.Button
	hSlider, paramSlider       widgets.Slider
	checkBtn, bugBtn, seedBtn  widgets.Button
	layerHits                  []widgets.Rect
	histX, histW, rowsY, rowH  float64
	laidOut                    stripKey
	plot                       widgets.Plot
	mainImg                    *ebiten.Image  // the main panel without what moves with h
	placed                     []widgets.Rect // labels in mainImg, for the h label to avoid
	dragging                   bool
}

// legendItem is one entry of the legend under the plot, placed in layout.
type legendItem struct {
	x, y float64
	i    int // the series, or −1 for the note
	text string
}

// stripKey is the state the strip's layout depends on.
type stripKey struct {
	fn, bug, seed int
	net, asked    bool
	notes         bool
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.fn, s.bugI, s.seed, s.isNet(), s.chk.asked, s.ui.caption.NeedsButton()}
}

// The panels' line heights.
func lineH(t *widgets.Theme) float64  { return math.Round(t.LineH(widgets.Body) * 1.2) }
func smallH(t *widgets.Theme) float64 { return math.Round(t.LineH(widgets.Small) * 1.15) }

// layout fills the strip and splits the area: the V plot as the main view,
// the readout, the network check and the caption beside or under it.
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	lh := lineH(t)
	title := t.S(30)
	// Where only one panel fits, the check wins once it was asked for.
	readDrop, chkDrop := 1, 2
	if s.chk.asked {
		readDrop, chkDrop = 2, 1
	}
	specs := []kit.PanelSpec{
		{Min: title + 6*lh, Want: title + 8*lh, Drop: readDrop},
		{Min: title + 4*t.S(24) + lh, Want: title + 4*t.S(40) + smallH(t) + 4*lh, Drop: chkDrop},
		{Min: t.S(70), Grow: true, Drop: 3},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.6, specs)
	p := u.screen.Panels
	u.mainPanel, u.readPanel, u.chkP, u.caption.Rect = u.screen.Main, p[0], p[1], p[2]
	s.layoutMain(t)
	s.layoutCheck(t)
	u.caption.Title = "what to try"
	u.caption.Text = captions[fns[s.fn].id]
}

// plotMargins are widgets.Plot's axis margins (left, top, right, bottom),
// which the scene needs in Update for hit testing before the plot is
// drawn.
func plotArea(t *widgets.Theme, r widgets.Rect, xlabel bool) widgets.Rect {
	left := t.S(44)
	bottom := t.LineH(widgets.Small) + t.S(6)
	if xlabel {
		bottom += t.LineH(widgets.Small)
	}
	return widgets.Rect{X: r.X + left, Y: r.Y + t.S(4), W: math.Max(r.W-left-t.S(16), 1), H: math.Max(r.H-bottom-t.S(4), 1)}
}

// layoutMain places the plot and its legend inside the main panel.
func (s *Scene) layoutMain(t *widgets.Theme) {
	u := &s.ui
	in := kit.PanelInner(t, u.mainPanel, true)
	// The legend flows under the plot, one row of items or more.
	u.legend = u.legend[:0]
	rowH := smallH(t) + t.S(2)
	x, y := 0.0, 0.0
	place := func(i int, text string) {
		w := t.S(40) + t.Width(text, widgets.Small, false) + t.S(14)
		if i < 0 {
			w = t.Width(text, widgets.Small, false)
		}
		if x > 0 && x+w > in.W {
			x, y = 0, y+rowH
		}
		u.legend = append(u.legend, legendItem{x: in.X + x, y: y, i: i, text: text})
		x += w
	}
	for i, c := range s.curves {
		place(i, c.name())
	}
	if s.isNet() {
		place(-1, "(float32 not shown: the network runs in float64)")
	}
	legH := y + rowH
	if in.H < t.S(120) || legH > in.H*0.3 {
		u.legend = u.legend[:0] // too small: the readout names the series
		legH = 0
	}
	top := in.Bottom() - legH
	for i := range u.legend {
		u.legend[i].y += top + t.S(2)
	}
	u.plotRect = widgets.Rect{X: in.X - t.S(4), Y: in.Y, W: in.W + t.S(4), H: math.Max(in.H-legH, 1)}
	u.plotArea = plotArea(t, u.plotRect, true)
}

// layoutCheck places the check panel's rows (clickable: they select the
// layer's worst parameter).
func (s *Scene) layoutCheck(t *widgets.Theme) {
	u := &s.ui
	u.layerHits = u.layerHits[:0]
	if u.chkP.H <= 0 {
		return
	}
	in := kit.PanelInner(t, u.chkP, true)
	n := len(s.net.ranges)
	lh := lineH(t)
	// Rows share what the verdict and the axis leave (two lines of text at
	// least).
	lines := 2
	if s.chk.finished() {
		lines = max(lines, len(t.Wrap(s.chk.verdict(), widgets.Body, in.W)))
	}
	u.rowH = math.Min(t.S(40), math.Max(t.S(24), math.Floor((in.H-float64(lines)*lh-smallH(t))/float64(n))))
	u.rowsY = in.Y
	if in.H < float64(n)*u.rowH {
		return
	}
	left := math.Min(math.Max(in.W*0.3, t.S(74)), t.S(130))
	u.histX = in.X + left
	u.histW = math.Max(in.W-left-t.S(104), t.S(16))
	for i := 0; i < n; i++ {
		u.layerHits = append(u.layerHits, widgets.Rect{X: in.X - t.S(4), Y: in.Y + float64(i)*u.rowH, W: in.W + t.S(8), H: u.rowH - t.S(2)})
	}
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	if len(u.fnBtn) != len(fns) {
		u.fnBtn = make([]widgets.Button, len(fns))
	}
	st.Begin()
	for i, f := range fns {
		st.Button(t, &u.fnBtn[i], f.label)
		u.fnBtn[i].Active = i == s.fn
	}
	st.Gap()
	st.Slider(t, &u.hSlider, 170)
	u.hSlider.Label, u.hSlider.Min, u.hSlider.Max, u.hSlider.Log = "step h  (← →)", hMin, hMax, true
	u.hSlider.Value = s.h
	u.hSlider.Format = num
	if s.isNet() {
		st.Slider(t, &u.paramSlider, 180)
		sl := &u.paramSlider
		sl.Label, sl.Min, sl.Max, sl.Log = "parameter  (↑ ↓)", 0, float64(s.net.size()-1), false
		sl.Value = float64(s.param)
		sl.Format = func(v float64) string {
			i := int(math.Round(v))
			return fmt.Sprintf("θ[%d] %s", i, s.net.block(i).ID)
		}
	} else {
		st.Hide(&u.paramSlider)
	}
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
	st.Gap()
	label := "check network (C)"
	if s.chk.asked {
		label = "check again (C)"
	}
	st.Button(t, &u.checkBtn, label)
	st.Button(t, &u.bugBtn, "bug: "+bugID(bugs[s.bugI])+" (B)")
	u.bugBtn.Active = s.bugI != 0
	st.Button(t, &u.seedBtn, fmt.Sprintf("seed %d (S)", s.seed))
}

func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	for i := range fns {
		if u.fnBtn[i].Update(in) {
			s.setFn(i)
		}
	}
	if u.hSlider.Rect.W > 0 && u.hSlider.Update(in, t) {
		s.setH(u.hSlider.Value)
	}
	if u.paramSlider.Rect.W > 0 && u.paramSlider.Update(in, t) {
		s.setParam(int(math.Round(u.paramSlider.Value)))
	}
	if u.checkBtn.Update(in) {
		s.chk.start(s)
	}
	if u.bugBtn.Update(in) {
		s.setBug(s.bugI + 1)
	}
	if u.seedBtn.Update(in) {
		s.setSeed(s.seed + 1)
	}
	for i := range u.layerHits {
		if in.Owns(&u.layerHits[i], u.layerHits[i]) && in.Pressed {
			s.pickLayer(i)
		}
	}
}

// pickLayer shows the network's loss along the worst parameter of block i
// (its first before the check has run).
func (s *Scene) pickLayer(i int) {
	p := s.net.ranges[i].Lo
	if s.chk.finished() && i < len(s.chk.sums) {
		p = s.chk.sums[i].Worst
	}
	s.fn, s.param = fnIndex(netID), p
	s.recompute()
}

// updatePlot: a press or drag on the plot puts h where the pointer is; the
// wheel moves it a quarter decade per notch.
func (s *Scene) updatePlot(c *kit.Ctx) {
	in, a := c.In, s.ui.plotArea
	if in.Owns(&s.ui.plotArea, a) && (in.Down || in.Released) {
		f := math.Min(math.Max((in.X-a.X)/a.W, 0), 1)
		s.setH(math.Pow(10, math.Log10(hMin)+f*(math.Log10(hMax)-math.Log10(hMin))))
	}
	if in.Wheel != 0 && a.Contains(in.X, in.Y) {
		s.nudgeH(int(math.Copysign(1, in.Wheel)))
	}
}

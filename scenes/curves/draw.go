package curves

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
	"gradlab/widgets"
)

// drawState is what is on screen already.
type drawState struct {
	main    mainKey
	panels  panelKey
	prect   [2]widgets.Rect
	caption captionKey
	strip   stripKey
	// pts is how many points the plots' series layers hold, for version.
	pts, version int
	// labels are the evidence rings' labels as last drawn, lnBox the ln C
	// label's box (tests check they do not collide).
	labels []placed
	lnBox  widgets.Rect
}

type mainKey struct {
	version, points, diagVer int
	hidden                   bool
	r                        widgets.Rect
	scale                    float64
}

type captionKey struct {
	r     widgets.Rect
	short bool
	scale float64
}

var (
	trainCol = assets.SkyBlue
	valCol   = assets.Orange
	markCol  = assets.Yellow
	// labelBack is the panel colour, a little see-through.
	labelBack = color.NRGBA{0x1B, 0x1F, 0x26, 0xd0}
)

// Draw repaints the parts whose inputs changed.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	full := c.Full
	if k := (mainKey{s.version, s.shownPts, s.shownDiag, s.hidden(), u.mainP, t.Scale}); full || k != s.drawn.main {
		s.drawn.main = k
		s.drawMain(dst, t)
	}
	if k, r := s.panelKey(), [2]widgets.Rect{u.verdictP, u.runP}; full || k != s.drawn.panels || r != s.drawn.prect {
		s.drawn.panels, s.drawn.prect = k, r
		drawLines(dst, t, u.verdictP, "doctor's verdict", u.verdictLines)
		title := "run: " + s.scenario().Name
		if s.hidden() {
			title = "run: mystery"
		}
		drawLines(dst, t, u.runP, title, u.runLines)
	}
	if k := (captionKey{u.caption.Rect, u.caption.NeedsButton(), t.Scale}); full || k != s.drawn.caption {
		s.drawn.caption = k
		u.caption.Draw(dst, t)
	}
	if k := s.stripKey(); full || c.Active || k != s.drawn.strip {
		s.drawn.strip = k
		s.drawStrip(dst, t)
	}
	u.caption.DrawOverlay(dst, t)
}

func (s *Scene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	u.strip.Draw(dst, t)
	for i := range u.scBtn {
		kit.DrawButtons(dst, t, &u.scBtn[i])
	}
	for i := range u.guessBtn {
		kit.DrawButtons(dst, t, &u.guessBtn[i])
	}
	kit.DrawButtons(dst, t, &u.seedBtn, &u.nextBtn, &u.mysteryBtn, &u.restartBtn, &u.playBtn, &u.finishBtn, &u.caption.Button)
}

// drawLines draws a titled panel of text lines, shortening the last one
// that fits when there are more.
func drawLines(dst *ebiten.Image, t *widgets.Theme, r widgets.Rect, title string, ls []line) {
	if r.W <= 0 || r.H <= 0 {
		return
	}
	in := kit.Panel(dst, t, r, title)
	lh := lineH(t)
	fit := int(in.H / lh)
	for i, l := range ls {
		if i >= fit {
			break
		}
		text := l.text
		if i == fit-1 && len(ls) > fit {
			text += " …"
		}
		text = t.Fit(text, widgets.Body, l.bold, in.W)
		t.Text(dst, text, in.X, in.Y+float64(i)*lh, widgets.Body, l.bold, lineColor(l.col), widgets.Left)
	}
}

func lineColor(c int) color.Color {
	switch c {
	case 1:
		return assets.Good
	case 2:
		return assets.Bad
	case 3:
		return assets.Dim
	case 4:
		return assets.Accent
	}
	return assets.Neutral
}

// drawMain draws the loss and accuracy plots: the series layers grow by
// the new points only; the marks go on top of the blit, so a new reading
// replaces the old marks.
func (s *Scene) drawMain(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	if u.mainP.W <= 0 || u.mainP.H <= 0 {
		return
	}
	in := kit.Panel(dst, t, u.mainP, "loss (log scale) and accuracy, per epoch")
	// Legend in the title row, right-aligned.
	y := in.Y - t.S(14) + t.LineH(widgets.Small)/2
	x := in.Right()
	for _, it := range []struct {
		label string
		c     color.Color
	}{{"validation", valCol}, {"training", trainCol}} {
		w := t.Width(it.label, widgets.Small, false)
		x -= w
		t.TextMid(dst, it.label, x, y, widgets.Small, false, assets.Neutral, widgets.Left)
		x -= t.S(20)
		widgets.Line(dst, x, y, x+t.S(14), y, t.S(2.5), it.c)
		x -= t.S(10)
	}
	cleared := u.lossPlot.Prepare(t)
	if u.accPlot.Rect.W > 0 {
		cleared = u.accPlot.Prepare(t) || cleared
	}
	if cleared || s.drawn.version != s.version {
		u.lossPlot.ClearSeries()
		u.accPlot.ClearSeries()
		s.drawn.pts, s.drawn.version = 0, s.version
		// The reference lines: ln C (uniform guessing) and chance.
		c := float64(s.cur.Classes)
		if c >= 2 {
			lnC := math.Log(c)
			u.lossPlot.Series(func(i int) float64 { return float64(i) * u.lossPlot.XMax }, func(int) float64 { return lnC }, 0, 2, t.S(1), assets.Dim)
			if u.accPlot.Rect.W > 0 {
				u.accPlot.Series(func(i int) float64 { return float64(i) * u.accPlot.XMax }, func(int) float64 { return 1 / c }, 0, 2, t.S(1), assets.Dim)
			}
		}
	}
	cur := s.cur
	n := len(cur.TrainLoss)
	if n > s.drawn.pts {
		from := s.drawn.pts
		scale := 1.0
		if s.hidden() { // the x axis is the share of the run
			scale = 1 / float64(s.run.Epochs())
		}
		xs := func(i int) float64 { return cur.Epoch[i] * scale }
		u.lossPlot.Series(xs, func(i int) float64 { return cur.ValLoss[i] }, from, n, t.S(2), valCol)
		u.lossPlot.Series(xs, func(i int) float64 { return cur.TrainLoss[i] }, from, n, t.S(2), trainCol)
		if u.accPlot.Rect.W > 0 {
			u.accPlot.Series(xs, func(i int) float64 { return cur.ValAcc[i] }, from, n, t.S(2), valCol)
			u.accPlot.Series(xs, func(i int) float64 { return cur.TrainAcc[i] }, from, n, t.S(2), trainCol)
			u.accPlot.Flush()
		}
		u.lossPlot.Flush()
		s.drawn.pts = n
	}
	u.lossPlot.Draw(dst)
	if u.accPlot.Rect.W > 0 {
		u.accPlot.Draw(dst)
	}
	// Reference labels.
	lnBox := s.lnCLabel(t)
	if lnBox.W > 0 {
		t.Text(dst, "ln 3: guessing", lnBox.Right(), lnBox.Y, widgets.Small, false, assets.Dim, widgets.Right)
	}
	if s.hidden() {
		return
	}
	s.drawMarks(dst, t, lnBox)
}

// lnCLabel is where the ln C line's label goes (zero: none).
func (s *Scene) lnCLabel(t *widgets.Theme) widgets.Rect {
	la := s.ui.lossPlot.Area()
	c := float64(s.cur.Classes)
	if c < 2 || la.W <= t.S(80) {
		return widgets.Rect{}
	}
	_, ly := s.ui.lossPlot.Map(0, math.Log(c))
	w, h := t.Width("ln 3: guessing", widgets.Small, false), t.LineH(widgets.Small)
	return widgets.Rect{X: la.Right() - t.S(4) - w, Y: ly - h - t.S(1), W: w, H: h}
}

// drawMarks puts the evidence on the curves: vertical lines at the epochs
// the doctor names, rings on the points.
func (s *Scene) drawMarks(dst *ebiten.Image, t *widgets.Theme, lnBox widgets.Rect) {
	u := &s.ui
	la := u.lossPlot.Area()
	avoid := []widgets.Rect{lnBox}
	bottom := la.Bottom()
	if u.accPlot.Rect.W > 0 {
		bottom = u.accPlot.Area().Bottom()
	}
	for _, m := range s.diag.Marks {
		if m.Line {
			x, _ := u.lossPlot.Map(m.Epoch, 1)
			if x < la.X || x > la.Right() {
				continue
			}
			widgets.Line(dst, x, la.Y, x, bottom, math.Max(1, t.S(1.5)), markCol)
			if m.Label != "" {
				lx, al := x+t.S(3), widgets.Left
				if x > la.X+la.W*0.7 {
					lx, al = x-t.S(3), widgets.Right
				}
				t.Text(dst, m.Label, lx, la.Y+t.S(2), widgets.Small, false, markCol, al)
				w := t.Width(m.Label, widgets.Small, false)
				if al == widgets.Right {
					lx -= w
				}
				avoid = append(avoid, widgets.Rect{X: lx, Y: la.Y + t.S(2), W: w, H: t.LineH(widgets.Small)})
			}
		}
	}
	var pts [][2]float64
	var texts []string
	for _, m := range s.diag.Marks {
		if m.Line {
			continue
		}
		x, y := u.lossPlot.Map(m.Epoch, m.Value)
		if x < la.X-1 || x > la.Right()+1 {
			continue
		}
		c := trainCol
		if m.Series == diagnose.Val {
			c = valCol
		}
		widgets.Ring(dst, x, y, t.S(6), t.S(2), markCol)
		widgets.Circle(dst, x, y, t.S(2.5), c)
		pts, texts = append(pts, [2]float64{x, y}), append(texts, m.Label)
	}
	// Each ring says what it marks, beside it, clear of the ln C label,
	// the line labels and the other rings.
	s.drawn.labels = placeLabels(t, pts, texts, t.S(7), avoid, la)
	for _, p := range s.drawn.labels {
		// A backing of the panel's colour keeps the label legible where
		// it crosses a curve.
		widgets.FillRect(dst, widgets.Rect{X: p.box.X - 1, Y: p.box.Y, W: p.box.W + 2, H: p.box.H}, labelBack)
		t.Text(dst, p.text, p.box.X, p.box.Y, widgets.Small, false, markCol, widgets.Left)
	}
	s.drawn.lnBox = lnBox
}

package widgets

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// Plot is an x–y panel with cached axes and a cached layer of series that
// callers extend a segment at a time, so a frame only draws what is new.
// With LogY, YMin and YMax are exponents of ten.
type Plot struct {
	Rect       Rect
	XMin, XMax float64
	YMin, YMax float64
	LogY       bool
	XLabel     string
	// YFormat labels linear y ticks; nil uses Num. XFormat labels x ticks
	// (nil: plain numbers); a change of format needs a change of XLabel or
	// range to redraw the axes.
	YFormat, XFormat func(float64) string

	area   Rect
	axes   *ebiten.Image
	comp   *ebiten.Image // axes with the series drawn on: one blit per frame
	drawn  plotKey
	stroke Stroker
	xy     []float32
}

type plotKey struct {
	r                     Rect
	x0, x1, y0, y1, scale float64
	log                   bool
	label                 string
}

// Area is the inner plotting rectangle.
func (p *Plot) Area() Rect { return p.area }

// Prepare rebuilds the cached axes when the rectangle or ranges changed and
// reports whether the series layer was cleared (then callers redraw all).
func (p *Plot) Prepare(t *Theme) bool {
	k := plotKey{p.Rect, p.XMin, p.XMax, p.YMin, p.YMax, t.Scale, p.LogY, p.XLabel}
	if k == p.drawn && p.axes != nil {
		return false
	}
	p.drawn = k
	w, h := max(int(math.Ceil(p.Rect.W)), 1), max(int(math.Ceil(p.Rect.H)), 1)
	if p.axes == nil || p.axes.Bounds().Dx() != w || p.axes.Bounds().Dy() != h {
		if p.axes != nil {
			p.axes.Deallocate()
			p.comp.Deallocate()
		}
		p.axes, p.comp = ebiten.NewImage(w, h), ebiten.NewImage(w, h)
	}
	p.axes.Fill(assets.Panel)
	p.drawAxes(t)
	p.ClearSeries()
	return true
}

func (p *Plot) drawAxes(t *Theme) {
	left := t.S(44)
	bottom := t.LineH(Small) + t.S(6)
	if p.XLabel != "" {
		bottom += t.LineH(Small)
	}
	// The right margin leaves room for the last x label, centred on the edge.
	p.area = Rect{p.Rect.X + left, p.Rect.Y + t.S(4), max(p.Rect.W-left-t.S(16), 1), max(p.Rect.H-bottom-t.S(4), 1)}
	a := p.local(p.area)
	FillRect(p.axes, a, assets.Backdrop)
	grid := color.RGBA{0x2A, 0x30, 0x3A, 0xff}
	lw := max(1, t.S(1))
	xt := AxisTicks(p.XMin, p.XMax, max(int(a.W/t.S(70)), 2))
	for _, x := range xt {
		sx, _ := p.toLocal(x, p.YMin)
		FillRect(p.axes, Rect{math.Round(sx), a.Y, lw, a.H}, grid)
		lab := TickLabel(x, xt)
		if p.XFormat != nil {
			lab = p.XFormat(x)
		}
		t.Text(p.axes, lab, sx, a.Bottom()+t.S(3), Small, false, assets.Dim, Center)
	}
	yn := max(int(a.H/t.S(22)), 2)
	var ys []float64
	if p.LogY {
		ys = DecadeTicks(p.YMin, p.YMax, yn)
	} else {
		ys = AxisTicks(p.YMin, p.YMax, yn)
	}
	for _, y := range ys {
		yv := y
		if p.LogY {
			yv = math.Pow(10, y) // Map takes data values, ticks are exponents
		}
		_, sy := p.toLocal(p.XMin, yv)
		FillRect(p.axes, Rect{a.X, math.Round(sy), a.W, lw}, grid)
		lab := ""
		switch {
		case p.LogY:
			lab = "10" + Sup(int(y))
		case p.YFormat != nil:
			lab = p.YFormat(y)
		default:
			lab = TickLabel(y, ys)
		}
		t.TextMid(p.axes, lab, a.X-t.S(5), sy, Small, false, assets.Dim, Right)
	}
	StrokeRect(p.axes, a, lw, assets.Border)
	if p.XLabel != "" {
		t.Text(p.axes, p.XLabel, a.X+a.W/2, a.Bottom()+t.S(3)+t.LineH(Small), Small, false, assets.Dim, Center)
	}
}

func (p *Plot) local(r Rect) Rect { return Rect{r.X - p.Rect.X, r.Y - p.Rect.Y, r.W, r.H} }

// toLocal maps data to the cache images' pixels, clamping y into the area so
// off-scale values sit on the frame instead of vanishing (or overflowing).
func (p *Plot) toLocal(x, y float64) (float64, float64) {
	sx, sy := p.Map(x, y)
	return sx - p.Rect.X, sy - p.Rect.Y
}

// Map converts data to screen coordinates; y is clamped to the area. With
// LogY, y is a data value (not an exponent); non-positive values sit at the
// bottom.
func (p *Plot) Map(x, y float64) (float64, float64) {
	a := p.area
	fx := (x - p.XMin) / (p.XMax - p.XMin)
	fy := 0.0
	switch {
	case p.LogY && y > 0:
		fy = (math.Log10(y) - p.YMin) / (p.YMax - p.YMin)
	case p.LogY:
		fy = 0
	default:
		fy = (y - p.YMin) / (p.YMax - p.YMin)
	}
	if math.IsNaN(fy) {
		fy = 0
	}
	fy = math.Min(math.Max(fy, 0), 1)
	return a.X + fx*a.W, a.Bottom() - fy*a.H
}

// Series queues the points (xs[i], ys[i]) for i in [from, to), joined to the
// point before from; Flush draws what is queued.
func (p *Plot) Series(xs func(int) float64, ys func(int) float64, from, to int, w float64, c color.Color) {
	if to-from < 1 || p.comp == nil {
		return
	}
	p.xy = p.xy[:0]
	for i := max(from-1, 0); i < to; i++ {
		x, y := p.toLocal(xs(i), ys(i))
		p.xy = append(p.xy, float32(x), float32(y))
	}
	if len(p.xy) == 2 {
		Circle(p.layer(), float64(p.xy[0]), float64(p.xy[1]), w/2, c)
		return
	}
	p.stroke.Aliased = true
	p.stroke.Add(p.layer(), p.xy, false, w, c)
}

// Flush draws the queued series in one call.
func (p *Plot) Flush() {
	if p.comp != nil {
		p.stroke.Flush(p.layer())
	}
}

// layer is the series layer clipped to the plotting area.
func (p *Plot) layer() *ebiten.Image {
	return p.comp.SubImage(p.local(p.area).Image()).(*ebiten.Image)
}

// ClearSeries empties the series layer.
func (p *Plot) ClearSeries() {
	if p.comp != nil {
		p.comp.Clear()
		p.comp.DrawImage(p.axes, nil)
	}
}

// Mark draws a small ring on the series layer at (x, y).
func (p *Plot) Mark(x, y, r float64, c color.Color) {
	sx, sy := p.toLocal(x, y)
	Ring(p.comp, sx, sy, r, r/2.5, c)
}

// Draw blits the plot.
func (p *Plot) Draw(dst *ebiten.Image) {
	if p.comp != nil {
		Blit(dst, p.comp, p.Rect.X, p.Rect.Y)
	}
}

// MarkWith draws on the series layer at data point (x, y) with draw, which
// gets the layer and the point in its pixels: for marker shapes that tell
// series apart where colours are close.
func (p *Plot) MarkWith(x, y float64, draw func(layer *ebiten.Image, sx, sy float64)) {
	if p.comp == nil {
		return
	}
	sx, sy := p.toLocal(x, y)
	draw(p.layer(), sx, sy)
}

// DataAt converts screen coordinates inside the plotting area back to data;
// with LogY, y is a data value. ok is false outside the area.
func (p *Plot) DataAt(sx, sy float64) (x, y float64, ok bool) {
	a := p.area
	if !a.Contains(sx, sy) || a.W <= 0 || a.H <= 0 {
		return 0, 0, false
	}
	fx, fy := (sx-a.X)/a.W, (a.Bottom()-sy)/a.H
	x = p.XMin + fx*(p.XMax-p.XMin)
	y = p.YMin + fy*(p.YMax-p.YMin)
	if p.LogY {
		y = math.Pow(10, y)
	}
	return x, y, true
}

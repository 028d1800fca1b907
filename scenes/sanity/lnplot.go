package sanity

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// lnPlot is the initial-loss panel: the line y = ln C over C on a log axis
// (a straight line there) and, at every class count measured, each fresh
// network's loss as a disc, and with λ as a ring. It is drawn into a
// cached image, again only when a measurement arrives or a setting moves.
type lnPlot struct {
	img *ebiten.Image
	key lnKey
}

type lnKey struct {
	r       widgets.Rect
	scale   float64
	version int
	c       int
	reg     float64
	init    *initial
}

// lnCTicks are the labelled class counts on the x axis.
var lnCTicks = []int{2, 3, 5, 10, 20, 50, 100}

// draw blits the panel, rendering it first if anything changed; it
// reports whether it drew.
func (p *lnPlot) draw(dst *ebiten.Image, t *widgets.Theme, s *Scene, r widgets.Rect, force bool) bool {
	k := lnKey{r, t.Scale, s.init.version, s.classes, s.reg, s.init}
	if k == p.key && p.img != nil && !force {
		return false
	}
	if k != p.key || p.img == nil {
		p.key = k
		p.render(t, s, r)
	}
	widgets.Blit(dst, p.img, r.X, r.Y)
	return true
}

func (p *lnPlot) render(t *widgets.Theme, s *Scene, r widgets.Rect) {
	w, h := max(int(math.Ceil(r.W)), 1), max(int(math.Ceil(r.H)), 1)
	if p.img == nil || p.img.Bounds().Dx() != w || p.img.Bounds().Dy() != h {
		if p.img != nil {
			p.img.Deallocate()
		}
		p.img = ebiten.NewImage(w, h)
	}
	p.img.Clear()
	local := widgets.Rect{W: r.W, H: r.H}
	in := kit.Panel(p.img, t, local, fmt.Sprintf("initial loss of %d fresh networks at each C, against C (log scale)", seeds))
	xl := t.LineH(widgets.Small)
	a := widgets.Rect{X: in.X + t.S(34), Y: in.Y + t.S(2), W: in.W - t.S(34) - t.S(8), H: in.H - 2*xl - t.S(8)}
	if a.W < t.S(40) || a.H < t.S(30) {
		return
	}
	m := s.init
	// The y range holds ln 100 and every measured loss, up to a cap (a
	// huge λ would flatten the rest); losses above it sit on the top edge.
	top := math.Log(classesMax) + 0.3
	for _, pts := range m.at {
		for _, q := range pts {
			for _, v := range []float64{q.NoReg, q.WithReg} {
				if finite(v) {
					top = math.Max(top, v*1.05)
				}
			}
		}
	}
	top = math.Min(top, 3*math.Log(classesMax))
	lo, hi := math.Log(classesMin), math.Log(classesMax)
	// A margin on each side, so the discs at C = 2 and 100 show whole.
	x0, x1 := lo-0.05*(hi-lo), hi+0.04*(hi-lo)
	sx := func(c float64) float64 { return a.X + (math.Log(c)-x0)/(x1-x0)*a.W }
	sy := func(v float64) float64 { return a.Bottom() - math.Min(math.Max(v/top, 0), 1)*a.H }
	widgets.FillRect(p.img, a, assets.Backdrop)
	grid := color.RGBA{0x2A, 0x30, 0x3A, 0xff}
	lw := math.Max(1, t.S(1))
	for _, c := range lnCTicks {
		x := sx(float64(c))
		widgets.FillRect(p.img, widgets.Rect{X: math.Round(x), Y: a.Y, W: lw, H: a.H}, grid)
		t.Text(p.img, fmt.Sprint(c), x, a.Bottom()+t.S(3), widgets.Small, false, assets.Dim, widgets.Center)
	}
	ys := widgets.Ticks(0, top, max(int(a.H/t.S(24)), 2))
	for _, v := range ys {
		y := sy(v)
		widgets.FillRect(p.img, widgets.Rect{X: a.X, Y: math.Round(y), W: a.W, H: lw}, grid)
		t.TextMid(p.img, widgets.TickLabel(v, ys), a.X-t.S(5), y, widgets.Small, false, assets.Dim, widgets.Right)
	}
	widgets.StrokeRect(p.img, a, lw, assets.Border)
	t.Text(p.img, t.Fit("classes C", widgets.Small, false, a.W), a.X+a.W/2, a.Bottom()+t.S(3)+xl, widgets.Small, false, assets.Dim, widgets.Center)
	clip := p.img.SubImage(a.Image()).(*ebiten.Image)
	// The current C.
	cx := sx(float64(s.classes))
	widgets.FillRect(clip, widgets.Rect{X: math.Round(cx), Y: a.Y, W: lw, H: a.H}, assets.Accent)
	// y = ln C, straight on a log axis.
	widgets.Line(clip, sx(classesMin), sy(lo), sx(classesMax), sy(hi), t.S(2), assets.Accent)
	// The measured networks, spread a little sideways so the five show.
	rad := t.S(3.2)
	dark := color.RGBA{0x0c, 0x0e, 0x12, 0xff}
	for _, c := range m.measuredCs() {
		cur := c == s.classes
		fill := assets.Neutral
		if cur {
			fill = color.RGBA{0xff, 0xff, 0xff, 0xff}
		}
		for k, q := range m.at[c] {
			x := sx(float64(c)) + (float64(k)-float64(seeds-1)/2)*t.S(2.5)
			if s.reg > 0 {
				y := sy(q.WithReg)
				if !finite(q.WithReg) {
					y = a.Y
				}
				widgets.Ring(clip, x, y, rad+t.S(0.5), t.S(1.6), assets.Orange)
			}
			y := sy(q.NoReg)
			if !finite(q.NoReg) {
				y = a.Y
			}
			widgets.Circle(clip, x, y, rad+lw, dark)
			widgets.Circle(clip, x, y, rad, fill)
		}
	}
	// The legend, top left where the line is lowest, and the current C's
	// numbers at the bottom right, where the points are not; left out
	// where the plot is too small to hold them clear of the points.
	lh := t.LineH(widgets.Small) + t.S(2)
	if a.H >= t.S(130) && a.W >= t.S(180) {
		lx, ly := a.X+t.S(8), a.Y+t.S(6)
		// On a box, so points a bug puts up here cannot hide it.
		n := 2.0
		if s.reg > 0 {
			n = 3
		}
		lw := t.Width("loss, λ = "+widgets.Num(s.reg), widgets.Small, false) + t.S(28)
		widgets.FillRect(clip, widgets.Rect{X: lx - t.S(4), Y: ly - t.S(3), W: lw, H: n*lh + t.S(6)}, color.RGBA{0x12, 0x15, 0x1A, 0xe0})
		widgets.Line(clip, lx, ly+lh/2, lx+t.S(14), ly+lh/2, t.S(2), assets.Accent)
		t.Text(clip, "ln C", lx+t.S(20), ly, widgets.Small, false, assets.Text, widgets.Left)
		widgets.Circle(clip, lx+t.S(7), ly+lh*1.5, rad, assets.Neutral)
		t.Text(clip, "loss, λ = 0", lx+t.S(20), ly+lh, widgets.Small, false, assets.Text, widgets.Left)
		if s.reg > 0 {
			widgets.Ring(clip, lx+t.S(7), ly+lh*2.5, rad+t.S(0.5), t.S(1.6), assets.Orange)
			t.Text(clip, "loss, λ = "+widgets.Num(s.reg), lx+t.S(20), ly+2*lh, widgets.Small, false, assets.Text, widgets.Left)
		}
	}
	if sm := m.summary(); sm.n > 0 && a.H >= t.S(110) && a.W >= t.S(230) {
		txt := fmt.Sprintf("C = %d: ln C %s, measured %s", s.classes, f4(math.Log(float64(s.classes))), f4(sm.mean))
		t.Text(clip, t.Fit(txt, widgets.Small, false, a.W-t.S(16)), a.Right()-t.S(8), a.Bottom()-lh-t.S(2), widgets.Small, false, assets.Text, widgets.Right)
	}
}

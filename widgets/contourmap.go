package widgets

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/surfaces"
)

// ContourMap draws a surface as a viridis map with labelled isolines and
// axes, cached until the surface, view or size changes, plus a trail layer
// that paths are drawn into incrementally.
type ContourMap struct {
	// Rect is the space the map may use; the map keeps its view's aspect.
	Rect    Rect
	Surface surfaces.Surface
	View    surfaces.Box

	plot   Rect
	bg     *ebiten.Image // the map, isolines, labels and axes
	comp   *ebiten.Image // bg with the trails drawn on: one blit per frame
	refine int           // frames until a coarse map is redrawn in full
	key    mapKey
	grid   *surfaces.Grid
	cgrid  *surfaces.Grid
	pix    []byte
	lc     []float64 // level coordinate per sample
	stroke Stroker
	xy     []float32
}

type mapKey struct {
	r     Rect
	v     surfaces.Box
	scale float64
	surf  surfaces.Surface
}

// Settled reports that the map is drawn in full for its current view: no
// coarse first version is waiting to be refined.
func (m *ContourMap) Settled() bool { return m.bg != nil && m.refine == 0 }

// Plot is the map's pixel rectangle inside Rect.
func (m *ContourMap) Plot() Rect { return m.plot }

// ToScreen maps a data point to screen pixels.
func (m *ContourMap) ToScreen(p surfaces.Point) (float64, float64) {
	return m.plot.X + (p.X-m.View.X0)/m.View.W()*m.plot.W,
		m.plot.Bottom() - (p.Y-m.View.Y0)/m.View.H()*m.plot.H
}

// ToData maps screen pixels to a data point.
func (m *ContourMap) ToData(x, y float64) surfaces.Point {
	return surfaces.Point{
		X: m.View.X0 + (x-m.plot.X)/m.plot.W*m.View.W(),
		Y: m.View.Y0 + (m.plot.Bottom()-y)/m.plot.H*m.View.H(),
	}
}

// ZoomAt scales the view by k (< 1 zooms in) keeping the data point under
// screen (x, y) fixed, within 1/1000 and 20 times the surface's usual view.
func (m *ContourMap) ZoomAt(x, y, k float64) {
	if !(k > 0) || math.IsInf(k, 0) || !(m.plot.W > 0 && m.plot.H > 0) {
		return
	}
	home := m.Surface.View().W()
	k = math.Min(math.Max(k, home/1000/m.View.W()), home*20/m.View.W())
	m.View = m.View.Scale(m.ToData(x, y), k)
	m.keepHome()
}

// Pan shifts the view by a screen-pixel drag (dx, dy).
func (m *ContourMap) Pan(dx, dy float64) {
	ux, uy := dx/m.plot.W*m.View.W(), dy/m.plot.H*m.View.H()
	if !(m.plot.W > 0 && m.plot.H > 0) || math.IsNaN(ux+uy) || math.IsInf(ux+uy, 0) {
		return
	}
	m.View = surfaces.Box{X0: m.View.X0 - ux, Y0: m.View.Y0 + uy, X1: m.View.X1 - ux, Y1: m.View.Y1 + uy}
	m.keepHome()
}

// keepHome stops panning and zooming from losing the surface: the view's
// centre stays within the surface's usual view, widened by a quarter of the
// view, so at least a quarter of the view shows the region that matters.
func (m *ContourMap) keepHome() {
	h, v := m.Surface.View(), m.View
	c := v.Center()
	mx, my := v.W()/4, v.H()/4
	cx := math.Min(math.Max(c.X, h.X0-mx), h.X1+mx)
	cy := math.Min(math.Max(c.Y, h.Y0-my), h.Y1+my)
	dx, dy := cx-c.X, cy-c.Y
	m.View = surfaces.Box{X0: v.X0 + dx, Y0: v.Y0 + dy, X1: v.X1 + dx, Y1: v.Y1 + dy}
}

// Layout places the map's pixel rectangle inside Rect, keeping the view's
// aspect. Scenes call it in Update, so hit tests use this frame's layout.
func (m *ContourMap) Layout(t *Theme) {
	left, bottom, top, right := t.S(40), t.LineH(Small)+t.S(8), t.LineH(Small)+t.S(4), t.S(16)
	avail := Rect{m.Rect.X + left, m.Rect.Y + top, max(m.Rect.W-left-right, 1), max(m.Rect.H-bottom-top, 1)}
	aspect := m.View.W() / m.View.H()
	pw, ph := avail.W, avail.W/aspect
	if ph > avail.H {
		pw, ph = avail.H*aspect, avail.H
	}
	pw, ph = math.Max(math.Floor(pw), 1), math.Max(math.Floor(ph), 1)
	m.plot = Rect{math.Floor(avail.X + (avail.W-pw)/2), math.Floor(avail.Y + (avail.H-ph)/2), pw, ph}
}

// Prepare lays out and rebuilds the cache if needed. It reports whether the
// trail layer was cleared, in which case callers redraw their paths.
func (m *ContourMap) Prepare(t *Theme) bool {
	k := mapKey{m.Rect, m.View, t.Scale, m.Surface}
	if k == m.key && m.bg != nil {
		// A coarse map is refined once the view has held still a moment,
		// so first paint and live zooming stay quick.
		switch {
		case m.refine < 0: // the first frame showed no map yet
			m.refine = 1
			m.render(t, true)
			m.ClearTrail()
			return true
		case m.refine > 0:
			m.refine--
			if m.refine == 0 {
				m.render(t, false)
				m.ClearTrail()
				return true
			}
		}
		return false
	}
	// After a zoom or pan the refinement waits a little, so a gesture stays
	// smooth. The very first map waits a frame before even its coarse
	// version: the page shows its chrome at once, while the sampling (slow
	// in freshly compiled WebAssembly) follows.
	first := m.key == (mapKey{})
	m.refine = 3
	m.key = k
	m.Layout(t)
	bw, bh := max(int(m.Rect.W), 1), max(int(m.Rect.H), 1)
	if m.bg == nil || m.bg.Bounds().Dx() != bw || m.bg.Bounds().Dy() != bh {
		if m.bg != nil {
			m.bg.Deallocate()
			m.comp.Deallocate()
		}
		m.bg, m.comp = ebiten.NewImage(bw, bh), ebiten.NewImage(bw, bh)
	}
	if first {
		m.bg.Fill(assets.Backdrop)
		m.refine = -1
	} else {
		m.render(t, true)
	}
	m.ClearTrail()
	return true
}

// colourScale returns the function from f to [0, 1] used for the fill: log of
// f − f* so deep valleys keep their detail next to huge walls.
func colourScale(lo, hi, fstar float64) func(float64) float64 {
	d := math.Max((hi-fstar)*1e-6, 1e-12)
	a, b := math.Log10(math.Max(lo-fstar, 0)+d), math.Log10(hi-fstar+d)
	if !(b > a) {
		return func(float64) float64 { return 0.5 }
	}
	return func(f float64) float64 { return (math.Log10(math.Max(f-fstar, 0)+d) - a) / (b - a) }
}

func (m *ContourMap) render(t *Theme, coarse bool) {
	m.bg.Fill(assets.Backdrop)
	s := m.Surface
	_, fstar := s.Minimum()
	// Fill: one sample per pixel up to ~400k samples, then scaled smoothly.
	step := max(1, int(math.Ceil(math.Sqrt(m.plot.W*m.plot.H/4e5))))
	if coarse {
		step *= 2
	}
	nx, ny := max(int(m.plot.W)/step, 2), max(int(m.plot.H)/step, 2)
	// Sample at pixel centres so the image lines up with the view.
	dx, dy := m.View.W()/float64(nx), m.View.H()/float64(ny)
	box := surfaces.Box{X0: m.View.X0 + dx/2, Y0: m.View.Y0 + dy/2, X1: m.View.X1 - dx/2, Y1: m.View.Y1 - dy/2}
	m.grid = surfaces.Sample(m.grid, s.F, box, nx, ny)
	lo, hi, ok := m.grid.Range()
	var levels []float64
	if ok {
		levels = surfaces.NiceLevels(lo, hi, fstar, 12, (hi-fstar)*1e-5)
	}
	m.paint(nx, ny, lo, hi, fstar, levels, t.S(1)/float64(step))
	fill := ebiten.NewImage(nx, ny)
	fill.WritePixels(m.pix[:nx*ny*4])
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(m.plot.W/float64(nx), m.plot.H/float64(ny))
	op.GeoM.Translate(m.plot.X-m.Rect.X, m.plot.Y-m.Rect.Y)
	m.bg.DrawImage(fill, op)
	fill.Deallocate()
	if len(levels) > 0 {
		m.labels(t, levels, fstar)
	}
	m.axes(t)
	m.minimum(t)
}

// paint colours the sampled grid into m.pix and draws every isoline in the
// same pass: a pixel is lit by its distance to the nearest level, measured
// with the level coordinate's gradient. One pass over the pixels replaces
// thousands of stroked vertices, which software WebGL draws slowly.
func (m *ContourMap) paint(nx, ny int, lo, hi, fstar float64, levels []float64, width float64) {
	if cap(m.pix) < nx*ny*4 {
		m.pix = make([]byte, nx*ny*4)
	}
	if cap(m.lc) < nx*ny {
		m.lc = make([]float64, nx*ny)
	}
	pix, lc := m.pix[:nx*ny*4], m.lc[:nx*ny]
	scale := colourScale(lo, hi, fstar)
	coord := surfaces.LevelCoord(levels, fstar)
	for k, v := range m.grid.V {
		lc[k] = math.NaN()
		if v == v && len(levels) > 0 {
			lc[k] = coord(v)
		}
	}
	top := float64(len(levels) - 1)
	at := func(i, j int) float64 { return lc[min(max(j, 0), ny-1)*nx+min(max(i, 0), nx-1)] }
	for j := 0; j < ny; j++ {
		o := (ny - 1 - j) * nx * 4 // image rows run top to bottom
		for i := 0; i < nx; i++ {
			v := m.grid.V[j*nx+i]
			c := color.RGBA{0x30, 0x30, 0x30, 0xff} // undefined: grey
			if v == v {
				c = assets.Viridis(scale(v))
			}
			// Dim the map a little so the paths stand out.
			r, g, b := float64(c.R)*0.8, float64(c.G)*0.8, float64(c.B)*0.8
			if l := lc[j*nx+i]; l == l {
				near := math.Round(l)
				gx := (at(i+1, j) - at(i-1, j)) / 2
				gy := (at(i, j+1) - at(i, j-1)) / 2
				gr := math.Hypot(gx, gy)
				if near >= 0 && near <= top && gr > 0 && gr < 1e3 {
					d := math.Abs(l-near) / gr // pixels to the isoline
					if a := lineCoverage(d, width) * 0.4; a > 0 {
						r, g, b = r+(255-r)*a, g+(255-g)*a, b+(255-b)*a
					}
				}
			}
			pix[o+i*4], pix[o+i*4+1], pix[o+i*4+2], pix[o+i*4+3] = uint8(r), uint8(g), uint8(b), 0xff
		}
	}
}

// labels writes each level's value on its longest isoline, found by
// marching squares on a small grid.
func (m *ContourMap) labels(t *Theme, levels []float64, fstar float64) {
	n := min(128, max(int(m.plot.W/4), 16))
	m.cgrid = surfaces.Sample(m.cgrid, m.Surface.F, m.View, n, max(int(float64(n)*m.plot.H/m.plot.W), 16))
	var placed []Rect
	for _, c := range surfaces.Contours(m.cgrid, levels) {
		best, bestLen := -1, 0
		for li, l := range c.Lines {
			if len(l.Pts) > bestLen {
				best, bestLen = li, len(l.Pts)
			}
		}
		if best >= 0 && bestLen >= 8 {
			placed = m.label(t, c.Lines[best], Num(c.Level-fstar), placed)
		}
	}
}

func (m *ContourMap) local(x, y float64) (float32, float32) {
	return float32(x - m.Rect.X), float32(y - m.Rect.Y)
}

// label puts a level's value on its longest line, at the first spot (trying
// the middle, then the quarters) that stays inside the map and clear of the
// labels already placed.
func (m *ContourMap) label(t *Theme, l surfaces.Line, s string, placed []Rect) []Rect {
	w, h := t.Width(s, Small, false)+t.S(6), t.LineH(Small)+t.S(2)
	for _, f := range []float64{0.5, 0.25, 0.75, 0.1, 0.9} {
		x, y := m.ToScreen(l.Pts[int(f*float64(len(l.Pts)-1))])
		r := Rect{x - w/2, y - h/2, w, h}
		inside := r.X > m.plot.X+t.S(2) && r.Right() < m.plot.Right()-t.S(2) && r.Y > m.plot.Y+t.S(2) && r.Bottom() < m.plot.Bottom()-t.S(2)
		if !inside || overlaps(r, placed, t.S(6)) {
			continue
		}
		lr := Rect{r.X - m.Rect.X, r.Y - m.Rect.Y, r.W, r.H}
		FillRect(m.bg, lr, color.RGBA{0x10, 0x12, 0x18, 0xb0})
		t.TextMid(m.bg, s, lr.X+lr.W/2, lr.Y+lr.H/2, Small, false, assets.Text, Center)
		return append(placed, r)
	}
	return placed
}

func overlaps(r Rect, placed []Rect, pad float64) bool {
	for _, p := range placed {
		if r.X < p.Right()+pad && p.X < r.Right()+pad && r.Y < p.Bottom()+pad && p.Y < r.Bottom()+pad {
			return true
		}
	}
	return false
}

func (m *ContourMap) axes(t *Theme) {
	lw := max(1, t.S(1))
	p := Rect{m.plot.X - m.Rect.X, m.plot.Y - m.Rect.Y, m.plot.W, m.plot.H}
	StrokeRect(m.bg, Rect{p.X - lw, p.Y - lw, p.W + 2*lw, p.H + 2*lw}, lw, assets.Border)
	xt := Ticks(m.View.X0, m.View.X1, max(int(m.plot.W/t.S(80)), 2))
	for _, x := range xt {
		sx, _ := m.ToScreen(surfaces.Point{X: x, Y: m.View.Y0})
		lx, _ := m.local(sx, 0)
		FillRect(m.bg, Rect{float64(lx), p.Bottom(), lw, t.S(4)}, assets.Dim)
		t.Text(m.bg, TickLabel(x, xt), float64(lx), p.Bottom()+t.S(5), Small, false, assets.Dim, Center)
	}
	yt := Ticks(m.View.Y0, m.View.Y1, max(int(m.plot.H/t.S(60)), 2))
	for _, y := range yt {
		_, sy := m.ToScreen(surfaces.Point{X: m.View.X0, Y: y})
		_, ly := m.local(0, sy)
		FillRect(m.bg, Rect{p.X - t.S(4), float64(ly), t.S(4), lw}, assets.Dim)
		t.TextMid(m.bg, TickLabel(y, yt), p.X-t.S(6), float64(ly), Small, false, assets.Dim, Right)
	}
	t.TextMid(m.bg, "x", p.Right()+t.S(6), p.Bottom(), Small, false, assets.Dim, Left)
	t.Text(m.bg, "y", p.X, p.Y-t.LineH(Small)-t.S(3), Small, false, assets.Dim, Center)
}

func (m *ContourMap) minimum(t *Theme) {
	p, _ := m.Surface.Minimum()
	if !m.View.Contains(p) {
		return
	}
	x, y := m.ToScreen(p)
	lx, ly := m.local(x, y)
	cx, cy, r := float64(lx), float64(ly), t.S(7)
	Ring(m.bg, cx, cy, r, t.S(2), color.White)
	Line(m.bg, cx-r*1.6, cy, cx+r*1.6, cy, t.S(1.5), color.White)
	Line(m.bg, cx, cy-r*1.6, cx, cy+r*1.6, t.S(1.5), color.White)
	t.Text(m.bg, "minimum", cx+r+t.S(4), cy+t.S(2), Small, false, color.White, Left)
}

// TrailAdd queues a polyline of data points for the trail layer; TrailFlush
// draws everything queued in one call.
func (m *ContourMap) TrailAdd(pts []surfaces.Point, w float64, c color.Color) {
	if m.comp == nil || len(pts) < 2 {
		return
	}
	m.xy = m.xy[:0]
	for _, p := range pts {
		x, y := m.ToScreen(p)
		// Clamp far-away points so float32 vertices stay sane when zoomed in.
		x = math.Min(math.Max(x-m.Rect.X, -1e4), 1e4)
		y = math.Min(math.Max(y-m.Rect.Y, -1e4), 1e4)
		m.xy = append(m.xy, float32(x), float32(y))
	}
	m.stroke.Add(m.plotLayer(), m.xy, false, w, c)
}

// TrailFlush draws the queued trails, clipped to the map.
func (m *ContourMap) TrailFlush() {
	if m.comp != nil {
		m.stroke.Flush(m.plotLayer())
	}
}

func (m *ContourMap) plotLayer() *ebiten.Image {
	r := Rect{m.plot.X - m.Rect.X, m.plot.Y - m.Rect.Y, m.plot.W, m.plot.H}
	return m.comp.SubImage(r.Image()).(*ebiten.Image)
}

// ClearTrail removes all trails.
func (m *ContourMap) ClearTrail() {
	if m.comp != nil {
		m.comp.Clear()
		m.comp.DrawImage(m.bg, nil)
	}
}

// Draw blits the map with its trails.
func (m *ContourMap) Draw(dst *ebiten.Image) {
	if m.comp != nil {
		Blit(dst, m.comp, m.Rect.X, m.Rect.Y)
	}
}

// lineCoverage is how much of a pixel at distance d from a line's centre the
// line of the given width covers. Lines thinner than a pixel (a coarse map
// that is scaled up) fade instead of widening, so they stay fine.
func lineCoverage(d, width float64) float64 {
	if width < 1 {
		return width * math.Max(0, 1-d)
	}
	return math.Min(math.Max(width/2+0.5-d, 0), 1)
}

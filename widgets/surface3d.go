package widgets

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/surfaces"
)

// Surface3D draws a loss surface as a shaded, rotatable 3-D mesh, with
// optimizer paths lying on it: the 3-D alternative to ContourMap, with the
// same Layout / Prepare / TrailAdd / TrailFlush / ClearTrail / Draw contract,
// so a scene can swap one for the other.
//
// The mesh is rendered with one DrawTriangles call into a cached image, again
// only when the rotation, view, surface or size changes. As with ContourMap,
// when Prepare reports true the trail layer was cleared and the caller adds
// its paths again (in full): that is how the trails follow a rotation. Paths
// are drawn over the mesh; the stretches a ridge hides are drawn faint.
//
// Heights are log10(f − f* + d) normalized over the view, like the contour
// map's colours, so the valley floors of surfaces spanning many decades keep
// their shape; the mesh is coloured by height and lit from the viewer's
// upper left.
type Surface3D struct {
	// Rect is the space the widget may use.
	Rect    Rect
	Surface surfaces.Surface
	// View is the x–y region shown; a scene passes its contour map's view.
	View surfaces.Box
	// Yaw turns the surface about the vertical axis and Pitch is the view's
	// elevation above the x–y plane, both in radians. Pitch is clamped to
	// [5°, 89°]; Reset sets a good first look.
	Yaw, Pitch float64

	plot      Rect
	margin    float64       // room kept around the box for the axis labels
	comp      *ebiten.Image // the mesh with the trails drawn on: one blit per frame
	theme     *Theme        // for repainting the labels when the trails clear
	key       s3Key
	h         s3Field
	pr        s3Projection
	vs        []ebiten.Vertex
	is        []uint16
	labels    []s3Label
	placed    []Rect // the labels' rectangles
	minX      float64
	minY      float64
	showMin   bool // the minimum's marker is at (minX, minY), local pixels
	minHidden bool // and a ridge hides it
	stroke    Stroker
	hz        s3Horizon
	xy        []float32
	lastX     float64
	lastY     float64
	settle    int // frames until trails drawn aliased during a turn are redrawn
}

type s3Key struct {
	r          Rect
	v          surfaces.Box
	scale      float64
	surf       surfaces.Surface
	yaw, pitch float64
}

type s3Label struct {
	s     string
	x, y  float64
	align Align
	mid   bool // y is the text's vertical centre rather than its top
}

const (
	minPitch = 5 * math.Pi / 180
	maxPitch = 89 * math.Pi / 180
	// The surface's heights span [−boxH/2, boxH/2] in world units, where the
	// view's longer side spans [−1, 1]; the block's base sits plinth lower.
	boxH   = 0.8
	plinth = 0.06
	// trailLift raises paths a little above the faces they lie on.
	trailLift = 0.01
)

// Reset sets the first look: from above the front right (the view's
// corner of largest x and smallest y nearest), 35° up.
func (s *Surface3D) Reset() {
	s.Yaw, s.Pitch = -35*math.Pi/180, 35*math.Pi/180
}

// minimumHidden reports whether a ridge hides the surface's minimum.
func (s *Surface3D) minimumHidden() bool {
	if !s.sync() {
		return false
	}
	mp, _ := s.Surface.Minimum()
	if !s.View.Contains(mp) {
		return false
	}
	u, v, w := s.h.world(mp, trailLift)
	return s.horizon().hides(&s.pr, u, v, w)
}

// Rotate turns the view by dyaw and tilts it by dpitch (radians).
func (s *Surface3D) Rotate(dyaw, dpitch float64) {
	if y := s.Yaw + dyaw; !math.IsNaN(y) && !math.IsInf(y, 0) {
		s.Yaw = math.Remainder(y, 2*math.Pi)
	}
	if p := s.Pitch + dpitch; !math.IsNaN(p) && !math.IsInf(p, 0) {
		s.Pitch = math.Min(math.Max(p, minPitch), maxPitch)
	}
}

// yaw is Yaw, or 0 if it is not finite.
func (s *Surface3D) yaw() float64 {
	if math.IsNaN(s.Yaw) || math.IsInf(s.Yaw, 0) {
		return 0
	}
	return s.Yaw
}

// pitch is Pitch within its clamp (the lowest if it is NaN).
func (s *Surface3D) pitch() float64 {
	if !(s.Pitch >= minPitch) { // also NaN
		return minPitch
	}
	return math.Min(s.Pitch, maxPitch)
}

// Plot is the widget's pixel rectangle: where a drag rotates it.
func (s *Surface3D) Plot() Rect { return s.plot }

// Layout places the plot inside Rect. Scenes call it in Update, so hit tests
// use this frame's layout.
func (s *Surface3D) Layout(t *Theme) {
	s.plot = Rect{math.Floor(s.Rect.X), math.Floor(s.Rect.Y), math.Max(math.Floor(s.Rect.W), 1), math.Max(math.Floor(s.Rect.H), 1)}
	s.margin = t.LineH(Small) + t.S(18)
}

// Update rotates the surface while the pointer drags on it: yaw with x,
// pitch with y. It reports whether it took the pointer.
func (s *Surface3D) Update(in *Input) bool {
	if !in.Owns(s, s.plot) {
		return false
	}
	if !in.Pressed && (in.Down || in.Released) {
		k := 4 / (s.plot.W + s.plot.H) // a drag across the plot turns ~130°
		s.Rotate((in.X-s.lastX)*k, (in.Y-s.lastY)*k)
	}
	s.lastX, s.lastY = in.X, in.Y
	return true
}

// Project returns the screen position of the point of the surface above p;
// ok is false when p lies outside the view (or nothing can be shown).
func (s *Surface3D) Project(p surfaces.Point) (x, y float64, ok bool) {
	if !s.sync() || !s.View.Contains(p) {
		return 0, 0, false
	}
	x, y = s.pr.screen(s.h.world(p, 0))
	return x, y, true
}

// Prepare lays out and rebuilds the cached mesh image if the rotation, view,
// surface or size changed; with nothing changed it costs nothing. It reports
// whether the trail layer was cleared, in which case callers add their paths
// again: after any change, and once more a few frames after a turn stops
// (trails added while the surface turns are drawn aliased, which is much
// cheaper, and are then redrawn antialiased).
func (s *Surface3D) Prepare(t *Theme) bool {
	k := s3Key{s.Rect, s.View, t.Scale, s.Surface, s.yaw(), s.pitch()}
	if k == s.key && s.comp != nil {
		// While the surface turns, trails are drawn aliased (antialiasing
		// redraws their whole area at double resolution, the costliest part
		// of a turning frame under software WebGL); once it has held still
		// a few frames they are drawn again, antialiased.
		if s.settle > 0 {
			if s.settle--; s.settle == 0 {
				s.stroke.Aliased = false
				s.paint()
				return true
			}
		}
		return false
	}
	turned := s.comp != nil && k.r == s.key.r && k.v == s.key.v && k.scale == s.key.scale && k.surf == s.key.surf
	s.stroke.Aliased, s.settle = turned, 0
	if turned {
		s.settle = 4
	}
	s.key, s.theme = k, t
	s.Layout(t)
	bw, bh := max(int(s.Rect.W), 1), max(int(s.Rect.H), 1)
	if s.comp == nil || s.comp.Bounds().Dx() != bw || s.comp.Bounds().Dy() != bh {
		if s.comp != nil {
			s.comp.Deallocate()
		}
		s.comp = ebiten.NewImage(bw, bh)
	}
	s.build(t)
	s.paint()
	return true
}

// sync brings the height field and the s3Projection up to date with the
// surface, view, plot and rotation; it reports whether there is anything to
// show. Both are cached, so calling it per point is cheap.
func (s *Surface3D) sync() bool {
	v := s.View
	if s.Surface == nil || !(v.W() > 0 && v.H() > 0) || math.IsInf(v.W()+v.H(), 0) {
		return false
	}
	plot := s.plot
	if plot.W <= 0 || plot.H <= 0 {
		plot = Rect{s.Rect.X, s.Rect.Y, math.Max(s.Rect.W, 1), math.Max(s.Rect.H, 1)}
	}
	// About 64×64 quads, fewer when the plot is small (a quad ≥ ~6 pixels).
	n := min(max(int(math.Min(plot.W, plot.H)/6), 12), 64)
	if s.h.update(s.Surface, v, n) {
		s.hz.valid = false
	}
	if s.pr.update(plot, s.margin, s.yaw(), s.pitch(), &s.h) {
		s.hz.valid = false
	}
	return true
}

// s3Field is the surface sampled on an (n+1)×(n+1) grid over the view,
// as normalized heights z in [0, 1], with world-space vertex normals.
type s3Field struct {
	surf   surfaces.Surface
	view   surfaces.Box
	n      int
	z      []float64 // row-major from the view's bottom-left corner
	nrm    []float32 // unit normals, 3 per vertex
	hx, hy float64   // world half-extents of the view
	grid   *surfaces.Grid
}

// update resamples the field if the surface, view or resolution changed,
// and reports whether it did.
func (h *s3Field) update(surf surfaces.Surface, v surfaces.Box, n int) bool {
	if h.surf == surf && h.view == v && h.n == n && h.z != nil {
		return false
	}
	h.surf, h.view, h.n = surf, v, n
	m := n + 1
	// Each vertex takes the lowest of 3×3 samples around it, a third of a
	// cell apart: a valley narrower than a cell (Rosenbrock's steep arms)
	// then stays one continuous floor instead of a row of pits and beads.
	cw, ch := v.W()/float64(n)/3, v.H()/float64(n)/3
	f := func(x, y float64) float64 {
		lo := math.Inf(1)
		for _, dy := range [3]float64{-ch, 0, ch} {
			for _, dx := range [3]float64{-cw, 0, cw} {
				if z := surf.F(x+dx, y+dy); z < lo || z != z {
					lo = z
					if z != z {
						return z
					}
				}
			}
		}
		return lo
	}
	h.grid = surfaces.Sample(h.grid, f, v, m, m)
	_, fstar := surf.Minimum()
	lo, hi, ok := h.grid.Range()
	scale := func(float64) float64 { return 0 }
	if ok {
		scale = heightScale(lo, hi, fstar)
	}
	if cap(h.z) < m*m {
		h.z, h.nrm = make([]float64, m*m), make([]float32, 3*m*m)
	}
	h.z, h.nrm = h.z[:m*m], h.nrm[:3*m*m]
	for k, f := range h.grid.V {
		z := 1.0 // undefined (overflowed) samples are walls
		if f == f {
			z = scale(f)
		}
		if !(z >= 0) { // NaN from a degenerate scale
			z = 0
		}
		h.z[k] = math.Min(z, 1)
	}
	big := math.Max(v.W(), v.H())
	h.hx, h.hy = v.W()/big, v.H()/big
	du, dv := 2*h.hx/float64(n), 2*h.hy/float64(n)
	for j := 0; j < m; j++ {
		for i := 0; i < m; i++ {
			// A wide stencil: creases narrower than a cell would otherwise
			// flicker between lit and unlit vertices along their length.
			i0, i1, j0, j1 := max(i-2, 0), min(i+2, n), max(j-2, 0), min(j+2, n)
			gx := (h.z[j*m+i1] - h.z[j*m+i0]) * boxH / (float64(i1-i0) * du)
			gy := (h.z[j1*m+i] - h.z[j0*m+i]) * boxH / (float64(j1-j0) * dv)
			l := math.Sqrt(gx*gx + gy*gy + 1)
			o := 3 * (j*m + i)
			h.nrm[o], h.nrm[o+1], h.nrm[o+2] = float32(-gx/l), float32(-gy/l), float32(1/l)
		}
	}
	return true
}

// heightScale maps f to [0, 1] by the log of f − f*, like the contour map's
// colours, so Beale's 10⁵ corners do not flatten its valleys. The floor d is
// a little higher than the map's, so a quadratic bottom shows as a rounded
// bowl rather than a needle.
func heightScale(lo, hi, fstar float64) func(float64) float64 {
	d := math.Max((hi-fstar)*1e-4, 1e-12)
	a, b := math.Log10(math.Max(lo-fstar, 0)+d), math.Log10(hi-fstar+d)
	if !(b > a) {
		return func(float64) float64 { return 0.5 }
	}
	return func(f float64) float64 {
		return math.Min(math.Max((math.Log10(math.Max(f-fstar, 0)+d)-a)/(b-a), 0), 1)
	}
}

// at is the normalized height at p, interpolated on the same triangles the
// mesh draws, so a path lies on the faces it is drawn over.
func (h *s3Field) at(p surfaces.Point) float64 {
	n, m := h.n, h.n+1
	fx := (p.X - h.view.X0) / h.view.W() * float64(n)
	fy := (p.Y - h.view.Y0) / h.view.H() * float64(n)
	i := min(max(int(math.Floor(fx)), 0), n-1)
	j := min(max(int(math.Floor(fy)), 0), n-1)
	tx := math.Min(math.Max(fx-float64(i), 0), 1)
	ty := math.Min(math.Max(fy-float64(j), 0), 1)
	z00, z10, z11, z01 := h.z[j*m+i], h.z[j*m+i+1], h.z[(j+1)*m+i+1], h.z[(j+1)*m+i]
	if tx >= ty { // the triangle (i, j), (i+1, j), (i+1, j+1)
		return z00 + tx*(z10-z00) + ty*(z11-z10)
	}
	return z00 + ty*(z01-z00) + tx*(z11-z01) // (i, j), (i+1, j+1), (i, j+1)
}

// world maps a data point to world coordinates on the surface, raised by
// lift (world units).
func (h *s3Field) world(p surfaces.Point, lift float64) (u, v, w float64) {
	u = h.hx * (2*(p.X-h.view.X0)/h.view.W() - 1)
	v = h.hy * (2*(p.Y-h.view.Y0)/h.view.H() - 1)
	return u, v, (h.at(p)-0.5)*boxH + lift
}

// vertex is the world position of grid vertex (i, j).
func (h *s3Field) vertex(i, j int) (u, v, w float64) {
	n := float64(h.n)
	return h.hx * (2*float64(i)/n - 1), h.hy * (2*float64(j)/n - 1), (h.z[j*(h.n+1)+i] - 0.5) * boxH
}

// s3Projection is an orthographic view: world (u, v, w) is turned by the yaw
// about w, then tilted so the viewer looks down at the pitch. The scale fits
// the block inside the plot at every yaw, so turning it never zooms; it
// follows the pitch, which changes the block's height on screen.
type s3Projection struct {
	plot           Rect
	margin         float64
	yaw, pitch     float64
	hx, hy         float64
	cy, sy, cp, sp float64 // cos and sin of yaw and pitch
	ox, oy, k      float64 // screen centre and pixels per world unit
}

const baseW = -boxH/2 - plinth // world height of the block's base

// update refits the s3Projection if anything it depends on changed, and
// reports whether it did.
func (p *s3Projection) update(plot Rect, margin, yaw, pitch float64, h *s3Field) bool {
	if p.plot == plot && p.margin == margin && p.yaw == yaw && p.pitch == pitch && p.hx == h.hx && p.hy == h.hy && p.k != 0 {
		return false
	}
	p.plot, p.margin, p.yaw, p.pitch, p.hx, p.hy = plot, margin, yaw, pitch, h.hx, h.hy
	p.sy, p.cy = math.Sincos(yaw)
	p.sp, p.cp = math.Sincos(pitch)
	// The footprint's corners stay within radius r of the axis, and the
	// block's height is ±hh about its centre: whatever the yaw, the block
	// spans at most 2r across and 2(r·sin + hh·cos) up the screen.
	r := math.Hypot(h.hx, h.hy)
	hh := (boxH/2 - baseW) / 2
	w := math.Max(plot.W-2*margin, plot.W/2)
	ht := math.Max(plot.H-2*margin, plot.H/2)
	p.k = math.Max(math.Min(w/(2*r), ht/(2*(r*p.sp+hh*p.cp))), 1e-3)
	p.ox, p.oy = plot.X+plot.W/2, plot.Y+plot.H/2
	return true
}

// centreW is the world height the s3Projection centres on.
const centreW = (boxH/2 + baseW) / 2

// screen projects a world point to screen pixels.
func (p *s3Projection) screen(u, v, w float64) (float64, float64) {
	xr := u*p.cy - v*p.sy
	yr := u*p.sy + v*p.cy // away from the viewer
	return p.ox + p.k*xr, p.oy - p.k*(yr*p.sp+(w-centreW)*p.cp)
}

// depth is how far a world point lies from the viewer along the view axis.
func (p *s3Projection) depth(u, v, w float64) float64 {
	return (u*p.sy+v*p.cy)*p.cp - w*p.sp
}

// light returns the light direction in world space: from the viewer's upper
// left, fixed to the view so every side is lit the same as it turns to face
// the viewer.
func (p *s3Projection) light() (lx, ly, lz float64) {
	a, b, c := -0.45, 0.65, 0.6 // right, up, towards the viewer
	l := math.Sqrt(a*a + b*b + c*c)
	a, b, c = a/l, b/l, c/l
	// The view's axes in world space: right, up and towards the viewer.
	rx, ry, rz := p.cy, -p.sy, 0.0
	ux, uy, uz := p.sy*p.sp, p.cy*p.sp, p.cp
	tx, ty, tz := -p.sy*p.cp, -p.cy*p.cp, p.sp
	return a*rx + b*ux + c*tx, a*ry + b*uy + c*ty, a*rz + b*uz + c*tz
}

// order is the painter's order of the quads for the current yaw: rows and
// columns from the far side to the near one. For a height field seen from
// above this is exact: a quad can only hide quads behind it on the ground.
// upperFirst says which of a quad's two triangles is farther.
func (p *s3Projection) order(n int) (i0, di, j0, dj int, upperFirst bool) {
	i0, di, j0, dj = 0, 1, 0, 1
	if p.sy > 0 { // x grows away from the viewer: start at the largest x
		i0, di = n-1, -1
	}
	if p.cy > 0 {
		j0, dj = n-1, -1
	}
	return i0, di, j0, dj, p.cy > p.sy
}

// build computes the picture for the current rotation: the backdrop, mesh,
// sides, ticks and label backings as one vertex batch, and where the labels
// and the minimum's marker go.
func (s *Surface3D) build(t *Theme) {
	s.vs, s.is = s.vs[:0], s.is[:0]
	s.labels, s.placed = s.labels[:0], s.placed[:0]
	s.showMin = false
	// The backdrop is the batch's first quad, filled in below: its indices
	// come first so it is drawn first, its vertices last so the mesh's
	// vertex numbers are its grid numbers.
	s.is = append(s.is, 0, 0, 0, 0, 0, 0)
	if s.sync() {
		s.buildMesh(t)
		s.axes(t)
		s.minX, s.minY, s.showMin = s.minimumAt(t)
		s.minHidden = s.showMin && s.minimumHidden()
	}
	s.fillQuad(Rect{0, 0, s.Rect.W, s.Rect.H}, assets.Backdrop.R, assets.Backdrop.G, assets.Backdrop.B, 1)
	copy(s.is, s.is[len(s.is)-6:])
	s.is = s.is[:len(s.is)-6]
}

// paint draws the built picture into the composite, clearing the trails:
// one DrawTriangles call, then the labels.
func (s *Surface3D) paint() {
	t := s.theme
	s.comp.DrawTriangles(s.vs, s.is, whitePixel, &ebiten.DrawTrianglesOptions{})
	for _, l := range s.labels {
		if l.mid {
			t.TextMid(s.comp, l.s, l.x, l.y, Small, false, assets.Dim, l.align)
		} else {
			t.Text(s.comp, l.s, l.x, l.y, Small, false, assets.Dim, l.align)
		}
	}
	if s.showMin {
		x, y := s.minX, s.minY
		c := color.RGBA{0xff, 0xff, 0xff, 0xff}
		if s.minHidden { // behind a ridge: faint, like the trails there
			c = color.RGBA{0x70, 0x70, 0x70, 0x70}
		}
		Circle(s.comp, x, y, t.S(3), c)
		Ring(s.comp, x, y, t.S(7), t.S(2), c)
		t.Text(s.comp, "minimum", x+t.S(12), y-t.LineH(Small)-t.S(2), Small, false, c, Left)
	}
}

// buildMesh fills s.vs and s.is with the shaded mesh in painter's order, a
// darker line every few cells, and the block's two near sides.
func (s *Surface3D) buildMesh(t *Theme) {
	h, p := &s.h, &s.pr
	n, m := h.n, h.n+1
	ox, oy := s.Rect.X, s.Rect.Y
	lx, ly, lz := p.light()
	// The half vector between the light and the view, for a soft highlight.
	tx, ty, tz := -p.sy*p.cp, -p.cy*p.cp, p.sp
	hx, hy, hz := lx+tx, ly+ty, lz+tz
	hl := math.Sqrt(hx*hx + hy*hy + hz*hz)
	hx, hy, hz = hx/hl, hy/hl, hz/hl
	for j := 0; j < m; j++ {
		for i := 0; i < m; i++ {
			k := j*m + i
			u, v, w := h.vertex(i, j)
			x, y := p.screen(u, v, w)
			nx, ny, nz := float64(h.nrm[3*k]), float64(h.nrm[3*k+1]), float64(h.nrm[3*k+2])
			diff := math.Max(nx*lx+ny*ly+nz*lz, 0)
			spec := math.Max(nx*hx+ny*hy+nz*hz, 0)
			spec *= spec
			spec *= spec
			spec *= spec // ^8
			c := assets.Viridis(h.z[k])
			lit := 0.3 + 0.8*diff
			r := math.Min(float64(c.R)/255*lit+0.12*spec, 1)
			g := math.Min(float64(c.G)/255*lit+0.12*spec, 1)
			b := math.Min(float64(c.B)/255*lit+0.12*spec, 1)
			s.vs = append(s.vs, ebiten.Vertex{DstX: float32(x - ox), DstY: float32(y - oy), SrcX: 1, SrcY: 1,
				ColorR: float32(r), ColorG: float32(g), ColorB: float32(b), ColorA: 1})
		}
	}
	lw := math.Max(1, t.S(0.75))
	every := max(n/8, 1)
	line := func(e int) bool { return e%every == 0 || e == n }
	i0, di, j0, dj, upperFirst := p.order(n)
	for jj, j := 0, j0; jj < n; jj, j = jj+1, j+dj {
		for ii, i := 0, i0; ii < n; ii, i = ii+1, i+di {
			a, b := uint16(j*m+i), uint16(j*m+i+1)
			c, d := uint16((j+1)*m+i+1), uint16((j+1)*m+i)
			if upperFirst {
				s.is = append(s.is, a, c, d, a, b, c)
			} else {
				s.is = append(s.is, a, b, c, a, c, d)
			}
			// An edge is drawn with the nearer of the two quads that share
			// it, so nearer quads still cover it where they should.
			if line(j+1) && (dj < 0 || j+1 == n) {
				s.edge(d, c, lw)
			}
			if line(j) && (dj > 0 || j == 0) {
				s.edge(a, b, lw)
			}
			if line(i+1) && (di < 0 || i+1 == n) {
				s.edge(b, c, lw)
			}
			if line(i) && (di > 0 || i == 0) {
				s.edge(a, d, lw)
			}
		}
	}
	// The near sides of the block, from the surface's edge down to the base.
	jn, in := n, n
	if p.cy > 0 {
		jn = 0
	}
	if p.sy > 0 {
		in = 0
	}
	s.side(func(q int) int { return jn*m + q }, 0, outward(jn), lx, ly)
	s.side(func(q int) int { return q*m + in }, outward(in), 0, lx, ly)
}

// outward is the direction out of the block at grid line e, an edge.
func outward(e int) float64 {
	if e == 0 {
		return -1
	}
	return 1
}

// edge adds a grid line from mesh vertex a to b: a thin quad in the mesh's
// colour, darkened.
func (s *Surface3D) edge(a, b uint16, w float64) {
	va, vb := s.vs[a], s.vs[b]
	dx, dy := float64(vb.DstX-va.DstX), float64(vb.DstY-va.DstY)
	l := math.Hypot(dx, dy)
	if l < 1e-6 {
		return
	}
	dx, dy = dx/l*w/2, dy/l*w/2
	const dark = 0.62
	base := uint16(len(s.vs))
	for _, q := range [4]struct {
		v      ebiten.Vertex
		ex, ey float64
	}{{va, -dx - dy, -dy + dx}, {va, -dx + dy, -dy - dx}, {vb, dx + dy, dy - dx}, {vb, dx - dy, dy + dx}} {
		v := q.v
		v.DstX += float32(q.ex)
		v.DstY += float32(q.ey)
		v.ColorR, v.ColorG, v.ColorB = v.ColorR*dark, v.ColorG*dark, v.ColorB*dark
		s.vs = append(s.vs, v)
	}
	s.is = append(s.is, base, base+1, base+2, base, base+2, base+3)
}

// side adds one near side of the block: a strip of quads from the surface's
// boundary vertices (index(q), q = 0…n) down to the base, shaded by how its
// outward normal (nx, ny, 0) faces the light (lx, ly, ·).
func (s *Surface3D) side(index func(q int) int, nx, ny, lx, ly float64) {
	h, p := &s.h, &s.pr
	n := h.n
	// Mostly slate with a hint of the surface's colour, so the sides frame
	// the surface without competing with it.
	lit := (0.55 + 0.45*math.Max(nx*lx+ny*ly, 0)) / 255
	const tint = 0.12
	slate := color.RGBA{0x2c, 0x33, 0x40, 0xff}
	mix := func(a, b uint8) float32 { return float32((tint*float64(a) + (1-tint)*float64(b)) * lit) }
	base := uint16(len(s.vs))
	for q := 0; q <= n; q++ {
		k := index(q)
		top := s.vs[k]
		i, j := k%(n+1), k/(n+1)
		u, v, _ := h.vertex(i, j)
		x, y := p.screen(u, v, baseW)
		c := assets.Viridis(h.z[k])
		r, g, b := mix(c.R, slate.R), mix(c.G, slate.G), mix(c.B, slate.B)
		top.ColorR, top.ColorG, top.ColorB = r, g, b
		bot := ebiten.Vertex{DstX: float32(x - s.Rect.X), DstY: float32(y - s.Rect.Y), SrcX: 1, SrcY: 1,
			ColorR: r * 0.45, ColorG: g * 0.45, ColorB: b * 0.45, ColorA: 1}
		s.vs = append(s.vs, top, bot)
	}
	for q := 0; q < n; q++ {
		a := base + uint16(2*q)
		s.is = append(s.is, a, a+1, a+3, a, a+3, a+2)
	}
}

// axes labels the block's two near bottom edges with ticks of x and y.
func (s *Surface3D) axes(t *Theme) {
	h, p := &s.h, &s.pr
	vn, un := h.hy, h.hx // the near edges: y = vn along x, x = un along y
	if p.cy > 0 {
		vn = -h.hy
	}
	if p.sy > 0 {
		un = -h.hx
	}
	view := h.view
	s.axis(t, "x", view.X0, view.X1, func(f float64) (float64, float64, float64) {
		return h.hx * (2*f - 1), vn, baseW
	}, 0, math.Copysign(1, vn))
	s.axis(t, "y", view.Y0, view.Y1, func(f float64) (float64, float64, float64) {
		return un, h.hy * (2*f - 1), baseW
	}, math.Copysign(1, un), 0)
}

// axis adds tick marks (as quads, into the mesh's draw call) and queues the
// tick labels along one bottom edge; at(f) is the world point a fraction f
// along it and (ou, ov) the edge's outward direction on the ground.
func (s *Surface3D) axis(t *Theme, name string, lo, hi float64, at func(f float64) (float64, float64, float64), ou, ov float64) {
	p := &s.pr
	ax, ay := p.screen(at(0))
	bx, by := p.screen(at(1))
	length := math.Hypot(bx-ax, by-ay)
	if length < t.S(40) {
		return // seen end on: the labels would pile up
	}
	// The outward direction on screen.
	u, v, w := at(0.5)
	mx, my := p.screen(u, v, w)
	qx, qy := p.screen(u+ou*0.1, v+ov*0.1, w)
	dx, dy := qx-mx, qy-my
	if l := math.Hypot(dx, dy); l > 1e-9 {
		dx, dy = dx/l, dy/l
	} else {
		return
	}
	ticks := Ticks(lo, hi, min(max(int(length/t.S(60)), 4), 8))
	lw := math.Max(1, t.S(1))
	tick := t.S(4)
	gap := t.S(7)
	lh := t.LineH(Small)
	var extent float64
	for _, v := range ticks {
		x, y := p.screen(at((v - lo) / (hi - lo)))
		s.quad(x, y, x+dx*tick, y+dy*tick, lw, assets.Dim)
		label := TickLabel(v, ticks)
		w := t.Width(label, Small, false)
		s.label(label, x+dx*gap-s.Rect.X, y+dy*gap-s.Rect.Y, dx, dy, w, lh)
		extent = math.Max(extent, math.Abs(dx)*w+math.Abs(dy)*lh)
	}
	d := gap + extent + t.S(6)
	s.label(name, mx+dx*d-s.Rect.X, my+dy*d-s.Rect.Y, dx, dy, t.Width(name, Small, false), lh)
}

// label queues a label of size w×lh anchored at (x, y) on the side the
// direction (dx, dy) points to, unless it would overlap one already queued
// (the two axes' ticks meet at the near corner).
func (s *Surface3D) label(str string, x, y, dx, dy, w, lh float64) {
	l := s3Label{str, x, y - lh, Center, false}
	r := Rect{x - w/2, y - lh, w, lh}
	switch {
	case dx > 0.4:
		l = s3Label{str, x, y + dy*lh/2, Left, true}
		r = Rect{x, l.y - lh/2, w, lh}
	case dx < -0.4:
		l = s3Label{str, x, y + dy*lh/2, Right, true}
		r = Rect{x - w, l.y - lh/2, w, lh}
	case dy > 0:
		l = s3Label{str, x, y, Center, false}
		r = Rect{x - w/2, y, w, lh}
	}
	if overlaps(r, s.placed, 2) {
		return
	}
	s.placed = append(s.placed, r)
	s.labels = append(s.labels, l)
}

// quad adds a line segment as an aliased quad in one colour.
func (s *Surface3D) quad(x0, y0, x1, y1, w float64, c color.RGBA) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	base := uint16(len(s.vs))
	cr, cg, cb := float32(c.R)/255, float32(c.G)/255, float32(c.B)/255
	for _, q := range [4][2]float64{{x0 + nx, y0 + ny}, {x0 - nx, y0 - ny}, {x1 - nx, y1 - ny}, {x1 + nx, y1 + ny}} {
		s.vs = append(s.vs, ebiten.Vertex{DstX: float32(q[0] - s.Rect.X), DstY: float32(q[1] - s.Rect.Y), SrcX: 1, SrcY: 1,
			ColorR: cr, ColorG: cg, ColorB: cb, ColorA: 1})
	}
	s.is = append(s.is, base, base+1, base+2, base, base+2, base+3)
}

// minimumAt returns where the minimum's marker goes (local pixels), if it is
// in view, and adds a dark backing for its label to the mesh's draw call so
// the label reads on any colour.
func (s *Surface3D) minimumAt(t *Theme) (x, y float64, ok bool) {
	mp, _ := s.Surface.Minimum()
	if !s.View.Contains(mp) {
		return 0, 0, false
	}
	x, y = s.pr.screen(s.h.world(mp, trailLift))
	x, y = x-s.Rect.X, y-s.Rect.Y
	lh := t.LineH(Small)
	r := Rect{x + t.S(9), y - lh - t.S(3), t.Width("minimum", Small, false) + t.S(6), lh + t.S(2)}
	s.fillQuad(r, 0x10, 0x12, 0x18, 0.55)
	return x, y, true
}

// fillQuad adds a rectangle (local pixels) in a translucent colour.
func (s *Surface3D) fillQuad(r Rect, cr, cg, cb uint8, a float32) {
	base := uint16(len(s.vs))
	for _, q := range [4][2]float64{{r.X, r.Y}, {r.Right(), r.Y}, {r.Right(), r.Bottom()}, {r.X, r.Bottom()}} {
		s.vs = append(s.vs, ebiten.Vertex{DstX: float32(q[0]), DstY: float32(q[1]), SrcX: 1, SrcY: 1,
			ColorR: float32(cr) / 255, ColorG: float32(cg) / 255, ColorB: float32(cb) / 255, ColorA: a})
	}
	s.is = append(s.is, base, base+1, base+2, base, base+2, base+3)
}

// TrailAdd queues a polyline of data points for the trail layer, lying on
// the surface: each point is lifted to its height and projected. The parts
// outside the view are clipped; segments with non-finite ends are skipped.
// Trails are drawn over the mesh, but the parts that a ridge hides from the
// viewer are drawn faint. TrailFlush draws everything queued in one call.
func (s *Surface3D) TrailAdd(pts []surfaces.Point, w float64, c color.Color) {
	if s.comp == nil || len(pts) < 2 || !s.sync() {
		return
	}
	h, pr := &s.h, &s.pr
	hz := s.horizon()
	layer := s.plotLayer()
	faint := fainter(c)
	cw, ch := h.view.W()/float64(h.n), h.view.H()/float64(h.n)
	s.xy = s.xy[:0]
	var last surfaces.Point
	open := false
	// Points within a pixel of the last one kept are dropped (but a run's
	// last point is kept): converged paths pile up thousands of steps on a
	// few pixels, and a turn re-adds every trail each frame.
	var px, py float32
	pending, visible := false, true
	emit := func() {
		if pending {
			s.xy = append(s.xy, px, py)
		}
		if len(s.xy) >= 4 {
			if visible {
				s.stroke.Add(layer, s.xy, false, w, c)
			} else {
				s.stroke.Add(layer, s.xy, false, w, faint)
			}
		}
		s.xy = s.xy[:0]
		pending = false
	}
	put := func(q surfaces.Point) {
		u, v, z := h.world(q, trailLift)
		x, y := pr.screen(u, v, z)
		px, py = float32(x-s.Rect.X), float32(y-s.Rect.Y)
		if n := len(s.xy); n > 0 {
			dx, dy := px-s.xy[n-2], py-s.xy[n-1]
			if pending = dx*dx+dy*dy < 1; pending {
				return
			}
		}
		vis := !hz.hides(pr, u, v, z)
		if len(s.xy) > 0 && vis != visible {
			// End the run here and start the next one from this point.
			s.xy = append(s.xy, px, py)
			emit()
		}
		if len(s.xy) == 0 {
			visible = vis
		}
		s.xy = append(s.xy, px, py)
	}
	for k := 1; k < len(pts); k++ {
		a, b, ok := clipSegment(pts[k-1], pts[k], h.view)
		if !ok {
			emit()
			open = false
			continue
		}
		if !open || a != last {
			emit()
			put(a)
			open = true
		}
		// Long steps follow the surface instead of cutting through it.
		steps := int(math.Ceil(math.Max(math.Abs(b.X-a.X)/cw, math.Abs(b.Y-a.Y)/ch)))
		steps = min(max(steps, 1), 128)
		for q := 1; q <= steps; q++ {
			f := float64(q) / float64(steps)
			put(surfaces.Point{X: a.X + (b.X-a.X)*f, Y: a.Y + (b.Y-a.Y)*f})
		}
		last = b
		if b != pts[k] { // the path left the view
			emit()
			open = false
		}
	}
	emit()
}

// fainter is c at a third of its opacity, as the straight-alpha colour the
// Stroker passes through to its vertices.
func fainter(c color.Color) color.Color {
	r, g, b, a := c.RGBA()
	if a == 0 {
		return color.RGBA{}
	}
	un := func(v uint32) uint8 { return uint8(min(v*0xffff/a, 0xffff) >> 8) }
	return color.RGBA{un(r), un(g), un(b), uint8(a / 3 >> 8)}
}

// s3Horizon answers, for a point on or above the surface, whether the surface
// hides it from the viewer: for each screen column and each ground depth it
// holds the highest screen height that the surface reaches nearer to the
// viewer. It is built on the first trail after a change of view.
type s3Horizon struct {
	valid      bool
	cols, deps int
	r          float64
	tol        float64   // world units of slack, a few pixels
	m          []float32 // m[c*deps+d]: highest up over depth bins < d
}

func (s *Surface3D) horizon() *s3Horizon {
	z := &s.hz
	if z.valid {
		return z
	}
	z.valid = true
	h, p := &s.h, &s.pr
	z.r = math.Hypot(h.hx, h.hy)
	z.cols = min(max(int(z.r*p.k), 16), 1024) // about 2 pixels a column
	z.deps = 2*h.n + 2
	z.tol = 2.5/p.k + trailLift/2
	if cap(z.m) < z.cols*z.deps {
		z.m = make([]float32, z.cols*z.deps)
	}
	z.m = z.m[:z.cols*z.deps]
	dc, dd := 2*z.r/float64(z.cols), 2*z.r/float64(z.deps)
	for c := 0; c < z.cols; c++ {
		xr := -z.r + (float64(c)+0.5)*dc
		top := math.Inf(-1)
		row := z.m[c*z.deps : (c+1)*z.deps]
		for d := range row {
			row[d] = float32(top)
			yr := -z.r + (float64(d)+0.5)*dd
			u, v := xr*p.cy+yr*p.sy, -xr*p.sy+yr*p.cy
			if math.Abs(u) > h.hx || math.Abs(v) > h.hy {
				continue
			}
			pt := surfaces.Point{X: h.view.X0 + (u/h.hx+1)/2*h.view.W(), Y: h.view.Y0 + (v/h.hy+1)/2*h.view.H()}
			top = math.Max(top, yr*p.sp+(h.at(pt)-0.5)*boxH*p.cp)
		}
	}
	return z
}

// hides reports whether the surface lies between the world point (u, v, w)
// and the viewer. The point's own depth bin and the next are not counted,
// so a point is not hidden by the slope it lies on.
func (z *s3Horizon) hides(p *s3Projection, u, v, w float64) bool {
	xr, yr := u*p.cy-v*p.sy, u*p.sy+v*p.cy
	c := min(max(int((xr+z.r)/(2*z.r)*float64(z.cols)), 0), z.cols-1)
	d := min(max(int((yr+z.r)/(2*z.r)*float64(z.deps)), 0), z.deps-1)
	if d < 2 {
		return false
	}
	return float64(z.m[c*z.deps+d-1]) > yr*p.sp+w*p.cp+z.tol
}

// clipSegment clips the segment a–b to the box (Liang–Barsky); ok is false
// when nothing of it is inside or an end is not finite.
func clipSegment(a, b surfaces.Point, box surfaces.Box) (surfaces.Point, surfaces.Point, bool) {
	if box.Contains(a) && box.Contains(b) { // the usual case; false for NaN
		return a, b, true
	}
	for _, v := range [4]float64{a.X, a.Y, b.X, b.Y} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return a, b, false
		}
	}
	dx, dy := b.X-a.X, b.Y-a.Y
	t0, t1 := 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, a.X - box.X0}, {dx, box.X1 - a.X}, {-dy, a.Y - box.Y0}, {dy, box.Y1 - a.Y}} {
		pp, q := e[0], e[1]
		if pp == 0 {
			if q < 0 {
				return a, b, false
			}
			continue
		}
		r := q / pp
		if pp < 0 {
			if r > t1 {
				return a, b, false
			}
			t0 = math.Max(t0, r)
		} else {
			if r < t0 {
				return a, b, false
			}
			t1 = math.Min(t1, r)
		}
	}
	ca, cb := a, b
	if t0 > 0 {
		ca = surfaces.Point{X: a.X + t0*dx, Y: a.Y + t0*dy}
	}
	if t1 < 1 {
		cb = surfaces.Point{X: a.X + t1*dx, Y: a.Y + t1*dy}
	}
	return ca, cb, true
}

// TrailFlush draws the queued trails.
func (s *Surface3D) TrailFlush() {
	if s.comp != nil {
		s.stroke.Flush(s.plotLayer())
	}
}

func (s *Surface3D) plotLayer() *ebiten.Image {
	r := Rect{s.plot.X - s.Rect.X, s.plot.Y - s.Rect.Y, s.plot.W, s.plot.H}
	return s.comp.SubImage(r.Image()).(*ebiten.Image)
}

// ClearTrail removes all trails, repainting the mesh from its cached
// vertices (cheaper than keeping a clean copy and copying it back).
func (s *Surface3D) ClearTrail() {
	if s.comp != nil {
		s.paint()
	}
}

// Draw blits the mesh with its trails.
func (s *Surface3D) Draw(dst *ebiten.Image) {
	if s.comp != nil {
		Blit(dst, s.comp, s.Rect.X, s.Rect.Y)
	}
}

package widgets

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"gradlab/surfaces"
)

const s3deg = math.Pi / 180

func s3pt(x, y float64) surfaces.Point { return surfaces.Point{X: x, Y: y} }

func newSurface3D(s surfaces.Surface, w, h float64) (*Surface3D, *Theme) {
	th := NewTheme(1)
	m := &Surface3D{Rect: Rect{10, 20, w, h}, Surface: s, View: s.View()}
	m.Reset()
	m.Layout(th)
	return m, th
}

// The whole block (its top at the highest height, its base) projects inside
// the plot at every rotation, and so does every surface's minimum.
func TestSurface3DFitsThePlot(t *testing.T) {
	for _, s := range surfaces.All() {
		for _, size := range [][2]float64{{800, 600}, {400, 700}, {1200, 300}} {
			m, _ := newSurface3D(s, size[0], size[1])
			p := m.Plot()
			for yaw := -180.0; yaw < 180; yaw += 15 {
				for _, pitch := range []float64{5, 20, 35, 60, 89} {
					m.Yaw, m.Pitch = yaw*s3deg, pitch*s3deg
					where := fmt.Sprintf("%s %v yaw %g pitch %g", s.ID(), size, yaw, pitch)
					min, _ := s.Minimum()
					x, y, ok := m.Project(min)
					if !ok || !p.Contains(x, y) {
						t.Errorf("%s: minimum at (%g, %g) ok %v, plot %+v", where, x, y, ok, p)
					}
					h := &m.h
					for _, c := range [][3]float64{{-1, -1, 0}, {1, -1, 0}, {1, 1, 0}, {-1, 1, 0}} {
						for _, w := range []float64{boxH / 2, baseW} {
							x, y := m.pr.screen(c[0]*h.hx, c[1]*h.hy, w)
							if !p.Contains(x, y) {
								t.Errorf("%s: corner %v at height %g projects to (%g, %g) outside %+v", where, c, w, x, y, p)
							}
						}
					}
				}
			}
		}
	}
}

func TestSurface3DProject(t *testing.T) {
	s := surfaces.Rosenbrock{}
	m, _ := newSurface3D(s, 800, 600)
	v := m.View
	for _, q := range []surfaces.Point{s3pt(v.X0-0.1, 0), s3pt(v.X1+1e-9, 1), s3pt(0, v.Y0-1), s3pt(0, v.Y1+5),
		s3pt(math.NaN(), 0), s3pt(0, math.Inf(1)), s3pt(math.Inf(-1), math.Inf(-1))} {
		if x, y, ok := m.Project(q); ok {
			t.Errorf("Project(%v) = (%g, %g), true; want false outside the view", q, x, y)
		}
	}
	// Edges of the view are inside.
	if _, _, ok := m.Project(surfaces.Point{X: v.X0, Y: v.Y1}); !ok {
		t.Errorf("the view's corner does not project")
	}

	// Turning changes where an off-centre point lands.
	q := surfaces.Point{X: -1.5, Y: 2}
	x0, y0, _ := m.Project(q)
	m.Rotate(20*s3deg, 0)
	x1, y1, _ := m.Project(q)
	if math.Hypot(x1-x0, y1-y0) < 5 {
		t.Errorf("a 20° yaw moved (%g, %g) only to (%g, %g)", x0, y0, x1, y1)
	}

	// Looking straight down, screen x follows data x and screen y follows
	// data y upwards, on every row and column.
	m.Yaw, m.Pitch = 0, 89*s3deg
	for _, y := range []float64{-0.9, 0, 1, 2.9} {
		px := math.Inf(-1)
		for x := v.X0; x <= v.X1; x += v.W() / 20 {
			sx, _, ok := m.Project(surfaces.Point{X: x, Y: y})
			if !ok || !(sx > px) {
				t.Fatalf("from above, x = %g on row y = %g projects to %g, not right of %g", x, y, sx, px)
			}
			px = sx
		}
	}
	for _, x := range []float64{-1.9, 0, 1} {
		py := math.Inf(1)
		for y := v.Y0; y <= v.Y1; y += v.H() / 20 {
			_, sy, ok := m.Project(surfaces.Point{X: x, Y: y})
			if !ok || !(sy < py) {
				t.Fatalf("from above, y = %g on column x = %g projects to %g, not above %g", y, x, sy, py)
			}
			py = sy
		}
	}
}

// quadOrder reads the mesh's quads (by their lower-left vertex) in the order
// the index buffer draws them, and for each whether its upper-left triangle
// (the one with the vertex above the lower-left one) is drawn first.
func quadOrder(m *Surface3D) (quads [][2]int, upperFirst []bool) {
	n := m.h.n
	mm := n + 1
	mesh := 0
	for k := 0; k+2 < len(m.is); k += 3 {
		a, b, c := int(m.is[k]), int(m.is[k+1]), int(m.is[k+2])
		if a >= mm*mm || b >= mm*mm || c >= mm*mm {
			continue // a grid line, a side or a tick
		}
		if mesh%2 == 0 {
			lo := min(a, b, c)
			quads = append(quads, [2]int{lo % mm, lo / mm})
			upperFirst = append(upperFirst, a == lo+mm || b == lo+mm || c == lo+mm)
		}
		mesh++
	}
	return quads, upperFirst
}

// canHide reports whether cell a can cover part of cell b for a viewer
// looking along the ground direction (gx, gy): whether the ray from b
// towards the viewer passes through a's interior. In cell units, that is
// whether the open ray from the origin along −(gx, gy) meets the open square
// of half-size 1 about a − b.
func canHide(a, b [2]int, gx, gy float64) bool {
	cx, cy := float64(a[0]-b[0]), float64(a[1]-b[1])
	dx, dy := -gx, -gy
	t0, t1 := 0.0, math.Inf(1)
	for _, s := range [2][2]float64{{cx, dx}, {cy, dy}} {
		c, d := s[0], s[1]
		if math.Abs(d) < 1e-12 {
			if math.Abs(c) >= 1 {
				return false
			}
			continue
		}
		lo, hi := (c-1)/d, (c+1)/d
		if lo > hi {
			lo, hi = hi, lo
		}
		t0, t1 = math.Max(t0, lo), math.Min(t1, hi)
	}
	return t1 > t0+1e-9 && t1 > 1e-9
}

// The painter's order is exact: no quad is drawn before a quad it can hide,
// and the first quad drawn is farther than the last, in every quadrant of
// yaw and on the axes between them.
func TestSurface3DPainterOrder(t *testing.T) {
	m, th := newSurface3D(surfaces.Rosenbrock{}, 80, 80) // a small plot: a coarse mesh
	for _, yaw := range []float64{-179, -135, -100, -90, -45, -10, 0, 10, 45, 80, 90, 135, 170, 180} {
		m.Yaw, m.Pitch = yaw*s3deg, 35*s3deg
		m.Prepare(th)
		n := m.h.n
		q, upper := quadOrder(m)
		if len(q) != n*n {
			t.Fatalf("yaw %g: %d quads drawn, want %d", yaw, len(q), n*n)
		}
		gx, gy := m.pr.sy, m.pr.cy // on the ground, away from the viewer
		depth := func(c [2]int) float64 {
			u := m.h.hx * (2*(float64(c[0])+0.5)/float64(n) - 1)
			v := m.h.hy * (2*(float64(c[1])+0.5)/float64(n) - 1)
			return m.pr.depth(u, v, 0)
		}
		if first, last := q[0], q[len(q)-1]; !(depth(first) > depth(last)) {
			t.Errorf("yaw %g: the first quad %v (depth %.3f) is not farther than the last %v (%.3f)", yaw, first, depth(first), last, depth(last))
		}
		// Within a quad, the ray from the lower-right triangle towards the
		// viewer, along −(gx, gy), enters the upper-left one (x − y falls)
		// when gx > gy: then the upper-left one goes last.
		for i, u := range upper {
			if u && gx > gy+1e-12 || !u && gy > gx+1e-12 {
				t.Errorf("yaw %g: quad %v draws the triangle that can hide the other first", yaw, q[i])
				break
			}
		}
		bad := 0
		for i := range q {
			for j := i + 1; j < len(q); j++ {
				if canHide(q[i], q[j], gx, gy) {
					if bad++; bad <= 3 {
						t.Errorf("yaw %g: quad %v is drawn before %v, which it can hide", yaw, q[i], q[j])
					}
				}
			}
		}
	}
}

func TestCanHide(t *testing.T) {
	// Looking along +y: a cell in front (lower y) hides the one behind.
	if !canHide([2]int{3, 2}, [2]int{3, 5}, 0, 1) || canHide([2]int{3, 5}, [2]int{3, 2}, 0, 1) {
		t.Error("straight ahead")
	}
	if canHide([2]int{4, 2}, [2]int{3, 5}, 0, 1) {
		t.Error("a cell beside the line of sight hides nothing")
	}
	if !canHide([2]int{2, 2}, [2]int{4, 4}, 1, 1) || !canHide([2]int{3, 2}, [2]int{4, 4}, 1, 1) {
		t.Error("diagonal")
	}
}

// Heights are normalized into [0, 1], finite, lowest at the minimum, on
// every surface and on surfaces that overflow.
func TestSurface3DHeights(t *testing.T) {
	check := func(name string, m *Surface3D) {
		t.Helper()
		if !m.sync() {
			t.Fatalf("%s: nothing to show", name)
		}
		lo, hi := math.Inf(1), math.Inf(-1)
		for k, z := range m.h.z {
			if !(z >= 0 && z <= 1) {
				t.Fatalf("%s: height %d is %g", name, k, z)
			}
			lo, hi = math.Min(lo, z), math.Max(hi, z)
		}
		for k, v := range m.h.nrm {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				t.Fatalf("%s: normal component %d is %g", name, k, v)
			}
		}
		if lo > 0.01 || hi < 0.99 {
			t.Errorf("%s: heights span [%g, %g], want all of [0, 1]", name, lo, hi)
		}
	}
	for _, s := range surfaces.All() {
		m, _ := newSurface3D(s, 800, 600)
		check(s.ID(), m)
		min, _ := s.Minimum()
		if z := m.h.at(min); z > 0.1 {
			t.Errorf("%s: the minimum sits at height %g", s.ID(), z)
		}
		// Zoomed far out, values overflow in corners; zoomed far in, they
		// barely vary.
		m.View = s.View().Scale(min, 1e3)
		check(s.ID()+" zoomed out", m)
		m.View = s.View().Scale(min, 1e-9)
		m.sync()
		for _, z := range m.h.z {
			if !(z >= 0 && z <= 1) {
				t.Fatalf("%s zoomed in: height %g", s.ID(), z)
			}
		}
	}
	m, _ := newSurface3D(s3cliff{}, 800, 600)
	check("s3cliff", m)
	if z := m.h.at(surfaces.Point{X: 0.9, Y: 0}); z != 1 {
		t.Errorf("an infinite value sits at height %g, want the top", z)
	}
}

// s3cliff is infinite for x > 0.5 and NaN at x < −0.5 and y > 0.5.
type s3cliff struct{}

func (s3cliff) ID() string   { return "s3cliff" }
func (s3cliff) Name() string { return "s3cliff" }
func (s3cliff) F(x, y float64) float64 {
	switch {
	case x > 0.5:
		return math.Inf(1)
	case x < -0.5 && y > 0.5:
		return math.NaN()
	}
	return x*x + y*y
}
func (s3cliff) Grad(x, y float64) (float64, float64) { return 2 * x, 2 * y }
func (s3cliff) View() surfaces.Box                   { return surfaces.Box{X0: -1, Y0: -1, X1: 1, Y1: 1} }
func (s3cliff) Minimum() (surfaces.Point, float64)   { return surfaces.Point{}, 0 }
func (s3cliff) Start() surfaces.Point                { return surfaces.Point{X: -1, Y: 1} }
func (s3cliff) LogLevels() bool                      { return false }

func TestSurface3DPrepare(t *testing.T) {
	s := surfaces.Rosenbrock{}
	m, th := newSurface3D(s, 640, 480)
	if !m.Prepare(th) {
		t.Fatal("the first Prepare did not draw")
	}
	if m.Prepare(th) {
		t.Error("Prepare redrew with nothing changed")
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"Rotate", func() { m.Rotate(0.1, 0) }},
		{"tilt", func() { m.Rotate(0, -0.1) }},
		{"view", func() { m.View = m.View.Scale(m.View.Center(), 0.5) }},
		{"size", func() { m.Rect.W -= 10 }},
		{"surface", func() { m.Surface = surfaces.Beale{} }},
	}
	for _, st := range steps {
		st.do()
		if !m.Prepare(th) {
			t.Errorf("Prepare did not redraw after %s", st.name)
		}
		if m.Prepare(th) {
			t.Errorf("Prepare redrew twice after %s", st.name)
		}
	}
	// After a turn, trails are drawn aliased until the surface has held
	// still a few frames; then Prepare clears them once more, to be drawn
	// antialiased.
	m.Rotate(0.1, 0)
	if !m.Prepare(th) || !m.stroke.Aliased {
		t.Error("a turn did not redraw with aliased trails")
	}
	redraws := 0
	for i := 0; i < 20; i++ {
		if m.Prepare(th) {
			redraws++
		}
	}
	if redraws != 1 || m.stroke.Aliased {
		t.Errorf("%d redraws after the turn stopped, aliased %v; want 1, false", redraws, m.stroke.Aliased)
	}
	m.View = m.View.Scale(m.View.Center(), 2)
	if !m.Prepare(th) || m.stroke.Aliased {
		t.Error("a new view is drawn with aliased trails")
	}
	// Tilting against the clamp changes nothing.
	m.Rotate(0, -10)
	m.Prepare(th)
	m.Rotate(0, -1)
	if m.Prepare(th) {
		t.Error("Prepare redrew for a tilt beyond the clamp")
	}
}

func TestSurface3DUpdateRotates(t *testing.T) {
	m, _ := newSurface3D(surfaces.Rosenbrock{}, 800, 600)
	p := m.Plot()
	yaw, pitch := m.Yaw, m.Pitch
	in := &Input{X: p.X + 400, Y: p.Y + 300, Pressed: true, Down: true, Pinch: 1}
	if !m.Update(in) {
		t.Fatal("a press on the plot was not taken")
	}
	if m.Yaw != yaw || m.Pitch != pitch {
		t.Error("a press alone rotated")
	}
	in.Pressed, in.X, in.Y = false, in.X+100, in.Y+50
	if !m.Update(in) {
		t.Fatal("the drag was lost")
	}
	if !(m.Yaw > yaw) || !(m.Pitch > pitch) {
		t.Errorf("dragging right and down turned yaw %g → %g, pitch %g → %g", yaw, m.Yaw, pitch, m.Pitch)
	}
	for i := 0; i < 50; i++ {
		in.Y += 300
		m.Update(in)
	}
	if m.Pitch != 89*s3deg {
		t.Errorf("pitch %g° after a long drag down, want the 89° clamp", m.Pitch/s3deg)
	}
	for i := 0; i < 50; i++ {
		in.Y -= 300
		in.X -= 500
		m.Update(in)
	}
	if m.Pitch != 5*s3deg || !(m.Yaw >= -math.Pi && m.Yaw <= math.Pi) {
		t.Errorf("pitch %g°, yaw %g° after a long drag up and left", m.Pitch/s3deg, m.Yaw/s3deg)
	}
	in.Down, in.Released = false, true
	m.Update(in)
	in.Captured, in.Released = nil, false

	other := &Input{X: p.X - 5, Y: p.Y + 10, Pressed: true, Down: true, Pinch: 1}
	if m.Update(other) {
		t.Error("a press outside the plot was taken")
	}
}

// Trails take any points: the parts outside the view and the non-finite
// ones are dropped, and nothing non-finite reaches the vertices.
func TestSurface3DTrailAdd(t *testing.T) {
	m, th := newSurface3D(surfaces.Beale{}, 640, 480)
	m.Prepare(th)
	nan, inf := math.NaN(), math.Inf(1)
	pts := []surfaces.Point{s3pt(-10, -10), s3pt(0, 0), s3pt(1, 1), s3pt(nan, 1), s3pt(2, 2), s3pt(3, 0.5), s3pt(inf, 0), s3pt(1e300, -1e300),
		s3pt(-1, 1), s3pt(-1.5, 1.2), s3pt(100, 1.2), s3pt(0, 4.4)}
	m.TrailAdd(pts, 2, color.White)
	if len(m.stroke.vs) == 0 {
		t.Fatal("nothing was queued")
	}
	p := m.Plot()
	for _, v := range m.stroke.vs {
		x, y := float64(v.DstX), float64(v.DstY)
		if math.IsNaN(x+y) || math.IsInf(x+y, 0) || x < -5 || y < -5 || x > p.W+5 || y > p.H+5 {
			t.Fatalf("a trail vertex at (%g, %g)", x, y)
		}
	}
	m.TrailFlush()
	m.TrailAdd([]surfaces.Point{s3pt(nan, nan), s3pt(inf, -inf), s3pt(20, 20), s3pt(30, 30)}, 2, color.White)
	if len(m.stroke.vs) != 0 {
		t.Errorf("%d vertices queued for a path that is never in view", len(m.stroke.vs))
	}
}

func TestClipSegment(t *testing.T) {
	box := surfaces.Box{X0: 0, Y0: 0, X1: 2, Y1: 1}
	for _, c := range []struct {
		a, b, wa, wb surfaces.Point
		ok           bool
	}{
		{surfaces.Point{X: 0.5, Y: 0.5}, surfaces.Point{X: 1, Y: 0.5}, surfaces.Point{X: 0.5, Y: 0.5}, surfaces.Point{X: 1, Y: 0.5}, true},
		{surfaces.Point{X: -1, Y: 0.5}, surfaces.Point{X: 3, Y: 0.5}, surfaces.Point{X: 0, Y: 0.5}, surfaces.Point{X: 2, Y: 0.5}, true},
		{surfaces.Point{X: 1, Y: -1}, surfaces.Point{X: 1, Y: 3}, surfaces.Point{X: 1, Y: 0}, surfaces.Point{X: 1, Y: 1}, true},
		{surfaces.Point{X: -1, Y: -1}, surfaces.Point{X: -1, Y: 3}, surfaces.Point{}, surfaces.Point{}, false},
		{surfaces.Point{X: 3, Y: 0}, surfaces.Point{X: 4, Y: 1}, surfaces.Point{}, surfaces.Point{}, false},
		{surfaces.Point{X: math.NaN(), Y: 0}, surfaces.Point{X: 1, Y: 1}, surfaces.Point{}, surfaces.Point{}, false},
	} {
		a, b, ok := clipSegment(c.a, c.b, box)
		if ok != c.ok || ok && (a != c.wa || b != c.wb) {
			t.Errorf("clip %v–%v = %v–%v %v, want %v–%v %v", c.a, c.b, a, b, ok, c.wa, c.wb, c.ok)
		}
	}
}

// BenchmarkSurface3DRender times a re-render after a small turn: the height
// field is cached, so this is the vertex build, the single DrawTriangles
// and the axis labels, as while the user drags.
func BenchmarkSurface3DRender(b *testing.B) {
	for _, s := range []surfaces.Surface{surfaces.Rosenbrock{}, surfaces.Beale{}} {
		b.Run(s.ID(), func(b *testing.B) {
			m, th := newSurface3D(s, 800, 600)
			m.Prepare(th)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				m.Rotate(0.01, 0)
				m.Prepare(th)
			}
		})
	}
}

// BenchmarkSurface3DDrag times a whole frame of a drag as the race scene
// would run it: a turn, the re-render, and six 2000-step paths added again
// in full (casing and colour).
func BenchmarkSurface3DDrag(b *testing.B) {
	s := surfaces.Rosenbrock{}
	m, th := newSurface3D(s, 800, 600)
	m.Prepare(th)
	paths := racePaths(s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Rotate(0.01, 0)
		m.Prepare(th)
		for _, w := range []float64{4, 2} {
			for _, p := range paths {
				m.TrailAdd(p, w, color.White)
			}
		}
		m.TrailFlush()
	}
}

// racePaths are six gradient-descent paths of 2000 steps.
func racePaths(s surfaces.Surface) [][]surfaces.Point {
	var paths [][]surfaces.Point
	for r := 0; r < 6; r++ {
		p := s.Start()
		path := []surfaces.Point{p}
		lr := 3e-4 * float64(r+1)
		for i := 0; i < 2000; i++ {
			gx, gy := s.Grad(p.X, p.Y)
			p.X, p.Y = p.X-lr*gx, p.Y-lr*gy
			path = append(path, p)
		}
		paths = append(paths, path)
	}
	return paths
}

// What a ridge hides is found: from straight above nothing is hidden, a
// point high above the surface never is, and from the default look the
// Rosenbrock valley's floor just below the minimum lies behind the near
// rim while the near corner and the far wall's top are in view.
func TestSurface3DHidden(t *testing.T) {
	s := surfaces.Rosenbrock{}
	m, th := newSurface3D(s, 800, 600)
	m.Prepare(th)
	hidden := func(p surfaces.Point, lift float64) bool {
		m.sync()
		u, v, w := m.h.world(p, lift)
		return m.horizon().hides(&m.pr, u, v, w)
	}
	for _, c := range []struct {
		p      surfaces.Point
		hidden bool
	}{{s3pt(0.5, 0.25), true}, {s3pt(0.8, 0.64), true}, {s3pt(1.99, -0.99), false}, {s3pt(0, 2.9), false}, {s3pt(-1.9, 2.9), false}} {
		if got := hidden(c.p, trailLift); got != c.hidden {
			t.Errorf("from the default look, %v hidden = %v", c.p, got)
		}
	}
	// The minimum lies in the valley's narrow end, behind the near rim: its
	// marker is drawn faint, until seen from above.
	if !m.minHidden {
		t.Error("the minimum's marker is not marked hidden from the default look")
	}
	m.Pitch = 89 * s3deg
	m.Prepare(th)
	if m.minHidden || !m.showMin {
		t.Error("the minimum's marker is hidden from straight above")
	}
	v := m.View
	for _, yaw := range []float64{-150, -35, 0, 60, 120} {
		for _, pitch := range []float64{5, 35, 89} {
			m.Yaw, m.Pitch = yaw*s3deg, pitch*s3deg
			for i := 0; i <= 40; i++ {
				for j := 0; j <= 40; j++ {
					p := s3pt(v.X0+v.W()*float64(i)/40, v.Y0+v.H()*float64(j)/40)
					if hidden(p, 2*boxH) {
						t.Fatalf("yaw %g pitch %g: %v far above the surface is hidden", yaw, pitch, p)
					}
					if pitch == 89 && hidden(p, trailLift) {
						t.Fatalf("from straight above, %v is hidden", p)
					}
				}
			}
		}
	}
}

// Hidden parts of a trail are drawn in a faint colour, visible ones in the
// colour given.
func TestSurface3DTrailFaint(t *testing.T) {
	s := surfaces.Rosenbrock{}
	m, th := newSurface3D(s, 800, 600)
	m.Prepare(th)
	// Along the valley floor from its bottom, (0, 0), up to (1, 1): the
	// first stretch lies behind the near rim, the rest comes into view.
	var path []surfaces.Point
	for x := 0.0; x <= 1; x += 0.01 {
		path = append(path, s3pt(x, x*x))
	}
	path = append(path, s3pt(-1.5, 2.25), s3pt(-1.9, 2.9))
	m.TrailAdd(path, 2, color.RGBA{0x56, 0xb4, 0xe9, 0xff})
	opaque, faint := 0, 0
	for _, v := range m.stroke.vs {
		switch {
		case v.ColorA == 0: // the outside of the feathered edge
		case v.ColorA == 1:
			opaque++
		case v.ColorA > 0.3 && v.ColorA < 0.4 && v.ColorR > 0.3:
			faint++
		default:
			t.Fatalf("a trail vertex coloured %v %v %v %v", v.ColorR, v.ColorG, v.ColorB, v.ColorA)
		}
	}
	if opaque == 0 || faint == 0 {
		t.Errorf("%d opaque and %d faint vertices, want both", opaque, faint)
	}
	m.TrailFlush()
}

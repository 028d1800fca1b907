package surfaces

import "math"

// Line is one isoline in data coordinates. A closed ring does not repeat its
// first point.
type Line struct {
	Pts    []Point
	Closed bool
}

// Contour is every isoline of one level.
type Contour struct {
	Level float64
	Lines []Line
}

// Contours extracts the isolines of g at each level by marching squares,
// joined into polylines. Cells with a NaN corner are skipped, so lines stop at
// holes in the data; saddle cells are resolved by the cell-centre average.
func Contours(g *Grid, levels []float64) []Contour {
	var m marcher
	out := make([]Contour, 0, len(levels))
	for _, lv := range levels {
		if !finite(lv) {
			continue
		}
		out = append(out, Contour{Level: lv, Lines: m.level(g, lv)})
	}
	return out
}

// marcher keeps per-level buffers so a whole set of levels allocates them once.
type marcher struct {
	segA, segB []int32 // the two grid edges each segment joins
	first, sec []int32 // for each grid edge, the segments touching it (-1: none)
	used       []bool
	chain      []int32
}

func (m *marcher) level(g *Grid, lv float64) []Line {
	nx, ny := g.NX, g.NY
	h := int32(ny * (nx - 1)) // horizontal edges come first, then vertical
	nEdges := int(h) + nx*(ny-1)
	if len(m.first) != nEdges {
		m.first = make([]int32, nEdges)
		m.sec = make([]int32, nEdges)
		for i := range m.first {
			m.first[i], m.sec[i] = -1, -1
		}
	}
	m.segA, m.segB = m.segA[:0], m.segB[:0]
	v := g.V
	add := func(a, b int32) {
		s := int32(len(m.segA))
		m.segA = append(m.segA, a)
		m.segB = append(m.segB, b)
		for _, e := range [2]int32{a, b} {
			if m.first[e] < 0 {
				m.first[e] = s
			} else {
				m.sec[e] = s
			}
		}
	}
	for j := 0; j < ny-1; j++ {
		r0, r1 := v[j*nx:(j+1)*nx], v[(j+1)*nx:(j+2)*nx]
		for i := 0; i < nx-1; i++ {
			v00, v10, v11, v01 := r0[i], r0[i+1], r1[i+1], r1[i]
			c := 0
			if v00 >= lv {
				c |= 1
			}
			if v10 >= lv {
				c |= 2
			}
			if v11 >= lv {
				c |= 4
			}
			if v01 >= lv {
				c |= 8
			}
			if c == 0 || c == 15 {
				continue // also skips most NaN cells: NaN compares false
			}
			if v00 != v00 || v10 != v10 || v11 != v11 || v01 != v01 {
				continue
			}
			bot := int32(j*(nx-1) + i)
			top := bot + int32(nx-1)
			left := h + int32(j*nx+i)
			right := left + 1
			switch c {
			case 1, 14:
				add(left, bot)
			case 2, 13:
				add(bot, right)
			case 3, 12:
				add(left, right)
			case 4, 11:
				add(right, top)
			case 6, 9:
				add(bot, top)
			case 7, 8:
				add(left, top)
			case 5, 10:
				centreAbove := (v00+v10+v11+v01)/4 >= lv
				if (c == 5) == centreAbove {
					// The "above" corners (c==5) or "below" ones (c==10)
					// connect through the centre: cut off the other two.
					add(bot, right)
					add(top, left)
				} else {
					add(left, bot)
					add(right, top)
				}
			}
		}
	}
	lines := m.join(g, lv, h)
	for s := range m.segA {
		for _, e := range [2]int32{m.segA[s], m.segB[s]} {
			m.first[e], m.sec[e] = -1, -1
		}
	}
	return lines
}

func (m *marcher) other(e, s int32) int32 {
	if m.first[e] == s {
		return m.sec[e]
	}
	return m.first[e]
}

// end returns the endpoint of segment s that is not edge e.
func (m *marcher) end(s, e int32) int32 {
	if m.segA[s] == e {
		return m.segB[s]
	}
	return m.segA[s]
}

func (m *marcher) join(g *Grid, lv float64, h int32) []Line {
	n := len(m.segA)
	if cap(m.used) < n {
		m.used = make([]bool, n)
	}
	m.used = m.used[:n]
	clear(m.used)
	var lines []Line
	for s0 := int32(0); int(s0) < n; s0++ {
		if m.used[s0] {
			continue
		}
		m.used[s0] = true
		// Walk forward from segB, then backward from segA.
		fwd := m.chain[:0]
		fwd = append(fwd, m.segA[s0], m.segB[s0])
		closed := false
		s, e := s0, m.segB[s0]
		for {
			t := m.other(e, s)
			if t < 0 {
				break
			}
			if t == s0 {
				closed = true
				break
			}
			m.used[t] = true
			e = m.end(t, e)
			s = t
			fwd = append(fwd, e)
		}
		var back []int32
		if !closed {
			s, e = s0, m.segA[s0]
			for {
				t := m.other(e, s)
				if t < 0 || m.used[t] {
					break
				}
				m.used[t] = true
				e = m.end(t, e)
				s = t
				back = append(back, e)
			}
		}
		if closed {
			fwd = fwd[:len(fwd)-1] // the last edge is the first again
		}
		pts := make([]Point, 0, len(back)+len(fwd))
		for k := len(back) - 1; k >= 0; k-- {
			pts = append(pts, edgePoint(g, lv, back[k], h))
		}
		for _, e := range fwd {
			pts = append(pts, edgePoint(g, lv, e, h))
		}
		m.chain = fwd
		lines = append(lines, Line{Pts: pts, Closed: closed})
	}
	return lines
}

// edgePoint interpolates linearly along grid edge e to where it crosses lv.
func edgePoint(g *Grid, lv float64, e, h int32) Point {
	nx := int32(g.NX)
	var i0, j0, i1, j1 int32
	if e < h {
		j0, i0 = e/(nx-1), e%(nx-1)
		i1, j1 = i0+1, j0
	} else {
		e -= h
		j0, i0 = e/nx, e%nx
		i1, j1 = i0, j0+1
	}
	a, b := g.V[j0*nx+i0], g.V[j1*nx+i1]
	t := 0.5
	if a != b {
		t = math.Min(1, math.Max(0, (lv-a)/(b-a)))
	}
	x0, y0 := g.X(int(i0)), g.Y(int(j0))
	x1, y1 := g.X(int(i1)), g.Y(int(j1))
	return Point{x0 + (x1-x0)*t, y0 + (y1-y0)*t}
}

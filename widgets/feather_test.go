package widgets

import (
	"math"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// alphaAt is the alpha the triangles give the point (x, y), interpolated as
// the GPU does: the largest over the triangles that hold it, 0 outside all.
func alphaAt(vs []ebiten.Vertex, is []uint16, x, y float64) float64 {
	best, in := 0.0, false
	for k := 0; k+2 < len(is); k += 3 {
		a, b, c := vs[is[k]], vs[is[k+1]], vs[is[k+2]]
		ax, ay := float64(a.DstX), float64(a.DstY)
		bx, by := float64(b.DstX), float64(b.DstY)
		cx, cy := float64(c.DstX), float64(c.DstY)
		d := (by-cy)*(ax-cx) + (cx-bx)*(ay-cy)
		if math.Abs(d) < 1e-12 {
			continue
		}
		l1 := ((by-cy)*(x-cx) + (cx-bx)*(y-cy)) / d
		l2 := ((cy-ay)*(x-cx) + (ax-cx)*(y-cy)) / d
		l3 := 1 - l1 - l2
		const eps = 1e-9
		if l1 < -eps || l2 < -eps || l3 < -eps {
			continue
		}
		v := l1*float64(a.ColorA) + l2*float64(b.ColorA) + l3*float64(c.ColorA)
		if !in || v > best {
			best, in = v, true
		}
	}
	return best
}

func TestFeatheredSegmentCoverage(t *testing.T) {
	white := straight{1, 1, 1, 1}
	vs, is := appendSegment(nil, nil, 10, 10, 30, 10, 4, 0, true, white)
	for _, c := range []struct{ x, y, want float64 }{
		{20, 10, 1}, {20, 11.5, 1}, {20, 12, 0.5}, {20, 8, 0.5}, {20, 12.6, 0}, {20, 7.4, 0},
		{10, 10, 0.5}, {30, 10, 0.5}, {9.4, 10, 0}, {11, 10, 1},
	} {
		if got := alphaAt(vs, is, c.x, c.y); math.Abs(got-c.want) > 1e-6 {
			t.Errorf("horizontal w=4: alpha at (%g, %g) = %g, want %g", c.x, c.y, got, c.want)
		}
	}
	// A diagonal: the alpha follows the distance d from the centre line,
	// clamp(w/2 + 0.5 − d, 0, 1), whatever the direction.
	vs, is = appendSegment(nil, nil, 0, 0, 20, 20, 3, 0, true, white)
	nx, ny := -math.Sqrt2/2, math.Sqrt2/2
	for _, d := range []float64{0, 0.7, 1, 1.5, 1.8, 2.1} {
		want := math.Min(math.Max(1.5+0.5-d, 0), 1)
		if got := alphaAt(vs, is, 10+nx*d, 10+ny*d); math.Abs(got-want) > 1e-6 {
			t.Errorf("diagonal w=3: alpha at distance %g = %g, want %g", d, got, want)
		}
	}
	// A hairline covers part of its pixels.
	vs, is = appendSegment(nil, nil, 0, 0, 10, 0, 0.5, 0, true, white)
	if got := alphaAt(vs, is, 5, 0); math.Abs(got-0.5) > 1e-6 {
		t.Errorf("hairline w=0.5: peak alpha %g, want 0.5", got)
	}
}

// A polyline's joints are covered however sharp the turn: the segments'
// ends overlap by half the width.
func TestFeatheredPolylineJoints(t *testing.T) {
	var s Stroker
	// A zigzag turning back on itself, as SGD does across a narrow valley.
	xy := []float32{0, 0, 20, 0, 0, 1, 20, 2}
	s.addFeathered(nil, xy, false, 3, whiteColor{})
	for _, p := range [][2]float64{{20, 0}, {20.9, 0}, {0, 1}, {-0.9, 1}, {10, 0.5}} {
		if got := alphaAt(s.vs, s.is, p[0], p[1]); got < 1-1e-6 {
			t.Errorf("alpha at joint area %v = %g, want 1", p, got)
		}
	}
	// Points piled on one spot add no segments.
	var q Stroker
	pile := []float32{0, 0}
	for range 1000 {
		pile = append(pile, 5, 5)
	}
	q.addFeathered(nil, pile, false, 2, whiteColor{})
	if n := len(q.vs) / 16; n != 2 {
		t.Errorf("1001 points on two spots made %d segments, want 2", n)
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

package surfaces

import "math"

// Grid holds f sampled at NX×NY points spanning Box, row-major from the
// bottom-left: V[j*NX+i] = f(X(i), Y(j)).
type Grid struct {
	NX, NY int
	Box    Box
	V      []float64
}

// X is the data x of column i.
func (g *Grid) X(i int) float64 { return g.Box.X0 + g.Box.W()*float64(i)/float64(g.NX-1) }

// Y is the data y of row j.
func (g *Grid) Y(j int) float64 { return g.Box.Y0 + g.Box.H()*float64(j)/float64(g.NY-1) }

// Sample evaluates f on an nx×ny grid over box into dst (nil allocates; a dst
// whose V is large enough is reused). Non-finite values are stored as NaN so
// contouring can skip those cells.
func Sample(dst *Grid, f func(x, y float64) float64, box Box, nx, ny int) *Grid {
	if nx < 2 || ny < 2 {
		panic("surfaces: grid needs at least 2×2 points")
	}
	if dst == nil {
		dst = &Grid{}
	}
	dst.NX, dst.NY, dst.Box = nx, ny, box
	if cap(dst.V) < nx*ny {
		dst.V = make([]float64, nx*ny)
	}
	dst.V = dst.V[:nx*ny]
	for j := 0; j < ny; j++ {
		y := dst.Y(j)
		row := dst.V[j*nx : (j+1)*nx]
		for i := range row {
			v := f(dst.X(i), y)
			if !finite(v) {
				v = math.NaN()
			}
			row[i] = v
		}
	}
	return dst
}

// Range returns the smallest and largest finite values; ok is false when the
// grid holds none.
func (g *Grid) Range() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range g.V {
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	return lo, hi, lo <= hi
}

package search

import "fmt"

// Box is a search range in log₁₀ units: log₁₀ η from LR[0] to LR[1] and
// log₁₀ λ from Reg[0] to Reg[1].
type Box struct {
	LR, Reg [2]float64
}

// Contains reports whether b holds c (edges included, with a little slack
// for rounding).
func (b Box) Contains(c Box) bool {
	const e = 1e-9
	return c.LR[0] >= b.LR[0]-e && c.LR[1] <= b.LR[1]+e && c.Reg[0] >= b.Reg[0]-e && c.Reg[1] <= b.Reg[1]+e
}

// Has reports whether the point (log η, log λ) lies in b.
func (b Box) Has(lr, reg float64) bool {
	const e = 1e-9
	return lr >= b.LR[0]-e && lr <= b.LR[1]+e && reg >= b.Reg[0]-e && reg <= b.Reg[1]+e
}

// EdgeBand is the share of each axis's span, at each end, that counts as
// the edge of a range.
const EdgeBand = 0.1

// Edge names one side of a range where a best point lies.
type Edge struct {
	// Axis is "learning rate" or "regularization".
	Axis string
	// High is true at the top of the range.
	High bool
}

func (e Edge) String() string {
	side := "bottom"
	if e.High {
		side = "top"
	}
	return fmt.Sprintf("the %s is at the %s of its range", e.Axis, side)
}

// Edges lists the edges of b that the point (log η, log λ) lies within
// EdgeBand of. A best point there means the range was probably wrong: the
// best value may lie beyond it.
func Edges(b Box, lr, reg float64) []Edge {
	var out []Edge
	for _, a := range []struct {
		name   string
		v      float64
		lo, hi float64
	}{{"learning rate", lr, b.LR[0], b.LR[1]}, {"regularization", reg, b.Reg[0], b.Reg[1]}} {
		band := EdgeBand * (a.hi - a.lo)
		switch {
		case a.v <= a.lo+band:
			out = append(out, Edge{Axis: a.name})
		case a.v >= a.hi-band:
			out = append(out, Edge{Axis: a.name, High: true})
		}
	}
	return out
}

// Zoom returns the range of the given spans (in decades) centred on (lr,
// reg), shifted as needed to lie inside b (and cut to b where it is wider).
func Zoom(b Box, lr, reg, lrSpan, regSpan float64) Box {
	fit := func(c, span, lo, hi float64) [2]float64 {
		span = min(span, hi-lo)
		a := min(max(c-span/2, lo), hi-span)
		return [2]float64{a, a + span}
	}
	return Box{LR: fit(lr, lrSpan, b.LR[0], b.LR[1]), Reg: fit(reg, regSpan, b.Reg[0], b.Reg[1])}
}

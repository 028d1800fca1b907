package gradcheck

import (
	"fmt"
	"math"

	"gradlab/sim/data"
	gc "gradlab/sim/gradcheck"
	"gradlab/sim/nn"
)

// The network the scene checks: 2 inputs, 10 ReLU units, 3 classes (63
// parameters), on a seeded spiral of 10 points per class, with the L2
// strength cs231n's two-layer gradient check uses.
const (
	hidden   = 10
	perClass = 10
	classes  = 3
	reg      = 0.05
)

// bugs are the injectable bugs in the order the selector cycles through
// them, "none" first.
var bugs = append([]nn.Bug{nn.NoBug}, nn.Bugs...)

func bugID(b nn.Bug) string {
	if b == nn.NoBug {
		return "none"
	}
	return string(b)
}

func bugIDs() []string {
	var ids []string
	for _, b := range bugs {
		ids = append(ids, bugID(b))
	}
	return ids
}

// block is one parameter block of the network with a short id for
// controls and status.
type block struct {
	nn.Range
	ID string // "W1", "b1", "W2", "b2"
}

// netModel is the network, its data and its (possibly buggy) analytic
// gradient.
type netModel struct {
	net    *nn.Net
	set    *data.Set
	grad   []float64
	ranges []block
	// z are the hidden pre-activations, row-major (point × unit): where
	// they cross 0 are the ReLU kinks a step in the first layer can reach.
	z []float64
}

func newNetModel(seed int, bug nn.Bug) *netModel {
	m := &netModel{set: data.MakeSpiral(perClass, classes, 0.2, uint64(seed))}
	m.net = nn.New([]int{2, hidden, classes}, nn.ReLU)
	m.net.Init(nn.He, 1, uint64(seed))
	// Small random biases: with zero biases every hidden unit sits exactly
	// on its kink at the spiral's centre, where each class starts, and the
	// check of the first layer's biases would be about the kink rather
	// than the code.
	r := data.NewRand(uint64(seed) + 0x9e3779b9)
	for _, rg := range m.net.Params() {
		m.ranges = append(m.ranges, block{rg, fmt.Sprintf("%c%d", map[bool]rune{false: 'W', true: 'b'}[rg.Bias], rg.Layer+1)})
		if rg.Bias {
			for i := rg.Lo; i < rg.Hi; i++ {
				m.net.Theta[i] = 0.1 * r.NormFloat64()
			}
		}
	}
	m.net.Bug = bug
	m.grad = make([]float64, len(m.net.Theta))
	m.net.LossGrad(m.grad, m.set.X, m.set.Y, reg)
	m.z = make([]float64, m.set.N()*hidden)
	w, b := m.ranges[0], m.ranges[1]
	for n := 0; n < m.set.N(); n++ {
		x := m.set.Row(n)
		for j := 0; j < hidden; j++ {
			v := m.net.Theta[b.Lo+j]
			for i := range x {
				v += x[i] * m.net.Theta[w.Lo+i*hidden+j]
			}
			m.z[n*hidden+j] = v
		}
	}
	return m
}

func (m *netModel) size() int { return len(m.net.Theta) }

// loss is the full loss (data + regularisation) at the current Theta.
func (m *netModel) loss() float64 {
	d, r := m.net.Loss(m.set.X, m.set.Y, reg)
	return d + r
}

// at is the loss with parameter i set to x; Theta is restored exactly.
func (m *netModel) at(i int, x float64) float64 {
	old := m.net.Theta[i]
	m.net.Theta[i] = x
	v := m.loss()
	m.net.Theta[i] = old
	return v
}

// diffs are the centered and forward differences along parameter i, the
// formulas of gc.Diff64.
func (m *netModel) diffs(i int, h float64) (centered, forward float64) {
	x := m.net.Theta[i]
	fp, fm, f0 := m.at(i, x+h), m.at(i, x-h), m.at(i, x)
	return (fp - fm) / (2 * h), (fp - f0) / h
}

// sweep is gc.Sweep for the network's loss along parameter i, centered and
// forward at once: f(x) is evaluated once and f(x + h) shared, which halves
// the cost of the curve and gives the same numbers as gc.Diff64.
func (m *netModel) sweep(i int, hs []float64) (centered, forward []float64) {
	x, a := m.net.Theta[i], m.grad[i]
	f0 := m.at(i, x)
	centered, forward = make([]float64, len(hs)), make([]float64, len(hs))
	for k, h := range hs {
		fp, fm := m.at(i, x+h), m.at(i, x-h)
		centered[k] = gc.RelErr(a, (fp-fm)/(2*h))
		forward[k] = gc.RelErr(a, (fp-f0)/h)
	}
	return centered, forward
}

// block returns the block parameter i is in.
func (m *netModel) block(i int) block {
	for _, r := range m.ranges {
		if i >= r.Lo && i < r.Hi {
			return r
		}
	}
	return m.ranges[0]
}

// describe names parameter i: its layer, W or b, and its place.
func (m *netModel) describe(i int) string {
	r := m.block(i)
	k := i - r.Lo
	if r.Bias {
		return fmt.Sprintf("layer %d b, unit %d", r.Layer+1, k+1)
	}
	return fmt.Sprintf("layer %d W, row %d col %d", r.Layer+1, k/r.Cols+1, k%r.Cols+1)
}

// kinkDist is how far parameter i can move before some hidden unit's
// pre-activation changes sign for some point: a step larger than that
// crosses a ReLU kink. Only first-layer parameters move pre-activations;
// for the others there is no kink and it is +∞.
func (m *netModel) kinkDist(i int) float64 {
	w, b := m.ranges[0], m.ranges[1]
	d := math.Inf(1)
	switch {
	case i >= w.Lo && i < w.Hi:
		in, j := (i-w.Lo)/hidden, (i-w.Lo)%hidden
		for n := 0; n < m.set.N(); n++ {
			if x := math.Abs(m.set.Row(n)[in]); x > 0 {
				d = math.Min(d, math.Abs(m.z[n*hidden+j])/x)
			}
		}
	case i >= b.Lo && i < b.Hi:
		j := i - b.Lo
		for n := 0; n < m.set.N(); n++ {
			d = math.Min(d, math.Abs(m.z[n*hidden+j]))
		}
	}
	return d
}

// defaultParam is the parameter the scene opens on: the first weight of
// the second layer, whose loss is smooth, so its curve is a clean V.
func (m *netModel) defaultParam() int { return m.ranges[2].Lo }

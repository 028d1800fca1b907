package ensemble

import (
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// Orders is how many member orders AccuracyVsK averages over in Measure.
const Orders = 24

// Result is an experiment measured on its validation set at one moment.
type Result struct {
	// Summary holds the members' accuracies and their averaged
	// prediction's (the independent ensemble).
	Summary
	// Steps are the updates each member had taken (the fewest of any).
	Steps int
	// Disagree is the fraction of validation points on which the members'
	// predicted classes are not all equal.
	Disagree float64
	// VsK[k−1] is the accuracy of k members' average, over Orders orders.
	VsK []float64
	// Snapshots is how many snapshot members are taken; SnapEnsemble the
	// accuracy of their average, SnapLast the last one alone (the warm-
	// restart run's own result); SnapVsK[k−1] the last k snapshots'
	// average. Zero while no snapshot is taken.
	Snapshots              int
	SnapEnsemble, SnapLast float64
	SnapVsK                []float64
	// PolyakN is how many checkpoints the Polyak mean holds; Polyak the
	// accuracy of the network with their mean weights; PolyakBase the
	// first member's own accuracy now, the network it is compared with.
	PolyakN            int
	Polyak, PolyakBase float64
}

// Measurer measures networks of one shape on one set, reusing its buffers.
type Measurer struct {
	Set   *data.Set
	net   *nn.Net
	probs [][]float64
}

// Probs writes the class probabilities of the network of the given shape
// with weights theta on every point of the set into dst (nil: allocate).
func (m *Measurer) Probs(dst []float64, shape *nn.Net, theta []float64) []float64 {
	if m.net == nil || len(m.net.Theta) != len(theta) {
		m.net = nn.New(shape.Sizes, shape.Act)
	}
	copy(m.net.Theta, theta)
	if len(dst) != m.Set.N()*m.net.Classes() {
		dst = nil
	}
	return m.net.Probs(dst, m.Set.X)
}

// probsOf is Probs into the i-th reusable buffer.
func (m *Measurer) probsOf(i int, shape *nn.Net, theta []float64) []float64 {
	for len(m.probs) <= i {
		m.probs = append(m.probs, nil)
	}
	m.probs[i] = m.Probs(m.probs[i], shape, theta)
	return m.probs[i]
}

// Measure measures every run's current networks on the validation set.
func (e *Experiment) Measure(m *Measurer) Result {
	if m.Set != e.Val {
		*m = Measurer{Set: e.Val}
	}
	var r Result
	c := e.Val.Classes
	shape := e.Members[0].Net
	if len(e.Val.Y) == 0 {
		return r
	}
	r.Steps = e.Members[0].Steps()
	members := make([][]float64, 0, len(e.Members))
	for i, t := range e.Members {
		members = append(members, m.probsOf(i, shape, t.Net.Theta))
		r.Steps = min(r.Steps, t.Steps())
	}
	r.Summary = Summarize(members, c, e.Val.Y)
	r.Disagree = Disagreement(c, members...)
	r.VsK = AccuracyVsK(members, c, e.Val.Y, Orders, e.Cfg.Seed)
	if n := len(e.Snaps.Thetas); n > 0 {
		snaps := make([][]float64, n)
		for i, th := range e.Snaps.Thetas {
			snaps[i] = m.probsOf(len(e.Members)+i, shape, th)
		}
		r.Snapshots = n
		r.SnapEnsemble = Accuracy(Average(nil, snaps...), c, e.Val.Y)
		r.SnapLast = Accuracy(snaps[n-1], c, e.Val.Y)
		r.SnapVsK = make([]float64, n)
		for k := 1; k <= n; k++ {
			r.SnapVsK[k-1] = Accuracy(Average(nil, snaps[n-k:]...), c, e.Val.Y)
		}
	}
	if n := len(e.Polyak.Thetas); n > 0 {
		r.PolyakN = n
		p := m.Probs(nil, shape, e.Polyak.Mean(nil))
		r.Polyak = Accuracy(p, c, e.Val.Y)
		r.PolyakBase = r.Members[0]
	}
	return r
}

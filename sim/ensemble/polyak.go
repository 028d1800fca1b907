package ensemble

import (
	"fmt"
	"slices"
)

// Polyak averages one run's weights over its last checkpoints: its value is
// the plain (unweighted) mean of θ at the last M checkpoints, taken every
// Every updates and ending with the run's last update (Total). It is not an
// exponential moving average, and not an ensemble: the mean weights make one
// network, which costs one forward pass. It helps where the weights jitter
// around a good point (minibatch noise at a learning rate that has not
// decayed) and does nothing where they have settled.
type Polyak struct {
	Total, Every, M int
	// Thetas are the checkpoints taken so far (at most M); Taken their
	// update counts.
	Thetas [][]float64
	Taken  []int
}

// NewPolyak returns an averager of the last m checkpoints, every updates
// apart, of a run of total updates. It panics unless all three are
// positive.
func NewPolyak(total, every, m int) *Polyak {
	if total < 1 || every < 1 || m < 1 {
		panic(fmt.Sprintf("ensemble: Polyak over %d checkpoints %d apart of %d updates", m, every, total))
	}
	return &Polyak{Total: total, Every: every, M: m}
}

// Points are the update counts of the checkpoints, oldest first: Total,
// Total−Every, … (M of them, those above 0).
func (p *Polyak) Points() []int {
	var out []int
	for i := p.M - 1; i >= 0; i-- {
		if at := p.Total - i*p.Every; at > 0 {
			out = append(out, at)
		}
	}
	return out
}

// Next is the update count of the next checkpoint, or −1 when all are
// taken.
func (p *Polyak) Next() int {
	pts := p.Points()
	if len(p.Thetas) >= len(pts) {
		return -1
	}
	return pts[len(p.Thetas)]
}

// Offer takes a copy of θ when updates is the next checkpoint, and reports
// whether it did.
func (p *Polyak) Offer(updates int, theta []float64) bool {
	if updates != p.Next() {
		return false
	}
	p.Thetas = append(p.Thetas, slices.Clone(theta))
	p.Taken = append(p.Taken, updates)
	return true
}

// Mean writes the mean of the checkpoints taken so far into dst (nil means
// allocate) and returns it; nil when none is taken yet.
func (p *Polyak) Mean(dst []float64) []float64 {
	return MeanTheta(dst, p.Thetas...)
}

// MeanTheta writes the element-wise mean of the weight vectors into dst (nil
// means allocate) and returns it; nil for no vectors. It panics on vectors
// of different lengths.
func MeanTheta(dst []float64, thetas ...[]float64) []float64 {
	if len(thetas) == 0 {
		return nil
	}
	n := len(thetas[0])
	if dst == nil {
		dst = make([]float64, n)
	}
	if len(dst) != n {
		panic(fmt.Sprintf("ensemble: MeanTheta dst has %d entries, want %d", len(dst), n))
	}
	clear(dst)
	for i, th := range thetas {
		if len(th) != n {
			panic(fmt.Sprintf("ensemble: θ %d has %d entries, θ 0 has %d", i, len(th), n))
		}
		for j, v := range th {
			dst[j] += v
		}
	}
	inv := 1 / float64(len(thetas))
	for j := range dst {
		dst[j] *= inv
	}
	return dst
}

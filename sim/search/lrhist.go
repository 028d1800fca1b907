package search

import (
	"math"
	"math/rand/v2"

	"gradlab/sim/sample"
)

// Hist is a histogram of learning-rate draws over [Lo, Hi) in bins of equal
// width on a log scale, so a decade is the same width wherever it lies.
type Hist struct {
	Lo, Hi float64
	Counts []int
	// Draws are the values, in the order drawn.
	Draws []float64
}

// Edge is the lower edge of bin i (Edge(len(Counts)) is Hi).
func (h *Hist) Edge(i int) float64 {
	f := float64(i) / float64(len(h.Counts))
	return math.Pow(10, math.Log10(h.Lo)+f*(math.Log10(h.Hi)-math.Log10(h.Lo)))
}

// Bin is the bin v falls in, or −1 outside [Lo, Hi].
func (h *Hist) Bin(v float64) int {
	if !(v >= h.Lo && v <= h.Hi) { // Hi itself only by rounding: the last bin
		return -1
	}
	f := (math.Log10(v) - math.Log10(h.Lo)) / (math.Log10(h.Hi) - math.Log10(h.Lo))
	return min(int(f*float64(len(h.Counts))), len(h.Counts)-1)
}

// Decade is the share of the draws in [lo, 10·lo).
func (h *Hist) Decade(lo float64) float64 {
	if len(h.Draws) == 0 {
		return 0
	}
	n := 0
	for _, v := range h.Draws {
		if v >= lo && v < 10*lo {
			n++
		}
	}
	return float64(n) / float64(len(h.Draws))
}

// LRHists draws n learning rates from [lo, hi) twice from the same uniform
// numbers: once uniformly, once log-uniformly (10^U(log lo, log hi), the
// way to sample a scale parameter), and bins both into bins log-spaced
// bins. The same seed gives the same draws.
func LRHists(lo, hi float64, n, bins int, seed uint64) (uniform, logUniform Hist) {
	r := rand.New(rand.NewPCG(seed, 0x6c72))
	uniform = Hist{Lo: lo, Hi: hi, Counts: make([]int, bins), Draws: make([]float64, n)}
	logUniform = Hist{Lo: lo, Hi: hi, Counts: make([]int, bins), Draws: make([]float64, n)}
	for i := range n {
		u := r.Float64()
		uniform.Draws[i] = sample.Uniform(u, lo, hi)
		logUniform.Draws[i] = sample.LogUniform(u, lo, hi)
		for _, h := range []*Hist{&uniform, &logUniform} {
			if b := h.Bin(h.Draws[i]); b >= 0 {
				h.Counts[b]++
			}
		}
	}
	return uniform, logUniform
}

package ensemble

import "math/rand/v2"

// AccuracyVsK returns, for k = 1 … len(members), the accuracy of the average
// of k members' probabilities against y. Which k members matters on a small
// validation set, so each k is averaged over orders of the members: the K
// rotations of their own order, then the rotations of seeded shuffles of it,
// orders of them rounded up to a multiple of K. Every member so leads
// equally often: out[0] is exactly the mean member's accuracy, and
// out[K−1] is the whole ensemble's.
func AccuracyVsK(members [][]float64, classes int, y []int, orders int, seed uint64) []float64 {
	k := len(members)
	out := make([]float64, k)
	if k == 0 {
		return out
	}
	orders = (max(orders, 1) + k - 1) / k * k
	r := rand.New(rand.NewPCG(seed, 0x656e73656d626c65))
	base := make([]int, k)
	for i := range base {
		base[i] = i
	}
	sum := make([]float64, len(members[0]))
	for o := 0; o < orders; o++ {
		if o > 0 && o%k == 0 {
			r.Shuffle(k, func(i, j int) { base[i], base[j] = base[j], base[i] })
		}
		clear(sum)
		for j := 0; j < k; j++ {
			for i, v := range members[base[(o+j)%k]] {
				sum[i] += v
			}
			// The sum has the average's argmax: no need to divide.
			out[j] += Accuracy(sum, classes, y)
		}
	}
	for j := range out {
		out[j] /= float64(orders)
	}
	return out
}

// Summary is an ensemble against its members, all measured on one set.
type Summary struct {
	// Members are the members' own accuracies.
	Members []float64
	// Mean and Best are their mean and their best; BestAt is the best
	// member's index (the first of equals).
	Mean, Best float64
	BestAt     int
	// Ensemble is the accuracy of the averaged probabilities.
	Ensemble float64
}

// GainOverMean and GainOverBest are the ensemble's accuracy minus the mean
// and the best member's: the measured gain, negative when it lost.
func (s Summary) GainOverMean() float64 { return s.Ensemble - s.Mean }
func (s Summary) GainOverBest() float64 { return s.Ensemble - s.Best }

// Summarize measures each member and their average on y.
func Summarize(members [][]float64, classes int, y []int) Summary {
	var s Summary
	if len(members) == 0 {
		return s
	}
	for i, m := range members {
		a := Accuracy(m, classes, y)
		s.Members = append(s.Members, a)
		s.Mean += a
		if i == 0 || a > s.Best {
			s.Best, s.BestAt = a, i
		}
	}
	s.Mean /= float64(len(members))
	s.Ensemble = Accuracy(Average(nil, members...), classes, y)
	return s
}

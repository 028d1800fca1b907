// Package ensemble is the arithmetic of combining networks: averaging the
// class probabilities of several members (not their votes), the accuracy of
// that average, how it grows with the number of members, the snapshot
// collector that takes one member per warm-restart cycle of a single run, and
// Polyak averaging of a run's last checkpoints' weights. It works on plain
// slices, so it knows nothing of how the members were trained. It is pure Go:
// no ebiten, no image.
package ensemble

import "fmt"

// Average writes the element-wise mean of the members' probability matrices
// (row-major, one row per point, one column per class, as nn.Net.Probs
// writes them) into dst (nil means allocate) and returns it. Averaging
// probabilities rather than counting votes lets a confident member outweigh
// two unsure ones, and it never ties on a two-class problem with an even
// number of members. It panics on no members or matrices of different sizes.
func Average(dst []float64, members ...[]float64) []float64 {
	if len(members) == 0 {
		panic("ensemble: Average of no members")
	}
	n := len(members[0])
	for i, m := range members {
		if len(m) != n {
			panic(fmt.Sprintf("ensemble: member %d has %d probabilities, member 0 has %d", i, len(m), n))
		}
	}
	if dst == nil {
		dst = make([]float64, n)
	}
	if len(dst) != n {
		panic(fmt.Sprintf("ensemble: Average dst has %d entries, want %d", len(dst), n))
	}
	copy(dst, members[0])
	for _, m := range members[1:] {
		for i, v := range m {
			dst[i] += v
		}
	}
	inv := 1 / float64(len(members))
	for i := range dst {
		dst[i] *= inv
	}
	return dst
}

// Argmax is the most probable class of row i of probs (classes columns);
// ties go to the lower class, as nn.Net.Predict does.
func Argmax(probs []float64, classes, i int) int {
	row := probs[i*classes : (i+1)*classes]
	best := 0
	for j := 1; j < classes; j++ {
		if row[j] > row[best] {
			best = j
		}
	}
	return best
}

// Accuracy is the fraction of rows of probs whose most probable class is
// y's; 0 for no rows. It panics when probs does not hold len(y) rows.
func Accuracy(probs []float64, classes int, y []int) float64 {
	if classes < 1 || len(probs) != classes*len(y) {
		panic(fmt.Sprintf("ensemble: %d probabilities for %d rows of %d classes", len(probs), len(y), classes))
	}
	if len(y) == 0 {
		return 0
	}
	right := 0
	for i, c := range y {
		row := probs[i*classes : (i+1)*classes]
		best := 0
		for j := 1; j < len(row); j++ {
			if row[j] > row[best] {
				best = j
			}
		}
		if best == c {
			right++
		}
	}
	return float64(right) / float64(len(y))
}

// Disagreement is the fraction of rows on which the members' most probable
// classes are not all the same: where an ensemble can differ from its
// members at all. 0 for fewer than two members or no rows.
func Disagreement(classes int, members ...[]float64) float64 {
	if len(members) < 2 || classes < 1 || len(members[0]) == 0 {
		return 0
	}
	rows := len(members[0]) / classes
	split := 0
	for i := 0; i < rows; i++ {
		first := Argmax(members[0], classes, i)
		for _, m := range members[1:] {
			if Argmax(m, classes, i) != first {
				split++
				break
			}
		}
	}
	return float64(split) / float64(rows)
}

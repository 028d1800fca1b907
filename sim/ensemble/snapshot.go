package ensemble

import (
	"fmt"
	"slices"

	"gradlab/sim"
)

// CycleEnds returns where the cycles of a warm-restart schedule end within a
// run of total updates, as update counts: a member taken when the run has
// made CycleEnds[i] updates has just taken the last step of cycle i, the one
// with the cycle's lowest learning rate (the next step restarts at η₀). A
// cycle that total cuts short is left out: its end is not a low point.
// sim.Schedule has no method for this, so it is computed here from T0 and
// TMult the way its Factor walks the cycles (TMult ≤ 1 means equal cycles).
// It panics unless s is a warm-restart schedule.
func CycleEnds(s sim.Schedule, total int) []int {
	if s.Kind != sim.WarmRestart {
		panic(fmt.Sprintf("ensemble: CycleEnds of a %q schedule", s.Kind))
	}
	var ends []int
	length, at := max(s.T0, 1), 0
	for at+length <= total {
		at += length
		ends = append(ends, at)
		if s.TMult > 1 {
			length *= s.TMult
		}
	}
	return ends
}

// Snapshots collects one member per warm-restart cycle from a single run:
// the run's weights θ at each cycle's end. Offer it θ after updates; it
// copies θ at the update counts in Ends and ignores the rest.
type Snapshots struct {
	// Ends are the update counts at which members are taken (CycleEnds).
	Ends []int
	// Thetas are the members taken so far, in cycle order; Taken[i] is the
	// update count member i was taken at.
	Thetas [][]float64
	Taken  []int
}

// NewSnapshots returns a collector for a run of total updates under s.
func NewSnapshots(s sim.Schedule, total int) *Snapshots {
	return &Snapshots{Ends: CycleEnds(s, total)}
}

// Next is the update count of the next member to take, or −1 when all are
// taken; a trainer should not step past it before offering θ.
func (c *Snapshots) Next() int {
	if len(c.Thetas) >= len(c.Ends) {
		return -1
	}
	return c.Ends[len(c.Thetas)]
}

// Offer takes a copy of θ when updates is the next cycle end, and reports
// whether it did.
func (c *Snapshots) Offer(updates int, theta []float64) bool {
	if updates != c.Next() {
		return false
	}
	c.Thetas = append(c.Thetas, slices.Clone(theta))
	c.Taken = append(c.Taken, updates)
	return true
}

package ensemble

import (
	"slices"
	"testing"

	"gradlab/sim"
)

// The cycle ends are where sim.Schedule's warm restarts have their lowest
// rate: the update before each end runs at the cycle's minimum and the
// next one starts again at η₀.
func TestCycleEndsMatchTheSchedule(t *testing.T) {
	for _, c := range []struct {
		t0, mult, total int
		want            []int
	}{
		{10, 1, 50, []int{10, 20, 30, 40, 50}},
		{10, 1, 55, []int{10, 20, 30, 40, 50}},
		{10, 2, 100, []int{10, 30, 70}},
		{400, 1, 2000, []int{400, 800, 1200, 1600, 2000}},
		{7, 3, 7, []int{7}},
		{10, 1, 9, nil},
	} {
		s := sim.Schedule{Kind: sim.WarmRestart, T0: c.t0, TMult: c.mult, MinFactor: 0}
		got := CycleEnds(s, c.total)
		if !slices.Equal(got, c.want) {
			t.Errorf("T0 %d × %d over %d: %v, want %v", c.t0, c.mult, c.total, got, c.want)
			continue
		}
		start := 0
		for _, end := range got {
			low := s.Factor(end - 1)
			for k := start; k < end-1; k++ {
				if s.Factor(k) <= low {
					t.Errorf("T0 %d: step %d has factor %g, not above the end's %g", c.t0, k, s.Factor(k), low)
				}
			}
			if s.Factor(end) != 1 {
				t.Errorf("T0 %d: no restart after update %d (factor %g)", c.t0, end, s.Factor(end))
			}
			start = end
		}
	}
}

// The collector takes exactly one member per cycle, at the cycle's end,
// and copies θ rather than keeping the caller's slice.
func TestSnapshotsOnePerCycle(t *testing.T) {
	s := sim.Schedule{Kind: sim.WarmRestart, T0: 10, TMult: 1}
	c := NewSnapshots(s, 50)
	theta := []float64{0, 0}
	for u := 1; u <= 60; u++ {
		theta[0], theta[1] = float64(u), -float64(u)
		took := c.Offer(u, theta)
		if took != (u%10 == 0 && u <= 50) {
			t.Errorf("update %d: took %v", u, took)
		}
		if again := c.Offer(u, theta); again {
			t.Errorf("update %d offered twice was taken twice", u)
		}
	}
	if !slices.Equal(c.Taken, []int{10, 20, 30, 40, 50}) || len(c.Thetas) != 5 || c.Next() != -1 {
		t.Fatalf("taken %v, next %d", c.Taken, c.Next())
	}
	for i, th := range c.Thetas {
		if u := float64(10 * (i + 1)); th[0] != u || th[1] != -u {
			t.Errorf("member %d is %v", i, th)
		}
	}
}

func TestCycleEndsRefusesOtherSchedules(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	CycleEnds(sim.Schedule{Kind: sim.Cosine, Total: 10}, 10)
}

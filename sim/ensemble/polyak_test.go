package ensemble

import (
	"slices"
	"testing"
)

// The Polyak network's weights are the mean of the last M checkpoints'
// θ, element by element, and nothing older.
func TestPolyakMeanOfLastCheckpoints(t *testing.T) {
	p := NewPolyak(100, 20, 3)
	if !slices.Equal(p.Points(), []int{60, 80, 100}) {
		t.Fatalf("points %v", p.Points())
	}
	if p.Mean(nil) != nil {
		t.Error("a mean of nothing")
	}
	th := make([]float64, 3)
	for u := 1; u <= 100; u++ {
		th[0], th[1], th[2] = float64(u), float64(u*u), -2*float64(u)
		p.Offer(u, th)
	}
	if !slices.Equal(p.Taken, []int{60, 80, 100}) {
		t.Fatalf("taken %v", p.Taken)
	}
	got := p.Mean(nil)
	want := []float64{(60 + 80 + 100) / 3.0, (3600 + 6400 + 10000) / 3.0, -2 * (60 + 80 + 100) / 3.0}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("θ[%d] = %g, want %g", i, got[i], want[i])
		}
	}
	// More checkpoints wanted than the run has: those above 0 only.
	if q := NewPolyak(50, 20, 5); !slices.Equal(q.Points(), []int{10, 30, 50}) {
		t.Errorf("short run: %v", q.Points())
	}
	if m := MeanTheta(nil, []float64{1, 2}); !slices.Equal(m, []float64{1, 2}) {
		t.Errorf("mean of one: %v", m)
	}
}

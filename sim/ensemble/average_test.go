package ensemble

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// Two members on three points of three classes, averaged by hand.
func TestAverageByHand(t *testing.T) {
	a := []float64{0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.4, 0.4, 0.2}
	b := []float64{0.2, 0.5, 0.3, 0.3, 0.3, 0.4, 0.2, 0.1, 0.7}
	want := []float64{0.45, 0.35, 0.2, 0.2, 0.55, 0.25, 0.3, 0.25, 0.45}
	got := Average(nil, a, b)
	for i := range want {
		if !near(got[i], want[i]) {
			t.Fatalf("average %v, want %v", got, want)
		}
	}
	y := []int{0, 1, 2}
	if acc := Accuracy(got, 3, y); !near(acc, 1) {
		t.Errorf("accuracy %g, want 1", acc)
	}
	// Member a ties 0.4/0.4 on point 2: the lower class wins, as
	// nn.Predict does, and it is wrong there.
	if acc := Accuracy(a, 3, y); !near(acc, 2.0/3) {
		t.Errorf("member a's accuracy %g, want 2/3", acc)
	}
	if d := Disagreement(3, a, b); !near(d, 1) {
		t.Errorf("disagreement %g, want 1 (they differ on every point)", d)
	}
	// dst is reused, not reallocated.
	dst := make([]float64, 9)
	if out := Average(dst, a, b); &out[0] != &dst[0] {
		t.Error("dst not used")
	}
}

// The average of identical members is the member, exactly.
func TestAverageOfIdenticalMembersIsTheMember(t *testing.T) {
	m := []float64{0.2, 0.3, 0.5, 0.9, 0.05, 0.05}
	for k := 1; k <= 10; k++ {
		ms := make([][]float64, k)
		for i := range ms {
			ms[i] = m
		}
		got := Average(nil, ms...)
		for i := range m {
			// k equal terms times 1/k may differ from m in the last bit.
			if math.Abs(got[i]-m[i]) > 4e-16 {
				t.Errorf("k=%d: %v", k, got)
			}
		}
		if Disagreement(3, ms...) != 0 {
			t.Errorf("identical members disagree")
		}
	}
}

// Averaging probabilities is not voting: one sure member outweighs two that
// lean the other way by a hair.
func TestAveragingIsNotVoting(t *testing.T) {
	lean0 := []float64{0.55, 0.45}
	sure1 := []float64{0.02, 0.98}
	avg := Average(nil, lean0, lean0, sure1)
	if Argmax(avg, 2, 0) != 1 {
		t.Errorf("average %v should pick class 1 (a vote would pick 0)", avg)
	}
	if !near(avg[1], (0.45+0.45+0.98)/3) {
		t.Errorf("average %v", avg)
	}
}

func TestAverageRefusesMismatchedMembers(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	Average(nil, []float64{1, 0}, []float64{1, 0, 0, 1})
}

// Accuracy against K: the first value is the mean member, the last the
// whole ensemble, whatever the orders.
func TestAccuracyVsK(t *testing.T) {
	// Four points, two classes; each member is right on a different
	// three, and sure where it is wrong on one point only.
	y := []int{0, 1, 0, 1}
	ms := [][]float64{
		{0.9, 0.1, 0.2, 0.8, 0.8, 0.2, 0.3, 0.7},   // right, right, right, right
		{0.4, 0.6, 0.3, 0.7, 0.7, 0.3, 0.4, 0.6},   // wrong, right, right, right
		{0.8, 0.2, 0.6, 0.4, 0.6, 0.4, 0.45, 0.55}, // right, wrong, right, right
	}
	own := []float64{1, 0.75, 0.75}
	for i, m := range ms {
		if a := Accuracy(m, 2, y); !near(a, own[i]) {
			t.Fatalf("member %d accuracy %g", i, a)
		}
	}
	for _, orders := range []int{1, 5, 50} {
		v := AccuracyVsK(ms, 2, y, orders, 3)
		if len(v) != 3 || !near(v[0], (1+0.75+0.75)/3) || !near(v[2], Accuracy(Average(nil, ms...), 2, y)) {
			t.Errorf("orders %d: %v", orders, v)
		}
	}
	// One order is rounded up to the three rotations of the own order:
	// the pairs (0,1), (1,2) and (2,0).
	pair := func(i, j int) float64 { return Accuracy(Average(nil, ms[i], ms[j]), 2, y) }
	if v := AccuracyVsK(ms, 2, y, 1, 3); !near(v[1], (pair(0, 1)+pair(1, 2)+pair(2, 0))/3) {
		t.Errorf("k=2 over the rotations: %v", v)
	}
	s := Summarize(ms, 2, y)
	if !near(s.Best, 1) || s.BestAt != 0 || !near(s.Mean, 2.5/3) || !near(s.Ensemble, 1) ||
		!near(s.GainOverMean(), 1-2.5/3) || !near(s.GainOverBest(), 0) || !slices.Equal(s.Members, own) {
		t.Errorf("summary %+v", s)
	}
}

package ensemble

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gradlab/sim/data"
)

func small(seed uint64) Config {
	c := Preset(data.Spiral, 3, seed)
	c.Steps, c.PolyakEvery, c.PolyakM = 200, 10, 4
	return c
}

// The networks do not depend on how the training is sliced: a run advanced
// in small slices of time ends where one finished at once ends, and the
// snapshot and Polyak collectors took their checkpoints at exactly their
// update counts.
func TestExperimentIndependentOfSlicing(t *testing.T) {
	a, b := New(small(4)), New(small(4))
	a.Finish()
	for !b.Done() {
		b.Advance(50*time.Microsecond, 7, 40)
	}
	for i, r := range a.Runs() {
		if !slices.Equal(r.Net.Theta, b.Runs()[i].Net.Theta) {
			t.Fatalf("run %d differs between slicings", i)
		}
	}
	for _, e := range []*Experiment{a, b} {
		if !slices.Equal(e.Snaps.Taken, []int{40, 80, 120, 160, 200}) || !slices.Equal(e.Polyak.Taken, []int{170, 180, 190, 200}) {
			t.Errorf("snapshots at %v, Polyak checkpoints at %v", e.Snaps.Taken, e.Polyak.Taken)
		}
		if !slices.Equal(e.Snaps.Thetas[4], e.Snap.Net.Theta) || !slices.Equal(e.Polyak.Thetas[3], e.Members[0].Net.Theta) {
			t.Error("the last checkpoint is not the run's final weights")
		}
	}
	if a.Steps() != a.Total() {
		t.Errorf("%d steps of %d", a.Steps(), a.Total())
	}
}

// Members differ by seed; the snapshot run starts where member 1 starts.
func TestExperimentMembersDiffer(t *testing.T) {
	e := New(small(1))
	if slices.Equal(e.Members[0].Net.Theta, e.Members[1].Net.Theta) {
		t.Error("members 1 and 2 start alike")
	}
	if !slices.Equal(e.Members[0].Net.Theta, e.Snap.Net.Theta) {
		t.Error("the snapshot run does not start from member 1's weights")
	}
	var m Measurer
	r := e.Measure(&m)
	if r.Snapshots != 0 || r.PolyakN != 0 || len(r.VsK) != 3 || r.Steps != 0 {
		t.Errorf("before training: %+v", r)
	}
}

// The presets, measured on several seeds: the table says what an ensemble
// of five small networks buys on each data set. Asserted only with a wide
// margin: the ensemble beats its mean member on most seeds and on average
// by at least half a point (measured: about two).
func TestPresetsGain(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 2 × 8 experiments")
	}
	for _, kind := range Kinds {
		var b strings.Builder
		fmt.Fprintf(&b, "%s, K = 5, validation accuracy (%%):\nseed   mean   best   ensemble  gain/mean gain/best  snapshot(5)  member1  Polyak(10)  disagree\n", kind)
		const seeds = 8
		var sum [7]float64
		wins := 0
		for seed := uint64(1); seed <= seeds; seed++ {
			e := New(Preset(kind, 5, seed))
			e.Finish()
			var m Measurer
			r := e.Measure(&m)
			row := [7]float64{r.Mean, r.Best, r.Ensemble, r.SnapEnsemble, r.PolyakBase, r.Polyak, r.Disagree}
			for i, v := range row {
				sum[i] += v
			}
			if r.Ensemble > r.Mean {
				wins++
			}
			fmt.Fprintf(&b, "%4d  %5.1f  %5.1f  %7.1f  %+7.1f  %+8.1f  %9.1f  %9.1f  %8.1f  %8.1f\n", seed, 100*r.Mean, 100*r.Best, 100*r.Ensemble,
				100*r.GainOverMean(), 100*r.GainOverBest(), 100*r.SnapEnsemble, 100*r.PolyakBase, 100*r.Polyak, 100*r.Disagree)
		}
		for i := range sum {
			sum[i] /= seeds
		}
		fmt.Fprintf(&b, "mean  %5.1f  %5.1f  %7.1f  %+7.1f  %+8.1f  %9.1f  %9.1f  %8.1f  %8.1f\n", 100*sum[0], 100*sum[1], 100*sum[2],
			100*(sum[2]-sum[0]), 100*(sum[2]-sum[1]), 100*sum[3], 100*sum[4], 100*sum[5], 100*sum[6])
		t.Log(b.String())
		if wins < 6 || sum[2]-sum[0] < 0.005 {
			t.Errorf("%s: the ensemble beat its mean member on %d of %d seeds, by %.1f points on average", kind, wins, seeds, 100*(sum[2]-sum[0]))
		}
	}
}

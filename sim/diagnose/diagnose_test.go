package diagnose

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Real training runs are cached for the whole test binary: each scenario
// trains once per seed.
var (
	runsMu sync.Mutex
	runs   = map[string]Curves{}
)

func curvesOf(sc Scenario, seed uint64) Curves {
	runsMu.Lock()
	defer runsMu.Unlock()
	k := fmt.Sprint(sc.ID, seed)
	if c, ok := runs[k]; ok {
		return c
	}
	r := NewRun(sc, seed)
	r.Finish()
	c := r.Curves()
	runs[k] = c
	return c
}

// seeds are the seeds every scenario is trained with: four natively, one
// under -short and under WebAssembly, where training the seven networks
// four times would take most of a minute in Node.
func seeds(t *testing.T) []uint64 {
	if testing.Short() || runtime.GOARCH == "wasm" {
		t.Log("one seed per scenario: -short or WebAssembly (training 28 networks is the slow part)")
		return []uint64{1}
	}
	return []uint64{1, 2, 3, 4}
}

func TestScenariosAreNamedRight(t *testing.T) {
	for _, sc := range Scenarios {
		for _, seed := range seeds(t) {
			c := curvesOf(sc, seed)
			d := Diagnose(c)
			if d.Condition != sc.Want {
				t.Errorf("%s seed %d: %s (%s)", sc.ID, seed, d.Condition, d.Evidence)
				continue
			}
			if !strings.ContainsAny(d.Evidence, "0123456789") || d.Confidence <= 0.5 || d.Confidence > 1 {
				t.Errorf("%s seed %d: evidence %q confidence %g", sc.ID, seed, d.Evidence, d.Confidence)
			}
			if len(d.Marks) == 0 {
				t.Errorf("%s seed %d: no marks", sc.ID, seed)
			}
			for _, m := range d.Marks {
				if m.Index < 0 || m.Index >= len(c.TrainLoss) || math.IsNaN(m.Value) || math.IsInf(m.Value, 0) {
					t.Errorf("%s seed %d: mark %+v", sc.ID, seed, m)
				}
			}
			if seed == 1 {
				t.Logf("%-9s %s", sc.ID, d.Evidence)
			}
		}
	}
}

// variant is a copy of c seen differently: every k-th point, with
// multiplicative Gaussian noise σ on the losses (independently on the two
// sets, as evaluation noise is), optionally pre-smoothed by an EMA.
func variant(c Curves, k int, sigma float64, ema float64, r *rand.Rand) Curves {
	var v Curves
	v.Classes, v.Diverged, v.DivergedAt, v.Why = c.Classes, c.Diverged, c.DivergedAt, c.Why
	for i := 0; i < len(c.TrainLoss); i += k {
		v.Epoch = append(v.Epoch, c.Epoch[i])
		v.TrainLoss = append(v.TrainLoss, c.TrainLoss[i]*math.Exp(sigma*r.NormFloat64()))
		v.ValLoss = append(v.ValLoss, c.ValLoss[i]*math.Exp(sigma*r.NormFloat64()))
		v.TrainAcc = append(v.TrainAcc, c.TrainAcc[i])
		v.ValAcc = append(v.ValAcc, c.ValAcc[i])
		v.LR = append(v.LR, c.LR[i])
	}
	if ema > 0 {
		for _, xs := range [][]float64{v.TrainLoss, v.ValLoss} {
			for i := 1; i < len(xs); i++ {
				xs[i] = ema*xs[i-1] + (1-ema)*xs[i]
			}
		}
	}
	return v
}

// The randomized variants: clear ones (every point, up to 1 % noise) must
// be named right; degraded and deliberately ambiguous ones (every other
// point, an EMA over the points, 3 % and 60 % noise, 5 points, 1 point,
// pure noise) may only be named right or "cannot tell", never wrongly.
func TestRandomizedVariants(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	ids := []Condition{Unknown}
	ids = append(ids, Conditions...)
	conf := map[[2]Condition]int{}
	var clear, ambiguous, wrong int
	for _, sc := range Scenarios {
		for _, seed := range seeds(t) {
			c := curvesOf(sc, seed)
			for _, sigma := range []float64{0, 0.003, 0.01} {
				v := variant(c, 1, sigma, 0, r)
				d := Diagnose(v)
				conf[[2]Condition{sc.Want, d.Condition}]++
				clear++
				if d.Condition != sc.Want {
					wrong++
					t.Errorf("clear %s seed %d σ %g: %s (%s)", sc.ID, seed, sigma, d.Condition, d.Evidence)
				}
			}
			var degraded []Curves
			for _, k := range []int{1, 2} {
				for _, ema := range []float64{0, 0.3} {
					for _, sigma := range []float64{0, 0.01, 0.03} {
						if k > 1 || ema > 0 || sigma > 0.01 {
							degraded = append(degraded, variant(c, k, sigma, ema, r))
						}
					}
				}
			}
			for _, amb := range append(degraded, variant(c, 1, 0.6, 0, r), truncate(c, 5), truncate(c, 1)) {
				d := Diagnose(amb)
				ambiguous++
				conf[[2]Condition{sc.Want, d.Condition}]++
				if d.Condition != sc.Want && d.Condition != Unknown {
					wrong++
					t.Errorf("ambiguous %s seed %d (%d points): guessed %s (%s)", sc.ID, seed, len(amb.TrainLoss), d.Condition, d.Evidence)
				}
			}
		}
	}
	// Pure noise around a level that is neither ln C nor falling.
	for i := range 20 {
		var c Curves
		c.Classes = 3
		for range 30 + i {
			c.TrainLoss = append(c.TrainLoss, 0.6*math.Exp(0.3*r.NormFloat64()))
			c.ValLoss = append(c.ValLoss, 0.7*math.Exp(0.3*r.NormFloat64()))
		}
		d := Diagnose(c)
		ambiguous++
		conf[[2]Condition{Unknown, d.Condition}]++
		if d.Condition != Unknown {
			wrong++
			t.Errorf("pure noise %d: %s (%s)", i, d.Condition, d.Evidence)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "confusion matrix (rows: the truth, unknown = pure noise; columns: the verdict), %d clear and %d degraded or ambiguous cases, %d wrong\n%-9s", clear, ambiguous, wrong, "")
	for _, c := range ids {
		fmt.Fprintf(&b, "%9s", c.ID())
	}
	for _, a := range ids {
		fmt.Fprintf(&b, "\n%-9s", a.ID())
		for _, p := range ids {
			fmt.Fprintf(&b, "%9d", conf[[2]Condition{a, p}])
		}
	}
	t.Log(b.String())
}

func truncate(c Curves, n int) Curves {
	v := c
	v.Epoch, v.TrainLoss, v.ValLoss = c.Epoch[:n], c.TrainLoss[:n], c.ValLoss[:n]
	v.TrainAcc, v.ValAcc, v.LR = c.TrainAcc[:n], c.ValAcc[:n], c.LR[:n]
	return v
}

func TestEdgeCases(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name string
		c    Curves
		want Condition
	}{
		{"empty", Curves{}, Unknown},
		{"one point", Curves{TrainLoss: []float64{1}, ValLoss: []float64{1}}, Unknown},
		{"NaN inside", Curves{TrainLoss: []float64{1, 0.9, nan, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3}}, LRHigh},
		{"Inf in validation", Curves{TrainLoss: []float64{1, 0.9, 0.8}, ValLoss: []float64{1, math.Inf(1), 0.8}}, LRHigh},
		{"diverged flag", Curves{TrainLoss: []float64{1.1, 0.9}, Diverged: true, DivergedAt: 2, Why: "the loss became NaN"}, LRHigh},
		{"mismatched lengths", Curves{TrainLoss: []float64{1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2}, ValLoss: []float64{1}, LR: []float64{1, 2}, Epoch: []float64{0}}, Unknown},
		{"zeros", Curves{TrainLoss: make([]float64, 20), ValLoss: make([]float64, 20), Classes: 3}, Unknown},
		{"negative", Curves{TrainLoss: []float64{-1, -2, -3, -4, -5, -6, -7, -8, -9}, Classes: 1}, Unknown},
	}
	for _, tc := range cases {
		d := Diagnose(tc.c)
		if d.Condition != tc.want || d.Evidence == "" {
			t.Errorf("%s: %s (%s), want %s", tc.name, d.Condition, d.Evidence, tc.want)
		}
		if strings.Contains(d.Evidence, "NaN") && tc.name != "diverged flag" && tc.name != "NaN inside" {
			t.Errorf("%s: evidence prints NaN: %s", tc.name, d.Evidence)
		}
	}
}

func TestConditionIDs(t *testing.T) {
	for _, c := range append([]Condition{Unknown}, Conditions...) {
		if got, ok := ParseCondition(c.ID()); !ok || got != c || c.Name() == "" {
			t.Errorf("%v: %v %v", c, got, ok)
		}
		if _, ok := ScenarioByID(c.ID()); c != Unknown && !ok {
			t.Errorf("no scenario for %s", c.ID())
		}
	}
}

func TestSmoothKeepsEndsAndDropsSpikes(t *testing.T) {
	got := Smooth([]float64{1, 1, 9, 1, 1, 5}, 5)
	if got[2] != 1 || got[0] != 1 || got[5] != 5 {
		t.Errorf("%v", got)
	}
}

// A run still training is read for what it shows so far: no verdict on
// how it ends (healthy, LR too low, data bug), never "levelled off" while
// the plotted curve still falls, and the finished run still gets its
// verdict.
func TestPartialRunsGetNoVerdictOnTheirEnd(t *testing.T) {
	for _, sc := range Scenarios {
		c := curvesOf(sc, 1)
		n := len(c.TrainLoss)
		for k := MinPoints; k < n; k += max(1, n/30) {
			v := truncate(c, k)
			v.Partial = true
			d := Diagnose(v)
			switch d.Condition {
			case Healthy, LRLow, DataBug:
				t.Errorf("%s at %d of %d points: %s (%s)", sc.ID, k, n, d.Condition, d.Evidence)
			}
			if strings.Contains(d.Evidence, "levelled off") {
				t.Errorf("%s at %d of %d points: %s", sc.ID, k, n, d.Evidence)
			}
			if d.Condition == Unknown && sc.Want == Healthy && !strings.Contains(d.Evidence, "reading so far") {
				t.Errorf("%s at %d: %s", sc.ID, k, d.Evidence)
			}
		}
		if d := Diagnose(c); d.Condition != sc.Want {
			t.Errorf("%s finished: %s (%s)", sc.ID, d.Condition, d.Evidence)
		}
	}
	// A Run says it is partial until its last epoch.
	sc, _ := ScenarioByID("healthy")
	r := NewRun(sc, 1)
	r.T.Step(10 * r.PerEpoch)
	if c := r.Curves(); !c.Partial {
		t.Error("a run 10 epochs in is not partial")
	}
	r.Finish()
	if c := r.Curves(); c.Partial {
		t.Error("a finished run is partial")
	}
}

// A healthy verdict's "levelled off" holds on the plot's log scale: the
// last third of the epochs holds under LevelledLog of the fall there.
func TestHealthyLevelledOnTheLogScale(t *testing.T) {
	var c Curves
	c.Classes = 3
	for i := range 60 { // halving every 10 epochs: a straight line on the log plot
		v := 1.2 * math.Pow(0.5, float64(i)/10)
		c.TrainLoss = append(c.TrainLoss, v)
		c.ValLoss = append(c.ValLoss, v*1.05)
	}
	if d := Diagnose(c); d.Condition == Healthy {
		t.Errorf("a steady exponential fall is called %s: %s", d.Condition, d.Evidence)
	}
}

// The lr-drop evidence describes the plotted points of its plateau: their
// lowest and highest values are in the words.
func TestLRDropEvidenceNamesThePlottedRange(t *testing.T) {
	sc, _ := ScenarioByID("lr-drop")
	for _, seed := range seeds(t) {
		c := curvesOf(sc, seed)
		d := Diagnose(c)
		if d.Condition != PlateauLRDrop {
			t.Fatalf("seed %d: %s", seed, d.Condition)
		}
		from, to := d.Marks[0].Index, d.Marks[1].Index
		st := c.TrainLoss[from : to+1]
		lo, hi := num(slices.Min(st)), num(slices.Max(st))
		if !strings.Contains(d.Evidence, "between "+lo+" and "+hi) {
			t.Errorf("seed %d: the points of epochs %g–%g run %s to %s; evidence: %s", seed, c.Epoch[from], c.Epoch[to], lo, hi, d.Evidence)
		}
		if seed == 1 {
			t.Log(d.Evidence)
		}
	}
}

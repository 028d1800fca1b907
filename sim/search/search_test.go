package search

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

func TestObjectiveRatio(t *testing.T) {
	// Moving off the peak by d along x costs Ratio times what the same move
	// along y costs.
	for _, r := range []float64{1, 3, 10, 100} {
		o := NewObjective(r, 7)
		if s := o.Score(o.PeakX, o.PeakY); math.Abs(s-1) > 1e-12 {
			t.Errorf("ratio %g: peak scores %g, want 1", r, s)
		}
		for _, d := range []float64{0.01, 0.05, 0.2} {
			dx := 1 - o.Score(o.PeakX+d, o.PeakY)
			dy := 1 - o.Score(o.PeakX, o.PeakY+d)
			if math.Abs(dx/dy-r) > 1e-9*r {
				t.Errorf("ratio %g, d %g: x costs %g, y %g (ratio %g)", r, d, dx, dy, dx/dy)
			}
		}
	}
	if o := NewObjective(0.2, 1); o.Ratio != 1 {
		t.Errorf("a ratio below 1 should be raised to 1, got %g", o.Ratio)
	}
}

func TestDistinctValuesOnTheImportantAxis(t *testing.T) {
	// Bergstra & Bengio's point: with n² trials a grid tries n values of
	// each axis; random and quasi-random search try n² of each.
	o := NewObjective(10, 1)
	for _, tc := range []struct{ n, gx, gy int }{{25, 5, 5}, {9, 3, 3}, {100, 10, 10}, {30, 6, 5}, {42, 7, 6}} {
		for _, r := range Compare(o, Methods, tc.n, 1, 0) {
			wx, wy := tc.n, tc.n
			if r.Method == Grid {
				wx, wy = tc.gx, tc.gy
			}
			if r.DistinctX != wx || r.DistinctY != wy {
				t.Errorf("%s with budget %d: %d × %d distinct values, want %d × %d", r.Method, tc.n, r.DistinctX, r.DistinctY, wx, wy)
			}
		}
	}
}

// Every method spends exactly the budget, so the tally compares equals.
func TestEveryMethodSpendsTheWholeBudget(t *testing.T) {
	o := NewObjective(10, 1)
	for n := 1; n <= 100; n++ {
		for _, r := range Compare(o, Methods, n, 1, 3) {
			if len(r.Points) != n || len(r.Scores) != n {
				t.Fatalf("%s with budget %d: %d points", r.Method, n, len(r.Points))
			}
		}
	}
}

func TestHaltonPointsAreGonums(t *testing.T) {
	// The scene's quasi-random points are gonum's scrambled Halton sequence
	// for the same source.
	const n = 25
	got := Points(Halton, n, 3, 4)
	want := mat.NewDense(n, 2, nil)
	samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(2, nil), Src: rand.NewPCG(3, 2*4+2)}.Sample(want)
	for i := range n {
		for j := range 2 {
			if got[i][j] != want.At(i, j) {
				t.Fatalf("point %d coordinate %d: %v, gonum %v", i, j, got[i][j], want.At(i, j))
			}
		}
	}
}

func TestPointsResampleButGridStays(t *testing.T) {
	for _, m := range Methods {
		a, b := Points(m, 25, 1, 0), Points(m, 25, 1, 1)
		if reflect.DeepEqual(a, b) != (m == Grid) {
			t.Errorf("%s: a new draw gave the same points: %v", m, reflect.DeepEqual(a, b))
		}
		if !reflect.DeepEqual(a, Points(m, 25, 1, 0)) {
			t.Errorf("%s: the same draw gave other points", m)
		}
		for _, p := range a {
			if p[0] < 0 || p[0] >= 1 || p[1] < 0 || p[1] >= 1 {
				t.Fatalf("%s: point %v outside the unit square", m, p)
			}
		}
	}
}

func TestTallyRandomBeatsGridWhenOneAxisMatters(t *testing.T) {
	// Ratio 10, budget 25: over 400 resamples per seed, each with its own
	// objective, random and Halton search between them win over three
	// times in four, and both find a better best on average than the grid
	// (measured: grid wins 17–19 %, mean best grid 0.71, random 0.87,
	// Halton 0.91).
	for seed := uint64(1); seed <= 3; seed++ {
		tl := NewTally(NewObjective(10, seed), Methods, 25, seed, 400)
		for !tl.Finished() {
			tl.Advance(37)
		}
		t.Logf("seed %d: wins grid %.2f random %.2f halton %.2f; mean best %.3f %.3f %.3f",
			seed, tl.Share(0), tl.Share(1), tl.Share(2), tl.Mean(0), tl.Mean(1), tl.Mean(2))
		if tl.Share(0) > 0.25 || tl.Mean(2) < tl.Mean(0) || tl.Mean(1) < tl.Mean(0) {
			t.Errorf("seed %d: grid wins %.2f, means %.3f %.3f %.3f", seed, tl.Share(0), tl.Mean(0), tl.Mean(1), tl.Mean(2))
		}
		if tl.Wins[0]+tl.Wins[1]+tl.Wins[2]+tl.Ties != tl.Done || tl.Done != 400 {
			t.Errorf("counts %v + %d ties of %d", tl.Wins, tl.Ties, tl.Done)
		}
	}
	// When both axes matter alike and the budget is a full 10×10 grid, the
	// grid is no worse: its mean best beats random search's.
	tl := NewTally(NewObjective(1, 1), Methods, 100, 1, 200)
	tl.Advance(200)
	if tl.Mean(0) < tl.Mean(1) {
		t.Errorf("ratio 1, budget 100: grid %.3f, random %.3f", tl.Mean(0), tl.Mean(1))
	}
}

func TestTallyDoesNotDependOnSlicing(t *testing.T) {
	a := NewTally(NewObjective(5, 2), Methods, 16, 2, 50)
	a.Advance(50)
	b := NewTally(NewObjective(5, 2), Methods, 16, 2, 50)
	for !b.Finished() {
		b.Advance(3)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("%+v\n%+v", a, b)
	}
}

func TestParseMethods(t *testing.T) {
	if ms, err := ParseMethods("Halton, grid"); err != nil || !reflect.DeepEqual(ms, []Method{Grid, Halton}) {
		t.Errorf("%v %v", ms, err)
	}
	for _, bad := range []string{"", "grid,grid", "sobol", "grid,,random"} {
		if _, err := ParseMethods(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestLRHists(t *testing.T) {
	// 10^U(−5, −1) puts a quarter of the draws in each decade; U(1e−5,
	// 1e−1) puts 90 % in the top one and 0.99 % in the bottom two.
	const n = 20000
	u, l := LRHists(1e-5, 1e-1, n, 16, 1)
	for _, h := range []Hist{u, l} {
		sum := 0
		for _, c := range h.Counts {
			sum += c
		}
		if sum != n {
			t.Errorf("binned %d of %d", sum, n)
		}
		for _, v := range h.Draws {
			if v < 1e-5 || v > 1e-1 {
				t.Fatalf("draw %g outside the range", v)
			}
		}
	}
	for _, lo := range []float64{1e-5, 1e-4, 1e-3, 1e-2} {
		if d := l.Decade(lo); math.Abs(d-0.25) > 0.02 {
			t.Errorf("log-uniform: decade from %g holds %.3f", lo, d)
		}
	}
	if d := u.Decade(1e-2); math.Abs(d-0.9) > 0.02 {
		t.Errorf("uniform: top decade holds %.3f", d)
	}
	if d := u.Decade(1e-5) + u.Decade(1e-4); math.Abs(d-0.0099) > 0.003 {
		t.Errorf("uniform: bottom two decades hold %.4f", d)
	}
	if u.Edge(0) != 1e-5 || math.Abs(u.Edge(16)-1e-1) > 1e-15 || math.Abs(u.Edge(4)-1e-4)/1e-4 > 1e-12 {
		t.Errorf("edges %g %g %g", u.Edge(0), u.Edge(4), u.Edge(16))
	}
}

func TestEdges(t *testing.T) {
	b := Box{LR: [2]float64{-5, 0}, Reg: [2]float64{-6, 0}}
	for _, tc := range []struct {
		lr, reg float64
		want    []Edge
	}{
		{-2, -3, nil},
		{-0.2, -3, []Edge{{Axis: "learning rate", High: true}}},
		{-4.9, -3, []Edge{{Axis: "learning rate"}}},
		{-2, -5.5, []Edge{{Axis: "regularization"}}},
		{0, 0, []Edge{{Axis: "learning rate", High: true}, {Axis: "regularization", High: true}}},
		{-0.6, -0.7, nil},
	} {
		if got := Edges(b, tc.lr, tc.reg); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("(%g, %g): %v, want %v", tc.lr, tc.reg, got, tc.want)
		}
	}
}

func TestZoomStaysInside(t *testing.T) {
	b := Box{LR: [2]float64{-5, 0}, Reg: [2]float64{-6, 0}}
	for _, tc := range []struct{ lr, reg float64 }{{-2, -3}, {-0.1, -5.9}, {-5, 0}, {-2.5, -0.5}} {
		z := Zoom(b, tc.lr, tc.reg, 1.25, 1.5)
		if !b.Contains(z) || !z.Has(tc.lr, tc.reg) || math.Abs(z.LR[1]-z.LR[0]-1.25) > 1e-12 || math.Abs(z.Reg[1]-z.Reg[0]-1.5) > 1e-12 {
			t.Errorf("zoom on (%g, %g): %v", tc.lr, tc.reg, z)
		}
	}
	if z := Zoom(b, -2, -3, 1.25, 1.5); z.LR != [2]float64{-2.625, -1.375} {
		t.Errorf("an inner point is not centred: %v", z)
	}
}

func TestStagedSearch(t *testing.T) {
	s := New(DefaultConfig())
	s.Finish()
	coarse, fine := s.Stage(Coarse), s.Stage(Fine)
	if len(coarse) != s.Cfg.Coarse.Trials || len(fine) != s.Cfg.Fine.Trials {
		t.Fatalf("%d coarse and %d fine trials", len(coarse), len(fine))
	}
	cb := s.Trials[s.CoarseBest]
	if !s.CoarseBox.Contains(s.FineBox) || !s.FineBox.Has(cb.LogLR, cb.LogReg) || s.FineBox == s.CoarseBox {
		t.Errorf("fine range %v should lie inside %v around the coarse best (%g, %g)", s.FineBox, s.CoarseBox, cb.LogLR, cb.LogReg)
	}
	for _, tr := range coarse {
		if !s.CoarseBox.Has(tr.LogLR, tr.LogReg) || tr.Epochs != s.Cfg.Coarse.Epochs || tr.Steps != tr.Epochs*s.StepsPerEpoch() && !tr.Diverged {
			t.Errorf("coarse trial %+v", tr)
		}
		if better(tr, cb) {
			t.Errorf("coarse trial %+v beats the coarse best %+v", tr, cb)
		}
	}
	for _, tr := range fine {
		if !s.FineBox.Has(tr.LogLR, tr.LogReg) || tr.Epochs <= s.Cfg.Coarse.Epochs || tr.Epochs != s.Cfg.Fine.Epochs {
			t.Errorf("fine trial %+v outside %v or not longer than the coarse ones", tr, s.FineBox)
		}
	}
	fb := s.Trials[s.FineBest]
	rk := s.Ranked()
	if len(rk) != len(s.Trials) {
		t.Errorf("ranking %v of %d trials", rk, len(s.Trials))
	}
	for k := 1; k < len(rk); k++ {
		if better(s.Trials[rk[k]], s.Trials[rk[k-1]]) {
			t.Errorf("ranking: trial %d above trial %d", rk[k-1], rk[k])
		}
	}
	if len(s.CoarseEdges) != 0 {
		t.Errorf("the default search's coarse best (%g, %g) should be inside its range: %v", cb.LogLR, cb.LogReg, s.CoarseEdges)
	}
	if s.Phase != Done || s.Final.Stage != Retrain || s.Final.LogLR != fb.LogLR || s.Final.LogReg != fb.LogReg ||
		s.Final.Epochs != s.Cfg.RetrainEpochs || s.Final.Diverged || s.FinalNet == nil ||
		s.FinalNet.Accuracy(s.Val.X, s.Val.Y) != s.Final.ValAcc {
		t.Errorf("final %+v, fine best %+v", s.Final, fb)
	}
	t.Logf("coarse best η %.3g λ %.3g: %.1f %%; fine best η %.3g λ %.3g: %.1f %%; retrained %d epochs: validation %.1f %%, training %.1f %%",
		cb.LR(), cb.Reg(), 100*cb.ValAcc, fb.LR(), fb.Reg(), 100*fb.ValAcc, s.Final.Epochs, 100*s.Final.ValAcc, 100*s.Final.TrainAcc)
	// The retrained choice is a good model of the spiral, and the fine
	// stage found at least what the coarse one had.
	if s.Final.ValAcc < 0.9 || fb.ValAcc < cb.ValAcc {
		t.Errorf("final validation accuracy %.3f; fine best %.3f, coarse best %.3f", s.Final.ValAcc, fb.ValAcc, cb.ValAcc)
	}
}

func TestEdgeWarningFiresWhenTheRangeIsWrong(t *testing.T) {
	// Learning rates from 1e−7 to 1e−3 are all too small for five epochs:
	// the best is the largest tried, at the top of the range.
	c := DefaultConfig()
	c.Range = Box{LR: [2]float64{-7, -3}, Reg: [2]float64{-6, 0}}
	s := New(c)
	s.Finish()
	cb := s.Trials[s.CoarseBest]
	if len(s.CoarseEdges) == 0 || s.CoarseEdges[0] != (Edge{Axis: "learning rate", High: true}) {
		t.Errorf("coarse best η %.3g λ %.3g (%.2f): edges %v", cb.LR(), cb.Reg(), cb.ValAcc, s.CoarseEdges)
	}
	// The fine range then runs into the coarse range's top.
	if s.FineBox.LR[1] != c.Range.LR[1] {
		t.Errorf("fine range %v", s.FineBox)
	}
}

func TestSearchDoesNotDependOnSlicing(t *testing.T) {
	c := DefaultConfig()
	c.Coarse, c.Fine, c.RetrainEpochs = Stage{Trials: 4, Epochs: 2}, Stage{Trials: 3, Epochs: 4}, 5
	a := New(c)
	a.Finish()
	b := New(c)
	for b.Phase != Done {
		b.Advance(time.Hour, 7)
	}
	if !reflect.DeepEqual(a.Trials, b.Trials) || a.Final != b.Final || a.Steps != b.Steps {
		t.Errorf("one go: %+v\nslices: %+v", a.Trials, b.Trials)
	}
}

func TestDivergedTrialsRankLast(t *testing.T) {
	c := DefaultConfig()
	c.Opt = "sgd"
	c.Range = Box{LR: [2]float64{2, 3}, Reg: [2]float64{-6, -5}} // η 100 … 1000: every run blows up
	c.Coarse, c.Fine, c.RetrainEpochs = Stage{Trials: 3, Epochs: 2}, Stage{Trials: 2, Epochs: 3}, 3
	s := New(c)
	s.Finish()
	for _, tr := range s.Trials {
		if !tr.Diverged || tr.Why == "" || math.IsNaN(tr.ValAcc) {
			t.Errorf("trial %+v", tr)
		}
	}
	if !better(Trial{ValAcc: 0.3}, Trial{ValAcc: 0.9, Diverged: true}) {
		t.Error("a diverged run ranked above a finished one")
	}
}

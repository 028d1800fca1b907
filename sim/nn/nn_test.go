package nn

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"gradlab/sim"
	"gradlab/sim/data"
)

// naive is a deliberately plain second implementation of the forward pass:
// row-major, one example and one unit at a time, straight from the cs231n
// formulas, with none of the feature-major layout and blocking of kernels.go.
// The optimised passes are checked against it. It ignores n.Bug. pre holds
// every hidden layer's pre-activations, row-major.
func naive(n *Net, x []float64, y []int, reg float64) (dataLoss, regLoss float64, probs []float64, pre [][]float64) {
	rows := len(x) / n.Sizes[0]
	in := x
	for l := 0; l < n.Layers(); l++ {
		fi, fo := n.Sizes[l], n.Sizes[l+1]
		rw, rb := n.Params()[2*l], n.Params()[2*l+1]
		w, b := n.Theta[rw.Lo:rw.Hi], n.Theta[rb.Lo:rb.Hi]
		z := make([]float64, rows*fo)
		for i := 0; i < rows; i++ {
			for j := 0; j < fo; j++ {
				s := b[j]
				for k := 0; k < fi; k++ {
					s += in[i*fi+k] * w[k*fo+j]
				}
				z[i*fo+j] = s
			}
		}
		if l == n.Layers()-1 {
			in = z
			break
		}
		pre = append(pre, slices.Clone(z))
		for i, v := range z {
			switch n.Act {
			case ReLU:
				z[i] = math.Max(0, v)
			case Tanh:
				z[i] = math.Tanh(v)
			}
		}
		in = z
	}
	c := n.Classes()
	probs = make([]float64, rows*c)
	for i := 0; i < rows; i++ {
		m := math.Inf(-1)
		for j := 0; j < c; j++ {
			m = math.Max(m, in[i*c+j])
		}
		var sum float64
		for j := 0; j < c; j++ {
			sum += math.Exp(in[i*c+j] - m)
		}
		for j := 0; j < c; j++ {
			probs[i*c+j] = math.Exp(in[i*c+j]-m) / sum
		}
		dataLoss -= math.Log(probs[i*c+y[i]])
	}
	dataLoss /= float64(rows)
	for _, r := range n.Params() {
		if !r.Bias {
			for _, w := range n.Theta[r.Lo:r.Hi] {
				regLoss += 0.5 * reg * w * w
			}
		}
	}
	return dataLoss, regLoss, probs, pre
}

// randomProblem returns a network with He weights and non-zero biases (so
// the bias gradients are exercised) and a few random labelled points.
func randomProblem(sizes []int, act Activation, rows int, seed uint64) (*Net, []float64, []int) {
	n := New(sizes, act)
	n.Init(He, 1, seed)
	r := rand.New(rand.NewPCG(seed, 99))
	for _, p := range n.Params() {
		if p.Bias {
			for i := p.Lo; i < p.Hi; i++ {
				n.Theta[i] = r.Float64() - 0.5
			}
		}
	}
	x := make([]float64, rows*sizes[0])
	for i := range x {
		x[i] = 2*r.Float64() - 1
	}
	y := make([]int, rows)
	for i := range y {
		y[i] = r.IntN(n.Classes())
	}
	return n, x, y
}

var shapes = []struct {
	sizes []int
	act   Activation
}{
	{[]int{3, 4}, Identity}, // a linear softmax classifier
	{[]int{3, 5, 4}, ReLU},
	{[]int{3, 5, 4}, Tanh},
	{[]int{3, 6, 5, 4}, ReLU},
	{[]int{3, 6, 5, 4}, Tanh},
	{[]int{2, 4, 4, 3}, Identity},
	{[]int{2, 7, 3}, ReLU}, // blocks of 4 with a remainder of 3, 1 input pair
}

func TestForwardMatchesNaive(t *testing.T) {
	for _, sh := range shapes {
		for _, rows := range []int{1, 7, 2*chunk + 3} {
			n, x, y := randomProblem(sh.sizes, sh.act, rows, 1)
			wantD, wantR, wantP, _ := naive(n, x, y, 0.3)
			d, r := n.Loss(x, y, 0.3)
			p := n.Probs(nil, x)
			if math.Abs(d-wantD) > 1e-12*wantD || math.Abs(r-wantR) > 1e-12*wantR {
				t.Errorf("%v %s, %d rows: loss %.15g + %.15g, naive %.15g + %.15g", sh.sizes, sh.act, rows, d, r, wantD, wantR)
			}
			for i := range p {
				if math.Abs(p[i]-wantP[i]) > 1e-13 {
					t.Fatalf("%v %s: prob %d = %.15g, naive %.15g", sh.sizes, sh.act, i, p[i], wantP[i])
				}
			}
		}
	}
}

// TestGradientMatchesFiniteDifferences compares LossGrad with gonum's central
// differences for every activation, depth and with regularisation on and off.
// The cs231n notes ("Neural Networks Part 3", gradient checks) take a relative
// error below 1e-7 as correct; the points are chosen with every ReLU
// pre-activation well away from its kink at 0, where the central difference
// would straddle it.
func TestGradientMatchesFiniteDifferences(t *testing.T) {
	var overall float64
	for _, sh := range shapes {
		for _, reg := range []float64{0, 0.3} {
			n, x, y := randomProblem(sh.sizes, sh.act, 7, 2)
			if sh.act == ReLU {
				_, _, _, pre := naive(n, x, y, 0)
				for _, z := range pre {
					for _, v := range z {
						if math.Abs(v) < 1e-3 {
							t.Fatalf("%v: a pre-activation is %g, too near the kink; pick another seed", sh.sizes, v)
						}
					}
				}
			}
			theta := slices.Clone(n.Theta)
			num := fd.Gradient(nil, func(p []float64) float64 {
				copy(n.Theta, p)
				d, r := n.Loss(x, y, reg)
				return d + r
			}, theta, &fd.Settings{Formula: fd.Central})
			copy(n.Theta, theta)
			n.LossGrad(nil, x, y, reg)
			worst, at := relErrors(n.Grad, num)
			overall = math.Max(overall, worst)
			if worst > 1e-7 {
				t.Errorf("%v %s reg %g: relative error %.2g at %s (analytic %g, numeric %g)",
					sh.sizes, sh.act, reg, worst, paramName(n, at), n.Grad[at], num[at])
			}
		}
	}
	t.Logf("largest relative error over all shapes: %.2g", overall)
}

// relErrors returns the largest relative error |a−n| / max(|a|, |n|) and its
// index. The denominator is at least 1e-4: a central difference with gonum's
// step h = 6e-6 on a loss near 1 is only good to about ε/h ≈ 1e-11 in
// absolute terms, which is a relative 1e-7 only for gradients above 1e-4.
// Below that the ratio would measure the finite difference's rounding, not
// the gradient.
func relErrors(analytic, numeric []float64) (worst float64, at int) {
	for i, a := range analytic {
		n := numeric[i]
		e := math.Abs(a-n) / math.Max(math.Max(math.Abs(a), math.Abs(n)), 1e-4)
		if !(e <= worst) { // NaN counts as the worst
			worst, at = e, i
			if math.IsNaN(e) {
				return math.Inf(1), i
			}
		}
	}
	return worst, at
}

func paramName(n *Net, i int) string {
	for _, r := range n.Params() {
		if i >= r.Lo && i < r.Hi {
			return r.Name
		}
	}
	return "?"
}

func TestParams(t *testing.T) {
	n := New([]int{2, 100, 3}, ReLU)
	want := []struct {
		name       string
		lo, hi     int
		rows, cols int
	}{{"layer 1 W", 0, 200, 2, 100}, {"layer 1 b", 200, 300, 1, 100},
		{"layer 2 W", 300, 600, 100, 3}, {"layer 2 b", 600, 603, 1, 3}}
	if len(n.Params()) != len(want) || len(n.Theta) != 603 || len(n.Grad) != 603 {
		t.Fatalf("%d ranges, %d parameters", len(n.Params()), len(n.Theta))
	}
	for i, w := range want {
		p := n.Params()[i]
		if p.Name != w.name || p.Lo != w.lo || p.Hi != w.hi || p.Rows != w.rows || p.Cols != w.cols ||
			p.Bias != strings.HasSuffix(w.name, "b") || p.Layer != i/2 {
			t.Errorf("range %d = %+v, want %+v", i, p, w)
		}
	}
}

func TestInit(t *testing.T) {
	a, b := New([]int{50, 400, 10}, ReLU), New([]int{50, 400, 10}, ReLU)
	a.Init(He, 1, 7)
	b.Init(He, 1, 7)
	if !slices.Equal(a.Theta, b.Theta) {
		t.Fatal("same seed, different weights")
	}
	for _, tc := range []struct {
		init  Init
		scale float64
		std   func(in, out float64) float64
	}{
		{Gaussian, 0.01, func(in, out float64) float64 { return 0.01 }},
		{He, 1, func(in, out float64) float64 { return math.Sqrt(2 / in) }},
		{Xavier, 2, func(in, out float64) float64 { return 2 * math.Sqrt(2/(in+out)) }},
	} {
		a.Init(tc.init, tc.scale, 3)
		for _, p := range a.Params() {
			v := a.Theta[p.Lo:p.Hi]
			var ss float64
			for _, w := range v {
				ss += w * w
			}
			got := math.Sqrt(ss / float64(len(v)))
			if p.Bias {
				if got != 0 {
					t.Errorf("%s: %s not zero", tc.init, p.Name)
				}
				continue
			}
			// 4000 or 20000 draws: the sample std is within 5 % of the truth.
			if want := tc.std(float64(p.Rows), float64(p.Cols)); math.Abs(got/want-1) > 0.05 {
				t.Errorf("%s: %s std %g, want %g", tc.init, p.Name, got, want)
			}
		}
	}
}

func TestLargeScoresStayFinite(t *testing.T) {
	// Scores in the thousands, where exp overflows: subtracting the row max
	// keeps the probabilities, the loss and the gradient finite.
	n, x, y := randomProblem([]int{3, 5, 4}, ReLU, 9, 3)
	for i := n.Params()[2].Lo; i < n.Params()[2].Hi; i++ {
		n.Theta[i] *= 1e4
	}
	d, _ := n.LossGrad(nil, x, y, 0)
	if math.IsInf(d, 0) || math.IsNaN(d) || d < 100 {
		t.Errorf("loss %g, want large and finite", d)
	}
	for _, g := range n.Grad {
		if math.IsNaN(g) || math.IsInf(g, 0) {
			t.Fatal("non-finite gradient")
		}
	}
	p := n.Probs(nil, x)
	for i := 0; i < 9; i++ {
		var s float64
		for _, v := range p[i*4 : i*4+4] {
			s += v
		}
		if math.Abs(s-1) > 1e-12 {
			t.Fatalf("row %d sums to %g", i, s)
		}
	}
}

func TestPredictAndAccuracy(t *testing.T) {
	// More rows than one chunk, so the chunked loops are exercised.
	n, x, y := randomProblem([]int{3, 6, 4}, Tanh, chunk+17, 4)
	pred := n.Predict(nil, x)
	p := n.Probs(nil, x)
	right := 0
	for i, c := range pred {
		best := 0
		for j := 1; j < 4; j++ {
			if p[i*4+j] > p[i*4+best] {
				best = j
			}
		}
		if best != c {
			t.Fatalf("row %d: Predict %d, argmax of Probs %d", i, c, best)
		}
		if c == y[i] {
			right++
		}
	}
	if got, want := n.Accuracy(x, y), float64(right)/float64(len(y)); got != want {
		t.Errorf("Accuracy %g, want %g", got, want)
	}
	if n.Accuracy(nil, nil) != 0 {
		t.Error("accuracy of nothing is not 0")
	}
}

func TestStepBatchIsStepOnTheBatch(t *testing.T) {
	s := data.MakeSpiral(20, 3, 0.2, 1)
	a := New([]int{2, 8, 3}, ReLU)
	a.Init(He, 1, 1)
	b := a.Clone()
	oa, ob := sim.New(sim.Momentum, sim.DefaultHyper(sim.Momentum)), sim.New(sim.Momentum, sim.DefaultHyper(sim.Momentum))
	idx := []int{3, 17, 42, 0, 59}
	batch := s.Subset(nil, idx)
	for range 3 {
		da, ra := a.StepBatch(oa, s.X, s.Y, idx, 1e-3, 0.1)
		db, rb := b.Step(ob, batch.X, batch.Y, 1e-3, 0.1)
		if da != db || ra != rb {
			t.Fatalf("StepBatch loss %g+%g, Step %g+%g", da, ra, db, rb)
		}
	}
	if !slices.Equal(a.Theta, b.Theta) {
		t.Error("StepBatch and Step on the gathered batch moved differently")
	}
}

func TestEmptyBatch(t *testing.T) {
	n := New([]int{2, 3}, Identity)
	n.Init(Gaussian, 1, 1)
	d, r := n.LossGrad(nil, nil, nil, 0.5)
	if d != 0 || r <= 0 {
		t.Errorf("empty batch: loss %g + %g", d, r)
	}
	// Only the regularisation pulls on the weights, and not on the biases.
	for _, p := range n.Params() {
		for i := p.Lo; i < p.Hi; i++ {
			want := 0.5 * n.Theta[i]
			if p.Bias {
				want = 0
			}
			if n.Grad[i] != want {
				t.Fatalf("%s gradient %g, want %g", p.Name, n.Grad[i], want)
			}
		}
	}
}

func TestLossGradDoesNotAllocate(t *testing.T) {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	n := New([]int{2, 100, 3}, ReLU)
	n.Init(Gaussian, 0.01, 1)
	o := sim.New(sim.Adam, sim.DefaultHyper(sim.Adam))
	n.Step(o, s.X, s.Y, 1e-3, 1e-3)
	if a := testing.AllocsPerRun(20, func() { n.Step(o, s.X, s.Y, 1e-3, 1e-3) }); a != 0 {
		t.Errorf("a training step allocates %v times", a)
	}
	dst := make([]int, s.N())
	if a := testing.AllocsPerRun(20, func() { n.Predict(dst, s.X) }); a != 0 {
		t.Errorf("Predict into dst allocates %v times", a)
	}
}

func TestCloneIsIndependent(t *testing.T) {
	n, x, y := randomProblem([]int{3, 4, 3}, ReLU, 5, 5)
	n.Bug = BugNoMean
	c := n.Clone()
	if c.Bug != BugNoMean || !slices.Equal(c.Theta, n.Theta) {
		t.Fatal("clone differs")
	}
	c.Theta[0] += 1
	c.LossGrad(nil, x, y, 0)
	if n.Theta[0] == c.Theta[0] {
		t.Error("clone shares parameters")
	}
}

func TestBadInputsPanic(t *testing.T) {
	n := New([]int{2, 3}, Identity)
	for name, f := range map[string]func(){
		"sizes":      func() { New([]int{2}, ReLU) },
		"zero width": func() { New([]int{2, 0, 3}, ReLU) },
		"one class":  func() { New([]int{2, 1}, ReLU) },
		"activation": func() { New([]int{2, 3}, "sigmoid") },
		"init":       func() { n.Init("orthogonal", 1, 0) },
		"ragged x":   func() { n.Loss([]float64{1, 2, 3}, []int{0}, 0) },
		"labels":     func() { n.Loss([]float64{1, 2}, []int{0, 1}, 0) },
		"label 3":    func() { n.Loss([]float64{1, 2}, []int{3}, 0) },
		"grad len":   func() { n.LossGrad(make([]float64, 2), []float64{1, 2}, []int{0}, 0) },
		"probs dst":  func() { n.Probs(make([]float64, 2), []float64{1, 2}) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "nn: ") {
					t.Errorf("%s: panic %v, want an nn: message", name, r)
				}
			}()
			f()
		}()
	}
}

func TestParseNames(t *testing.T) {
	for _, b := range Bugs {
		if got, err := ParseBug(string(b)); err != nil || got != b {
			t.Errorf("ParseBug(%q) = %v, %v", b, got, err)
		}
		if b.Name() == string(b) {
			t.Errorf("bug %q has no human name", b)
		}
	}
	if b, err := ParseBug("none"); err != nil || b != NoBug {
		t.Error(`ParseBug("none") is not NoBug`)
	}
	if _, err := ParseBug("typo"); err == nil {
		t.Error("ParseBug accepted an unknown bug")
	}
	for _, a := range Activations {
		if got, err := ParseActivation(string(a)); err != nil || got != a {
			t.Errorf("ParseActivation(%q) failed", a)
		}
	}
}

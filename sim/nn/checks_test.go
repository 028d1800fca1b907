package nn

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/diff/fd"

	"gradlab/sim"
	"gradlab/sim/data"
)

// The sanity checks of the cs231n notes ("Neural Networks Part 3: Learning
// and Evaluation"), run against every injected bug. Each check is a small
// experiment that a correct network passes; a check flags a bug when the
// buggy network fails it. No single check catches every bug, which is the
// lesson: you run all of them.

// check is one sanity check: it reports whether the network with bug b
// fails it, and a few words on what it saw.
type check struct {
	name string
	run  func(b Bug) (flagged bool, saw string)
}

var checks = []check{
	{"gradient", gradientCheck},
	{"overfit", overfitCheck},
	{"initial loss", initialLossCheck},
	{"regularisation", regularisationCheck},
	{"large scores", largeScoresCheck},
}

// gradientCheck compares the analytic gradient with central differences on a
// 2-6-3 ReLU network, 9 spiral points and reg 0.1 (so the regularisation
// gradient is part of it). The notes read a relative error above 1e-2 as
// "probably wrong"; a correct network is near 1e-9 here.
func gradientCheck(b Bug) (bool, string) {
	s := data.MakeSpiral(100, 3, 0.2, 1).Shuffled(3)
	x, y := s.X[:18], s.Y[:9]
	n := New([]int{2, 6, 3}, ReLU)
	n.Init(He, 1, 2)
	n.Bug = b
	theta := slices.Clone(n.Theta)
	num := fd.Gradient(nil, func(p []float64) float64 {
		copy(n.Theta, p)
		d, r := n.Loss(x, y, 0.1)
		return d + r
	}, theta, &fd.Settings{Formula: fd.Central})
	copy(n.Theta, theta)
	n.LossGrad(nil, x, y, 0.1)
	worst, at := relErrors(n.Grad, num)
	return worst > 1e-2, "max relative error " + fmtG(worst) + " at " + paramName(n, at)
}

// overfitCheck trains the cs231n network (100 ReLU units, W = 0.01·randn,
// SGD with step 1.0) on 5 examples with no regularisation for 1000 steps. A
// correct network memorises them: loss below 0.01 and every one right.
func overfitCheck(b Bug) (bool, string) {
	five := data.MakeSpiral(100, 3, 0.2, 1).Shuffled(5).Subset(nil, []int{0, 1, 2, 3, 4})
	n := New([]int{2, 100, 3}, ReLU)
	n.Init(Gaussian, 0.01, 5)
	n.Bug = b
	o := sim.New(sim.SGD, sim.DefaultHyper(sim.SGD))
	for range 1000 {
		n.Step(o, five.X, five.Y, 0, 1.0)
	}
	d, _ := n.Loss(five.X, five.Y, 0)
	acc := n.Accuracy(five.X, five.Y)
	return !(d < 0.01) || acc < 1, "loss " + fmtG(d) + ", accuracy " + fmtG(acc)
}

// initialLossCheck: with small random weights every class is equally likely,
// so the loss before training is −ln(1/C) = ln 3 ≈ 1.0986 for 3 classes.
func initialLossCheck(b Bug) (bool, string) {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	n := New([]int{2, 100, 3}, ReLU)
	n.Init(Gaussian, 0.01, 6)
	n.Bug = b
	d, r := n.Loss(s.X, s.Y, 0)
	return !(math.Abs(d+r-math.Log(3)) < 0.05), "loss " + fmtG(d+r) + ", ln 3 = 1.0986"
}

// regularisationCheck: turning the regularisation up must raise the loss.
func regularisationCheck(b Bug) (bool, string) {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	n := New([]int{2, 100, 3}, ReLU)
	n.Init(Gaussian, 0.01, 6)
	n.Bug = b
	d0, r0 := n.Loss(s.X, s.Y, 0)
	d1, r1 := n.Loss(s.X, s.Y, 1)
	return !(d1+r1 > d0+r0), "loss " + fmtG(d0+r0) + " with reg 0, " + fmtG(d1+r1) + " with reg 1"
}

// largeScoresCheck scales the output layer's weights by 1000, so the class
// scores reach the thousands, as they do when training runs away: the loss
// and gradient of a correct network are large but finite.
func largeScoresCheck(b Bug) (bool, string) {
	s := data.MakeSpiral(100, 3, 0.2, 1)
	n := New([]int{2, 100, 3}, ReLU)
	n.Init(He, 1, 6)
	n.Bug = b
	w := n.Params()[2]
	for i := w.Lo; i < w.Hi; i++ {
		n.Theta[i] *= 1000
	}
	d, _ := n.LossGrad(nil, s.X, s.Y, 0)
	finite := !math.IsNaN(d) && !math.IsInf(d, 0)
	for _, g := range n.Grad {
		finite = finite && !math.IsNaN(g) && !math.IsInf(g, 0)
	}
	return !finite, "loss " + fmtG(d)
}

func fmtG(v float64) string { return fmt.Sprintf("%.4g", v) }

// TestChecksCatchBugs is the table the program teaches from: for each bug,
// exactly which checks flag it. The correct network passes all of them.
func TestChecksCatchBugs(t *testing.T) {
	want := map[Bug][]string{
		NoBug:          nil,
		BugNoMask:      {"gradient"},
		BugNoMean:      {"gradient", "overfit"},
		BugNoRegGrad:   {"gradient"},
		BugSign:        {"gradient", "overfit"},
		BugTranspose:   {"gradient"},
		BugSoftmaxAxis: {"gradient", "overfit", "initial loss", "large scores"},
		BugNoMax:       {"large scores"},
		BugRegSign:     {"regularisation"},
	}
	for _, b := range append([]Bug{NoBug}, Bugs...) {
		var got []string
		for _, c := range checks {
			flagged, saw := c.run(b)
			if flagged {
				got = append(got, c.name)
			}
			t.Logf("%-13s %-15s flagged=%-5v %s", b, c.name, flagged, saw)
		}
		if !slices.Equal(got, want[b]) {
			t.Errorf("%s (%s): flagged by %q, want %q", b, b.Name(), got, want[b])
		}
	}
	if len(want) != len(Bugs)+1 {
		t.Error("the table does not list every bug")
	}
}

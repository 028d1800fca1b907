// Package schedrun trains one small network per learning-rate schedule,
// epoch by epoch, so that what a schedule does to training can be read off
// the loss: the drop after a step decay, the jump at a warm restart, the
// early blow-up that a warm-up avoids. The schedules are gradlab's own
// (sim.Schedule, the race's), counted in epochs and held for each epoch as a
// PyTorch scheduler stepped once per epoch holds them; the training is
// sim/train's Trainer. It is pure Go: no ebiten, no image.
package schedrun

import (
	"fmt"
	"math"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
)

// Setup is the training every schedule is tried with. Only the schedule
// differs between runs of one Setup: the same data, the same starting
// weights, the same minibatch order.
type Setup struct {
	Data     data.Kind
	PerClass int
	Classes  int
	Hidden   int
	Act      nn.Activation
	Opt      sim.Kind
	// Batch is the minibatch size; it must divide the set's size, so every
	// epoch has the same number of steps and the loss is measured at each
	// epoch's end.
	Batch  int
	Epochs int
	Seed   uint64
}

// DefaultSetup is the set-up the scene trains with, found by measuring (see
// the tests): Adam on a 2-32-3 tanh network over the 300-point spiral in
// minibatches of 30 (10 steps an epoch) for 100 epochs. Adam without a
// warm-up takes full-size steps from the first update, and at a base rate
// near 1 that throws the untrained network's loss far above its start in
// the first epoch; tanh units, unlike ReLUs, do not die, so the runs go on
// and the loss curves can be compared to the end.
func DefaultSetup() Setup {
	return Setup{Data: data.Spiral, PerClass: 100, Classes: 3, Hidden: 32, Act: nn.Tanh,
		Opt: sim.Adam, Batch: 30, Epochs: 100, Seed: 1}
}

// Set makes the setup's data set.
func (s Setup) Set() *data.Set {
	return data.Generate(s.Data, s.PerClass, s.Classes, data.DefaultNoise(s.Data), s.Seed)
}

// StepsPerEpoch is the number of updates in one pass over the set.
func (s Setup) StepsPerEpoch() int {
	n := s.PerClass * s.Classes
	if s.Batch <= 0 || s.Batch >= n {
		return 1
	}
	return (n + s.Batch - 1) / s.Batch
}

// BlowFactor is how many times its start the loss on the whole training set
// may reach before a run counts as blown up: 3 ln 3 ≈ 3.3 for three
// classes, far worse than guessing.
const BlowFactor = 3.0

// Run is one schedule's training.
type Run struct {
	Sched sim.Schedule
	Base  float64
	Tr    *train.Trainer
	// Loss and Acc are the loss and accuracy on the whole training set after
	// each epoch, [0] before any training; LR[e] is the rate epoch e
	// trained at.
	Loss, Acc, LR []float64
	// BlewAt is the first epoch whose loss passed BlowFactor times the start
	// (−1: never); Peak is the highest loss so far and PeakAt its epoch.
	BlewAt int
	Peak   float64
	PeakAt int

	set     *data.Set
	probs   []float64
	pending bool   // an epoch ended and is not measured yet
	why     string // set when a measurement was not finite
}

// NewRun returns a run of sched (its counts in epochs) at base rate base.
func NewRun(set *data.Set, s Setup, sched sim.Schedule, base float64) *Run {
	net := nn.New([]int{set.D, s.Hidden, set.Classes}, s.Act)
	// He's scale, not Xavier's smaller one, even for tanh: the set-up was
	// measured with it, and larger first weights make the early blow-up
	// clearer.
	net.Init(nn.He, 1, s.Seed)
	spe := s.StepsPerEpoch()
	sched.StepsPerEpoch = spe
	// The trainer evaluates only at its start and end: the run measures
	// each epoch itself, loss and accuracy from one forward pass where the
	// trainer's evaluation takes two, the larger part of an epoch's cost.
	total := s.Epochs * spe
	tr := train.New(net, set, nil, sim.New(s.Opt, sim.DefaultHyper(s.Opt)), train.Config{
		LR: base, Schedule: sched, Batch: s.Batch, Seed: s.Seed, EvalEvery: total, MaxSteps: total})
	r := &Run{Sched: sched, Base: base, Tr: tr, BlewAt: -1, set: set}
	r.measure()
	return r
}

// Epoch is the number of whole epochs trained and measured.
func (r *Run) Epoch() int { return len(r.Loss) - 1 }

// Active reports whether the run still trains (or has an epoch to measure).
func (r *Run) Active() bool { return r.Tr.Status == train.Running && r.why == "" || r.pending }

// Diverged reports whether the run was stopped: by the trainer (a loss that
// was not finite or grew past train.ExplodeFactor times its start) or by a
// whole-set loss that was not finite.
func (r *Run) Diverged() bool { return r.Tr.Status == train.Diverged || r.why != "" }

// Why says why a diverged run stopped, with the epoch.
func (r *Run) Why() string {
	spe := max(r.Sched.StepsPerEpoch, 1)
	switch {
	case r.why != "":
		return r.why
	case r.Tr.Status == train.Diverged:
		return fmt.Sprintf("stopped in epoch %d (step %d): %s", r.Tr.At/spe, r.Tr.At, r.Tr.Why)
	}
	return ""
}

// Next does the run's next piece of work, the smallest there is: measure
// the epoch that just ended, or else take one step. It returns the steps
// taken (0 or 1). A UI interleaves runs piece by piece, so a frame's budget
// is overshot by at most one piece.
func (r *Run) Next() int {
	if r.pending {
		r.measure()
		return 0
	}
	if !r.Active() || r.Tr.Step(1) == 0 {
		return 0
	}
	r.pending = r.Tr.Steps()%max(r.Sched.StepsPerEpoch, 1) == 0
	return 1
}

// Advance works for up to budget or n steps (measuring each epoch as it
// ends) and returns the steps taken.
func (r *Run) Advance(budget time.Duration, n int) int {
	t0 := time.Now()
	taken := 0
	for r.Active() && time.Since(t0) < budget && (taken < n || r.pending) {
		taken += r.Next()
	}
	return taken
}

// Finish trains to the end (tests, and the sweeps that found the set-up).
func (r *Run) Finish() {
	for r.Active() {
		r.Advance(time.Hour, 1<<20)
	}
}

// measure records the loss and accuracy on the whole set after the epoch
// just trained, and what they say.
func (r *Run) measure() {
	r.pending = false
	net, set := r.Tr.Net, r.set
	r.probs = net.Probs(grow(r.probs, set.N()*set.Classes), set.X)
	loss, right := 0.0, 0
	for i, y := range set.Y {
		p := r.probs[i*set.Classes : (i+1)*set.Classes]
		// A probability that underflowed counts as 1e-300: a loss of at
		// most 690 per point, far past any blow-up the scene reports.
		loss -= math.Log(math.Max(p[y], 1e-300))
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best == y {
			right++
		}
	}
	loss /= float64(set.N())
	ep := len(r.Loss)
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		r.why = fmt.Sprintf("stopped after epoch %d: the loss on the whole set is not finite", ep)
		return
	}
	r.Loss = append(r.Loss, loss)
	r.Acc = append(r.Acc, float64(right)/float64(set.N()))
	if loss > r.Peak || ep == 0 {
		r.Peak, r.PeakAt = loss, ep
	}
	if r.BlewAt < 0 && ep > 0 && loss > BlowFactor*r.Loss[0] {
		r.BlewAt = ep
	}
	if ep > 0 {
		r.LR = append(r.LR, r.Sched.LR(r.Base, (ep-1)*max(r.Sched.StepsPerEpoch, 1)))
	}
}

func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

// Pending reports whether an epoch has ended and waits to be measured.
func (r *Run) Pending() bool { return r.pending }

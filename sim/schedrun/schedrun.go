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
	tr := train.New(net, set, nil, sim.New(s.Opt, sim.DefaultHyper(s.Opt)), train.Config{
		LR: base, Schedule: sched, Batch: s.Batch, Seed: s.Seed, EvalEvery: spe, MaxSteps: s.Epochs * spe})
	r := &Run{Sched: sched, Base: base, Tr: tr, BlewAt: -1}
	r.collect()
	return r
}

// Epoch is the number of whole epochs trained.
func (r *Run) Epoch() int { return len(r.Loss) - 1 }

// Active reports whether the run still trains.
func (r *Run) Active() bool { return r.Tr.Status == train.Running }

// Diverged reports whether the trainer stopped the run (a loss that was
// not finite or grew past train.ExplodeFactor times its start).
func (r *Run) Diverged() bool { return r.Tr.Status == train.Diverged }

// Why says why a diverged run stopped, with the epoch.
func (r *Run) Why() string {
	if !r.Diverged() {
		return ""
	}
	spe := max(r.Sched.StepsPerEpoch, 1)
	return fmt.Sprintf("stopped in epoch %d (step %d): %s", r.Tr.At/spe, r.Tr.At, r.Tr.Why)
}

// Advance trains for up to budget or n steps and returns the steps taken.
func (r *Run) Advance(budget time.Duration, n int) int {
	k := r.Tr.RunFor(budget, n)
	r.collect()
	return k
}

// Finish trains to the end (tests, and the sweeps that found the set-up).
func (r *Run) Finish() {
	for r.Active() {
		r.Tr.Step(1 << 20)
	}
	r.collect()
}

// collect copies the trainer's new epoch-end evaluations.
func (r *Run) collect() {
	spe := max(r.Sched.StepsPerEpoch, 1)
	for _, e := range r.Tr.Evals[len(r.Loss):] {
		if e.Step%spe != 0 {
			continue // never: MaxSteps is a whole number of epochs
		}
		ep := len(r.Loss)
		r.Loss = append(r.Loss, e.TrainLoss)
		r.Acc = append(r.Acc, e.TrainAcc)
		if e.TrainLoss > r.Peak || ep == 0 {
			r.Peak, r.PeakAt = e.TrainLoss, ep
		}
		if r.BlewAt < 0 && ep > 0 && e.TrainLoss > BlowFactor*r.Loss[0] {
			r.BlewAt = ep
		}
	}
	for len(r.LR) < len(r.Loss)-1 {
		r.LR = append(r.LR, r.Sched.LR(r.Base, len(r.LR)*spe))
	}
}

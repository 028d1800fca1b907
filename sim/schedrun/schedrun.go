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
	// Hidden are the hidden layers' widths.
	Hidden []int
	Act    nn.Activation
	// Init and Scale draw the starting weights (nn.Net.Init).
	Init  nn.Init
	Scale float64
	Opt   sim.Kind
	// Batch is the minibatch size; it must divide the set's size, so every
	// epoch has the same number of steps and the loss is measured at each
	// epoch's end.
	Batch  int
	Epochs int
	Seed   uint64
}

// DefaultSetup is the set-up the scene opens with, found by measuring (see
// the tests): Adam on a 2-32-3 tanh network over the 300-point spiral in
// minibatches of 30 (10 steps an epoch) for 100 epochs. At its base rate
// 0.3 step decay's drops and warm restarts' jumps show plainly in the loss.
// Adam without a warm-up takes full-size steps from the first update: at
// η₀ = 1 the loss jumps several times above its start in the first epoch,
// but it recovers; a genuine divergence that a warm-up prevents needs
// WarmupSetup.
func DefaultSetup() Setup {
	return Setup{Data: data.Spiral, PerClass: 100, Classes: 3, Hidden: []int{32}, Act: nn.Tanh,
		Init: nn.He, Scale: 1, Opt: sim.Adam, Batch: 30, Epochs: 100, Seed: 1}
}

// WarmupSetup is where a warm-up decides between training and diverging,
// found by the sweep in sweep_test.go (over optimizers, depths,
// activations, initial scales and rates, four to six seeds each): plain SGD
// on a deeper 2-32-32-32-3 ReLU network whose He weights are drawn three
// times too large, so the untrained loss surface is far sharper than 2/η
// allows at WarmupBase. Without a warm-up the first epoch at that rate
// throws the loss past DivergeFactor times its start and it never comes
// back (or the ReLUs all die and it sits at chance); a warm-up's first
// small steps flatten it, and at the same peak rate it trains to 99 %.
func WarmupSetup() Setup {
	return Setup{Data: data.Spiral, PerClass: 100, Classes: 3, Hidden: []int{32, 32, 32}, Act: nn.ReLU,
		Init: nn.He, Scale: 3, Opt: sim.SGD, Batch: 30, Epochs: 100, Seed: 1}
}

// WarmupBase is the peak rate WarmupSetup is shown at.
const WarmupBase = 0.5

// Set makes the setup's data set.
func (s Setup) Set() *data.Set {
	return data.Generate(s.Data, s.PerClass, s.Classes, data.DefaultNoise(s.Data), s.Seed)
}

// Sizes are the network's layer widths for set.
func (s Setup) Sizes(set *data.Set) []int {
	return append(append([]int{set.D}, s.Hidden...), set.Classes)
}

// Shape writes the widths as "2-32-3".
func (s Setup) Shape() string {
	out := "2"
	for _, h := range s.Hidden {
		out += fmt.Sprintf("-%d", h)
	}
	return out + fmt.Sprintf("-%d", s.Classes)
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

// DivergeFactor and DivergeEpochs are the rule that stops a run as
// diverged: its whole-set loss has stayed above DivergeFactor times its
// start for DivergeEpochs epochs in a row (or was not finite, or the
// trainer saw a minibatch loss past train.ExplodeFactor times its first).
// The sweep that chose the set-up (sweep_test.go) trained such runs on
// without stopping: none came back down to its start.
const (
	DivergeFactor = 10.0
	DivergeEpochs = 3
)

// stopDiverged lets the sweep train on past the rule, to check that a run
// it stops would never have recovered.
var stopDiverged = true

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
	// DivergedAt is the first epoch of the DivergeEpochs over DivergeFactor
	// times the start that stopped the run (−1: none); it is also set, with
	// stopDiverged off, for a run that went on.
	DivergedAt int
	// DivLoss is the whole-set loss where the run was stopped.
	DivLoss float64
	// high counts the epochs in a row above DivergeFactor times the start.
	high, was int

	set     *data.Set
	probs   []float64
	pending bool   // an epoch ended and is not measured yet
	why     string // set when a measurement was not finite
}

// NewRun returns a run of sched (its counts in epochs) at base rate base.
func NewRun(set *data.Set, s Setup, sched sim.Schedule, base float64) *Run {
	net := nn.New(s.Sizes(set), s.Act)
	net.Init(s.Init, s.Scale, s.Seed)
	spe := s.StepsPerEpoch()
	sched.StepsPerEpoch = spe
	// The trainer evaluates only at its start and end: the run measures
	// each epoch itself, loss and accuracy from one forward pass where the
	// trainer's evaluation takes two, the larger part of an epoch's cost.
	total := s.Epochs * spe
	tr := train.New(net, set, nil, sim.New(s.Opt, sim.DefaultHyper(s.Opt)), train.Config{
		LR: base, Schedule: sched, Batch: s.Batch, Seed: s.Seed, EvalEvery: total, MaxSteps: total})
	r := &Run{Sched: sched, Base: base, Tr: tr, BlewAt: -1, DivergedAt: -1, set: set}
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
		return fmt.Sprintf("diverged at epoch %d (step %d): %s", r.Tr.At/spe+1, r.Tr.At, r.Tr.Why)
	}
	return ""
}

// Short says in a few words where a diverged run stopped and how high its
// loss was: "diverged at epoch 1 (loss 3.4e+04)"; "" for a run that did not.
func (r *Run) Short() string {
	if !r.Diverged() {
		return ""
	}
	if math.IsInf(r.DivLoss, 0) || math.IsNaN(r.DivLoss) {
		return fmt.Sprintf("diverged at epoch %d (loss not finite)", r.DivergedAt)
	}
	return fmt.Sprintf("diverged at epoch %d (loss %s)", r.DivergedAt, num(r.DivLoss))
}

// Reason is the rule that stopped a diverged run, in a few words.
func (r *Run) Reason() string {
	switch {
	case r.Tr.Status == train.Diverged:
		return fmt.Sprintf("a minibatch's loss passed %g× the first one's", train.ExplodeFactor)
	case r.DivLoss > 0 && !math.IsInf(r.DivLoss, 0):
		return fmt.Sprintf("the loss stayed over %g× its start for %d epochs", DivergeFactor, DivergeEpochs)
	case r.Diverged():
		return "the loss was not finite"
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
	spe := max(r.Sched.StepsPerEpoch, 1)
	if r.Tr.Status == train.Diverged {
		// The step that saw the bad loss took no update: nothing new to
		// measure.
		if r.DivergedAt < 0 {
			r.DivergedAt = r.Tr.At/spe + 1
			// The whole set's loss where it stopped, from the stable
			// log-softmax (not the clamped probabilities measure reads).
			r.DivLoss, _ = r.Tr.Net.Loss(r.set.X, r.set.Y, 0)
		}
		return 0
	}
	r.pending = r.Tr.Steps()%spe == 0
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
		r.why = fmt.Sprintf("diverged at epoch %d: the loss on the whole set is not finite", ep)
		if r.DivergedAt < 0 {
			r.DivergedAt = ep
		}
		r.DivLoss = math.Inf(1)
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
	r.high = 0
	if ep > 0 && loss > DivergeFactor*r.Loss[0] {
		r.high = r.was + 1
	}
	r.was = r.high
	if r.DivergedAt < 0 && r.high >= DivergeEpochs {
		r.DivergedAt = ep - DivergeEpochs + 1
		r.DivLoss = r.Loss[r.DivergedAt]
		if stopDiverged {
			r.why = fmt.Sprintf("diverged at epoch %d: the loss stayed above %g× its start (%s) for %d epochs, %s at epoch %d",
				r.DivergedAt, DivergeFactor, num(r.Loss[0]), DivergeEpochs, num(r.Loss[r.DivergedAt]), r.DivergedAt)
		}
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

// num writes a loss with three significant digits (e-notation when large).
func num(v float64) string {
	return fmt.Sprintf("%.3g", v)
}

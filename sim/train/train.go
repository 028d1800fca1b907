// Package train runs a network's training in slices, so that a UI can ask
// for a few milliseconds of it per frame and draw the curves while they grow.
// A Trainer owns the network, the training and validation sets, the optimizer
// and its learning-rate schedule, and records the training loss of every step,
// the learning rate it used, and every so often the loss and accuracy on the
// whole training and validation sets. It never records a NaN or an infinity:
// when the loss stops being finite, or explodes, the run is marked diverged
// with the step and the reason in words, and stops. It is pure Go: no ebiten,
// no image.
package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// Status is where a run stands.
type Status int

const (
	Running Status = iota
	// Diverged means the loss stopped being finite or exploded; see Why.
	Diverged
	// Done means the run took its MaxSteps steps.
	Done
)

func (s Status) String() string {
	return [...]string{"running", "diverged", "done"}[s]
}

// Config holds a run's settings besides the network, data and optimizer.
type Config struct {
	// LR is the base learning rate that Schedule scales.
	LR float64
	// Schedule gives the learning rate of each step. Its steps are optimizer
	// steps (updates), not epochs, whatever the batch size: with minibatches
	// of 30 from 240 points, an epoch is 8 schedule steps. The zero Schedule
	// is constant.
	Schedule sim.Schedule
	// Reg is the L2 strength λ of the loss ½λΣW².
	Reg float64
	// Batch is the minibatch size; 0 (or at least the training set's size)
	// means full batch. Minibatches walk a fresh seeded permutation of the
	// training set each epoch, the last batch of an epoch taking what is
	// left over, as PyTorch's DataLoader with shuffle=True does.
	Batch int
	// Seed chooses the minibatch order.
	Seed uint64
	// EvalEvery is how many steps apart the whole-set evaluations are (0
	// means 10). Each costs a forward pass over the training and validation
	// sets, about as much as a full-batch step, so evaluating every step would
	// nearly halve the training speed of a full-batch run.
	EvalEvery int
	// MaxSteps ends the run when reached; 0 means no limit.
	MaxSteps int
}

// Eval is the network measured on whole sets after Step updates. The losses
// are data losses (the mean cross-entropy, without the regularisation), so
// that training and validation compare like with like.
type Eval struct {
	Step               int
	TrainLoss, ValLoss float64
	TrainAcc, ValAcc   float64
}

// ExplodeFactor is how many times its first value the training loss may grow
// before the run counts as diverged. Softmax cross-entropy starts near ln C,
// so 1000 times that means class scores in the thousands: the weights are
// running away, and the next steps would overflow.
const ExplodeFactor = 1e3

// Trainer steps a network and records what happened. Its fields are for
// reading; change a run through Config before the first step.
type Trainer struct {
	Net        *nn.Net
	Train, Val *data.Set // Val may be nil
	Opt        *sim.Optimizer
	Config     Config

	// Loss[k] is the training objective (data loss + regularisation) at the
	// parameters after k updates, on the batch that step k+1 trained on: the
	// whole training set for full batch, a minibatch otherwise. LR[k] is the
	// learning rate step k+1 used. Both have one entry per step taken.
	Loss, LR []float64
	// Evals are taken after 0 steps, then every EvalEvery steps, and when the
	// run is done.
	Evals  []Eval
	Status Status
	// At is the step at which the status was reached.
	At int
	// Why says in words what ended a diverged run.
	Why string

	rng   *rand.Rand
	perm  []int     // this epoch's order of the training set
	pos   int       // where the next minibatch starts in perm
	batch *data.Set // the gathered minibatch, reused from step to step
}

// New returns a trainer for net on the train set, measuring also on val (nil
// for none), updating with opt. It panics if the sets do not fit the network.
func New(net *nn.Net, train, val *data.Set, opt *sim.Optimizer, cfg Config) *Trainer {
	for _, s := range []*data.Set{train, val} {
		if s == nil {
			continue
		}
		if s.D != net.Sizes[0] || s.Classes > net.Classes() {
			panic(fmt.Sprintf("train: a set of %d-D points in %d classes does not fit a %v network",
				s.D, s.Classes, net.Sizes))
		}
	}
	if train == nil || train.N() == 0 {
		panic("train: empty training set")
	}
	if cfg.EvalEvery <= 0 {
		cfg.EvalEvery = 10
	}
	t := &Trainer{Net: net, Train: train, Val: val, Opt: opt, Config: cfg,
		rng: data.NewRand(cfg.Seed)}
	t.eval()
	return t
}

// Steps is the number of updates taken.
func (t *Trainer) Steps() int { return len(t.Loss) }

// Epoch is how many passes over the training set the updates add up to.
func (t *Trainer) Epoch() float64 {
	return float64(t.Steps()) * float64(t.batchSize()) / float64(t.Train.N())
}

func (t *Trainer) batchSize() int {
	if b := t.Config.Batch; b > 0 && b < t.Train.N() {
		return b
	}
	return t.Train.N()
}

// Last returns the latest evaluation.
func (t *Trainer) Last() Eval { return t.Evals[len(t.Evals)-1] }

// Step takes up to n training steps and returns how many it took: fewer when
// the run diverges or reaches MaxSteps.
func (t *Trainer) Step(n int) int {
	taken := 0
	for ; taken < n && t.Status == Running; taken++ {
		t.step()
	}
	return taken
}

func (t *Trainer) step() {
	k := t.Steps()
	lr := t.Config.Schedule.LR(t.Config.LR, k)
	var d, r float64
	if b := t.batchSize(); b == t.Train.N() {
		d, r = t.Net.TrainGrad(t.Train.X, t.Train.Y, t.Config.Reg)
	} else {
		t.batch = t.Train.Subset(t.batch, t.nextBatch(b))
		d, r = t.Net.TrainGrad(t.batch.X, t.batch.Y, t.Config.Reg)
	}
	loss := d + r
	if why := t.badLoss(loss); why != "" {
		t.diverge(k, why)
		return
	}
	// Only the layers after the network's frozen ones reach the optimizer
	// (see nn.Net.Frozen): a frozen weight is never written.
	th, g := t.Net.Trainable()
	t.Opt.Step(th, g, lr)
	t.Loss = append(t.Loss, loss)
	t.LR = append(t.LR, lr)
	k++
	if t.Config.MaxSteps > 0 && k >= t.Config.MaxSteps {
		t.eval()
		if t.Status == Running {
			t.Status, t.At = Done, k
		}
		return
	}
	if k%t.Config.EvalEvery == 0 {
		t.eval()
	}
}

// badLoss says why loss ends the run, or returns "".
func (t *Trainer) badLoss(loss float64) string {
	switch {
	case math.IsNaN(loss):
		return "the loss became NaN"
	case math.IsInf(loss, 0):
		return "the loss overflowed to infinity"
	case len(t.Loss) > 0 && loss > ExplodeFactor*t.Loss[0]:
		return fmt.Sprintf("the loss exploded to %.3g, over %g times its start %.3g", loss, ExplodeFactor, t.Loss[0])
	}
	return ""
}

func (t *Trainer) diverge(at int, why string) {
	t.Status, t.At, t.Why = Diverged, at, why
}

// eval measures the network on the whole sets and records it, or marks the
// run diverged if a value is not finite.
func (t *Trainer) eval() {
	e := Eval{Step: t.Steps()}
	e.TrainLoss, _ = t.Net.Loss(t.Train.X, t.Train.Y, 0)
	e.TrainAcc = t.Net.Accuracy(t.Train.X, t.Train.Y)
	if t.Val != nil && t.Val.N() > 0 {
		e.ValLoss, _ = t.Net.Loss(t.Val.X, t.Val.Y, 0)
		e.ValAcc = t.Net.Accuracy(t.Val.X, t.Val.Y)
	}
	for _, v := range []float64{e.TrainLoss, e.ValLoss} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.diverge(e.Step, "the loss on the whole set is not finite")
			return
		}
	}
	t.Evals = append(t.Evals, e)
}

// nextBatch returns the indices of the next minibatch, starting a new seeded
// permutation when an epoch is used up.
func (t *Trainer) nextBatch(b int) []int {
	if t.pos >= len(t.perm) {
		if t.perm == nil {
			t.perm = make([]int, t.Train.N())
			for i := range t.perm {
				t.perm[i] = i
			}
		}
		t.rng.Shuffle(len(t.perm), func(i, j int) { t.perm[i], t.perm[j] = t.perm[j], t.perm[i] })
		t.pos = 0
	}
	end := min(t.pos+b, len(t.perm))
	idx := t.perm[t.pos:end]
	t.pos = end
	return idx
}

// RunFor takes steps until budget has passed or maxSteps steps are taken,
// whichever is first, and returns how many it took. It reads the clock only
// every few steps, as many as take about a sixteenth of the budget, so a
// cheap step is not dominated by the clock (which is slow under
// WebAssembly) and an expensive one overshoots by at most one step.
func (t *Trainer) RunFor(budget time.Duration, maxSteps int) int {
	start := time.Now()
	taken, stride := 0, 1
	for taken < maxSteps && t.Status == Running {
		got := t.Step(min(stride, maxSteps-taken))
		taken += got
		if got == 0 {
			break
		}
		el := time.Since(start)
		if el >= budget {
			break
		}
		per := max(el/time.Duration(taken), time.Nanosecond)
		stride = int(min(budget/16, budget-el) / per)
		stride = max(1, min(stride, 1<<16))
	}
	return taken
}

package sanity

import (
	"fmt"
	"math"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// The two training runs, as in the cs231n notes: SGD at step 1 on the
// full batch.
const (
	lr = 1.0
	// overfitSteps is the overfit run's limit; overfitPace its speed in
	// steps per second, slow enough to watch the loss fall.
	overfitSteps = 2000
	overfitPace  = 500.0
	// overfitPass is the loss under which memorising counts as done (with
	// every example right); overfitStop where the run stops, near zero.
	overfitPass = 0.01
	overfitStop = 1e-3
	// fullSteps is the full training's length, fullReg its low λ.
	fullSteps = 1000
	fullReg   = 1e-3
	// perClassFull is the training set's size per class.
	perClassFull = 100
	// windows is how many stretches the full run's curve is judged in;
	// riseTol how much higher than the one before a stretch may be.
	windows = 10
	riseTol = 0.02
)

// verdict is where a check stands.
type verdict int

const (
	running verdict = iota
	pass
	fail
	off // nothing to check (λ = 0)
)

func (v verdict) String() string { return [...]string{"running", "pass", "fail", "off"}[v] }

// run is one training run with what it measured after its last step.
type run struct {
	tr   *train.Trainer
	set  *data.Set // what it trains on (and is judged on)
	stop bool      // finished early: the goal was reached
	// loss and acc are measured on the whole of set after the last step.
	loss, acc float64
	correct   int
	pacer     sim.Pacer
}

func newNet(classes int, bug nn.Bug, seed uint64) *nn.Net {
	n := nn.New([]int{2, hidden, classes}, nn.ReLU)
	n.Init(nn.Gaussian, initScale, seed)
	n.Bug = bug
	return n
}

// newOverfit trains a fresh network on n examples of the set, with no
// regularisation. The examples are the first of the shuffled set that lie
// apart from the ones taken in other classes (see pick).
func newOverfit(set *data.Set, n int, bug nn.Bug, seed uint64) *run {
	few := set.Shuffled(seed).Subset(nil, pick(set.Shuffled(seed), n))
	net := newNet(set.Classes, bug, seed)
	r := &run{set: few, tr: train.New(net, few, nil, sim.New(sim.SGD, sim.DefaultHyper(sim.SGD)),
		train.Config{LR: lr, EvalEvery: 10, MaxSteps: overfitSteps})}
	r.measure()
	return r
}

// apart is how far an example to overfit stays from those of other
// classes.
const apart = 0.1

// pick chooses n points of set in order, skipping any within apart of a
// point already chosen in another class. Two points of different classes
// on the same spot cannot both be right (the spiral starts every arm at
// the origin), and two almost on the same spot take a very long time; the
// check is whether the network can memorise, not whether it can split
// hairs.
func pick(set *data.Set, n int) []int {
	var idx []int
	for i := 0; i < set.N() && len(idx) < n; i++ {
		p, ok := set.Row(i), true
		for _, j := range idx {
			q := set.Row(j)
			if set.Y[j] != set.Y[i] && math.Hypot(p[0]-q[0], p[1]-q[1]) < apart {
				ok = false
				break
			}
		}
		if ok {
			idx = append(idx, i)
		}
	}
	return idx
}

// newFull trains a fresh network on the whole set at a low λ.
func newFull(set *data.Set, bug nn.Bug, seed uint64) *run {
	net := newNet(set.Classes, bug, seed+7)
	r := &run{set: set, tr: train.New(net, set, nil, sim.New(sim.SGD, sim.DefaultHyper(sim.SGD)),
		train.Config{LR: lr, Reg: fullReg, EvalEvery: 50, MaxSteps: fullSteps})}
	r.measureFull()
	return r
}

// measure reads the network's data loss and accuracy on its set now: a
// forward pass over the set, cheap for the overfit run's few examples. The
// full run reads its trainer's evaluations instead (see measureFull).
func (r *run) measure() {
	n := r.tr.Net
	r.loss, _ = n.Loss(r.set.X, r.set.Y, 0)
	r.acc = n.Accuracy(r.set.X, r.set.Y)
	r.correct = int(math.Round(r.acc * float64(r.set.N())))
}

// measureFull takes the full run's latest whole-set evaluation.
func (r *run) measureFull() {
	e := r.tr.Last()
	r.loss, r.acc = e.TrainLoss, e.TrainAcc
	r.correct = int(math.Round(r.acc * float64(r.set.N())))
}

// active reports whether the run still takes steps.
func (r *run) active() bool { return !r.stop && r.tr.Status == train.Running }

// overfitGoal is the overfit run's finish: the loss near zero and every
// example right.
func (r *run) overfitGoal() bool { return r.loss < overfitStop && r.correct == r.set.N() }

// minLoss is the lowest training loss recorded (+Inf before any step).
func (r *run) minLoss() float64 {
	m := math.Inf(1)
	for _, v := range r.tr.Loss {
		m = math.Min(m, v)
	}
	return m
}

// advance takes up to n steps of the overfit run, measuring after each, and
// stops the run at the first step that reaches its goal: so it ends on the
// same step however the steps fall into ticks, and a URL reproduces it.
// Its steps are tiny (a few examples), so this costs little.
func (r *run) advance(n int) {
	for ; n > 0 && r.active(); n-- {
		r.tr.Step(1)
		r.measure()
		if r.overfitGoal() {
			r.stop = true
		}
	}
}

// steps is the number of updates taken.
func (r *run) steps() int { return r.tr.Steps() }

// fmtLoss writes a loss for the table and the sentences: 3 significant
// digits, powers of ten as ×10⁻⁴, never "NaN".
func fmtLoss(v float64) string { return widgets.Num(v) }

// judgeOverfit says where the overfit check stands, in a verdict and
// words, from what the run measured.
func judgeOverfit(r *run) (verdict, string) {
	n, steps := r.set.N(), r.steps()
	switch {
	case r.tr.Status == train.Diverged:
		return fail, fmt.Sprintf("diverged at step %d: %s", r.tr.At, r.tr.Why)
	case r.loss < overfitPass && r.correct == n:
		return pass, fmt.Sprintf("loss %s and %d/%d correct after %d steps", fmtLoss(r.loss), r.correct, n, steps)
	case !r.active():
		return fail, fmt.Sprintf("stuck at loss %s after %d steps, %d/%d correct: a net this size memorises %d points easily, so the gradient or the update is wrong",
			fmtLoss(r.loss), steps, r.correct, n, n)
	}
	return running, fmt.Sprintf("step %d: loss %s, %d/%d correct", steps, fmtLoss(r.loss), r.correct, n)
}

// curve is what the full run's verdict reads off its loss curve.
type curve struct {
	first, last   float64 // the first loss and the mean of the last stretch
	min           float64
	negAt         int // the first step with a loss below zero, or −1
	rises         int // stretches whose mean is above the one before
	riseFrom      float64
	riseTo        float64
	stretchMeans  []float64
	steps, limit  int
	done, diverge bool
}

// readCurve measures the loss curve: its start, the mean of each of
// windows equal stretches, how many of them rose, and where it went
// negative.
func readCurve(loss []float64, limit int) curve {
	c := curve{negAt: -1, steps: len(loss), limit: limit, min: math.Inf(1)}
	if len(loss) == 0 {
		return c
	}
	c.first = loss[0]
	for k, v := range loss {
		c.min = math.Min(c.min, v)
		if v < 0 && c.negAt < 0 {
			c.negAt = k
		}
	}
	w := len(loss) / windows
	if w == 0 {
		c.last = loss[len(loss)-1]
		return c
	}
	for i := range windows {
		m, _ := mean(loss[i*w : (i+1)*w])
		c.stretchMeans = append(c.stretchMeans, m)
		// Under full-batch gradient descent with a true gradient and a
		// modest step the loss goes down, but for a bump as it leaves a
		// plateau (under 1 % in the correct runs of every data set); a
		// stretch 2 % above the one before means it went up.
		if i > 0 && m > c.stretchMeans[i-1]+riseTol*math.Abs(c.stretchMeans[i-1]) {
			if c.rises == 0 {
				c.riseFrom, c.riseTo = c.stretchMeans[i-1], m
			}
			c.rises++
		}
	}
	c.last = c.stretchMeans[windows-1]
	return c
}

// judgeFull says whether the full training's loss fell steadily: no
// stretch of the curve above the one before, at least half of the start
// gone by the end, never below zero (cross-entropy and ½λΣW² cannot be).
func judgeFull(r *run) (verdict, string) {
	t := r.tr
	c := readCurve(t.Loss, fullSteps)
	acc := fmt.Sprintf("%.0f %% of the %d points right", 100*r.acc, r.set.N())
	switch {
	case t.Status == train.Diverged:
		return fail, fmt.Sprintf("diverged at step %d: %s", t.At, t.Why)
	case c.negAt >= 0:
		return fail, fmt.Sprintf("went below zero at step %d (%s): cross-entropy and ½λΣW² cannot be negative, so a term has the wrong sign",
			c.negAt, fmtLoss(t.Loss[c.negAt]))
	case t.Status == train.Running:
		if len(t.Loss) == 0 {
			return running, "starting"
		}
		return running, fmt.Sprintf("step %d of %d: loss %s → %s", len(t.Loss), fullSteps, fmtLoss(c.first), fmtLoss(t.Loss[len(t.Loss)-1]))
	case c.last > 0.9*c.first:
		return fail, fmt.Sprintf("stuck: loss %s → %s in %d steps; %s", fmtLoss(c.first), fmtLoss(c.last), c.steps, acc)
	case c.rises > 0:
		return fail, fmt.Sprintf("went up in %d of %d stretches (first %s → %s): descent with a true gradient does not climb", c.rises, windows, fmtLoss(c.riseFrom), fmtLoss(c.riseTo))
	case c.last > 0.5*c.first:
		return fail, fmt.Sprintf("fell only %.0f %% (%s → %s) in %d steps, then flattened; %s", 100*(1-c.last/c.first), fmtLoss(c.first), fmtLoss(c.last), c.steps, acc)
	}
	return pass, fmt.Sprintf("fell steadily from %s to %s in %d steps; %s", fmtLoss(c.first), fmtLoss(c.last), c.steps, acc)
}

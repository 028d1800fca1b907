package transfer

import (
	"fmt"
	"math"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/train"
)

// Freeze says which layers fine-tuning leaves as pretrained.
type Freeze int

const (
	// FreezeNone fine-tunes every layer from the pretrained weights.
	FreezeNone Freeze = iota
	// FreezeFirst keeps the first layer (2 → 32) as pretrained.
	FreezeFirst
	// FreezeAllButHead keeps both hidden layers and trains the head
	// (32 → 4) alone: a linear classifier on the source's features.
	FreezeAllButHead
)

// Freezes lists the choices in the order the program offers them.
var Freezes = []Freeze{FreezeNone, FreezeFirst, FreezeAllButHead}

// ID is the stable id used in URLs.
func (f Freeze) ID() string { return [...]string{"none", "first", "all-but-head"}[f] }

// Name is the label shown to people.
func (f Freeze) Name() string {
	return [...]string{"nothing frozen", "first layer frozen", "all but the head frozen"}[f]
}

// Layers is how many of the network's first layers are frozen.
func (f Freeze) Layers() int { return [...]int{0, 1, len(Sizes) - 2}[f] }

// ParseFreeze accepts an id.
func ParseFreeze(s string) (Freeze, error) {
	for _, f := range Freezes {
		if f.ID() == s {
			return f, nil
		}
	}
	return 0, fmt.Errorf("unknown freeze %q", s)
}

// Setup is one comparison's settings besides the seed's pretraining.
type Setup struct {
	// PerClass is the target's training examples per class, 5 … 50.
	PerClass int
	// Similarity is 1 for the source task itself, 0 for its mirror image
	// (see TargetTwist).
	Similarity float64
	Freeze     Freeze
}

// FineLR is Adam's learning rate for fine-tuning: under the scratch
// run's LR, as fine-tuning usually is. At LR the first steps on a handful
// of examples undo much of what pretraining learned: in the sweep, the
// same task (similarity 1) fine-tuned with nothing frozen fell from 100 %
// to 74 % held-out at LR, and kept 79 % at FineLR on 5 examples a class.
const FineLR = 0.003

// The target runs.
const (
	// TargetSteps is how many full-batch Adam steps each target run takes.
	TargetSteps = 300
	// ValPerClass is the target's held-out points per class.
	ValPerClass = 100
	// EvalEvery is how many steps apart the validation accuracy is taken.
	EvalEvery = 10
	// MinPerClass and MaxPerClass bound Setup.PerClass.
	MinPerClass, MaxPerClass = 5, 50
)

// Comparison is fine-tuning against training from scratch on the same few
// target examples, both measured on the same held-out target set.
type Comparison struct {
	Setup
	Pre *Pretraining
	// Few are the target's training examples; Val its held-out set.
	Few, Val *data.Set
	// Fine starts from the pretrained weights with Freeze's layers frozen;
	// Scratch from the weights pretraining started from, every layer
	// trained.
	Fine, Scratch *train.Trainer
	// start is θ as pretrained, what Fine's changes are measured from.
	start []float64
}

// NewComparison sets up both runs for a finished pretraining. It panics if
// the pretraining is not done.
func NewComparison(pre *Pretraining, s Setup) *Comparison {
	if !pre.Done() {
		panic("transfer: comparison before pretraining finished")
	}
	s.PerClass = min(max(s.PerClass, MinPerClass), MaxPerClass)
	s.Similarity = math.Min(math.Max(s.Similarity, 0), 1)
	if math.IsNaN(s.Similarity) {
		s.Similarity = 1
	}
	c := &Comparison{Setup: s, Pre: pre}
	c.Few = Examples(pre.Seed, s)
	c.Val = Spiral(ValPerClass, TargetTwist(s.Similarity), pre.Seed^0x68656c64)
	fine := pre.Net().Clone()
	fine.Frozen = s.Freeze.Layers()
	c.start = append([]float64(nil), fine.Theta...)
	cfg := train.Config{LR: LR, Reg: Reg, EvalEvery: EvalEvery, MaxSteps: TargetSteps}
	fcfg := cfg
	fcfg.LR = FineLR
	c.Fine = train.New(fine, c.Few, c.Val, sim.New(sim.Adam, sim.DefaultHyper(sim.Adam)), fcfg)
	c.Scratch = train.New(pre.Init.Clone(), c.Few, c.Val, sim.New(sim.Adam, sim.DefaultHyper(sim.Adam)), cfg)
	return c
}

// Examples are the target's training examples for a seed and setup: the
// same few points for the fine-tuned and the scratch run.
func Examples(seed uint64, s Setup) *data.Set {
	return FewShot(min(max(s.PerClass, MinPerClass), MaxPerClass), s.Similarity, seed^0x7461726765)
}

// Done reports that both runs ended.
func (c *Comparison) Done() bool {
	return c.Fine.Status != train.Running && c.Scratch.Status != train.Running
}

// Step advances each run by up to n steps, the one behind first, and
// returns the steps taken in all.
func (c *Comparison) Step(n int) int {
	return c.Fine.Step(n) + c.Scratch.Step(n)
}

// RunFor advances both runs in step for about budget, and returns the
// steps taken.
func (c *Comparison) RunFor(budget time.Duration) int {
	t0 := time.Now()
	taken := 0
	for !c.Done() {
		taken += c.Step(1)
		if time.Since(t0) >= budget {
			break
		}
	}
	return taken
}

// Finish runs both to the end.
func (c *Comparison) Finish() {
	for !c.Done() {
		c.Step(TargetSteps)
	}
}

// LayerDelta is how far fine-tuning moved one layer from its pretrained
// weights.
type LayerDelta struct {
	// Layer counts from 0; the last is the head.
	Layer  int
	Frozen bool
	// MaxAbs is the largest |θ − θ pretrained| over the layer's weights
	// and biases: exactly 0 for a frozen layer, measured, not assumed.
	MaxAbs float64
	// Changed counts the parameters whose bits differ from the
	// pretrained ones; Params is the layer's parameter count.
	Changed, Params int
}

// Deltas measures each layer of the fine-tuned network against the
// pretrained weights.
func (c *Comparison) Deltas() []LayerDelta {
	n := c.Fine.Net
	ps := n.Params()
	out := make([]LayerDelta, n.Layers())
	for l := range out {
		d := &out[l]
		d.Layer, d.Frozen = l, l < n.Frozen
		for _, r := range ps[2*l : 2*l+2] {
			for i := r.Lo; i < r.Hi; i++ {
				d.Params++
				if math.Float64bits(n.Theta[i]) != math.Float64bits(c.start[i]) {
					d.Changed++
				}
				d.MaxAbs = math.Max(d.MaxAbs, math.Abs(n.Theta[i]-c.start[i]))
			}
		}
	}
	return out
}

// Start is θ as pretrained (shared; do not modify).
func (c *Comparison) Start() []float64 { return c.start }

// Result is what a finished (or running) comparison measured.
type Result struct {
	// ZeroShot is the pretrained network's accuracy on the target's
	// held-out set before any fine-tuning.
	ZeroShot float64
	// Fine and Scratch are each run's last held-out accuracy; FineBest
	// and ScratchBest the best along the way.
	Fine, Scratch         float64
	FineBest, ScratchBest float64
	// Gain is Fine − Scratch.
	Gain float64
}

// Result reads the runs' evaluations.
func (c *Comparison) Result() Result {
	r := Result{ZeroShot: c.Fine.Evals[0].ValAcc, Fine: c.Fine.Last().ValAcc, Scratch: c.Scratch.Last().ValAcc}
	for _, e := range c.Fine.Evals {
		r.FineBest = math.Max(r.FineBest, e.ValAcc)
	}
	for _, e := range c.Scratch.Evals {
		r.ScratchBest = math.Max(r.ScratchBest, e.ValAcc)
	}
	r.Gain = r.Fine - r.Scratch
	return r
}

// Helps is the verdict the captions use: fine-tuning beat scratch on the
// held-out set by at least Margin.
func (r Result) Helps() bool { return r.Gain >= Margin }

// Hurts is the opposite: scratch beat fine-tuning by at least Margin.
func (r Result) Hurts() bool { return r.Gain <= -Margin }

// Margin is the accuracy difference that counts as a difference: on 400
// held-out points one point is 0.25 %, and seeds move a run by a few.
const Margin = 0.05

// Run pretrains (through the cache) and runs a whole comparison at once.
func Run(cache *Cache, seed uint64, s Setup) *Comparison {
	p := cache.Get(seed)
	p.Finish()
	c := NewComparison(p, s)
	c.Finish()
	return c
}

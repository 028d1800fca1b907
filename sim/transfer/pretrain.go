package transfer

import (
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
)

// The network and its training, chosen by the sweep in sweep_test.go.
const (
	// Hidden is the width of both hidden layers: 2 → 32 → 32 → 4, ReLU.
	Hidden = 32
	// SourcePerClass is the source's points per arm (600 in all), and
	// SourceSteps the minibatch Adam steps of pretraining on them.
	SourcePerClass = 150
	SourceSteps    = 2000
	SourceBatch    = 32
	// LR is Adam's learning rate for pretraining and training from
	// scratch.
	LR = 0.01
	// Reg is the L2 strength λ of every training.
	Reg = 1e-4
)

// Sizes are the layer widths of every network here.
var Sizes = []int{2, Hidden, Hidden, Arms}

// Pretraining is a network trained on the source task, built in slices
// (Advance) so a UI can show its progress. The weights it starts from are
// the ones a scratch run starts from too, so the only difference between
// the two target runs is what pretraining did.
type Pretraining struct {
	Seed uint64
	// Train and Val are the source's training and validation sets.
	Train, Val *data.Set
	// Init is the network before pretraining.
	Init *nn.Net
	tr   *train.Trainer
}

// NewPretraining sets up pretraining for seed, not yet started.
func NewPretraining(seed uint64) *Pretraining {
	all := Spiral(SourcePerClass, Twist, seed)
	tr, va := all.Split(0.2, seed^0x76616c)
	init := nn.New(Sizes, nn.ReLU)
	init.Init(nn.He, 1, seed)
	p := &Pretraining{Seed: seed, Train: tr, Val: va, Init: init}
	p.tr = train.New(init.Clone(), tr, va, sim.New(sim.Adam, sim.DefaultHyper(sim.Adam)), train.Config{
		LR: LR, Reg: Reg, Batch: SourceBatch, Seed: seed, EvalEvery: 100, MaxSteps: SourceSteps})
	return p
}

// Advance pretrains for about budget and returns the steps taken.
func (p *Pretraining) Advance(budget time.Duration) int {
	if p.Done() {
		return 0
	}
	return p.tr.RunFor(budget, SourceSteps)
}

// Finish pretrains to the end at once.
func (p *Pretraining) Finish() {
	for !p.Done() {
		p.tr.Step(SourceSteps)
	}
}

// Done reports that pretraining ended (all its steps, or a divergence,
// which Why then explains).
func (p *Pretraining) Done() bool { return p.tr.Status != train.Running }

// Why is the reason a diverged pretraining stopped, or "".
func (p *Pretraining) Why() string { return p.tr.Why }

// Steps is the steps taken; Progress the fraction of SourceSteps.
func (p *Pretraining) Steps() int { return p.tr.Steps() }
func (p *Pretraining) Progress() float64 {
	return float64(p.tr.Steps()) / SourceSteps
}

// Net is the network being pretrained (the pretrained one once Done).
// Copy it before training it further.
func (p *Pretraining) Net() *nn.Net { return p.tr.Net }

// Accuracy is the last measured accuracy on the source's validation set.
func (p *Pretraining) Accuracy() float64 { return p.tr.Last().ValAcc }

// Cache keeps recent pretrainings by seed, so changing the target's
// settings, or going back to a seed seen before, pretrains nothing again.
type Cache struct {
	// Max is how many pretrainings it keeps (0 means 6).
	Max  int
	list []*Pretraining // most recently used last
}

// Get returns the pretraining for seed, made (not started) if it is not
// kept.
func (c *Cache) Get(seed uint64) *Pretraining {
	for i, p := range c.list {
		if p.Seed == seed {
			c.list = append(append(c.list[:i:i], c.list[i+1:]...), p)
			return p
		}
	}
	p := NewPretraining(seed)
	c.list = append(c.list, p)
	limit := c.Max
	if limit <= 0 {
		limit = 6
	}
	if len(c.list) > limit {
		c.list = c.list[1:]
	}
	return p
}

// Len is how many pretrainings are kept.
func (c *Cache) Len() int { return len(c.list) }

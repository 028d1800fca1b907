package diagnose

import (
	"math"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
)

// Scenario is a training set-up chosen to produce one condition: the
// network, data and optimizer settings that really cause it. Nothing in a
// scenario's curves comes from a formula: Run trains the network.
type Scenario struct {
	ID   string
	Name string
	// Want is the condition the settings cause.
	Want Condition
	// How says in words what the settings are.
	How string

	kind       data.Kind
	perClass   int
	classes    int
	noise      float64
	valFrac    float64
	shuffle    bool    // training and validation labels replaced by a permutation
	labelNoise float64 // fraction of training labels changed
	sizes      []int
	act        nn.Activation
	init       nn.Init
	scale      float64
	opt        sim.Kind
	lr         float64
	mu         float64
	sched      func(total int) sim.Schedule
	reg        float64
	batch      int
	epochs     int
}

// Scenarios lists the scenarios in the order the program offers them.
var Scenarios = []Scenario{
	{ID: "healthy", Name: "healthy", Want: Healthy,
		How:  "2–64–3 ReLU net, He init, Adam η = 0.01, batches of 30, λ = 10⁻³, 300 spiral points",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3,
		sizes: []int{2, 64, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.Adam, lr: 0.01, reg: 1e-3, batch: 30, epochs: 60},
	{ID: "lr-high", Name: "LR too high", Want: LRHigh,
		How:  "the healthy set-up with SGD + momentum 0.9 at η = 5",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3,
		sizes: []int{2, 64, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.Momentum, lr: 5, mu: 0.9, reg: 1e-3, batch: 30, epochs: 60},
	{ID: "lr-low", Name: "LR too low", Want: LRLow,
		How:  "the healthy set-up with plain SGD at η = 0.001",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3,
		sizes: []int{2, 64, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.SGD, lr: 0.001, reg: 1e-3, batch: 30, epochs: 60},
	{ID: "overfit", Name: "overfitting", Want: Overfit,
		How:  "2–200–3 ReLU net on 60 training points, 20 % of them mislabelled, Adam η = 0.01, no regularisation, full batch, 300 epochs",
		kind: data.Spiral, perClass: 40, classes: 3, noise: 0.25, valFrac: 0.5, labelNoise: 0.2,
		sizes: []int{2, 200, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.Adam, lr: 0.01, reg: 0, batch: 0, epochs: 300},
	{ID: "bad-init", Name: "plateau from bad init", Want: BadInit,
		How:  "2–50–50–3 tanh net with weights 0.01·N(0, 1), SGD + momentum 0.9 at η = 0.1",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3,
		sizes: []int{2, 50, 50, 3}, act: nn.Tanh, init: nn.Gaussian, scale: 0.01,
		opt: sim.Momentum, lr: 0.1, mu: 0.9, reg: 0, batch: 30, epochs: 60},
	{ID: "data-bug", Name: "data bug: shuffled labels", Want: DataBug,
		How:  "the healthy set-up after a bug shuffled every label",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3, shuffle: true,
		sizes: []int{2, 64, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.Adam, lr: 0.01, reg: 1e-3, batch: 30, epochs: 60},
	{ID: "lr-drop", Name: "plateau, then LR ÷ 10 helps", Want: PlateauLRDrop,
		How:  "the healthy net with plain SGD at η = 1 in batches of 10, divided by 10 at epoch 40",
		kind: data.Spiral, perClass: 100, classes: 3, noise: 0.2, valFrac: 0.3,
		sizes: []int{2, 64, 3}, act: nn.ReLU, init: nn.He, scale: 1,
		opt: sim.SGD, lr: 1, reg: 1e-3, batch: 10, epochs: 60,
		sched: func(total int) sim.Schedule {
			return sim.Schedule{Kind: sim.StepDecay, Gamma: 0.1, Every: total * 2 / 3}
		}},
}

// ScenarioByID finds a scenario.
func ScenarioByID(id string) (Scenario, bool) {
	for _, s := range Scenarios {
		if s.ID == id {
			return s, true
		}
	}
	return Scenario{}, false
}

// Run is one scenario being trained, a slice at a time.
type Run struct {
	Scenario Scenario
	Seed     uint64
	T        *train.Trainer
	// PerEpoch is the number of optimizer steps in an epoch.
	PerEpoch int
	steps    int // the step limit: Epochs × PerEpoch
}

// NewRun builds the scenario's network, data and trainer for seed. It
// evaluates on the whole training and validation sets once per epoch.
func NewRun(sc Scenario, seed uint64) *Run {
	all := data.Generate(sc.kind, sc.perClass, sc.classes, sc.noise, seed)
	tr, val := all.Split(sc.valFrac, seed+1)
	if sc.labelNoise > 0 {
		tr = tr.WithLabelNoise(sc.labelNoise, seed+2)
	}
	if sc.shuffle {
		tr, val = tr.Clone(), val.Clone()
		for _, s := range []*data.Set{tr, val} {
			p := data.Perm(s.N(), seed+3)
			y := append([]int(nil), s.Y...)
			for i, j := range p {
				s.Y[i] = y[j]
			}
		}
	}
	net := nn.New(sc.sizes, sc.act)
	net.Init(sc.init, sc.scale, seed+4)
	h := sim.DefaultHyper(sc.opt)
	if sc.mu > 0 {
		h.Mu = sc.mu
	}
	per := 1
	if sc.batch > 0 && sc.batch < tr.N() {
		per = (tr.N() + sc.batch - 1) / sc.batch
	}
	total := sc.epochs * per
	cfg := train.Config{LR: sc.lr, Reg: sc.reg, Batch: sc.batch, Seed: seed + 5, EvalEvery: per, MaxSteps: total}
	if sc.sched != nil {
		cfg.Schedule = sc.sched(total)
	}
	return &Run{Scenario: sc, Seed: seed, T: train.New(net, tr, val, sim.New(sc.opt, h), cfg), PerEpoch: per, steps: total}
}

// Epochs is the run's length in epochs.
func (r *Run) Epochs() int { return r.Scenario.epochs }

// Done reports whether the run has ended (its steps taken, or diverged).
func (r *Run) Done() bool { return r.T.Status != train.Running }

// Advance trains for up to budget and returns the steps taken.
func (r *Run) Advance(budget time.Duration) int {
	return r.T.RunFor(budget, math.MaxInt32)
}

// Finish trains to the end (tests, and the mystery's answer).
func (r *Run) Finish() {
	for !r.Done() {
		r.T.Step(1 << 20)
	}
}

// Curves are the run's curves so far, one point per evaluation (per
// epoch), with the learning rate each point was trained at and the
// divergence, if any.
func (r *Run) Curves() Curves {
	t := r.T
	c := Curves{Classes: r.Scenario.classes}
	for _, e := range t.Evals {
		c.Epoch = append(c.Epoch, float64(e.Step)/float64(r.PerEpoch))
		c.TrainLoss = append(c.TrainLoss, e.TrainLoss)
		c.ValLoss = append(c.ValLoss, e.ValLoss)
		c.TrainAcc = append(c.TrainAcc, e.TrainAcc)
		c.ValAcc = append(c.ValAcc, e.ValAcc)
		k := max(e.Step-1, 0)
		lr := t.Config.LR
		if k < len(t.LR) {
			lr = t.LR[k]
		} else {
			lr = t.Config.Schedule.LR(t.Config.LR, k)
		}
		c.LR = append(c.LR, lr)
	}
	c.Partial = t.Status == train.Running
	if t.Status == train.Diverged {
		c.Diverged = true
		c.DivergedAt = float64(t.At) / float64(r.PerEpoch)
		c.Why = t.Why
	}
	return c
}

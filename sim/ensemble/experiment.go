package ensemble

import (
	"fmt"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
)

// Config is one ensemble experiment: a data set split into training and
// held-out validation points, K networks of one architecture trained from
// different seeds, and from the first member's start a second run under
// cosine warm restarts for the snapshot ensemble.
type Config struct {
	Data  data.Kind
	Noise float64
	// PerClass points of each class are drawn, then ValFrac of them are held
	// out for validation.
	PerClass int
	ValFrac  float64
	Seed     uint64
	Hidden   int
	K        int
	// Steps is every run's number of updates, on minibatches of Batch.
	Steps, Batch int
	Opt          sim.Kind
	LR, Reg      float64
	// Cycles is the number of warm-restart cycles (and snapshots) of the
	// snapshot run, equal in length, over the same Steps.
	Cycles int
	// PolyakEvery and PolyakM: the Polyak network is the mean of the first
	// member's θ at its last PolyakM checkpoints, PolyakEvery updates apart.
	PolyakEvery, PolyakM int
	// EvalEvery is how often each run measures itself (see train.Config).
	EvalEvery int
}

// Experiment trains the runs of a Config in slices and measures them.
type Experiment struct {
	Cfg        Config
	Train, Val *data.Set
	// Members are the independent runs; Members[0] is also the run the
	// Polyak average is taken from.
	Members []*train.Trainer
	// Snap is the warm-restart run (Members[0]'s start and minibatch order,
	// another schedule) and Snaps its members.
	Snap   *train.Trainer
	Snaps  *Snapshots
	Polyak *Polyak
}

// Classes is the class count of a data set: the generator's own, or 3
// (the cs231n spiral's) for those that take any.
func Classes(k data.Kind) int {
	if c := k.FixedClasses(); c > 0 {
		return c
	}
	return 3
}

// memberSeed spreads the members' seeds apart, so member i of seed s is
// never member j of seed s+1.
func memberSeed(seed uint64, i int) uint64 { return seed*1009 + uint64(i)*7919 + 1 }

// New makes the data and the untrained runs. It panics on settings a UI
// never offers (K < 1, no steps, no cycles).
func New(cfg Config) *Experiment {
	if cfg.K < 1 || cfg.Steps < 1 || cfg.Cycles < 1 || cfg.Hidden < 1 {
		panic(fmt.Sprintf("ensemble: config %+v", cfg))
	}
	all := data.Generate(cfg.Data, cfg.PerClass, Classes(cfg.Data), cfg.Noise, cfg.Seed)
	tr, va := all.Split(cfg.ValFrac, cfg.Seed)
	e := &Experiment{Cfg: cfg, Train: tr, Val: va}
	for i := 0; i < cfg.K; i++ {
		e.Members = append(e.Members, e.run(memberSeed(cfg.Seed, i), sim.Schedule{}))
	}
	ws := sim.DefaultSchedule(sim.WarmRestart, cfg.Steps)
	ws.T0, ws.TMult, ws.MinFactor = cfg.Steps/cfg.Cycles, 1, 0
	e.Snap = e.run(memberSeed(cfg.Seed, 0), ws)
	e.Snaps = NewSnapshots(ws, cfg.Steps)
	e.Polyak = NewPolyak(cfg.Steps, max(cfg.PolyakEvery, 1), max(cfg.PolyakM, 1))
	return e
}

func (e *Experiment) run(seed uint64, sch sim.Schedule) *train.Trainer {
	c := e.Cfg
	n := nn.New([]int{2, c.Hidden, Classes(c.Data)}, nn.ReLU)
	n.Init(nn.He, 1, seed)
	return train.New(n, e.Train, e.Val, sim.New(c.Opt, sim.DefaultHyper(c.Opt)), train.Config{
		LR: c.LR, Schedule: sch, Reg: c.Reg, Batch: c.Batch, Seed: seed,
		EvalEvery: max(c.EvalEvery, 1), MaxSteps: c.Steps})
}

// Runs lists every trainer: the members, then the snapshot run.
func (e *Experiment) Runs() []*train.Trainer {
	return append(append([]*train.Trainer(nil), e.Members...), e.Snap)
}

// Done reports whether every run has stopped (finished or diverged).
func (e *Experiment) Done() bool {
	for _, t := range e.Runs() {
		if t.Status == train.Running {
			return false
		}
	}
	return true
}

// Steps is the updates taken by all runs together, and Total what they
// take when done.
func (e *Experiment) Steps() int {
	n := 0
	for _, t := range e.Runs() {
		n += t.Steps()
	}
	return n
}

func (e *Experiment) Total() int { return (e.Cfg.K + 1) * e.Cfg.Steps }

// collector is what Snapshots and Polyak share: the update count they want
// θ at next, and the offer of θ.
type collector interface {
	Next() int
	Offer(updates int, theta []float64) bool
}

// step advances run t by up to n updates, stopping at the update counts
// the collectors want, so each is offered θ at exactly its checkpoint.
func step(t *train.Trainer, n int, cs ...collector) int {
	taken := 0
	for taken < n && t.Status == train.Running {
		m := n - taken
		for _, c := range cs {
			if nx := c.Next(); nx > t.Steps() {
				m = min(m, nx-t.Steps())
			}
		}
		got := t.Step(m)
		taken += got
		for _, c := range cs {
			c.Offer(t.Steps(), t.Net.Theta)
		}
		if got == 0 {
			break
		}
	}
	return taken
}

// Advance trains for about budget or up to limit updates, whichever comes
// first, slice updates at a time, always the run that is furthest behind
// first, so the members grow together and the snapshot run keeps pace. It
// returns the updates taken. The runs do not depend on how the time is
// sliced: the same Config always gives the same networks.
func (e *Experiment) Advance(budget time.Duration, slice, limit int) int {
	t0 := time.Now()
	taken := 0
	for !e.Done() && taken < limit {
		var next *train.Trainer
		for _, t := range e.Runs() {
			if t.Status == train.Running && (next == nil || t.Steps() < next.Steps()) {
				next = t
			}
		}
		taken += e.stepRun(next, max(min(slice, limit-taken), 1))
		if time.Since(t0) >= budget {
			break
		}
	}
	return taken
}

func (e *Experiment) stepRun(t *train.Trainer, n int) int {
	switch t {
	case e.Members[0]:
		return step(t, n, e.Polyak)
	case e.Snap:
		return step(t, n, e.Snaps)
	}
	return step(t, n)
}

// Finish trains every run to its end at once.
func (e *Experiment) Finish() {
	for _, t := range e.Runs() {
		e.stepRun(t, e.Cfg.Steps)
	}
}

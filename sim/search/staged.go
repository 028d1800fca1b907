package search

import (
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/sample"
	"gradlab/sim/train"
)

// Stage is one round of a search: how many trials, each trained for how
// many epochs.
type Stage struct {
	Trials, Epochs int
}

// Config is a coarse-to-fine search over a network's learning rate and L2
// regularization.
type Config struct {
	Data     data.Kind
	PerClass int
	// ValFrac of the points are held out; trials are ranked by their
	// accuracy there.
	ValFrac float64
	Hidden  int
	Batch   int
	Opt     sim.Kind
	Seed    uint64
	// Range is the coarse stage's range (log₁₀ units).
	Range Box
	// Coarse and Fine are the two stages; the fine one should train
	// longer.
	Coarse, Fine Stage
	// Zoom is the fine range's span as a share of the coarse one's, on each
	// axis.
	Zoom float64
	// RetrainEpochs is how long the final choice is trained.
	RetrainEpochs int
}

// DefaultRange is the coarse range: η from 10⁻⁵ to 1 and λ from 10⁻⁶ to 1.
var DefaultRange = Box{LR: [2]float64{-5, 0}, Reg: [2]float64{-6, 0}}

// DefaultConfig is a search that finishes in seconds: a 2-32-3 ReLU
// network trained with Adam in minibatches of 25 on the cs231n spiral (225
// points to train on, 75 to validate), 20 coarse trials of 5 epochs and 12
// fine ones of 25, the fine range a quarter of the coarse one on each axis,
// the choice retrained for 60 epochs.
func DefaultConfig() Config {
	return Config{Data: data.Spiral, PerClass: 100, ValFrac: 0.25, Hidden: 32, Batch: 25, Opt: sim.Adam, Seed: 1,
		Range: DefaultRange, Coarse: Stage{Trials: 20, Epochs: 5}, Fine: Stage{Trials: 12, Epochs: 25},
		Zoom: 0.25, RetrainEpochs: 60}
}

// Phase is where a search stands.
type Phase int

const (
	Coarse Phase = iota
	Fine
	Retrain
	Done
)

func (p Phase) String() string {
	return [...]string{"coarse", "fine", "retrain", "done"}[p]
}

// Trial is one training run of the search.
type Trial struct {
	Stage         Phase
	LogLR, LogReg float64
	Epochs, Steps int
	// ValAcc and ValLoss are measured on the held-out points at the end;
	// TrainAcc on the training points.
	ValAcc, ValLoss, TrainAcc float64
	Diverged                  bool
	Why                       string
}

// LR and Reg are the trial's η and λ.
func (t Trial) LR() float64  { return math.Pow(10, t.LogLR) }
func (t Trial) Reg() float64 { return math.Pow(10, t.LogReg) }

// better reports whether a ranks above b: a higher validation accuracy,
// then a lower validation loss; a diverged run ranks below every other.
func better(a, b Trial) bool {
	if a.Diverged != b.Diverged {
		return !a.Diverged
	}
	if a.ValAcc != b.ValAcc {
		return a.ValAcc > b.ValAcc
	}
	return a.ValLoss < b.ValLoss
}

// Search runs a coarse stage over Cfg.Range, a fine stage over a range
// zoomed on the coarse best, then retrains the fine best for longer. It is a
// state machine: Advance trains for a slice of time and returns, so a UI
// can run it a few milliseconds a frame; the results do not depend on how
// it was sliced.
type Search struct {
	Cfg        Config
	Train, Val *data.Set
	// CoarseBox and FineBox are the two stages' ranges (FineBox is set
	// when the coarse stage ends).
	CoarseBox, FineBox Box
	// Trials are the finished trials, in the order they finished.
	Trials []Trial
	Phase  Phase
	// CoarseBest and FineBest index Trials (−1 until the stage ends).
	CoarseBest, FineBest int
	// CoarseEdges are the edges of the coarse range the coarse best lies
	// on: the warning that the range was wrong.
	CoarseEdges []Edge
	// Final is the retrained choice (valid in phase Done), FinalNet its
	// network.
	Final    Trial
	FinalNet *nn.Net
	// Steps counts every training step taken.
	Steps int

	plan []Trial
	cur  *train.Trainer
	// Current is the trial being trained, if any.
	Current *Trial
}

// New prepares a search; nothing is trained until Advance.
func New(cfg Config) *Search {
	set := data.Generate(cfg.Data, cfg.PerClass, classes(cfg.Data), data.DefaultNoise(cfg.Data), cfg.Seed)
	tr, va := set.Split(cfg.ValFrac, cfg.Seed)
	s := &Search{Cfg: cfg, Train: tr, Val: va, CoarseBox: cfg.Range, CoarseBest: -1, FineBest: -1}
	s.plan = s.sample(Coarse, cfg.Range, cfg.Coarse, 0x636f)
	return s
}

func classes(k data.Kind) int {
	if c := k.FixedClasses(); c > 0 {
		return c
	}
	return 3
}

// sample plans a stage's trials: log-uniform draws of η and λ in b.
func (s *Search) sample(p Phase, b Box, st Stage, stream uint64) []Trial {
	r := rand.New(rand.NewPCG(s.Cfg.Seed, stream))
	out := make([]Trial, st.Trials)
	for i := range out {
		lr := sample.LogUniform(r.Float64(), math.Pow(10, b.LR[0]), math.Pow(10, b.LR[1]))
		reg := sample.LogUniform(r.Float64(), math.Pow(10, b.Reg[0]), math.Pow(10, b.Reg[1]))
		out[i] = Trial{Stage: p, LogLR: math.Log10(lr), LogReg: math.Log10(reg), Epochs: st.Epochs}
	}
	return out
}

// StepsPerEpoch is the number of minibatch steps in one pass over the
// training points.
func (s *Search) StepsPerEpoch() int {
	b := s.Cfg.Batch
	if b <= 0 || b >= s.Train.N() {
		return 1
	}
	return (s.Train.N() + b - 1) / b
}

// Stage returns the trials of phase p that have finished.
func (s *Search) Stage(p Phase) []Trial {
	var out []Trial
	for _, t := range s.Trials {
		if t.Stage == p {
			out = append(out, t)
		}
	}
	return out
}

// Planned is the number of trials phase p runs.
func (s *Search) Planned(p Phase) int {
	switch p {
	case Coarse:
		return s.Cfg.Coarse.Trials
	case Fine:
		return s.Cfg.Fine.Trials
	}
	return 1
}

// Trainer is the run in progress (nil between runs and when done).
func (s *Search) Trainer() *train.Trainer { return s.cur }

// start begins the next planned trial, or ends the phase.
func (s *Search) start() {
	if len(s.plan) == 0 {
		s.endPhase()
		return
	}
	t := s.plan[0]
	s.plan = s.plan[1:]
	s.Current = &t
	net := nn.New([]int{2, s.Cfg.Hidden, s.Train.Classes}, nn.ReLU)
	net.Init(nn.He, 1, s.Cfg.Seed) // the same start for every trial
	steps := t.Epochs * s.StepsPerEpoch()
	s.cur = train.New(net, s.Train, s.Val, sim.New(s.Cfg.Opt, sim.DefaultHyper(s.Cfg.Opt)), train.Config{
		LR: t.LR(), Reg: t.Reg(), Batch: s.Cfg.Batch, Seed: s.Cfg.Seed, EvalEvery: steps, MaxSteps: steps})
}

// finish records the trial in progress once its trainer has stopped.
func (s *Search) finish() {
	t, tr := *s.Current, s.cur
	t.Steps = tr.Steps()
	e := tr.Last()
	t.ValAcc, t.ValLoss, t.TrainAcc = e.ValAcc, e.ValLoss, e.TrainAcc
	if tr.Status == train.Diverged {
		t.Diverged, t.Why = true, tr.Why
	}
	s.cur, s.Current = nil, nil
	if t.Stage == Retrain {
		s.Final, s.FinalNet = t, tr.Net
		s.Phase = Done
		return
	}
	s.Trials = append(s.Trials, t)
}

// endPhase moves on when a stage's plan is used up.
func (s *Search) endPhase() {
	switch s.Phase {
	case Coarse:
		s.CoarseBest = s.best(Coarse)
		b := s.Trials[s.CoarseBest]
		s.CoarseEdges = Edges(s.CoarseBox, b.LogLR, b.LogReg)
		z := s.Cfg.Zoom
		s.FineBox = Zoom(s.CoarseBox, b.LogLR, b.LogReg, z*(s.CoarseBox.LR[1]-s.CoarseBox.LR[0]), z*(s.CoarseBox.Reg[1]-s.CoarseBox.Reg[0]))
		s.Phase = Fine
		s.plan = s.sample(Fine, s.FineBox, s.Cfg.Fine, 0x66696e)
	case Fine:
		s.FineBest = s.best(Fine)
		b := s.Trials[s.FineBest]
		s.Phase = Retrain
		s.plan = []Trial{{Stage: Retrain, LogLR: b.LogLR, LogReg: b.LogReg, Epochs: s.Cfg.RetrainEpochs}}
	}
}

// best is the index in Trials of phase p's best trial.
func (s *Search) best(p Phase) int {
	bi := -1
	for i, t := range s.Trials {
		if t.Stage == p && (bi < 0 || better(t, s.Trials[bi])) {
			bi = i
		}
	}
	return bi
}

// Best is the best finished trial so far in the phase being run (or the
// fine stage's once the search retrains), and false before any.
func (s *Search) Best() (Trial, bool) {
	p := min(s.Phase, Fine)
	i := s.best(p)
	if i < 0 && p == Fine {
		i = s.best(Coarse)
	}
	if i < 0 {
		return Trial{}, false
	}
	return s.Trials[i], true
}

// Advance trains for about budget, or until maxSteps steps are taken,
// starting and finishing trials and stages on the way; it returns the
// steps taken. A trial that finishes is in Trials when Advance returns.
func (s *Search) Advance(budget time.Duration, maxSteps int) int {
	t0 := time.Now()
	taken := 0
	for s.Phase != Done && taken < maxSteps {
		if s.cur == nil {
			s.start()
			continue
		}
		left := budget - time.Since(t0)
		if left <= 0 {
			break
		}
		taken += s.cur.RunFor(left, maxSteps-taken)
		if s.cur.Status != train.Running {
			s.finish()
			// The next trial starts at once, so between two slices there
			// is always a run in progress to show.
			for s.cur == nil && s.Phase != Done {
				s.start()
			}
		}
	}
	s.Steps += taken
	return taken
}

// Finish runs the search to its end at once.
func (s *Search) Finish() {
	for s.Phase != Done {
		s.Advance(time.Hour, 1<<30)
	}
}

// Ranked returns the indices of the finished trials, best first.
func (s *Search) Ranked() []int {
	idx := make([]int, len(s.Trials))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return better(s.Trials[idx[a]], s.Trials[idx[b]]) })
	return idx
}

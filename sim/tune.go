package sim

import (
	"math"
	"math/rand/v2"

	"gradlab/sim/sample"
	"gradlab/surfaces"
)

// The fair race gives each optimizer the rate a random search found for it
// on the very race it is about to run: every trial is that race, run to its
// end at one candidate η, so the winner's rate is the best one seen for that
// surface, start, schedule, step limit, finish line and noise. As one
// searches by hand, it goes coarse then fine: half the draws span the whole
// range, the other half a narrow one around the best of the first half
// (stability windows can be narrower than the coarse draws' spacing: on
// Rosenbrock Nesterov converges in 1500 steps only for η from about 0.00095
// to 0.0011).

// The range the search draws from, log-uniformly: five decades, wide
// enough for SGD on Rosenbrock (≈ 0.002) and AdaGrad on Beale (≈ 2).
const (
	SearchMinLR = 1e-4
	SearchMaxLR = 10.0
	// DefaultTrials is how many rates the search tries per optimizer:
	// twenty over the whole range (four a decade), then twenty near the
	// best of those.
	DefaultTrials = 40
)

// Search is one optimizer's rate search: the race it tunes for and how
// many rates it tries.
type Search struct {
	Surface  surfaces.Surface
	Start    surfaces.Point
	Schedule Schedule
	Limit    int
	Tol      float64
	Noise    Noise
	Kind     Kind
	Hyper    Hyper
	// Trials is the number of rates drawn; Seed picks them.
	Trials int
	Seed   uint64
	// Min and Max bound the draws; zero means SearchMinLR and SearchMaxLR.
	Min, Max float64
	// Ref, when positive, is one more rate scored with the same protocol
	// but never chosen: the rate the search is compared with.
	Ref float64
}

// Score is how one trial race ended.
type Score struct {
	Status Status `json:"status"`
	// At is the step it converged or diverged at, or the step limit.
	At int `json:"at"`
	// Gap is f − f* at the last finite point.
	Gap float64 `json:"gap"`
}

// Better reports whether a beats b: converging beats running out of steps,
// which beats diverging; then fewer steps to converge, a lower final
// f − f*, or (among diverged runs) lasting longer.
func (a Score) Better(b Score) bool {
	rank := func(s Status) int {
		switch s {
		case Converged:
			return 0
		case Diverged:
			return 2
		}
		return 1
	}
	if ra, rb := rank(a.Status), rank(b.Status); ra != rb {
		return ra < rb
	}
	switch a.Status {
	case Converged:
		return a.At < b.At
	case Diverged:
		return a.At > b.At
	}
	return a.Gap < b.Gap
}

// Trial is one rate the search ran and how its race ended.
type Trial struct {
	LR    float64 `json:"lr"`
	Score Score   `json:"score"`
}

// Tuner runs a Search in slices: Work takes a bounded number of race steps
// and picks up where the last call stopped, so a search spread over many
// frames ends exactly as one run in a single call.
type Tuner struct {
	S      Search
	lrs    []float64
	trials []Trial
	best   int
	ref    Trial
	race   *Race
	going  bool // a trial race is under way
}

// NewTuner draws the coarse half of the search's rates. Rates are drawn
// log-uniformly through a scrambled Halton sequence, so every stretch of
// the range gets its share. Each optimizer draws from its own streams
// (derived from Seed and its kind), so adding another optimizer to a race
// leaves the rates found for the others as they were.
func NewTuner(s Search) *Tuner {
	if s.Min <= 0 {
		s.Min = SearchMinLR
	}
	if s.Max <= s.Min {
		s.Max = max(SearchMaxLR, s.Min*10)
	}
	s.Trials = max(s.Trials, 1)
	if !(s.Tol > 0) {
		s.Tol = DefaultTol
	}
	t := &Tuner{S: s, best: -1}
	t.lrs = draws(t.Coarse(), s.Min, s.Max, rand.NewPCG(s.Seed, streamID(s.Kind)))
	t.race = NewRace(s.Surface, s.Start, s.Schedule, max(s.Limit, 1), []RunnerSpec{{Kind: s.Kind, LR: t.lrs[0], Hyper: s.Hyper}})
	t.race.Tol = s.Tol
	t.race.Noise = s.Noise
	return t
}

// FineSpan is how far either side of the coarse search's best rate the
// fine search draws: a factor 10^¼ each way, a little more than the
// spacing of the coarse draws at the default budget.
var FineSpan = math.Pow(10, 0.25)

// Coarse is the number of draws over the whole range; the rest zoom in on
// the best of them, as one searches coarse then fine.
func (t *Tuner) Coarse() int { return (t.S.Trials + 1) / 2 }

func draws(n int, lo, hi float64, src rand.Source) []float64 {
	var out []float64
	for _, u := range sample.Halton(n, 1, src) {
		out = append(out, sample.LogUniform(u[0], lo, hi))
	}
	return out
}

// Total is the number of trial races: the draws and the reference.
func (t *Tuner) Total() int {
	if t.S.Ref > 0 {
		return t.S.Trials + 1
	}
	return t.S.Trials
}

// Finished is the number of trial races run to their end.
func (t *Tuner) Finished() int {
	n := len(t.trials)
	if t.ref.LR > 0 {
		n++
	}
	return n
}

// Done reports whether every trial has run.
func (t *Tuner) Done() bool { return t.Finished() == t.Total() }

// Work takes up to steps race steps (at least one trial's start) and
// returns how many it took.
func (t *Tuner) Work(steps int) int {
	taken := 0
	for !t.Done() && (taken < steps || taken == 0) {
		if !t.going {
			t.race.Runners[0].BaseLR = t.nextLR()
			t.race.Reset()
			t.going = true
			taken++ // a trial that ends at once still costs something
		}
		taken += t.race.Advance(max(steps-taken, 1))
		if t.race.Done() {
			t.record()
		}
	}
	return taken
}

func (t *Tuner) nextLR() float64 {
	if len(t.trials) == t.Coarse() && len(t.lrs) == t.Coarse() && t.S.Trials > t.Coarse() {
		b := t.trials[t.best].LR
		lo, hi := max(b/FineSpan, t.S.Min), min(b*FineSpan, t.S.Max)
		t.lrs = append(t.lrs, draws(t.S.Trials-t.Coarse(), lo, hi, rand.NewPCG(t.S.Seed, streamID(t.S.Kind)+1))...)
	}
	if i := len(t.trials); i < t.S.Trials {
		return t.lrs[i]
	}
	return t.S.Ref
}

func (t *Tuner) record() {
	r := t.race.Runners[0]
	tr := Trial{LR: r.BaseLR, Score: Score{Status: r.Status, At: r.At, Gap: r.Gap[len(r.Gap)-1]}}
	t.going = false
	defer func() {
		if t.Done() {
			t.race = nil // a finished search keeps its scores, not its paths
		}
	}()
	if len(t.trials) == t.S.Trials {
		t.ref = tr
		return
	}
	t.trials = append(t.trials, tr)
	// Ties go to the smaller rate: the same result with more margin from
	// where the method falls apart.
	if b := t.best; b < 0 || tr.Score.Better(t.trials[b].Score) ||
		!t.trials[b].Score.Better(tr.Score) && tr.LR < t.trials[b].LR {
		t.best = len(t.trials) - 1
	}
}

// Best is the best trial so far; ok is false before the first has ended.
func (t *Tuner) Best() (tr Trial, ok bool) {
	if t.best < 0 {
		return Trial{}, false
	}
	return t.trials[t.best], true
}

// Ref is the reference rate's trial once it has run.
func (t *Tuner) Ref() (tr Trial, ok bool) { return t.ref, t.ref.LR > 0 }

// Trials are the trials that have ended, in the order they were drawn.
func (t *Tuner) Trials() []Trial { return t.trials }

// Tune runs a whole search at once.
func Tune(s Search) *Tuner {
	t := NewTuner(s)
	t.Work(math.MaxInt)
	return t
}

// Evaluate scores one rate with a search's protocol.
func Evaluate(s Search, lr float64) Score {
	s.Trials, s.Ref = 1, 0
	t := NewTuner(s)
	t.lrs[0] = lr
	t.Work(math.MaxInt)
	return t.trials[0].Score
}

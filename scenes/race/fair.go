package race

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"gradlab/sim"
	"gradlab/widgets"
)

// rateMode is where the racers' learning rates come from.
type rateMode int

const (
	// ownRates: each optimizer its own rate, the surface's preset or what
	// the learner set.
	ownRates rateMode = iota
	// searchedRates, the fair race: each optimizer at the best rate a random
	// search found for it on this very race.
	searchedRates
	// sharedRates: one rate for every optimizer.
	sharedRates
)

func (m rateMode) String() string { return [...]string{"own", "searched", "shared"}[m] }

// Ranges of the search's settings.
const (
	trialsMin, trialsMax = 4, 200
	// workChunk is how many race steps the search takes between looks at
	// the clock: tens of microseconds.
	workChunk = 256
)

// fair is the fair race's search: its settings, the searches under way and
// the finished ones, kept per race so that coming back is instant.
type fair struct {
	trials int
	seed   uint64
	// done and going hold searches by key (searchKey); need is what the
	// current race waits for, in race order.
	done, going map[string]*sim.Tuner
	need        []*sim.Tuner
}

func newFair() fair {
	return fair{trials: sim.DefaultTrials, seed: 1, done: map[string]*sim.Tuner{}, going: map[string]*sim.Tuner{}}
}

// search is the rate search for optimizer k on the current race.
func (s *Scene) search(k sim.Kind) sim.Search {
	n := s.noise
	if n.Sigma == 0 {
		n = sim.Noise{} // the seed of no noise changes nothing
	}
	return sim.Search{Surface: s.surf, Start: s.tun.start, Schedule: s.sched, Limit: s.tun.limit, Tol: s.tol,
		Noise: n, Kind: k, Hyper: s.tun.hyper[k], Trials: s.fair.trials, Seed: s.fair.seed, Ref: sim.SharedLR(s.surf.ID())}
}

// searchKey names a search by everything that decides its result.
func searchKey(q sim.Search) string {
	return fmt.Sprintf("%s|%v|%v|%d|%g|%v|%s|%v|%d|%d|%g", q.Surface.ID(), q.Start, q.Schedule, q.Limit, q.Tol,
		q.Noise, q.Kind, q.Hyper, q.Trials, q.Seed, q.Ref)
}

// plan finds or starts the searches the racing optimizers need; searches
// no longer needed are dropped unless finished.
func (s *Scene) plan() {
	f := &s.fair
	f.need = f.need[:0]
	keep := map[string]*sim.Tuner{}
	for _, k := range sim.Kinds {
		if !s.on[k] {
			continue
		}
		q := s.search(k)
		key := searchKey(q)
		if t := f.done[key]; t != nil {
			f.need = append(f.need, t)
			continue
		}
		t := f.going[key]
		if t == nil {
			t = sim.NewTuner(q)
		}
		keep[key] = t
		f.need = append(f.need, t)
	}
	f.going = keep
}

// searching reports whether the fair race still waits for its search.
func (s *Scene) searching() bool {
	if s.rates != searchedRates {
		return false
	}
	for _, t := range s.fair.need {
		if !t.Done() {
			return true
		}
	}
	return false
}

// progress counts the trial races run and to run for the current race.
func (s *Scene) progress() (done, total int) {
	for _, t := range s.fair.need {
		done += t.Finished()
		total += t.Total()
	}
	return done, total
}

// searchWork runs the search for up to budget; once it is done the race
// restarts at the rates found.
func (s *Scene) searchWork(budget time.Duration) {
	if !s.searching() {
		return
	}
	t0 := time.Now()
	for _, t := range s.fair.need {
		for !t.Done() && time.Since(t0) < budget {
			t.Work(workChunk)
		}
		if t.Done() {
			key := searchKey(t.S)
			s.fair.done[key] = t
			delete(s.fair.going, key)
		}
	}
	if !s.searching() {
		s.restart()
	}
}

// searched is the search of optimizer k in the current race, if finished.
func (s *Scene) searched(k sim.Kind) (*sim.Tuner, bool) {
	for _, t := range s.fair.need {
		if t.S.Kind == k {
			return t, t.Done()
		}
	}
	return nil, false
}

// toggleFair turns the fair race on or off.
func (s *Scene) toggleFair() {
	if s.rates == searchedRates {
		s.rates = ownRates
	} else {
		s.rates = searchedRates
	}
	s.restart()
	s.playing = true
}

// reseedSearch draws the search's rates again from the next seed.
func (s *Scene) reseedSearch() {
	s.fair.seed = s.fair.seed%seedMax + 1
	s.rates = searchedRates
	s.restart()
	s.playing = true
}

// scoreText says how a run ended in a few words.
func scoreText(sc sim.Score, limit int) string {
	switch sc.Status {
	case sim.Converged:
		return fmt.Sprintf("step %d", sc.At)
	case sim.Diverged:
		return fmt.Sprintf("diverged at step %d", sc.At)
	}
	return fmt.Sprintf("not in %d steps, f − f* %s", limit, widgets.Num(sc.Gap))
}

// standings orders the optimizers by score, best first, and says so.
func standings(names []string, scores []sim.Score, limit int) string {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]].Better(scores[idx[b]]) })
	var parts []string
	for _, i := range idx {
		parts = append(parts, names[i]+" ("+scoreText(scores[i], limit)+")")
	}
	first, tie := scores[idx[0]], len(idx) > 1 && !scores[idx[0]].Better(scores[idx[1]])
	switch {
	case first.Status != sim.Converged:
		return "none converges, closest " + strings.Join(parts, ", ")
	case tie:
		return "a tie, " + strings.Join(parts, ", ")
	case len(parts) == 1:
		return parts[0]
	}
	return strings.Replace(parts[0], " (", " wins (", 1) + ", then " + strings.Join(parts[1:], ", ")
}

// fairCaption says how the fair race's rates were found and, once they
// were, what the race shows with them against one shared rate.
func (s *Scene) fairCaption() string {
	q := s.search(sim.SGD)
	how := fmt.Sprintf("Each optimizer races at the best of %d rates a seeded random search "+
		"(seed %d) tried for it: %d log-uniform from %s to %s, then %d within 10^¼ of the best of those. Each trial "+
		"is this very race at one rate, ranked by steps to f − f* < %s, then by the final f − f*; diverging "+
		"counts as failing.",
		q.Trials, q.Seed, (q.Trials+1)/2, widgets.Num(sim.SearchMinLR), widgets.Num(sim.SearchMaxLR),
		q.Trials-(q.Trials+1)/2, widgets.Num(s.tol))
	if s.searching() {
		return "Fair race: searching each optimizer's η (the legend counts the trial races); the race starts " +
			"when all are run. " + how
	}
	var names, rated []string
	var own, shared []sim.Score
	for _, t := range s.fair.need {
		b, _ := t.Best()
		r, _ := t.Ref()
		names = append(names, t.S.Kind.Name())
		rated = append(rated, t.S.Kind.Name()+" at η "+widgets.Num(b.LR))
		own, shared = append(own, b.Score), append(shared, r.Score)
	}
	if len(names) == 0 {
		return "Fair race. " + how
	}
	return "Fair race, each at its own searched η: " + standings(rated, own, s.tun.limit) +
		". All at one shared η = " + widgets.Num(q.Ref) + ": " + standings(names, shared, s.tun.limit) + ".\n" + how
}

// places ranks scores: places[i] is 1 for the best, ties sharing a place.
func places(scores []sim.Score) []int {
	out := make([]int, len(scores))
	for i, a := range scores {
		out[i] = 1
		for _, b := range scores {
			if b.Better(a) {
				out[i]++
			}
		}
	}
	return out
}

// ordinal writes a place: 1st, 2nd, 3rd, 4th.
func ordinal(n int) string {
	switch {
	case n%100/10 == 1:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
}

// fairPlaces are the searched race's standings by optimizer: its place at
// its own searched rate and at the shared one, so the legend can lead each
// row with them. Empty unless the fair race's search is done.
func (s *Scene) fairPlaces() map[sim.Kind][2]int {
	if s.rates != searchedRates || s.searching() || len(s.fair.need) < 2 {
		return nil
	}
	var own, shared []sim.Score
	for _, t := range s.fair.need {
		b, _ := t.Best()
		r, _ := t.Ref()
		own, shared = append(own, b.Score), append(shared, r.Score)
	}
	po, ps := places(own), places(shared)
	out := map[sim.Kind][2]int{}
	for i, t := range s.fair.need {
		out[t.S.Kind] = [2]int{po[i], ps[i]}
	}
	return out
}

// fairLine is a racer's legend line in the fair race: its places first (at
// its searched rate, then at the shared one), so the standings read at a
// glance, then how its race goes.
func fairLine(r *sim.Runner, p [2]int) string {
	return fmt.Sprintf("%s (shared η: %s) · %s", ordinal(p[0]), ordinal(p[1]), runnerText(r))
}

// lrNote is the legend's word on where a racer's rate came from.
func (s *Scene) lrNote(r *sim.Runner) string {
	switch s.rates {
	case sharedRates:
		return " (shared)"
	case searchedRates:
		t, ok := s.searched(r.Kind)
		if !ok {
			if t == nil {
				return ""
			}
			return fmt.Sprintf(" searching %d/%d", t.Finished(), t.Total())
		}
		return fmt.Sprintf(" (searched, best of %d)", t.S.Trials)
	}
	if r.BaseLR != sim.PresetFor(s.surf.ID()).Spec(r.Kind).LR {
		return " (tuned)"
	}
	return ""
}

// finite keeps NaN and Inf out of the status.
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

package search

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"gradlab/sim/sample"
)

// Method is a way of choosing a search's trial points.
type Method string

const (
	Grid   Method = "grid"
	Random Method = "random"
	Halton Method = "halton"
)

// Methods lists the methods in the order the scene shows them.
var Methods = []Method{Grid, Random, Halton}

// Name is how the method is written on screen.
func (m Method) Name() string {
	switch m {
	case Grid:
		return "grid"
	case Random:
		return "random"
	case Halton:
		return "quasi-random (Halton)"
	}
	return string(m)
}

// ParseMethods reads a comma-separated list of method ids, in any case,
// keeping Methods' order; it refuses an empty list, unknown ids and
// repeats.
func ParseMethods(s string) ([]Method, error) {
	seen := map[Method]bool{}
	for _, f := range strings.Split(s, ",") {
		m := Method(strings.ToLower(strings.TrimSpace(f)))
		known := false
		for _, k := range Methods {
			known = known || k == m
		}
		if !known || seen[m] {
			return nil, fmt.Errorf("methods must be a list of grid, random, halton without repeats")
		}
		seen[m] = true
	}
	var out []Method
	for _, k := range Methods {
		if seen[k] {
			out = append(out, k)
		}
	}
	return out, nil
}

// Points returns the trial points method m places in the unit square with
// a budget of n trials, exactly n of them whatever the method. The grid is
// sample.Grid's nx×ny grid of cell centres (nx·ny = n, 6×5 for 30), the
// same on every draw; random and Halton points are drawn from (seed,
// draw), so one draw is one resample and the same numbers give the same
// points.
func Points(m Method, n int, seed uint64, draw uint64) [][]float64 {
	switch m {
	case Grid:
		return sample.Grid(n)
	case Random:
		return sample.Random(n, 2, rand.New(rand.NewPCG(seed, 2*draw+1)))
	case Halton:
		return sample.Halton(n, 2, rand.NewPCG(seed, 2*draw+2))
	}
	panic("search: unknown method " + string(m))
}

// Result is one method's trials on an objective.
type Result struct {
	Method Method
	Points [][]float64
	Scores []float64
	// Best is the index of the best point; BestScore its score.
	Best      int
	BestScore float64
	// DistinctX and DistinctY count the different values tried on each
	// axis (values closer than 1e−9 count as one).
	DistinctX, DistinctY int
}

// Run scores the points of method m on o.
func Run(o Objective, m Method, n int, seed, draw uint64) Result {
	pts := Points(m, n, seed, draw)
	r := Result{Method: m, Points: pts, Scores: make([]float64, len(pts)), Best: -1, BestScore: -1}
	for i, p := range pts {
		r.Scores[i] = o.Score(p[0], p[1])
		if r.Scores[i] > r.BestScore {
			r.Best, r.BestScore = i, r.Scores[i]
		}
	}
	if len(pts) > 0 {
		r.DistinctX, r.DistinctY = sample.Distinct(pts, 0, 1e-9), sample.Distinct(pts, 1, 1e-9)
	}
	return r
}

// Compare runs every method in ms on o with the same budget and draw.
func Compare(o Objective, ms []Method, n int, seed, draw uint64) []Result {
	out := make([]Result, len(ms))
	for i, m := range ms {
		out[i] = Run(o, m, n, seed, draw)
	}
	return out
}

// Winners returns the indices of the results with the highest best score
// (more than one on a tie).
func Winners(rs []Result) []int {
	var w []int
	best := -1.0
	for i, r := range rs {
		switch {
		case r.BestScore > best:
			best, w = r.BestScore, append(w[:0], i)
		case r.BestScore == best:
			w = append(w, i)
		}
	}
	return w
}

// Tally counts, over many resamples of the same objective, budget and seed,
// how often each method found the best point. Its draws are its own (they
// start at TallyDraw0), not the one on screen, and it advances a few
// resamples at a time so a UI can spread it over frames.
type Tally struct {
	Obj     Objective
	Methods []Method
	Budget  int
	Seed    uint64
	// Total is the number of resamples to take; Done how many are taken.
	Total, Done int
	// Wins[i] counts the resamples Methods[i] won outright; Ties those
	// where two or more shared the best.
	Wins []int
	Ties int
	// Sum[i] adds up Methods[i]'s best scores, for the mean.
	Sum []float64
}

// TallyDraw0 is the first draw a tally uses.
const TallyDraw0 = 1 << 20

// NewTally prepares a tally of total resamples.
func NewTally(o Objective, ms []Method, n int, seed uint64, total int) *Tally {
	return &Tally{Obj: o, Methods: append([]Method(nil), ms...), Budget: n, Seed: seed, Total: total,
		Wins: make([]int, len(ms)), Sum: make([]float64, len(ms))}
}

// Finished reports whether every resample is taken.
func (t *Tally) Finished() bool { return t.Done >= t.Total }

// Advance takes up to k more resamples and returns how many it took.
func (t *Tally) Advance(k int) int {
	taken := 0
	for ; taken < k && t.Done < t.Total; taken++ {
		// Each resample draws a new objective as well as new points: with
		// one objective the grid, which never moves, would score the same
		// every time and its wins would be one outcome, not a frequency.
		draw := uint64(TallyDraw0 + t.Done)
		o := NewObjective(t.Obj.Ratio, t.Seed^draw*0x9e3779b97f4a7c15)
		o.Width = t.Obj.Width
		rs := Compare(o, t.Methods, t.Budget, t.Seed, draw)
		for i, r := range rs {
			t.Sum[i] += r.BestScore
		}
		if w := Winners(rs); len(w) == 1 {
			t.Wins[w[0]]++
		} else {
			t.Ties++
		}
		t.Done++
	}
	return taken
}

// Share is the fraction of the resamples so far that method i won.
func (t *Tally) Share(i int) float64 {
	if t.Done == 0 {
		return 0
	}
	return float64(t.Wins[i]) / float64(t.Done)
}

// Mean is method i's mean best score over the resamples so far.
func (t *Tally) Mean(i int) float64 {
	if t.Done == 0 {
		return 0
	}
	return t.Sum[i] / float64(t.Done)
}

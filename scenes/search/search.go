// Package search is the "hyperparameter search" scene, in three modes: grid,
// random and quasi-random (Halton) designs with the same budget on a 2-D
// objective in which one axis matters more than the other, with a tally of
// which finds the best over many resamples; uniform against log-uniform
// draws of a learning rate; and a real coarse-to-fine search over a
// network's learning rate and regularization, each trial trained in slices
// of a frame and shown as it finishes. The logic is in gradlab/sim/search.
package search

import (
	"fmt"
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/sim/sample"
	hs "gradlab/sim/search"
)

// mode is one of the scene's three views.
type mode int

const (
	compareMode mode = iota
	samplingMode
	networkMode
)

var modeIDs = []string{"compare", "sampling", "network"}
var modeNames = []string{"grid vs random", "log-uniform", "search a network"}

// Ranges and defaults, defined once for the keys, the sliders and the URL.
const (
	budgetMin, budgetMax = 4, 100
	budgetDef            = 25
	ratioMin, ratioMax   = 1.0, 100.0
	ratioDef             = 10.0
	seedMax              = 9999
	drawMax              = 1000000
	// tallyTotal is how many resamples the tally takes.
	tallyTotal = 1000
	// lrDraws and lrBins shape the learning-rate histograms.
	lrDraws, lrBins = 1000, 16
	lrLo, lrHi      = 1e-5, 1e-1
	// pace is the search's training steps per second of wall time (unless
	// fast): about ten seconds for the whole search, so each trial can be
	// seen arriving.
	pace = 500.0
)

// preset is a coarse range for the network search.
type preset struct {
	id, name string
	box      hs.Box
}

// presets are the ranges L cycles through: a wide one that holds the best,
// the lesson's 10⁻⁵…10⁻¹, and one far too low for the learning rate.
var presets = []preset{
	{"wide", "η 1e-5…1, λ 1e-6…1", hs.DefaultRange},
	{"lesson", "η, λ 1e-5…1e-1", hs.Box{LR: [2]float64{-5, -1}, Reg: [2]float64{-5, -1}}},
	{"low", "η 1e-7…1e-3", hs.Box{LR: [2]float64{-7, -3}, Reg: [2]float64{-6, 0}}},
}

// Scene is the hyperparameter-search scene.
type Scene struct {
	mode    mode
	methods []hs.Method
	budget  int
	ratio   float64
	seed    int
	draw    int
	preset  int
	// panel is the side panel the view switch serves first (an index into
	// the mode's panelNames).
	panel   int
	playing bool
	fast    bool

	obj      hs.Objective
	results  []hs.Result
	tally    *hs.Tally
	uni, lgu hs.Hist
	srch     *hs.Search
	pacer    sim.Pacer
	// version counts changes of the URL state, so drawings and the URL
	// follow them.
	version int
	// restarts counts new searches.
	restarts int
	keys     []kit.Key
	ui       ui
	drawn    drawState
	speed    kit.Speedometer
	workedAt int
	// renderCost is what the last frame's region render took; the next
	// tick's training leaves that much time out.
	renderCost time.Duration
}

// New returns the scene at its defaults.
func New() *Scene {
	s := &Scene{methods: append([]hs.Method(nil), hs.Methods...), budget: budgetDef, ratio: ratioDef, seed: 1}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild recomputes everything from the settings.
func (s *Scene) Rebuild() {
	s.recompare()
	s.resampleLR()
	s.newSearch()
}

// recompare builds the objective, the methods' points for this draw and a
// fresh tally.
func (s *Scene) recompare() {
	s.obj = hs.NewObjective(s.ratio, uint64(s.seed))
	s.results = hs.Compare(s.obj, s.methods, s.budget, uint64(s.seed), uint64(s.draw))
	s.tally = hs.NewTally(s.obj, s.methods, s.budget, uint64(s.seed), tallyTotal)
	s.version++
}

func (s *Scene) resampleLR() {
	s.uni, s.lgu = hs.LRHists(lrLo, lrHi, lrDraws, lrBins, uint64(s.seed)<<24|uint64(s.draw))
	s.version++
}

// newSearch prepares a search from the settings, not yet running.
func (s *Scene) newSearch() {
	cfg := hs.DefaultConfig()
	cfg.Seed = uint64(s.seed)
	cfg.Range = presets[s.preset].box
	s.srch = hs.New(cfg)
	s.pacer.Reset()
	s.restarts++
	s.version++
}

// Settings.

// resample draws new points (and learning rates) for the same objective; in
// the network mode it starts the search again.
func (s *Scene) resample() {
	if s.mode == networkMode {
		s.restartSearch()
		return
	}
	s.draw = (s.draw + 1) % (drawMax + 1)
	s.results = hs.Compare(s.obj, s.methods, s.budget, uint64(s.seed), uint64(s.draw))
	s.resampleLR()
}

func (s *Scene) restartSearch() {
	s.newSearch()
	s.playing = true
}

func (s *Scene) setMode(m int) {
	n := len(modeIDs)
	s.mode = mode((m%n + n) % n)
	s.version++
}

// toggleMethod adds or removes a method; the last one stays.
func (s *Scene) toggleMethod(m hs.Method) {
	var out []hs.Method
	on := false
	for _, x := range s.methods {
		if x == m {
			on = true
			continue
		}
		out = append(out, x)
	}
	if on && len(out) == 0 {
		return
	}
	if !on {
		out = nil
		for _, x := range hs.Methods {
			if x == m || s.has(x) {
				out = append(out, x)
			}
		}
	}
	s.methods = out
	s.recompare()
}

func (s *Scene) has(m hs.Method) bool {
	for _, x := range s.methods {
		if x == m {
			return true
		}
	}
	return false
}

// budgetStops are the budgets the keys, the slider and the URL land on:
// k×k and k×(k+1), the budgets a grid fills exactly while staying nearly
// square, so every method spends the same number of trials.
var budgetStops = func() []int {
	var out []int
	for k := 2; k*k <= budgetMax; k++ {
		out = append(out, k*k)
		if k*(k+1) <= budgetMax {
			out = append(out, k*(k+1))
		}
	}
	return out
}()

// nearestBudget is the index of the stop nearest n (the lower on a tie).
func nearestBudget(n int) int {
	best := 0
	for i, b := range budgetStops {
		if abs(b-n) < abs(budgetStops[best]-n) {
			best = i
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// setBudget moves the budget to the stop nearest n.
func (s *Scene) setBudget(n int) {
	n = budgetStops[nearestBudget(n)]
	if n != s.budget {
		s.budget = n
		s.recompare()
	}
}

// stepBudget moves the budget d stops up or down.
func (s *Scene) stepBudget(d int) {
	i := min(max(nearestBudget(s.budget)+d, 0), len(budgetStops)-1)
	s.setBudget(budgetStops[i])
}

// nextSquare moves the budget to the next (d = 1) or previous (d = −1)
// perfect square, where the grid is square.
func (s *Scene) nextSquare(d int) {
	k := int(math.Sqrt(float64(s.budget)))
	if d > 0 {
		k++
	} else if k*k == s.budget {
		k--
	}
	s.setBudget(min(max(k, 2), 10) * min(max(k, 2), 10))
}

// gridShape is the grid's shape at the current budget, written "6×5".
func (s *Scene) gridShape() string {
	nx, ny := sample.GridShape(s.budget)
	return fmt.Sprintf("%d×%d", nx, ny)
}

// ratioStops are the ratios the keys and the slider land on.
var ratioStops = []float64{1, 2, 3, 5, 10, 20, 30, 50, 100}

func nearestRatio(v float64) int {
	best, bd := 0, math.Inf(1)
	for i, x := range ratioStops {
		if d := math.Abs(math.Log(x) - math.Log(v)); d < bd {
			best, bd = i, d
		}
	}
	return best
}

func (s *Scene) setRatio(v float64) {
	if !(v >= ratioMin) {
		v = ratioMin
	}
	v = math.Min(v, ratioMax)
	if v != s.ratio {
		s.ratio = v
		s.recompare()
	}
}

func (s *Scene) nudgeRatio(d int) {
	s.setRatio(ratioStops[min(max(nearestRatio(s.ratio)+d, 0), len(ratioStops)-1)])
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.draw = 0
	s.Rebuild()
}

func (s *Scene) nextPreset(d int) {
	n := len(presets)
	s.preset = ((s.preset+d)%n + n) % n
	s.newSearch()
	s.playing = true
	s.mode = networkMode
}

// togglePlay runs or pauses the search (showing it); a finished search
// starts again.
func (s *Scene) togglePlay() {
	s.mode = networkMode
	if s.srch.Phase == hs.Done {
		s.restartSearch()
		return
	}
	s.playing = !s.playing
	s.version++
}

func (s *Scene) toggleFast() {
	s.fast = !s.fast
	s.version++
}

// work spends the tick's budget: the tally's resamples first (cheap, and
// done in a second or two), then the search's training at its pace.
func (s *Scene) work(c *kit.Ctx) {
	t0 := time.Now().Add(-s.renderCost) // the render's time counts as spent
	s.renderCost = 0
	if !s.tally.Finished() {
		for !s.tally.Finished() && time.Since(t0) < tickBudget/3 {
			s.tally.Advance(4)
		}
	}
	if !s.playing || s.srch.Phase == hs.Done {
		s.speed.Idle()
		return
	}
	n := s.pacer.Steps(pace, c.Dt)
	if s.fast {
		n = 1 << 20
	}
	left := tickBudget - time.Since(t0)
	if n > 0 && left > 0 {
		s.speed.Add(time.Now(), s.srch.Advance(left, n))
	}
	if s.srch.Phase == hs.Done {
		s.playing = false
		c.Changed()
	}
}

// finishSearch runs the search to its end at once (tests).
func (s *Scene) finishSearch() {
	s.srch.Finish()
	s.playing = false
}

// finishTally takes every resample of the tally at once (tests).
func (s *Scene) finishTally() { s.tally.Advance(tallyTotal) }

// Update advances the work within the tick's budget and handles the
// controls.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version := s.version
	s.updateControls(c)
	if s.version != version {
		c.Changed()
	}
	// The budget is per frame: when a slow frame makes the shell run two
	// ticks before the next Draw, the second one computes nothing.
	if s.drawn.frames != s.workedAt || s.drawn.frames == 0 {
		s.workedAt = s.drawn.frames
		s.work(c)
	}
	s.layout(c)
}

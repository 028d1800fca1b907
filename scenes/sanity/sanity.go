// Package sanity is the sanity-check scene: the checks the cs231n notes
// ask of a network before any tuning, each run live on real networks and
// judged from what they measure. A fresh network's loss sits on ln C for C
// classes (several seeds, a sweep of C); regularisation raises it; a
// network memorises a handful of examples (loss toward zero, every one
// right, with its decision regions shown); and full training on the whole
// small data set makes the loss fall steadily. Injected bugs (sim/nn's)
// show which check catches which mistake.
package sanity

import (
	"strconv"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// Ranges and defaults of the settings, defined once for the sliders, the
// keys and the URL.
const (
	classesMin, classesMax = 2, 100
	classesDef             = 3
	regMin, regMax         = 1e-3, 100.0
	regDef                 = 1.0
	examplesMin            = 5
	examplesMax            = 20
	seedMax                = 9999
)

// Views of the decision-region panel.
const (
	viewOverfit = "overfit"
	viewFull    = "full"
)

// bugs is what the bug selector cycles through: none first.
var bugs = append([]nn.Bug{nn.NoBug}, nn.Bugs...)

// bugID is a bug's URL id ("none" for no bug).
func bugID(b nn.Bug) string {
	if b == nn.NoBug {
		return "none"
	}
	return string(b)
}

// bugName is how the scene names a bug: sim/nn's name, in letters the
// embedded font has (it lacks the superscript T).
func bugName(b nn.Bug) string {
	if b == nn.BugTranspose {
		return "layer 1's dW transposed (δ.T·A for A.T·δ)"
	}
	return b.Name()
}

// Scene is the sanity-check scene.
type Scene struct {
	kind     data.Kind
	classes  int     // the initial-loss check's class count
	reg      float64 // the initial-loss check's λ (0: off)
	examples int     // how many examples the overfit run memorises
	bug      nn.Bug
	seed     int
	view     string
	playing  bool

	set        *data.Set // the training data
	init       *initial
	over, full *run
	// version counts rebuilds, so drawings reset and tests can count them.
	version int
	keys    []kit.Key
	ui      ui
	drawn   drawState
	// renderCost is what the last region render took; the next tick's
	// computing leaves that much time out, so a frame stays in budget.
	renderCost time.Duration
	// fullCost is what a full-batch step takes, as measured; starved
	// counts ticks the full run was left out for lack of time.
	fullCost time.Duration
	starved  int
	// workedAt is the frame count of the last tick that computed.
	workedAt int
}

// New returns the scene at its defaults: the cs231n spiral, 3 classes,
// λ = 1 for the initial-loss check, 5 examples to overfit, no bug.
func New() *Scene {
	s := &Scene{kind: data.Spiral, classes: classesDef, reg: regDef, examples: examplesMin,
		seed: 1, view: viewOverfit, playing: true}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// trainClasses is the class count of the training data: the generator's
// own, or 3 (the cs231n spiral's) for those that take any.
func trainClasses(k data.Kind) int {
	if c := k.FixedClasses(); c > 0 {
		return c
	}
	return 3
}

// Rebuild measures and trains again from the settings.
func (s *Scene) Rebuild() {
	seed := uint64(s.seed)
	s.set = data.Generate(s.kind, perClassFull, trainClasses(s.kind), data.DefaultNoise(s.kind), seed)
	s.init = newInitial(s.bug, s.reg, seed, s.classes)
	s.restartOverfit()
	s.full = newFull(s.set, s.bug, seed)
	s.version++
}

// restartOverfit starts the overfit run again (a new example count).
func (s *Scene) restartOverfit() {
	s.over = newOverfit(s.set, s.examples, s.bug, uint64(s.seed))
	s.version++
}

// work advances the measurements and runs within budget: the initial-loss
// networks first (they are quick), then the overfit run at its pace, then
// the full training with the time left.
func (s *Scene) work(budget time.Duration, dt time.Duration) {
	t0 := time.Now()
	left := func() time.Duration { return budget - time.Since(t0) }
	if s.init.busy() {
		s.init.step(budget / 2)
	}
	if !s.playing {
		return
	}
	if s.over.active() {
		s.over.advance(s.over.pacer.Steps(overfitPace, dt))
	}
	if s.full.active() {
		// A full-batch step takes a while (most of a millisecond natively):
		// start one only if about half of it fits in what is left, but
		// never starve the run on a slow machine.
		if l := left() - s.fullCost/2; l > 0 || s.starved >= starveTicks {
			t1 := time.Now()
			if n := s.full.tr.RunFor(max(l, 0), fullSteps); n > 0 {
				per := time.Since(t1) / time.Duration(n)
				if s.fullCost == 0 {
					s.fullCost = per
				}
				s.fullCost = (3*s.fullCost + per) / 4
				s.full.measureFull()
			}
			s.starved = 0
		} else {
			s.starved++
		}
	}
}

// finish runs every measurement and run to its end at once, for tests;
// finishInitial, finishOverfit and finishFull each one of them.
func (s *Scene) finish() {
	s.finishInitial()
	s.finishOverfit()
	s.finishFull()
}

func (s *Scene) finishInitial() {
	for s.init.busy() {
		s.init.step(time.Hour)
	}
}

func (s *Scene) finishOverfit() {
	for s.over.active() {
		s.over.advance(100)
	}
}

func (s *Scene) finishFull() {
	for s.full.active() {
		s.full.tr.Step(100)
	}
	s.full.measureFull()
}

// Update advances the checks within the tick's budget and handles the
// controls.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version := s.version
	s.updateControls(c)
	if s.version != version {
		c.Changed()
	}
	// The budget is per frame: when a slow frame makes the shell run two
	// ticks before the next Draw, the second one computes a quarter.
	budget := max(tickBudget-s.renderCost, tickBudget/4)
	if s.drawn.frames == s.workedAt {
		budget = tickBudget / 4
	}
	s.workedAt = s.drawn.frames
	s.renderCost = 0
	s.work(budget, c.Dt)
	// The region view follows its network as it trains (rendered a few
	// times a second at most).
	if r := s.viewed(); r != s.ui.watched || r.steps() != s.ui.watchedSteps {
		s.ui.watched, s.ui.watchedSteps = r, r.steps()
		s.ui.regions.Invalidate()
	}
	// What the panels show follows this tick's results: lay out again so
	// Draw never shows stale text (the strip only if its labels changed).
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
	} else {
		s.layoutPanels(c.Theme)
	}
}

// Settings, each restarting what depends on it.

func (s *Scene) setClasses(n int) {
	n = min(max(n, classesMin), classesMax)
	if n != s.classes {
		s.classes = n
		s.init.setC(n)
		s.version++
	}
}

func (s *Scene) setReg(v float64) {
	switch {
	case !(v >= regMin):
		v = 0
	case v > regMax:
		v = regMax
	}
	if v != s.reg {
		s.reg = v
		s.init = newInitial(s.bug, s.reg, uint64(s.seed), s.classes)
		s.version++
	}
}

// nudgeReg moves λ by a decade: off ↔ 0.001 at the bottom.
func (s *Scene) nudgeReg(up bool) {
	switch {
	case up && s.reg == 0:
		s.setReg(regMin)
	case up:
		s.setReg(roundDecade(s.reg * 10))
	case s.reg <= regMin*1.0001:
		s.setReg(0)
	default:
		s.setReg(roundDecade(s.reg / 10))
	}
}

// roundDecade rounds v to 3 significant digits, so decades stay round
// (0.001 × 10 × 10 is 0.1, not 0.10000000000000002).
func roundDecade(v float64) float64 {
	x, _ := parseG3(v)
	return x
}

// parseG3 rounds v to 3 significant digits through its decimal form.
func parseG3(v float64) (float64, error) {
	return strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
}

func (s *Scene) setExamples(n int) {
	n = min(max(n, examplesMin), examplesMax)
	if n != s.examples {
		s.examples = n
		s.restartOverfit()
	}
}

func (s *Scene) cycleBug(d int) {
	i := 0
	for j, b := range bugs {
		if b == s.bug {
			i = j
		}
	}
	s.bug = bugs[((i+d)%len(bugs)+len(bugs))%len(bugs)]
	s.restart()
}

func (s *Scene) cycleData(d int) {
	i := 0
	for j, k := range data.Kinds {
		if k == s.kind {
			i = j
		}
	}
	s.kind = data.Kinds[((i+d)%len(data.Kinds)+len(data.Kinds))%len(data.Kinds)]
	s.restart()
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.restart()
}

func (s *Scene) toggleView() {
	if s.view == viewOverfit {
		s.view = viewFull
	} else {
		s.view = viewOverfit
	}
	s.version++
}

// restart measures and trains again, playing.
func (s *Scene) restart() {
	s.Rebuild()
	s.playing = true
}

func (s *Scene) togglePlay() {
	if !s.playing && !s.over.active() && !s.full.active() {
		s.restart() // finished: play runs them again
		return
	}
	s.playing = !s.playing
	s.over.pacer.Reset()
}

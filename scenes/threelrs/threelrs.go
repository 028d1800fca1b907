// Package threelrs is the "three learning rates" scene: one small network
// on one data set, trained three times side by side from the same starting
// weights with plain full-batch gradient descent, at three learning rates.
// Each run is judged from its own curve (see judge in rule.go): the loss
// curves share one log axis, coloured green, orange or red by what each run
// measurably did, and each network's decision regions are shown over the
// data as it trains.
package threelrs

import (
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// Ranges and defaults, defined once for the sliders, the keys and the URL.
const (
	lrMin, lrMax         = 1e-4, 100.0
	hiddenMin, hiddenMax = 4, 128
	hiddenDef            = 32
	stepsMin, stepsMax   = 100, 20000
	stepsDef             = 2000
	seedMax              = 9999
	// perClass is the data set's size per class (300 spiral points).
	perClass = 100
	// evalEvery is how many steps apart the accuracy is measured.
	evalEvery = 10
	slots     = 3
)

// defaultLRs are the three rates a fresh scene compares, smallest first:
// on the default spiral and seed 0.01 crawls, 0.5 trains well and 30
// overshoots (tests check this on several seeds).
var defaultLRs = [slots]float64{0.01, 0.5, 30}

// slotKeys name the slots in keys and labels (not digits: those open
// scenes).
var slotKeys = [slots]string{"Q", "W", "E"}

// Scene is the three-learning-rates scene.
type Scene struct {
	lrs     [slots]float64
	kind    data.Kind
	seed    int
	hidden  int
	limit   int
	sel     int
	playing bool

	set  *data.Set
	runs [slots]*run
	// version counts rebuilds and restarts, so drawings reset and tests
	// can count them.
	version int
	keys    []kit.Key
	ui      ui
	drawn   drawState
	speed   kit.Speedometer
	// renderCost is what the last region renders took; the next tick's
	// training leaves that much time out, so a frame stays in budget.
	renderCost time.Duration
	workedAt   int
}

// New returns the scene at its defaults, not yet training.
func New() *Scene {
	s := &Scene{lrs: defaultLRs, kind: data.Spiral, seed: 1, hidden: hiddenDef, limit: stepsDef}
	s.sel = 1
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// classesOf is the class count of a data set: the generator's own, or 3
// (the cs231n spiral's) for those that take any.
func classesOf(k data.Kind) int {
	if c := k.FixedClasses(); c > 0 {
		return c
	}
	return 3
}

// Rebuild makes the data and three fresh runs from the settings.
func (s *Scene) Rebuild() {
	s.set = data.Generate(s.kind, perClass, classesOf(s.kind), data.DefaultNoise(s.kind), uint64(s.seed))
	for i := range s.runs {
		s.runs[i] = s.newRun(s.lrs[i])
	}
	s.version++
}

// newNet is the network every run starts from: the same weights for the
// same seed, so only the learning rate differs between the runs.
func (s *Scene) newNet() *nn.Net {
	n := nn.New([]int{2, s.hidden, s.set.Classes}, nn.ReLU)
	n.Init(nn.He, 1, uint64(s.seed))
	return n
}

func (s *Scene) newRun(lr float64) *run {
	tr := train.New(s.newNet(), s.set, nil, sim.New(sim.SGD, sim.DefaultHyper(sim.SGD)),
		train.Config{LR: lr, EvalEvery: evalEvery, MaxSteps: s.limit})
	r := &run{lr: lr, tr: tr}
	r.judge()
	return r
}

// restartSlot starts slot i again at its (new) rate; the others go on.
func (s *Scene) restartSlot(i int) {
	s.runs[i] = s.newRun(s.lrs[i])
	s.version++
}

// active reports whether any run still takes steps.
func (s *Scene) active() bool {
	for _, r := range s.runs {
		if r.active() {
			return true
		}
	}
	return false
}

// work trains the runs that are still going within budget, split evenly
// between them, and judges each after its slice. It returns the steps
// taken.
func (s *Scene) work(budget time.Duration) int {
	var going []*run
	for _, r := range s.runs {
		if r.active() {
			going = append(going, r)
		}
	}
	if len(going) == 0 || budget <= 0 {
		return 0
	}
	// The run that is furthest behind goes first, so a run restarted at a
	// new rate catches up rather than lagging for ever.
	for i := 1; i < len(going); i++ {
		for j := i; j > 0 && going[j].steps() < going[j-1].steps(); j-- {
			going[j], going[j-1] = going[j-1], going[j]
		}
	}
	t0 := time.Now()
	taken := 0
	for k, r := range going {
		left := budget - time.Since(t0)
		share := left / time.Duration(len(going)-k)
		if share <= 0 {
			break
		}
		taken += r.advance(share, maxStepsPerSlice)
	}
	return taken
}

// advance takes steps one at a time, judging each, until budget has passed
// or n steps are taken; it returns how many it took. One at a time, so a
// run stops at exactly the step the rule names whatever the slicing, and
// the network shown is the same in every run of one URL. (A step is
// hundreds of times the cost of reading the clock.)
func (r *run) advance(budget time.Duration, n int) int {
	t0 := time.Now()
	taken := 0
	for taken < n && r.active() {
		if r.tr.Step(1) == 0 {
			break
		}
		taken++
		r.judge()
		if time.Since(t0) >= budget {
			break
		}
	}
	return taken
}

// maxStepsPerSlice caps one run's steps in a tick, so a tiny network does
// not finish in a blink.
const maxStepsPerSlice = 40

// finish runs everything to its end at once (tests).
func (s *Scene) finish() {
	for s.active() {
		for _, r := range s.runs {
			r.advance(time.Hour, 50)
		}
	}
}

// Settings.

// setLR sets slot i's rate (clamped, on the slider's stops) and restarts
// that run.
func (s *Scene) setLR(i int, v float64) {
	v = snapLR(v)
	if v == s.lrs[i] {
		return
	}
	s.lrs[i] = v
	s.restartSlot(i)
}

// nudgeLR moves slot i's rate to the next stop up or down.
func (s *Scene) nudgeLR(i, d int) {
	stops := lrStops()
	k := nearestStop(s.lrs[i])
	k = min(max(k+d, 0), len(stops)-1)
	s.setLR(i, stops[k])
}

func (s *Scene) selectSlot(i int) {
	s.sel = ((i % slots) + slots) % slots
	s.version++
}

func (s *Scene) cycleData(d int) {
	i := 0
	for j, k := range data.Kinds {
		if k == s.kind {
			i = j
		}
	}
	n := len(data.Kinds)
	s.kind = data.Kinds[((i+d)%n+n)%n]
	s.Rebuild()
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.Rebuild()
}

func (s *Scene) setHidden(n int) {
	n = min(max(n, hiddenMin), hiddenMax)
	if n != s.hidden {
		s.hidden = n
		s.Rebuild()
	}
}

func (s *Scene) setLimit(n int) {
	n = min(max(n, stepsMin), stepsMax)
	if n != s.limit {
		s.limit = n
		s.Rebuild()
	}
}

// reset starts the three runs again from fresh networks, paused.
func (s *Scene) reset() {
	s.Rebuild()
	s.playing = false
}

// togglePlay runs or pauses; when every run has finished it starts them
// all again.
func (s *Scene) togglePlay() {
	if !s.playing && !s.active() {
		s.Rebuild()
		s.playing = true
		return
	}
	s.playing = !s.playing
	s.version++
}

// lrStops are the rates the slider and the arrows land on: 1, 2, 3 and 5
// times each power of ten from lrMin to lrMax.
func lrStops() []float64 {
	var out []float64
	for e := -4; e <= 2; e++ {
		for _, m := range []float64{1, 2, 3, 5} {
			v := roundSig(m * math.Pow(10, float64(e)))
			if v >= lrMin*0.999 && v <= lrMax*1.001 {
				out = append(out, v)
			}
		}
	}
	return out
}

// roundSig rounds v to 6 significant digits (what the URL writes), so
// stops compare exactly.
func roundSig(v float64) float64 {
	x, _ := kit.ParseNum(kit.Num(v))
	return x
}

// nearestStop is the index of the stop nearest v on a log scale.
func nearestStop(v float64) int {
	best, bd := 0, math.Inf(1)
	for i, x := range lrStops() {
		if d := math.Abs(math.Log(x) - math.Log(v)); d < bd {
			best, bd = i, d
		}
	}
	return best
}

// snapLR puts v on the nearest stop.
func snapLR(v float64) float64 {
	if !(v > 0) {
		return lrMin
	}
	return lrStops()[nearestStop(v)]
}

// Update advances the runs within the tick's budget and handles the
// controls.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version := s.version
	s.updateControls(c)
	if s.version != version {
		c.Changed()
	}
	if s.playing && s.active() {
		// The budget is per frame: when a slow frame makes the shell run
		// two ticks before the next Draw, the second one trains nothing,
		// so a slow machine is not made slower still.
		if s.drawn.frames != s.workedAt || s.drawn.frames == 0 {
			s.workedAt = s.drawn.frames
			budget := max(tickBudget-s.renderCost, tickBudget/4)
			s.renderCost = 0
			s.speed.Add(time.Now(), s.work(budget))
		}
		if !s.active() {
			s.playing = false
			c.Changed()
		}
	} else {
		s.speed.Idle()
	}
	// The region views follow their networks. A run restarted shows at
	// once; steps taken mark one view a tick, in turn, so the three
	// renders fall in different frames.
	for i, r := range s.runs {
		switch {
		case r != s.ui.watchedR[i]:
			s.ui.watched[i], s.ui.watchedR[i] = r.steps(), r
			s.ui.views[i].Refresh()
		case r.steps() != s.ui.watched[i] && s.drawn.frames%slots == i:
			s.ui.watched[i] = r.steps()
			s.ui.views[i].Invalidate()
		}
	}
	// What the panels say follows this tick's results.
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
	} else {
		s.layoutPanels(c.Theme)
	}
	// The caption was wrapped before this tick's steps: wrap the new
	// summary now (with no press, so nothing is clicked twice), or it
	// would show a frame behind the legend.
	if u := &s.ui; u.caption.Text != u.captionLaid {
		u.caption.Update(&kit.Ctx{Theme: c.Theme, Area: c.Area, In: &widgets.Input{X: c.In.X, Y: c.In.Y, Pinch: 1}})
		u.captionLaid = u.caption.Text
	}
}

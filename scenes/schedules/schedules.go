// Package schedules is the "LR schedules" scene: gradlab's learning-rate
// schedules (sim.Schedule, the ones the race uses) drawn over 100 epochs,
// several at once, each with its settings editable, and below them one
// real training run per chosen schedule, with the epoch axis shared, so
// what a schedule does to the loss can be seen: the drop after a step
// decay, the jump at a warm restart, the early blow-up that a warm-up
// avoids. The training is sim/schedrun's, one network per schedule from the
// same starting weights.
package schedules

import (
	"fmt"
	"math"
	"strings"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/sim/data"
	"gradlab/sim/schedrun"
)

// Ranges and defaults, defined once for the controls, the keys and the URL.
const (
	epochs           = 100
	baseMin, baseMax = 1e-3, 10.0
	baseDef          = 0.3
	seedMax          = 9999
)

// nk is the number of schedule kinds; the scene indexes its state by a
// kind's place in sim.ScheduleKinds.
var nk = len(sim.ScheduleKinds)

// shownByDefault are the schedules trained when the scene opens: the
// plain baseline, one of each family and the one the caption's "try"
// compares against cosine.
var shownByDefault = []sim.ScheduleKind{sim.Constant, sim.StepDecay, sim.Cosine, sim.WarmupCos, sim.WarmRestart}

// Scene is the LR-schedules scene.
type Scene struct {
	base    float64
	seed    int
	logY    bool
	playing bool
	on      []bool
	sched   []sim.Schedule
	sel     int // the schedule whose settings the keys edit
	view    int // viewPlots or viewRuns, on a cramped screen
	knob    int // which of its settings

	// warmupSetup picks schedrun.WarmupSetup over DefaultSetup.
	warmupSetup bool
	setup       schedrun.Setup
	set         *data.Set
	runs        []*schedrun.Run // nil where a schedule is off
	// version counts rebuilds and restarts, so drawings reset and tests
	// can count them.
	version int
	// schedVersion counts changes to the schedules' curves.
	schedVersion int
	keys         []kit.Key
	ui           ui
	drawn        drawState
	speed        kit.Speedometer
	workedAt     int
	// notice is a message for the next Update to show (c.Notify): the keys
	// that change what was asked for have no context to show it.
	notice string
}

// New returns the scene at its defaults, not yet training.
func New() *Scene {
	s := &Scene{base: baseDef, seed: 1, on: make([]bool, nk), sched: make([]sim.Schedule, nk), runs: make([]*schedrun.Run, nk)}
	for i, k := range sim.ScheduleKinds {
		s.sched[i] = defaultSchedule(k)
		for _, d := range shownByDefault {
			s.on[i] = s.on[i] || d == k
		}
		if k == sim.StepDecay {
			s.sel = i
		}
	}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild makes the data and a fresh run for every schedule shown.
func (s *Scene) Rebuild() {
	s.setup = schedrun.DefaultSetup()
	if s.warmupSetup {
		s.setup = schedrun.WarmupSetup()
	}
	s.setup.Seed = uint64(s.seed)
	s.set = s.setup.Set()
	for i := range s.runs {
		s.runs[i] = nil
		if s.on[i] {
			s.runs[i] = schedrun.NewRun(s.set, s.setup, s.sched[i], s.base)
		}
	}
	s.version++
	s.schedVersion++
}

// restart starts schedule i's run again (or drops it when it is off); the
// others go on.
func (s *Scene) restart(i int) {
	s.runs[i] = nil
	if s.on[i] {
		s.runs[i] = schedrun.NewRun(s.set, s.setup, s.sched[i], s.base)
	}
	s.version++
	s.schedVersion++
}

// active reports whether any run still trains.
func (s *Scene) active() bool {
	for _, r := range s.runs {
		if r != nil && r.Active() {
			return true
		}
	}
	return false
}

// trained is the most epochs any run has trained.
func (s *Scene) trained() int {
	e := 0
	for _, r := range s.runs {
		if r != nil {
			e = max(e, r.Epoch())
		}
	}
	return e
}

// maxStepsPerSlice caps one run's steps in a tick (one epoch), so the
// curves grow at a pace that can be watched.
const maxStepsPerSlice = 10

// work trains the runs still going within budget, a piece at a time (a step
// or an epoch's measurement), always the run furthest behind, so they grow
// side by side and the budget is overshot by one piece at most. It returns
// the steps taken.
func (s *Scene) work(budget time.Duration) int {
	t0 := time.Now()
	var took [16]int
	taken := 0
	for time.Since(t0) < budget {
		best := -1
		for i, r := range s.runs {
			if r == nil || !r.Active() || took[i] >= maxStepsPerSlice && !r.Pending() {
				continue
			}
			if best < 0 || r.Tr.Steps() < s.runs[best].Tr.Steps() {
				best = i
			}
		}
		if best < 0 {
			break
		}
		n := s.runs[best].Next()
		took[best] += n
		taken += n
	}
	return taken
}

// finish trains every run to its end at once (tests).
func (s *Scene) finish() {
	for _, r := range s.runs {
		if r != nil {
			r.Finish()
		}
	}
}

// Settings.

func (s *Scene) selectKind(i int) {
	s.sel = ((i % nk) + nk) % nk
	s.knob = 0
	s.version++
}

// toggle shows and trains schedule i, or hides it; one always stays on.
func (s *Scene) toggle(i int) {
	if s.on[i] && s.shown() == 1 {
		return
	}
	s.on[i] = !s.on[i]
	s.restart(i)
}

// shown is the number of schedules on.
func (s *Scene) shown() int {
	n := 0
	for _, o := range s.on {
		if o {
			n++
		}
	}
	return n
}

func (s *Scene) knobs() []knob { return knobsOf(&s.sched[s.sel]) }

func (s *Scene) selectKnob(d int) {
	if n := len(s.knobs()); n > 0 {
		s.knob = ((s.knob+d)%n + n) % n
		s.version++
	}
}

// setKnob sets the selected schedule's chosen setting and restarts its run.
func (s *Scene) setKnob(v float64) {
	ks := s.knobs()
	if len(ks) == 0 {
		return
	}
	k := ks[min(s.knob, len(ks)-1)]
	sc := &s.sched[s.sel]
	v = k.clampTo(v)
	old := k.get(sc)
	if v == old {
		return
	}
	if k.milestone > 0 {
		s.setDrop(k.milestone-1, int(v), int(math.Copysign(1, v-old)))
		return
	}
	k.set(sc, v)
	s.restart(s.sel)
}

// setDrop moves multi-step's drop i to epoch v, over any drop in the way
// (moving in direction dir), keeps the drops in order, and says so when the
// one being moved changed place.
func (s *Scene) setDrop(i, v, dir int) {
	sc := &s.sched[s.sel]
	ms, at, ok := moveDrop(sc.Milestones, i, v, dir)
	if !ok {
		s.notice = fmt.Sprintf("drop %d cannot move there: the other drops hold every epoch up to the end of the range (1 to %d)", i+1, epochs-1)
		return
	}
	sc.Milestones = ms
	if at != i {
		s.notice = fmt.Sprintf("drop %d passed drop %d: the drops are kept in order, now at epochs %s, and ← → move drop %d",
			i+1, at+1, strings.ReplaceAll(dropsString(ms), ",", ", "), at+1)
		s.knob = at + 1 // the gamma knob comes first
	}
	s.restart(s.sel)
}

// nudgeKnob moves the chosen setting d steps.
func (s *Scene) nudgeKnob(d int) {
	ks := s.knobs()
	if len(ks) == 0 {
		return
	}
	k := ks[min(s.knob, len(ks)-1)]
	s.setKnob(k.nudge(k.get(&s.sched[s.sel]), d))
}

// resetKnobs puts the selected schedule's settings back to its defaults.
func (s *Scene) resetKnobs() {
	def := defaultSchedule(sim.ScheduleKinds[s.sel])
	if !sameSettings(s.sched[s.sel], def) {
		s.sched[s.sel] = def
		s.knob = min(s.knob, len(s.knobs())-1)
		s.restart(s.sel)
	}
}

// sameSettings reports whether two schedules of one kind have the same
// editable settings.
func sameSettings(a, b sim.Schedule) bool {
	ka, kb := knobsOf(&a), knobsOf(&b)
	if len(ka) != len(kb) {
		return false
	}
	for i := range ka {
		if ka[i].get(&a) != kb[i].get(&b) {
			return false
		}
	}
	return true
}

// setBase sets the base rate (on a stop) and restarts every run.
func (s *Scene) setBase(v float64) {
	v = snapLR(v)
	if v == s.base {
		return
	}
	s.base = v
	s.Rebuild()
}

func (s *Scene) nudgeBase(d int) {
	stops := lrStops()
	k := min(max(nearestStop(s.base)+d, 0), len(stops)-1)
	s.setBase(stops[k])
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.Rebuild()
}

// toggleSetup switches between the default set-up and the warm-up one,
// each at its own base rate, and trains again.
func (s *Scene) toggleSetup() {
	s.warmupSetup = !s.warmupSetup
	s.base = setupBase(s.warmupSetup)
	s.Rebuild()
}

// setupBase is the base rate each set-up opens at.
func setupBase(warmup bool) float64 {
	if warmup {
		return schedrun.WarmupBase
	}
	return baseDef
}

func (s *Scene) toggleLog() {
	s.logY = !s.logY
	s.version++
	s.schedVersion++
}

// reset starts every run again from a fresh network, paused.
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

// lrStops are the base rates the slider and the keys land on: 1, 2, 3 and
// 5 times each power of ten from baseMin to baseMax.
func lrStops() []float64 {
	var out []float64
	for e := -3; e <= 1; e++ {
		for _, m := range []float64{1, 2, 3, 5} {
			v := roundSig(m * math.Pow(10, float64(e)))
			if v >= baseMin*0.999 && v <= baseMax*1.001 {
				out = append(out, v)
			}
		}
	}
	return out
}

// roundSig rounds v to 6 significant digits (what the URL writes), so
// values compare exactly after a round trip.
func roundSig(v float64) float64 {
	x, _ := kit.ParseNum(kit.Num(v))
	return x
}

func nearestStop(v float64) int {
	best, bd := 0, math.Inf(1)
	for i, x := range lrStops() {
		if d := math.Abs(math.Log(x) - math.Log(v)); d < bd {
			best, bd = i, d
		}
	}
	return best
}

func snapLR(v float64) float64 {
	if !(v > 0) {
		return baseMin
	}
	return lrStops()[nearestStop(v)]
}

// Update trains within the tick's budget and handles the controls.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version := s.version
	s.updateControls(c)
	if s.notice != "" {
		c.Notify(s.notice)
		s.notice = ""
	}
	if s.version != version {
		c.Changed()
	}
	if s.playing && s.active() {
		// The budget is per frame: a slow frame followed by two ticks
		// trains once, so a slow machine is not made slower still.
		if s.drawn.frames != s.workedAt || s.drawn.frames == 0 {
			s.workedAt = s.drawn.frames
			s.speed.Add(time.Now(), s.work(tickBudget))
		}
		if !s.active() {
			s.playing = false
			c.Changed()
		}
	} else {
		s.speed.Idle()
	}
	s.layout(c)
	s.updateHover(c)
}

// Package ensemble is the "ensembles" scene: K small networks trained live
// from different seeds on a noisy data set, each member's decision regions
// and validation accuracy as small multiples beside the regions and accuracy
// of their averaged prediction, and two cheaper relatives measured beside
// them: a snapshot ensemble taken from one run under cosine warm restarts,
// and the Polyak mean of one run's last checkpoints' weights. Every number
// shown is measured on held-out points; the caption says so when the
// ensemble did not help.
package ensemble

import (
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/ensemble"
)

// Ranges and defaults, defined once for the keys and the URL.
const (
	kMin, kMax, kDef = 2, 10, 5
	seedMax          = 9999
	noiseMin         = 0.05
	noiseMax         = 1.0
	noiseStep        = 0.05
	// maxStepsPerFrame caps the updates of one frame (all runs together),
	// so the networks are seen to grow even on a fast machine: K = 5 and
	// the snapshot run take 500 frames, over eight seconds at 60 fps.
	maxStepsPerFrame = 24
	// slice is how many updates one run takes before the next run's turn.
	slice = 6
	// measureEvery is how often the networks are measured anew on the
	// validation set while they train.
	measureEvery  = 300 * time.Millisecond
	measureFrames = 6
)

// The pages of the main view (key V): on a phone only one fits at a time.
const (
	pageMembers = iota
	pageCombined
	pagePlot
	pages
)

// pageIDs are the pages' names in the URL (view=…).
var pageIDs = [pages]string{"members", "snapshots", "plot"}

// pageNames are the pages' names in the strip and the status.
var pageNames = [pages]string{"members", "snapshot+Polyak", "accuracy vs K"}

// Scene is the ensembles scene.
type Scene struct {
	kind  data.Kind
	k     int
	seed  int
	noise float64
	// noiseSet is true when the noise was chosen (by key or URL) rather
	// than left at the data set's default.
	noiseSet bool
	playing  bool
	// page is what the main view shows: the members, the snapshot and
	// Polyak networks, or the accuracy-against-K plot.
	page int
	// urlPage is the page the URL was last marked stale for.
	urlPage int

	exp      *ensemble.Experiment
	meas     ensemble.Measurer
	res      ensemble.Result
	measured time.Time
	// measuredAt is the frame of the last measurement.
	measuredAt int
	// version counts rebuilds, so drawings reset and tests can count them.
	version int
	keys    []kit.Key
	ui      ui
	drawn   drawState
	speed   kit.Speedometer
	// cost is what the last frame's region renders and measuring took; the
	// next frame's training leaves that much time out.
	cost     time.Duration
	workedAt int
}

// New returns the scene at its defaults, training.
func New() *Scene {
	s := &Scene{kind: data.Spiral, k: kDef, seed: 1}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild makes the data and fresh runs from the settings, and starts
// training them.
func (s *Scene) Rebuild() {
	if !s.noiseSet {
		s.noise = ensemble.DefaultNoise(s.kind)
	}
	s.exp = ensemble.New(s.config())
	s.measure()
	s.playing = true
	s.version++
}

func (s *Scene) config() ensemble.Config {
	c := ensemble.Preset(s.kind, s.k, uint64(s.seed))
	c.Noise = s.noise
	return c
}

// measure measures the networks on the validation set now.
func (s *Scene) measure() {
	s.res = s.exp.Measure(&s.meas)
	s.measured = time.Now()
}

// done reports whether every run has stopped.
func (s *Scene) done() bool { return s.exp.Done() }

// work measures when it is time, then trains for what is left of budget;
// it returns the updates taken.
func (s *Scene) work(budget time.Duration) int {
	t0 := time.Now()
	// On a slow page a frame can take longer than measureEvery: measure
	// every few frames at most, so measuring never crowds out training.
	if time.Since(s.measured) >= measureEvery && s.drawn.frames-s.measuredAt >= measureFrames {
		s.measuredAt = s.drawn.frames
		s.measure()
	}
	n := s.exp.Advance(max(budget-time.Since(t0), budget/4), slice, maxStepsPerFrame)
	if s.done() {
		s.measure()
	}
	return n
}

// finish trains every run to its end at once.
func (s *Scene) finish() {
	s.exp.Finish()
	s.measure()
	s.playing = false
	s.version++
}

// restart trains again from fresh networks with the same settings.
func (s *Scene) restart() { s.Rebuild() }

// togglePlay pauses or resumes; when everything is trained it trains
// again from the start.
func (s *Scene) togglePlay() {
	if s.done() {
		s.Rebuild()
		return
	}
	s.playing = !s.playing
	s.version++
}

// cyclePage shows the next (d = 1) or previous (d = −1) page.
func (s *Scene) cyclePage(d int) {
	s.page = ((s.page+d)%pages + pages) % pages
}

func (s *Scene) setK(k int) {
	k = min(max(k, kMin), kMax)
	if k != s.k {
		s.k = k
		s.Rebuild()
	}
}

func (s *Scene) cycleData(d int) {
	i := 0
	for j, k := range ensemble.Kinds {
		if k == s.kind {
			i = j
		}
	}
	n := len(ensemble.Kinds)
	s.kind = ensemble.Kinds[((i+d)%n+n)%n]
	s.noiseSet = false
	s.Rebuild()
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.Rebuild()
}

// nudgeNoise moves the noise one step of 0.05 up or down.
func (s *Scene) nudgeNoise(d int) {
	v := math.Round((s.noise+float64(d)*noiseStep)/noiseStep) * noiseStep
	v = math.Round(min(max(v, noiseMin), noiseMax)*100) / 100
	if v != s.noise {
		s.noise, s.noiseSet = v, true
		s.Rebuild()
	}
}

// Update trains within the frame's budget, handles the controls and lays
// out.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version := s.version
	s.updateControls(c)
	if s.version != version || s.page != s.urlPage {
		s.urlPage = s.page
		c.Changed()
	}
	if s.playing && !s.done() {
		// The budget is per frame: a second tick before the next Draw
		// trains nothing, so a slow machine is not made slower still.
		if s.drawn.frames != s.workedAt || s.drawn.frames == 0 {
			s.workedAt = s.drawn.frames
			budget := max(tickBudget-s.cost, tickBudget/4)
			s.cost = 0
			s.speed.Add(time.Now(), s.work(budget))
		}
		if s.done() {
			s.playing = false
			s.version++
			c.Changed()
		}
	} else {
		s.speed.Idle()
	}
	s.followNetworks()
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
	} else {
		s.layoutPanels(c.Theme)
	}
}

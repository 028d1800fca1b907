// Package transfer is the transfer-learning scene: a network pretrained on
// a four-arm spiral with plenty of points, then a related target task with
// a handful of examples per class, learned twice on the same examples: once
// fine-tuned from the pretrained weights with some layers frozen, once from
// scratch. Both are measured on a held-out target set as they train; the
// frozen layers' change since pretraining is measured and shown; a
// similarity slider bends the target away from the source.
package transfer

import (
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	tl "gradlab/sim/transfer"
)

// Ranges and defaults, defined once for the controls, the keys and the URL.
const (
	seedMax = 9999
	// simStops is the similarity slider's stops per unit: steps of 0.05.
	simStops = 20
	simStep  = 1.0 / simStops
	// defaults: measured in sim/transfer's sweep (see the README section),
	// fine-tuning the head alone beats scratch there on every seed tried.
	defPerClass = 10
	defSim      = 0.9
	defFreeze   = tl.FreezeAllButHead
)

// The pages of the main view (key V).
const (
	pageMaps = iota
	pageWeights
	pages
)

// pageIDs are the pages' names in the URL (view=…).
var pageIDs = [pages]string{"maps", "weights"}

// pageNames are the pages' names in the strip and the status.
var pageNames = [pages]string{"maps", "weights"}

// Scene is the transfer-learning scene.
type Scene struct {
	perClass int
	freeze   tl.Freeze
	sim      float64
	seed     int
	// playing is the default: the scene pretrains and compares as it
	// opens; pausing stops both.
	playing bool
	// page is what the main view shows: the decision regions (with the
	// weight maps where they fit) or the per-layer read-out and the
	// weight maps, for phones.
	page int
	// urlPage is the page the URL was last marked stale for.
	urlPage int

	cache tl.Cache
	pre   *tl.Pretraining
	cmp   *tl.Comparison // nil until pretraining is done
	// few are the target's examples, shown while pretraining runs.
	few *data.Set
	// version counts rebuilds and restarts; urlVersion is the one the URL
	// was last marked stale for.
	version    int
	urlVersion int
	keys       []kit.Key
	ui         ui
	drawn      drawState
	// renderCost is what the last region renders took; the next tick's
	// training leaves that much time out.
	renderCost time.Duration
	workedAt   int
}

// New returns the scene at its defaults, training.
func New() *Scene {
	s := &Scene{perClass: defPerClass, freeze: defFreeze, sim: defSim, seed: 1, playing: true}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild takes the seed's pretraining (from the cache: done once per
// seed) and, when it is finished, a fresh comparison.
func (s *Scene) Rebuild() {
	s.sim = snapSim(s.sim)
	s.pre = s.cache.Get(uint64(s.seed))
	s.few = tl.Examples(uint64(s.seed), s.setup())
	s.cmp = nil
	if s.pre.Done() {
		s.compare()
	}
	s.version++
}

func (s *Scene) setup() tl.Setup {
	return tl.Setup{PerClass: s.perClass, Similarity: s.sim, Freeze: s.freeze}
}

// compare starts the two target runs from the finished pretraining.
func (s *Scene) compare() { s.cmp = tl.NewComparison(s.pre, s.setup()) }

// active reports whether anything still trains.
func (s *Scene) active() bool { return s.cmp == nil || !s.cmp.Done() }

// pretraining reports the stage before the comparison.
func (s *Scene) pretraining() bool { return s.cmp == nil }

// work trains for about budget: pretraining first, then both target runs
// in step.
func (s *Scene) work(budget time.Duration) {
	if budget <= 0 {
		return
	}
	t0 := time.Now()
	if s.cmp == nil {
		s.pre.Advance(budget)
		if !s.pre.Done() {
			return
		}
		s.compare()
		s.version++
	}
	if left := budget - time.Since(t0); left > 0 {
		s.cmp.RunFor(left)
	}
}

// finish runs everything to its end at once (the X key, and tests).
func (s *Scene) finish() {
	if s.cmp == nil {
		s.pre.Finish()
		s.compare()
	}
	s.cmp.Finish()
	s.version++
}

// Settings.

func (s *Scene) setPerClass(n int) {
	n = min(max(n, tl.MinPerClass), tl.MaxPerClass)
	if n != s.perClass {
		s.perClass = n
		s.Rebuild()
	}
}

// nudgePerClass steps through 5, 10, 15, … 50.
func (s *Scene) nudgePerClass(d int) {
	n := (s.perClass/5 + d) * 5
	s.setPerClass(n)
}

func (s *Scene) setSim(v float64) {
	v = snapSim(v)
	if v != s.sim {
		s.sim = v
		s.Rebuild()
	}
}

func (s *Scene) cycleFreeze(d int) {
	n := len(tl.Freezes)
	s.freeze = tl.Freezes[((int(s.freeze)+d)%n+n)%n]
	s.Rebuild()
}

func (s *Scene) nextSeed(d int) {
	s.seed = ((s.seed-1+d)%seedMax+seedMax)%seedMax + 1
	s.Rebuild()
}

// restart runs the comparison again from the pretrained network.
func (s *Scene) restart() {
	s.Rebuild()
	s.playing = true
}

// togglePlay pauses or resumes; when everything has finished it runs the
// comparison again.
func (s *Scene) togglePlay() {
	if !s.active() {
		s.restart()
		return
	}
	s.playing = !s.playing
	s.version++
}

// cyclePage shows the other page.
func (s *Scene) cyclePage(d int) { s.page = ((s.page+d)%pages + pages) % pages }

// snapSim puts v on the slider's stops in [0, 1].
func snapSim(v float64) float64 {
	if math.IsNaN(v) {
		return defSim
	}
	v = math.Min(math.Max(v, 0), 1)
	return math.Round(v*simStops) / simStops
}

// Update advances the training within the tick's budget and handles the
// controls.
func (s *Scene) Update(c *kit.Ctx) {
	if s.layoutKey(c) != s.ui.laidOut {
		s.layout(c)
	}
	s.updateControls(c)
	// Keys act before Update and controls inside it: either way a new
	// version means new settings for the URL.
	if s.version != s.urlVersion || s.page != s.urlPage {
		s.urlVersion, s.urlPage = s.version, s.page
		c.Changed()
	}
	if s.playing && s.active() {
		// The budget is per frame: a second tick before the next Draw
		// trains nothing, so a slow machine is not made slower still.
		if s.drawn.frames != s.workedAt || s.drawn.frames == 0 {
			s.workedAt = s.drawn.frames
			s.work(max(tickBudget-s.renderCost, tickBudget/4))
			s.renderCost = 0
		}
	}
	s.watchViews()
	// The words change a few times a second; the layout follows them and
	// whatever this tick changed, and is left alone otherwise.
	s.refreshTexts(false)
	if s.layoutKey(c) != s.ui.laidOut {
		s.layout(c)
	}
}

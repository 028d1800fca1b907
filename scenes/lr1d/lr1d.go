// Package lr1d is the learning rate in one dimension: gradient descent on
// f(x) = (L/2)x², whose update x ← (1 − ηL)x crawls, converges, lands in
// one step, oscillates, bounces at constant amplitude or diverges as η
// passes 1/L and 2/L; and, with a second curvature switched on, the same η
// on f(x, y) = (L₁x² + L₂y²)/2, where no one rate suits both directions.
package lr1d

import (
	"math"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/sim/quad"
	"gradlab/widgets"
)

// Ranges and defaults of the settings, defined once for the sliders, the
// keys and the URL reader.
const (
	lrMin, lrMax = 1e-3, 20.0
	lMin, lMax   = 0.1, 10.0
	l2Min, l2Max = 0.1, 100.0
	x0Min, x0Max = 0.01, 10.0

	lrDef, lDef, l2Def, x0Def = 0.316228, 1.0, 20.0, 1.0

	// maxHorizon caps the steps a run computes and draws.
	maxHorizon = 1000
	// minHorizon is the shortest t axis, so a run that ends at once still
	// shows a few steps of flat line.
	minHorizon = 20
)

// speeds are the paces in steps per second of wall time.
var speeds = []float64{1, 2, 3, 5, 8, 12, 20, 30, 60, 120, 300}

const defaultSpeed = 4 // 8 steps per second

// nudge is the factor ← → ↑ ↓ multiply by: an eighth of a decade.
var nudge = math.Pow(10, 1.0/8)

// landmarks are the ηL values M steps η through.
var landmarks = []float64{0.05, 0.5, 1, 1.5, 2, 2.5}

// run is one computed descent: every iterate up to the horizon or the
// step it diverged.
type run struct {
	xs, ys   []float64 // ys is nil with one curvature
	horizon  int       // the t axis
	diverged int       // the step |x| or |y| passed quad.Bound, −1 if none
	divDir   string    // "x" or "y"
	stepsX   int       // closed form, −1 never
	stepsY   int
	iterX    int // found by iterating, −1 if not within the run
	iterY    int
}

// Scene is the learning-rate scene.
type Scene struct {
	lr, L, L2, x0 float64
	two           bool // the second curvature is on
	logAxis       bool // |x| on a log axis
	speedIdx      int
	playing       bool
	pacer         sim.Pacer
	shown         int // iterates revealed: 0 … shown
	run           run
	// version counts recomputed runs, so cached drawings know.
	version int
	keys    []kit.Key

	ui    ui
	drawn drawState
}

// New returns the scene at L = 1, η = 10^(−½) ≈ 0.316, x₀ = 1.
func New() *Scene {
	s := &Scene{lr: lrDef, L: lDef, L2: l2Def, x0: x0Def, speedIdx: defaultSpeed}
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild recomputes the run from the settings and replays it.
func (s *Scene) Rebuild() {
	s.recompute()
	s.replay()
}

// replay shows the run again from x₀.
func (s *Scene) replay() {
	s.shown = 0
	s.playing = true
	s.pacer.Reset()
}

// recompute runs the descent for the current settings, keeping how far it
// is shown.
func (s *Scene) recompute() {
	s.version++
	r := &s.run
	r.stepsX = quad.StepsTo(s.lr*s.L, s.x0, quad.Threshold)
	r.stepsY = -1
	h := horizonFor(s.lr*s.L, s.x0)
	if s.two {
		r.stepsY = quad.StepsTo(s.lr*s.L2, s.x0, quad.Threshold)
		h = max(h, horizonFor(s.lr*s.L2, s.x0))
	}
	var dx, dy int
	r.xs, dx = quad.Iterate(r.xs, s.lr, s.L, s.x0, h)
	r.ys, dy = r.ys[:0], -1
	if s.two {
		r.ys, dy = quad.Iterate(r.ys, s.lr, s.L2, s.x0, h)
	}
	// Both coordinates stop at the first divergence.
	r.diverged, r.divDir = -1, ""
	switch {
	case dx >= 0 && (dy < 0 || dx <= dy):
		r.diverged, r.divDir = dx, "x"
	case dy >= 0:
		r.diverged, r.divDir = dy, "y"
	}
	if r.diverged >= 0 {
		r.xs = r.xs[:min(len(r.xs), r.diverged+1)]
		if s.two {
			r.ys = r.ys[:min(len(r.ys), r.diverged+1)]
		}
		h = max(r.diverged, 10)
	}
	r.horizon = h
	r.iterX = quad.FirstBelow(r.xs, quad.Threshold)
	r.iterY = -1
	if s.two {
		r.iterY = quad.FirstBelow(r.ys, quad.Threshold)
	}
	s.shown = min(s.shown, r.last())
	if s.shown < r.last() {
		s.playing = true
	}
}

// horizonFor is how many steps to compute for one direction: past the
// arrival by a fifth, up to the divergence, or a few bounces when it never
// arrives.
func horizonFor(etaL, x0 float64) int {
	h := minHorizon
	if n := quad.StepsTo(etaL, x0, quad.Threshold); n > 0 {
		h = max(h, n+max(3, n/5))
	} else if n < 0 {
		h = max(h, 40)
		if d := quad.DivergesAt(etaL, x0, quad.Bound); d > 0 {
			h = max(h, d)
		}
	}
	return min(h, maxHorizon)
}

// last is the index of the last iterate.
func (r *run) last() int { return len(r.xs) - 1 }

// Update advances the reveal at its pace and handles the controls.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	before := s.urlState()
	s.updateControls(c)
	if s.playing {
		s.shown = min(s.shown+s.pacer.Steps(speeds[s.speedIdx], c.Dt), s.run.last())
		if s.shown >= s.run.last() {
			s.playing = false
		}
	}
	if s.urlState() != before {
		c.Changed()
	}
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
		// The caption wrapped its text for the old panel: wrap it again
		// for the new one (with no press, so nothing is clicked twice).
		s.ui.caption.Update(&kit.Ctx{Theme: c.Theme, Area: c.Area, In: &widgets.Input{X: c.In.X, Y: c.In.Y, Pinch: 1}})
	}
	// Panels that moved leave their old pixels in the gaps: repaint all.
	if k := s.ui.frame(); k != s.ui.lastFrame {
		s.ui.lastFrame = k
		c.Full = true
	}
}

// urlState is the state the URL records.
type urlState struct {
	lr, L, L2, x0 float64
	two, logAxis  bool
	speed         int
}

func (s *Scene) urlState() urlState {
	return urlState{s.lr, s.L, s.L2, s.x0, s.two, s.logAxis, s.speedIdx}
}

// clamp keeps v in [lo, hi]; NaN keeps old.
func clamp(v, lo, hi, old float64) float64 {
	if math.IsNaN(v) {
		return old
	}
	return math.Min(math.Max(v, lo), hi)
}

func (s *Scene) setLR(v float64) {
	if v = clamp(v, lrMin, lrMax, s.lr); v != s.lr {
		s.lr = v
		s.recompute()
	}
}

func (s *Scene) setL(v float64) {
	if v = clamp(v, lMin, lMax, s.L); v != s.L {
		s.L = v
		s.recompute()
	}
}

func (s *Scene) setL2(v float64) {
	if v = clamp(v, l2Min, l2Max, s.L2); v != s.L2 {
		s.L2 = v
		s.recompute()
	}
}

func (s *Scene) setX0(v float64) {
	if v = clamp(v, x0Min, x0Max, s.x0); v != s.x0 {
		s.x0 = v
		s.recompute()
		s.replay()
	}
}

// onGrid moves v by n eighths of a decade, landing on the grid 10^(k/8),
// rounded to 6 significant digits so the URL reads back the same value.
func onGrid(v float64, n int) float64 {
	k := math.Round(math.Log10(v)*8) + float64(n)
	return roundSig(math.Pow(10, k/8), 6)
}

// roundSig rounds v to n significant digits.
func roundSig(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(n-1)-math.Floor(math.Log10(math.Abs(v))))
	return math.Round(v*p) / p
}

// stepLandmark moves η to the next (d = 1) or previous ηL landmark.
func (s *Scene) stepLandmark(d int) {
	etaL := s.lr * s.L
	pick := -1.0
	if d > 0 {
		for _, m := range landmarks {
			if m > etaL*(1+1e-9) {
				pick = m
				break
			}
		}
		if pick < 0 {
			pick = landmarks[0]
		}
	} else {
		for i := len(landmarks) - 1; i >= 0; i-- {
			if landmarks[i] < etaL*(1-1e-9) {
				pick = landmarks[i]
				break
			}
		}
		if pick < 0 {
			pick = landmarks[len(landmarks)-1]
		}
	}
	s.setLR(roundSig(pick/s.L, 6))
}

func (s *Scene) setSpeed(i int) { s.speedIdx = min(max(i, 0), len(speeds)-1) }

func (s *Scene) togglePlay() {
	if !s.playing && s.shown >= s.run.last() {
		s.replay()
		return
	}
	s.playing = !s.playing
	s.pacer.Reset()
}

func (s *Scene) stepOnce() {
	s.playing = false
	if s.shown >= s.run.last() {
		s.shown = 0
		return
	}
	s.shown++
}

func (s *Scene) toggleTwo() {
	s.two = !s.two
	s.recompute()
	s.replay()
}

func (s *Scene) toggleLog() { s.logAxis = !s.logAxis }

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("play", u.play.Rect)
	add("replay", u.replayB.Rect)
	add("step", u.step.Rect)
	add("lr", u.lr.Rect)
	add("L", u.l.Rect)
	add("x0", u.x0.Rect)
	add("two", u.twoB.Rect)
	add("L2", u.l2.Rect)
	add("log", u.logB.Rect)
	add("speed", u.speed.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
}

// Package race is the optimizer race: several optimizers from one start on
// one surface under one LR schedule, drawn on the surface's contour map with
// the schedule, each optimizer's f − f* and the selected one's update rule
// beside it.
package race

import (
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// speeds are the race's paces in steps per second of wall time, so a race
// looks the same on a slow page and a fast one.
var speeds = []float64{1, 3, 6, 15, 30, 60, 120, 300, 600, 1500, 3000}

const defaultSpeed = 6 // 120 steps per second

// Ranges of the settings, each defined once: the sliders, the keys and the
// URL reader all use these.
const (
	lrMin, lrMax       = 1e-5, 10.0
	limitMin, limitMax = 10, 20000
	tolMin, tolMax     = 1e-12, 1e-1
	noiseMin, noiseMax = 1e-3, 10.0
	seedMax            = 1 << 30
)

// tuning is what a learner may tune per surface: switching surfaces keeps
// it, so coming back finds the rates as they were left.
type tuning struct {
	lr    map[sim.Kind]float64
	hyper map[sim.Kind]sim.Hyper
	limit int
	start surfaces.Point
}

// Scene is the race scene.
type Scene struct {
	surf     surfaces.Surface
	on       map[sim.Kind]bool
	tuned    map[string]*tuning // by surface id
	tun      *tuning            // the current surface's
	rates    rateMode           // where the racers' rates come from
	sharedLR float64            // the rate of "same η for all"
	fair     fair               // the fair race's search
	schedK   sim.ScheduleKind
	schedP   map[sim.ScheduleKind]float64 // a tuned schedule parameter, by kind
	sched    sim.Schedule
	tol      float64
	noise    sim.Noise
	race     *sim.Race
	playing  bool
	speedIdx int
	pacer    sim.Pacer
	sel      sim.Kind
	hsel     int // which of the selected optimizer's hyperparameters ↑/↓ tune
	arrows   bool
	// version counts restarts, so cached drawings reset and tests can count
	// them.
	version int
	keys    []kit.Key

	m        widgets.ContourMap
	s3       widgets.Surface3D
	mode3d   bool // the 3-D surface instead of the contour map
	lrPlot   widgets.Plot
	lossPlot widgets.Plot
	hover    hover
	drawn    drawState
	ui       ui
}

// drawState is what of the current race is already in the cached layers.
type drawState struct {
	version int
	trail   []int
	loss    []int
	sched   bool
	chrome  chromeKey
	panels  panelsKey
	mode3d  bool
	// side is what the side panels last showed, at step sideStep and
	// time sideAt.
	side     panelsKey
	sideStep int
	sideAt   time.Time
	// caption is the caption's text as last drawn.
	caption string
}

// New returns the landing race: Beale with SGD, Momentum and Adam.
func New() *Scene {
	s := &Scene{speedIdx: defaultSpeed, playing: true, sel: sim.SGD, on: map[sim.Kind]bool{},
		tuned: map[string]*tuning{}, schedK: sim.Constant, schedP: map[sim.ScheduleKind]float64{},
		tol: sim.DefaultTol, noise: sim.Noise{Seed: 1}, fair: newFair()}
	for _, k := range sim.DefaultKinds {
		s.on[k] = true
	}
	s.keys = s.keyTable()
	s.s3.Reset()
	s.loadSurface(surfaces.Beale{})
	s.Rebuild()
	return s
}

// presetTuning is a surface's preset: rates, hyperparameters, step limit and
// start.
func presetTuning(surf surfaces.Surface) *tuning {
	p := sim.PresetFor(surf.ID())
	t := &tuning{lr: map[sim.Kind]float64{}, hyper: map[sim.Kind]sim.Hyper{}, limit: p.Limit, start: surf.Start()}
	for _, k := range sim.Kinds {
		t.lr[k] = p.Spec(k).LR
		t.hyper[k] = p.Spec(k).Hyper
	}
	return t
}

// loadSurface switches surface without restarting: the surface's own
// tuning (the preset, or what was tuned here before) and its view.
func (s *Scene) loadSurface(surf surfaces.Surface) {
	s.surf = surf
	if s.tuned[surf.ID()] == nil {
		s.tuned[surf.ID()] = presetTuning(surf)
	}
	s.tun = s.tuned[surf.ID()]
	s.sharedLR = sim.SharedLR(surf.ID())
	s.m.Surface, s.m.View = surf, surf.View()
	s.s3.Surface = surf
}

// restorePreset puts back the current surface's preset.
func (s *Scene) restorePreset() {
	s.tuned[s.surf.ID()] = nil
	s.loadSurface(s.surf)
	s.restart()
	s.playing = true
}

// Rebuild restarts the race from the settings: the URL's values are all in
// place.
func (s *Scene) Rebuild() { s.restart() }

// lrOf is the base rate optimizer k races with.
func (s *Scene) lrOf(k sim.Kind) float64 {
	switch s.rates {
	case sharedRates:
		return s.sharedLR
	case searchedRates:
		if t, ok := s.searched(k); ok {
			b, _ := t.Best()
			return b.LR
		}
	}
	return s.tun.lr[k]
}

// restart builds a fresh race from the settings.
func (s *Scene) restart() {
	s.sched = sim.DefaultSchedule(s.schedK, s.tun.limit)
	if v, ok := s.schedP[s.schedK]; ok {
		if _, lo, hi, p, has := s.sched.Param(); has {
			*p = math.Min(math.Max(v, lo), hi)
		}
	}
	s.fair.need = s.fair.need[:0]
	if s.rates == searchedRates {
		s.plan()
	}
	var specs []sim.RunnerSpec
	for _, k := range sim.Kinds {
		if s.on[k] {
			specs = append(specs, sim.RunnerSpec{Kind: k, LR: s.lrOf(k), Hyper: s.tun.hyper[k]})
		}
	}
	s.race = sim.NewRace(s.surf, s.tun.start, s.sched, s.tun.limit, specs)
	s.race.SetNoise(s.noise)
	s.race.SetTol(s.tol)
	s.pacer.Reset()
	s.version++
	if !s.on[s.sel] && len(specs) > 0 {
		s.sel = specs[0].Kind
	}
	s.hsel = min(s.hsel, max(len(sim.Params(s.sel))-1, 0))
}

// Update advances the race at its pace and handles the controls, the map
// and the hover read-outs.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	version, speed := s.version, s.speedIdx
	s.updateControls(c)
	s.updateMap(c)
	if s.version != version || s.speedIdx != speed {
		c.Changed()
	}
	// The fair race waits for its search, which runs in slices.
	s.searchWork(tickBudget)
	if s.playing && !s.searching() {
		s.race.Advance(s.pacer.Steps(speeds[s.speedIdx], c.Dt))
		if s.race.Done() {
			s.playing = false
		}
	}
	// What the strip shows (labels, which sliders) follows the state; lay
	// out again if this tick changed it, so Draw never shows a stale label.
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
	}
	s.layoutLegend(c.Theme)
	s.updateHover(c)
}

// stripKey is the state the strip's layout depends on.
func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.playing, s.sel, s.hsel, s.schedK, s.rates, s.ui.caption.NeedsButton()}
}

type stripKey struct {
	version int
	playing bool
	sel     sim.Kind
	hsel    int
	sched   sim.ScheduleKind
	rates   rateMode
	notes   bool
}

// togglePlay pauses, resumes, or replays a finished race.
func (s *Scene) togglePlay() {
	if !s.playing && s.race.Done() {
		s.restart()
	}
	s.playing = !s.playing
	s.pacer.Reset()
}

func (s *Scene) stepOnce() {
	s.playing = false
	if s.searching() {
		return
	}
	if s.race.Done() {
		s.restart()
	}
	s.race.Advance(1)
}

func (s *Scene) toggleKind(k sim.Kind) {
	n := 0
	for _, on := range s.on {
		if on {
			n++
		}
	}
	if s.on[k] && n == 1 {
		return // keep at least one racer
	}
	s.on[k] = !s.on[k]
	if s.on[k] {
		s.sel = k
	}
	s.restart()
}

// selectNext moves the selection (whose LR the sliders and arrows change)
// through the racing optimizers.
func (s *Scene) selectNext(d int) {
	var ks []sim.Kind
	i := 0
	for _, k := range sim.Kinds {
		if s.on[k] {
			if k == s.sel {
				i = len(ks)
			}
			ks = append(ks, k)
		}
	}
	s.sel = ks[((i+d)%len(ks)+len(ks))%len(ks)]
	s.hsel = 0
}

// setLR sets the selected optimizer's rate, or the shared one; in the fair
// race the search sets them.
func (s *Scene) setLR(k sim.Kind, v float64) {
	v = math.Min(math.Max(v, lrMin), lrMax)
	if s.rates == searchedRates {
		return
	}
	if s.rates == sharedRates {
		if v != s.sharedLR {
			s.sharedLR = v
			s.restart()
		}
		return
	}
	if v != s.tun.lr[k] {
		s.tun.lr[k] = v
		s.restart()
	}
}

// hyperParam is the hyperparameter of the selected optimizer that the
// slider and ↑/↓ tune.
func (s *Scene) hyperParam() (sim.Param, bool) {
	ps := sim.Params(s.sel)
	if len(ps) == 0 {
		return sim.Param{}, false
	}
	return ps[min(s.hsel, len(ps)-1)], true
}

func (s *Scene) setHyper(k sim.Kind, p sim.Param, v float64) {
	h := s.tun.hyper[k]
	v = math.Min(math.Max(v, p.Min), p.Max)
	if *p.Get(&h) == v || math.IsNaN(v) {
		return
	}
	*p.Get(&h) = v
	s.tun.hyper[k] = h
	s.restart()
}

// nudgeHyper moves the tuned hyperparameter one step up (n > 0) or down,
// landing on round values: ε by decades, β₂ by decades of 1 − β₂ (0.99,
// 0.999, 0.9999), the others by 0.05 (μ 0.6, 0.65 … 0.9).
func (s *Scene) nudgeHyper(n int) {
	p, ok := s.hyperParam()
	if !ok || n == 0 {
		return
	}
	h := s.tun.hyper[s.sel]
	v := *p.Get(&h)
	up := n > 0
	var w float64
	switch {
	case p.Log:
		w = math.Pow(10, math.Round(math.Log10(v))+map[bool]float64{true: 1, false: -1}[up])
	case p.Complement:
		w = 1 - math.Pow(10, math.Round(math.Log10(1-v))+map[bool]float64{true: -1, false: 1}[up])
	default:
		w = (math.Round(v/0.05) + map[bool]float64{true: 1, false: -1}[up]) * 0.05
		w = math.Round(w*1e6) / 1e6
	}
	s.setHyper(s.sel, p, w)
}

func (s *Scene) cycleHyper(d int) {
	if n := len(sim.Params(s.sel)); n > 0 {
		s.hsel = ((s.hsel+d)%n + n) % n
	}
}

// clampStart keeps a start point inside the race's divergence box.
func (s *Scene) clampStart(p surfaces.Point) surfaces.Point {
	b := sim.DivergenceBox(s.surf)
	if math.IsNaN(p.X) || math.IsNaN(p.Y) {
		return s.tun.start
	}
	return surfaces.Point{X: math.Min(math.Max(p.X, b.X0), b.X1), Y: math.Min(math.Max(p.Y, b.Y0), b.Y1)}
}

func (s *Scene) setStart(p surfaces.Point) {
	if p = s.clampStart(p); p != s.tun.start {
		s.tun.start = p
		s.restart()
	}
}

func (s *Scene) setSurface(surf surfaces.Surface) {
	s.loadSurface(surf)
	s.restart()
	s.playing = true
}

func (s *Scene) cycleSurface(d int) {
	all := surfaces.All()
	i := 0
	for j, x := range all {
		if x.ID() == s.surf.ID() {
			i = j
		}
	}
	s.setSurface(all[((i+d)%len(all)+len(all))%len(all)])
}

func (s *Scene) cycleSchedule(d int) {
	ks := sim.ScheduleKinds
	i := 0
	for j, k := range ks {
		if k == s.schedK {
			i = j
		}
	}
	s.schedK = ks[((i+d)%len(ks)+len(ks))%len(ks)]
	s.restart()
}

func (s *Scene) setLimit(n int) {
	n = min(max(n, limitMin), limitMax)
	if n != s.tun.limit {
		s.tun.limit = n
		s.restart()
	}
}

func (s *Scene) setSchedParam(v float64) {
	_, lo, hi, p, ok := s.sched.Param()
	if !ok || math.IsNaN(v) {
		return
	}
	v = math.Min(math.Max(v, lo), hi)
	if *p != v {
		s.schedP[s.schedK] = v
		s.restart()
	}
}

func (s *Scene) setSpeed(i int) {
	s.speedIdx = min(max(i, 0), len(speeds)-1)
}

func (s *Scene) toggleShared() {
	if s.rates == sharedRates {
		s.rates = ownRates
	} else {
		s.rates = sharedRates
	}
	s.restart()
	s.playing = true
}

// setTol moves the finish line; the race is re-judged, not restarted.
func (s *Scene) setTol(v float64) {
	v = math.Min(math.Max(v, tolMin), tolMax)
	if v != s.tol {
		s.tol = v
		if s.rates == searchedRates {
			s.restart() // the search ranks its trials by the finish line
			return
		}
		s.race.SetTol(v)
		s.version++ // the loss panel's axis follows the finish line
	}
}

// setNoise sets the gradient noise σ (0 turns it off).
func (s *Scene) setNoise(sigma float64) {
	if sigma < noiseMin {
		sigma = 0
	}
	sigma = math.Min(sigma, noiseMax)
	if sigma != s.noise.Sigma {
		s.noise.Sigma = sigma
		s.restart()
		s.playing = true
	}
}

// nudgeNoise doubles or halves σ, starting from 0.05 when off.
func (s *Scene) nudgeNoise(up bool) {
	switch {
	case up && s.noise.Sigma == 0:
		s.setNoise(0.05)
	case up:
		s.setNoise(s.noise.Sigma * 2)
	default:
		s.setNoise(s.noise.Sigma / 2)
	}
}

func (s *Scene) reseed() {
	s.noise.Seed = s.noise.Seed%seedMax + 1
	s.restart()
	s.playing = true
}

// toggle3D switches between the contour map and the 3-D surface.
func (s *Scene) toggle3D() { s.mode3d = !s.mode3d }

// Package race is the optimizer race: several optimizers from one start on
// one surface under one LR schedule, drawn on the surface's contour map with
// the schedule and each optimizer's f − f* beside it.
package race

import (
	"math"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// speeds are the race's steps per tick, from slow motion to ×50.
var speeds = []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50}

const defaultSpeed = 5 // 2 steps per tick

// The LR slider's range: wide enough to show crawling and diverging on every
// surface. The step limit's range.
const (
	lrMin, lrMax       = 1e-5, 10.0
	limitMin, limitMax = 10, 20000
)

// Scene is the race scene.
type Scene struct {
	surf     surfaces.Surface
	on       map[sim.Kind]bool
	lr       map[sim.Kind]float64
	hyper    map[sim.Kind]sim.Hyper
	schedK   sim.ScheduleKind
	schedP   map[sim.ScheduleKind]float64 // a tuned schedule parameter, by kind
	sched    sim.Schedule
	limit    int
	start    surfaces.Point
	race     *sim.Race
	playing  bool
	speedIdx int
	carry    float64
	sel      sim.Kind
	// version counts restarts, so cached drawings reset and tests can count
	// them.
	version int
	keys    []kit.Key

	m        widgets.ContourMap
	lrPlot   widgets.Plot
	lossPlot widgets.Plot
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
}

// New returns the landing race: Beale with SGD, Momentum and Adam.
func New() *Scene {
	s := &Scene{speedIdx: defaultSpeed, playing: true, sel: sim.SGD,
		on: map[sim.Kind]bool{}, lr: map[sim.Kind]float64{}, hyper: map[sim.Kind]sim.Hyper{},
		schedK: sim.Constant, schedP: map[sim.ScheduleKind]float64{}}
	for _, k := range sim.DefaultKinds {
		s.on[k] = true
	}
	for _, k := range sim.Kinds {
		s.hyper[k] = sim.DefaultHyper(k)
	}
	s.keys = s.keyTable()
	s.loadSurface(surfaces.Beale{})
	s.Rebuild()
	return s
}

// loadSurface switches surface and loads its preset (LRs, step limit,
// start and view) without restarting.
func (s *Scene) loadSurface(surf surfaces.Surface) {
	s.surf = surf
	p := sim.PresetFor(surf.ID())
	for k, v := range p.LR {
		s.lr[k] = v
	}
	s.limit = p.Limit
	s.start = surf.Start()
	s.m.Surface, s.m.View = surf, surf.View()
}

// Rebuild restarts the race from the settings, with the view reset: the
// URL's values are all in place.
func (s *Scene) Rebuild() {
	s.m.View = s.surf.View()
	s.restart()
}

// restart builds a fresh race from the settings.
func (s *Scene) restart() {
	s.sched = sim.DefaultSchedule(s.schedK, s.limit)
	if v, ok := s.schedP[s.schedK]; ok {
		if _, lo, hi, p, has := s.sched.Param(); has {
			*p = math.Min(math.Max(v, lo), hi)
		}
	}
	var specs []sim.RunnerSpec
	for _, k := range sim.Kinds {
		if s.on[k] {
			specs = append(specs, sim.RunnerSpec{Kind: k, LR: s.lr[k], Hyper: s.hyper[k]})
		}
	}
	s.race = sim.NewRace(s.surf, s.start, s.sched, s.limit, specs)
	s.carry = 0
	s.version++
	if !s.on[s.sel] && len(specs) > 0 {
		s.sel = specs[0].Kind
	}
}

// Update advances the race by the speed and handles the controls and the
// map.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	// Every setting the URL records restarts the race (bumping version),
	// except the speed.
	version, speed := s.version, s.speedIdx
	s.updateControls(c)
	s.updateMap(c)
	if s.version != version || s.speedIdx != speed {
		c.Changed()
	}
	if s.playing {
		s.carry += speeds[s.speedIdx]
		n := int(s.carry)
		s.carry -= float64(n)
		s.race.Advance(n)
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
}

// stripKey is the state the strip's layout depends on.
func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.playing, s.sel, s.schedK, s.ui.caption.NeedsButton()}
}

type stripKey struct {
	version int
	playing bool
	sel     sim.Kind
	sched   sim.ScheduleKind
	notes   bool
}

// togglePlay pauses, resumes, or replays a finished race.
func (s *Scene) togglePlay() {
	if !s.playing && s.race.Done() {
		s.restart()
	}
	s.playing = !s.playing
}

func (s *Scene) stepOnce() {
	s.playing = false
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
}

func (s *Scene) setLR(k sim.Kind, v float64) {
	v = math.Min(math.Max(v, lrMin), lrMax)
	if v != s.lr[k] {
		s.lr[k] = v
		s.restart()
	}
}

func (s *Scene) setHyper(k sim.Kind, v float64) {
	p, ok := sim.MainParam(k)
	if !ok {
		return
	}
	h := s.hyper[k]
	v = math.Min(math.Max(v, p.Min), p.Max)
	if *p.Get(&h) == v {
		return
	}
	*p.Get(&h) = v
	s.hyper[k] = h
	s.restart()
}

// clampStart keeps a start point inside the race's divergence box.
func (s *Scene) clampStart(p surfaces.Point) surfaces.Point {
	b := sim.DivergenceBox(s.surf)
	if math.IsNaN(p.X) || math.IsNaN(p.Y) {
		return s.start
	}
	return surfaces.Point{X: math.Min(math.Max(p.X, b.X0), b.X1), Y: math.Min(math.Max(p.Y, b.Y0), b.Y1)}
}

func (s *Scene) setStart(p surfaces.Point) {
	if p = s.clampStart(p); p != s.start {
		s.start = p
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
	if n != s.limit {
		s.limit = n
		s.restart()
	}
}

func (s *Scene) setSchedParam(v float64) {
	_, lo, hi, p, ok := s.sched.Param()
	if !ok {
		return
	}
	v = math.Min(math.Max(v, lo), hi)
	if *p != v {
		s.schedP[s.schedK] = v
		s.restart()
	}
}

func (s *Scene) setSpeed(i int) { s.speedIdx = min(max(i, 0), len(speeds)-1) }

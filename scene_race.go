package main

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// speeds are the race's steps per tick, from slow motion to ×50.
var speeds = []float64{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50}

const defaultSpeed = 5 // 2 steps per tick

// LR slider range: wide enough to show crawling and diverging on every surface.
const lrMin, lrMax = 1e-5, 10.0

// raceScene is the optimizer race: several optimizers from one start on one
// surface, under one LR schedule.
type raceScene struct {
	surf     surfaces.Surface
	on       map[sim.Kind]bool
	lr       map[sim.Kind]float64
	hyper    map[sim.Kind]sim.Hyper
	sched    sim.Schedule
	limit    int
	start    surfaces.Point
	race     *sim.Race
	playing  bool
	speedIdx int
	carry    float64
	sel      sim.Kind
	version  int // bumped whenever the race restarts, so cached drawings reset

	m        widgets.ContourMap
	lrPlot   widgets.Plot
	lossPlot widgets.Plot
	drawn    drawState
	ui       raceUI
}

// drawState is what of the current race is already in the cached layers.
type drawState struct {
	version int
	trail   []int
	loss    []int
	sched   bool
	chrome  chromeKey
}

func newRaceScene() *raceScene {
	s := &raceScene{speedIdx: defaultSpeed, playing: true, sel: sim.SGD,
		on: map[sim.Kind]bool{}, lr: map[sim.Kind]float64{}, hyper: map[sim.Kind]sim.Hyper{}}
	for _, k := range sim.DefaultKinds {
		s.on[k] = true
	}
	for _, k := range sim.Kinds {
		s.hyper[k] = sim.DefaultHyper(k)
	}
	s.setSurface(surfaces.Beale{})
	return s
}

func (s *raceScene) ID() string      { return "race" }
func (s *raceScene) Title() string   { return "race" }
func (s *raceScene) Key() ebiten.Key { return ebiten.KeyDigit6 }

// setSurface switches surface and loads its preset: LRs, step limit, start
// and view.
func (s *raceScene) setSurface(surf surfaces.Surface) {
	s.surf = surf
	p := sim.PresetFor(surf.ID())
	for k, v := range p.LR {
		s.lr[k] = v
	}
	s.limit = p.Limit
	s.start = surf.Start()
	s.m.Surface, s.m.View = surf, surf.View()
	s.setSchedule(s.sched.Kind)
}

// setSchedule picks a schedule kind spread over the race's step limit,
// keeping its tuned parameter when only the limit changed.
func (s *raceScene) setSchedule(k sim.ScheduleKind) {
	if k == "" {
		k = sim.Constant
	}
	old := s.sched
	s.sched = sim.DefaultSchedule(k, s.limit)
	if old.Kind == k {
		if _, _, _, p, ok := old.Param(); ok {
			_, _, _, q, _ := s.sched.Param()
			*q = *p
		}
	}
	s.restart()
}

// restart builds a fresh race from the settings.
func (s *raceScene) restart() {
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

func (s *raceScene) Update(c *Ctx) {
	s.layout(c)
	// Every setting the URL records restarts the race (bumping version),
	// except the speed.
	version, speed := s.version, s.speedIdx
	s.updateControls(c)
	s.updateMap(c)
	s.keys(c)
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
}

// togglePlay pauses, resumes, or replays a finished race.
func (s *raceScene) togglePlay() {
	if !s.playing && s.race.Done() {
		s.restart()
	}
	s.playing = !s.playing
}

func (s *raceScene) stepOnce() {
	s.playing = false
	if s.race.Done() {
		s.restart()
	}
	s.race.Advance(1)
}

func (s *raceScene) toggleKind(k sim.Kind) {
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
func (s *raceScene) selectNext(d int) {
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

func (s *raceScene) setLR(k sim.Kind, v float64) {
	v = math.Min(math.Max(v, lrMin), lrMax)
	if v != s.lr[k] {
		s.lr[k] = v
		s.restart()
	}
}

func (s *raceScene) setHyper(k sim.Kind, v float64) {
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

func (s *raceScene) setStart(p surfaces.Point) {
	v := s.surf.View().Scale(s.surf.View().Center(), 10) // the race's divergence box
	p.X = math.Min(math.Max(p.X, v.X0), v.X1)
	p.Y = math.Min(math.Max(p.Y, v.Y0), v.Y1)
	if p != s.start {
		s.start = p
		s.restart()
	}
}

func (s *raceScene) cycleSurface(d int) {
	all := surfaces.All()
	i := 0
	for j, x := range all {
		if x.ID() == s.surf.ID() {
			i = j
		}
	}
	s.setSurface(all[((i+d)%len(all)+len(all))%len(all)])
	s.playing = true
}

func (s *raceScene) cycleSchedule(d int) {
	ks := sim.ScheduleKinds
	i := 0
	for j, k := range ks {
		if k == s.sched.Kind {
			i = j
		}
	}
	s.setSchedule(ks[((i+d)%len(ks)+len(ks))%len(ks)])
}

func (s *raceScene) setLimit(n int) {
	n = min(max(n, 10), 20000)
	if n != s.limit {
		s.limit = n
		s.setSchedule(s.sched.Kind)
	}
}

func (s *raceScene) setSchedParam(v float64) {
	_, lo, hi, p, ok := s.sched.Param()
	if !ok {
		return
	}
	v = math.Min(math.Max(v, lo), hi)
	if *p != v {
		*p = v
		s.restart()
	}
}

func (s *raceScene) Report(st *Status) {
	st.Surface = s.surf.ID()
	st.Playing = s.playing
	st.Step = s.race.Step()
	st.Start = [2]float64{s.start.X, s.start.Y}
	v := s.m.View
	st.View = [4]float64{v.X0, v.Y0, v.X1, v.Y1}
	p := s.m.Plot()
	st.MapRect = [4]float64{p.X, p.Y, p.W, p.H}
	ctl := func(name string, r widgets.Rect) { st.Controls[name] = [4]float64{r.X, r.Y, r.W, r.H} }
	for i, sf := range surfaces.All() {
		ctl("surface:"+sf.ID(), s.ui.surf[i].Rect)
	}
	for i, k := range sim.Kinds {
		ctl("opt:"+string(k), s.ui.opts[i].Rect)
	}
	ctl("play", s.ui.play.Rect)
	ctl("step", s.ui.step.Rect)
	ctl("reset", s.ui.reset.Rect)
	ctl("schedule", s.ui.sched.Rect)
	st.Runners = st.Runners[:0]
	for _, r := range s.race.Runners {
		h := r.Head()
		st.Runners = append(st.Runners, RunnerStatus{Kind: string(r.Kind), Status: r.Status.String(),
			At: r.At, Gap: r.Gap[len(r.Gap)-1], X: h.X, Y: h.Y})
	}
}

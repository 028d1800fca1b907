package schedules

import (
	"fmt"
	"strconv"
	"strings"

	"gradlab/scenes/kit"
	"gradlab/sim"
)

// Params declares the scene's URL state: the base rate, the schedules shown,
// the one chosen, every schedule setting that differs from its default,
// the axis, the seed, and run=1 for a page that trains as it opens.
func (s *Scene) Params() []kit.Param {
	ps := []kit.Param{
		// Before base: a set-up brings its own base rate, which base= may
		// then change.
		{Name: "setup", Read: func() string {
			if s.warmupSetup {
				return "warmup"
			}
			return ""
		}, Write: func(v string) error {
			keep := "default"
			if s.warmupSetup {
				keep = "warmup"
			}
			id, err := kit.Choice(v, []string{"default", "warmup"}, keep, "set-up")
			if err == nil {
				s.warmupSetup = id == "warmup"
				s.base = setupBase(s.warmupSetup)
			}
			return err
		}},
		{Name: "base", Read: func() string { return kit.Num(s.base) }, Write: func(v string) (err error) {
			s.base, err = kit.NumIn(v, baseMin, baseMax, s.base, "the base rate")
			return err
		}},
		{Name: "show", Read: s.readShow, Write: s.writeShow},
		{Name: "sel", Read: func() string { return string(sim.ScheduleKinds[s.sel]) }, Write: func(v string) error {
			id, err := kit.Choice(v, kindIDs(), string(sim.ScheduleKinds[s.sel]), "schedule")
			for i, k := range sim.ScheduleKinds {
				if string(k) == id {
					s.sel = i
				}
			}
			return err
		}},
	}
	for i, k := range sim.ScheduleKinds {
		for _, kn := range kindKnobs(k) {
			ps = append(ps, s.knobParam(i, kn))
		}
		if k == sim.MultiStep {
			ps = append(ps, s.dropsParam(i))
		}
	}
	return append(ps,
		kit.Param{Name: "logy", Read: func() string {
			if s.logY {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.logY, err = kit.Bool(v, s.logY, "logy")
			return err
		}},
		kit.Param{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		kit.Param{Name: "run", Read: func() string {
			if s.playing {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.playing, err = kit.Bool(v, s.playing, "run")
			return err
		}},
	)
}

// knobParam is one schedule setting in the URL, left out at its default.
func (s *Scene) knobParam(i int, kn knob) kit.Param {
	k := sim.ScheduleKinds[i]
	def := defaultSchedule(k)
	return kit.Param{Name: string(k) + "." + kn.id,
		Read: func() string {
			if v := kn.get(&s.sched[i]); v != kn.get(&def) {
				return kit.Num(v)
			}
			return ""
		},
		Write: func(v string) error {
			keep := kn.get(&s.sched[i])
			what := fmt.Sprintf("the %s schedule's %s", k.Name(), kn.name)
			if kn.integer {
				x, err := kit.IntIn(v, int(kn.lo), int(kn.hi), int(keep), what)
				if err == nil {
					kn.set(&s.sched[i], float64(x))
				}
				return err
			}
			x, err := kit.NumIn(v, kn.lo, kn.hi, keep, what)
			if err == nil && !kn.onGrid(x) {
				err = fmt.Errorf("%s must be a multiple of %s from %s to %s; using %s", what, kit.Num(kn.step), kit.Num(kn.lo), kit.Num(kn.hi), kit.Num(keep))
			}
			if err == nil {
				kn.set(&s.sched[i], kn.clampTo(x))
			}
			return err
		}}
}

// dropsParam is multi-step's drops as one list, left out at its default.
func (s *Scene) dropsParam(i int) kit.Param {
	def := dropsString(defaultSchedule(sim.MultiStep).Milestones)
	return kit.Param{Name: "multistep.drops",
		Read: func() string {
			if v := dropsString(s.sched[i].Milestones); v != def {
				return v
			}
			return ""
		},
		Write: func(v string) error {
			ms, note, ok := parseDrops(v)
			if !ok {
				return fmt.Errorf("%v; using %s", note, dropsString(s.sched[i].Milestones))
			}
			s.sched[i].Milestones = ms
			return note
		}}
}

func (s *Scene) readShow() string {
	var ids []string
	for i, k := range sim.ScheduleKinds {
		if s.on[i] {
			ids = append(ids, string(k))
		}
	}
	return strings.Join(ids, ",")
}

func (s *Scene) writeShow(v string) error {
	on := make([]bool, nk)
	n := 0
	for _, part := range strings.Split(v, ",") {
		k, err := sim.ParseScheduleKind(strings.TrimSpace(part))
		if err != nil {
			return fmt.Errorf("show= lists schedules by id, separated by commas (%s); using %s", strings.Join(kindIDs(), ", "), s.readShow())
		}
		for i, x := range sim.ScheduleKinds {
			if x == k && !on[i] {
				on[i] = true
				n++
			}
		}
	}
	if n == 0 {
		return fmt.Errorf("show= needs at least one schedule; using %s", s.readShow())
	}
	copy(s.on, on)
	return nil
}

// kindIDs lists the schedules' ids.
func kindIDs() []string {
	var ids []string
	for _, k := range sim.ScheduleKinds {
		ids = append(ids, string(k))
	}
	return ids
}

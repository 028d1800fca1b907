package race

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/surfaces"
)

// Params declares the race's URL state: surface, optimizers with their
// LRs, schedule, step limit, speed and start point. Order matters: a
// surface loads its preset before lr= overrides it, and sched= comes before
// its schedp=.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "surface", Read: func() string { return s.surf.ID() }, Write: s.writeSurface},
		{Name: "opt", Read: s.readOpt, Write: s.writeOpt},
		{Name: "lr", Read: s.readLR, Write: s.writeLR},
		{Name: "steps", Read: func() string { return strconv.Itoa(s.limit) }, Write: func(v string) (err error) {
			s.limit, err = kit.IntIn(v, limitMin, limitMax, s.limit, "the step limit")
			return err
		}},
		{Name: "sched", Read: func() string { return string(s.schedK) }, Write: func(v string) error {
			k, err := sim.ParseScheduleKind(strings.TrimSpace(v))
			if err != nil {
				return fmt.Errorf("unknown schedule (try %s); using %s", scheduleIDs(), s.schedK.Name())
			}
			s.schedK = k
			return nil
		}},
		{Name: "schedp", Read: s.readSchedP, Write: s.writeSchedP},
		{Name: "speed", Read: func() string { return kit.Num(speeds[s.speedIdx]) }, Write: func(v string) error {
			x, err := kit.NumIn(v, speeds[0], speeds[len(speeds)-1], speeds[s.speedIdx], "the speed in steps per frame")
			if err == nil {
				s.speedIdx = nearestSpeed(x)
			}
			return err
		}},
		{Name: "start", Read: func() string { return kit.Num(s.start.X) + "," + kit.Num(s.start.Y) }, Write: s.writeStart},
	}
}

func scheduleIDs() string {
	var ids []string
	for _, k := range sim.ScheduleKinds {
		ids = append(ids, string(k))
	}
	return strings.Join(ids, ", ")
}

func (s *Scene) writeSurface(v string) error {
	var ids []string
	for _, sf := range surfaces.All() {
		ids = append(ids, sf.ID())
		if strings.EqualFold(strings.TrimSpace(v), sf.ID()) {
			s.loadSurface(sf)
			return nil
		}
	}
	return fmt.Errorf("unknown surface (try %s); showing %s", strings.Join(ids, ", "), s.surf.ID())
}

func (s *Scene) readOpt() string {
	var opts []string
	for _, k := range sim.Kinds {
		if s.on[k] {
			opts = append(opts, string(k))
		}
	}
	return strings.Join(opts, ",")
}

func (s *Scene) writeOpt(v string) error {
	on := map[sim.Kind]bool{}
	var bad []string
	for _, f := range strings.Split(v, ",") {
		if k, err := sim.ParseKind(strings.TrimSpace(f)); err == nil {
			on[k] = true
		} else if strings.TrimSpace(f) != "" {
			bad = append(bad, kit.Quote(f))
		}
	}
	if len(on) == 0 {
		return errors.New("no known optimizer; racing " + s.readOptNames())
	}
	s.on = on
	if len(bad) > 0 {
		return fmt.Errorf("unknown optimizer %s left out", strings.Join(bad, ", "))
	}
	return nil
}

func (s *Scene) readOptNames() string {
	var names []string
	for _, k := range sim.Kinds {
		if s.on[k] {
			names = append(names, k.Name())
		}
	}
	return strings.Join(names, ", ")
}

func (s *Scene) readLR() string {
	var lrs []string
	for _, k := range sim.Kinds {
		if s.on[k] {
			lrs = append(lrs, string(k)+":"+kit.Num(s.lr[k]))
		}
	}
	return strings.Join(lrs, ",")
}

func (s *Scene) writeLR(v string) error {
	var errs []string
	for _, f := range strings.Split(v, ",") {
		name, num, found := strings.Cut(f, ":")
		k, err := sim.ParseKind(strings.TrimSpace(name))
		if !found || err != nil {
			errs = append(errs, fmt.Sprintf("could not read %s (write it like adam:0.01)", kit.Quote(f)))
			continue
		}
		x, err := kit.NumIn(num, lrMin, lrMax, s.lr[k], k.Name()+"'s learning rate")
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		s.lr[k] = x
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

func (s *Scene) readSchedP() string {
	sc := sim.DefaultSchedule(s.schedK, s.limit)
	if _, _, _, _, ok := sc.Param(); !ok {
		return ""
	}
	if v, ok := s.schedP[s.schedK]; ok {
		return kit.Num(v)
	}
	return ""
}

func (s *Scene) writeSchedP(v string) error {
	sc := sim.DefaultSchedule(s.schedK, s.limit)
	name, lo, hi, p, ok := sc.Param()
	if !ok {
		return fmt.Errorf("the %s schedule has no parameter; it is ignored", s.schedK.Name())
	}
	x, err := kit.NumIn(v, lo, hi, *p, "the schedule's "+name)
	if err == nil {
		s.schedP[s.schedK] = x
	}
	return err
}

func (s *Scene) writeStart(v string) error {
	a, b, ok := strings.Cut(v, ",")
	x, err1 := kit.ParseNum(a)
	y, err2 := kit.ParseNum(b)
	p := surfaces.Point{X: x, Y: y}
	if !ok || err1 != nil || err2 != nil || !sim.DivergenceBox(s.surf).Contains(p) {
		return fmt.Errorf("the start must be two numbers near the surface, like 1,1.5; using %s,%s",
			kit.Num(s.start.X), kit.Num(s.start.Y))
	}
	s.start = p
	return nil
}

func nearestSpeed(x float64) int {
	best := 0
	for i, v := range speeds {
		if math.Abs(math.Log(v/x)) < math.Abs(math.Log(speeds[best]/x)) {
			best = i
		}
	}
	return best
}

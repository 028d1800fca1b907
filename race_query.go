package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gradlab/sim"
	"gradlab/surfaces"
)

// encodeQuery joins key=value pairs; values here never need escaping beyond
// what they are built from (ids, numbers, commas and colons).
func encodeQuery(kv [][2]string) string {
	parts := make([]string, len(kv))
	for i, p := range kv {
		parts[i] = p[0] + "=" + p[1]
	}
	return strings.Join(parts, "&")
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// Query records the race's settings: surface, optimizers with their LRs,
// schedule, step limit, speed and start point.
func (s *raceScene) Query() [][2]string {
	var opts, lrs []string
	for _, k := range sim.Kinds {
		if s.on[k] {
			opts = append(opts, string(k))
			lrs = append(lrs, string(k)+":"+fmtNum(s.lr[k]))
		}
	}
	q := [][2]string{
		{"surface", s.surf.ID()},
		{"opt", strings.Join(opts, ",")},
		{"lr", strings.Join(lrs, ",")},
		{"sched", string(s.sched.Kind)},
	}
	if name, _, _, p, ok := s.sched.Param(); ok && name != "" {
		q = append(q, [2]string{"schedp", fmtNum(*p)})
	}
	return append(q,
		[2]string{"steps", strconv.Itoa(s.limit)},
		[2]string{"speed", fmtNum(speeds[s.speedIdx])},
		[2]string{"start", fmtNum(s.start.X) + "," + fmtNum(s.start.Y)})
}

// Apply reads settings from a URL. Anything it cannot use is reported in
// words and replaced by the default, never a crash.
func (s *raceScene) Apply(q map[string]string) []string {
	var msgs []string
	bad := func(format string, a ...any) { msgs = append(msgs, fmt.Sprintf(format, a...)) }
	if v, ok := q["surface"]; ok {
		if sf, found := surfaces.ByID(v); found {
			s.setSurface(sf)
		} else {
			bad("Unknown surface %q in the URL (try bowl, rosenbrock or beale); showing %s.", v, s.surf.ID())
		}
	}
	if v, ok := q["opt"]; ok {
		on := map[sim.Kind]bool{}
		for _, f := range strings.Split(v, ",") {
			if k, err := sim.ParseKind(strings.TrimSpace(f)); err == nil {
				on[k] = true
			} else if f != "" {
				bad("Unknown optimizer %q in the URL; it is left out.", f)
			}
		}
		if len(on) > 0 {
			s.on = on
		} else {
			bad("No known optimizer in opt=%q; racing SGD, Momentum and Adam.", v)
		}
	}
	if v, ok := q["lr"]; ok {
		for _, f := range strings.Split(v, ",") {
			name, num, found := strings.Cut(f, ":")
			k, err := sim.ParseKind(name)
			x, perr := strconv.ParseFloat(num, 64)
			switch {
			case !found || err != nil:
				bad("Could not read %q in lr= (write it like adam:0.01).", f)
			case perr != nil || !(x >= lrMin && x <= lrMax):
				bad("Learning rate %q for %s must be a number from %g to %g; keeping %g.", num, k.Name(), lrMin, lrMax, s.lr[k])
			default:
				s.lr[k] = x
			}
		}
	}
	if v, ok := q["steps"]; ok {
		if n, err := strconv.Atoi(v); err == nil && n >= 10 && n <= 20000 {
			s.limit = n
		} else {
			bad("Step limit %q must be a whole number from 10 to 20000; keeping %d.", v, s.limit)
		}
	}
	sk := s.sched.Kind
	if v, ok := q["sched"]; ok {
		if k, err := sim.ParseScheduleKind(v); err == nil {
			sk = k
		} else {
			bad("Unknown schedule %q in the URL; using %s.", v, sk.Name())
		}
	}
	s.sched.Kind = "" // rebuild over the (possibly new) step limit
	s.setSchedule(sk)
	if v, ok := q["schedp"]; ok {
		x, err := strconv.ParseFloat(v, 64)
		name, lo, hi, _, has := s.sched.Param()
		switch {
		case !has:
		case err != nil || !(x >= lo && x <= hi):
			bad("Schedule parameter %s=%q must be from %g to %g; using the default.", name, v, lo, hi)
		default:
			s.setSchedParam(x)
		}
	}
	if v, ok := q["speed"]; ok {
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || !(x > 0) {
			bad("Speed %q must be a positive number of steps per frame; using %g.", v, speeds[s.speedIdx])
		} else {
			s.speedIdx = nearestSpeed(x)
		}
	}
	if v, ok := q["start"]; ok {
		if p, err := parsePoint(v); err == nil && s.surf.View().Scale(s.surf.View().Center(), 10).Contains(p) {
			s.start = p
		} else {
			bad("Start point %q must be two numbers near the surface, like 1,1.5; using %s,%s.", v, fmtNum(s.start.X), fmtNum(s.start.Y))
		}
	}
	s.restart()
	s.m.View = s.surf.View()
	return msgs
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

func parsePoint(v string) (surfaces.Point, error) {
	a, b, ok := strings.Cut(v, ",")
	if !ok {
		return surfaces.Point{}, fmt.Errorf("want x,y")
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil || math.IsNaN(x+y) || math.IsInf(x+y, 0) {
		return surfaces.Point{}, fmt.Errorf("want two finite numbers")
	}
	return surfaces.Point{X: x, Y: y}, nil
}

package lr1d

import (
	"math"
	"strconv"

	"gradlab/scenes/kit"
)

// Params declares the URL state: the curvature, the rate, the start, the
// second curvature (written only when on), the axis and the pace. The
// switches two and log read 1/0, true/false, on/off and yes/no (kit.Bool);
// anything else is named in a message and leaves the switch as it was.
func (s *Scene) Params() []kit.Param {
	num := func(p *float64, lo, hi float64, name, what string) kit.Param {
		return kit.Param{Name: name, Read: func() string { return exact(*p) }, Write: func(v string) (err error) {
			*p, err = kit.NumIn(v, lo, hi, *p, what)
			return err
		}}
	}
	return []kit.Param{
		num(&s.L, lMin, lMax, "L", "the curvature L"),
		num(&s.lr, lrMin, lrMax, "lr", "the learning rate η"),
		num(&s.x0, x0Min, x0Max, "x0", "the start x₀"),
		{Name: "two", Read: func() string {
			if s.two {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.two, err = kit.Bool(v, s.two, "two (the second curvature)")
			return err
		}},
		{Name: "L2", Read: func() string {
			if s.two {
				return exact(s.L2)
			}
			return ""
		}, Write: func(v string) (err error) {
			s.L2, err = kit.NumIn(v, l2Min, l2Max, s.L2, "the second curvature L₂")
			return err
		}},
		{Name: "log", Read: func() string {
			if s.logAxis {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.logAxis, err = kit.Bool(v, s.logAxis, "log")
			return err
		}},
		{Name: "speed", Read: func() string { return kit.Num(speeds[s.speedIdx]) }, Write: func(v string) error {
			f, err := kit.NumIn(v, speeds[0], speeds[len(speeds)-1], speeds[s.speedIdx], "speed (steps per second)")
			if err != nil {
				return err
			}
			s.speedIdx = nearestSpeed(f)
			return nil
		}},
	}
}

// exact writes v with the fewest digits that read back as v: halving x₀
// reaches 0.01953125, which six digits would round to 0.0195312, and a
// copied URL must give back the same run.
func exact(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// nearestSpeed is the index of the speed stop nearest v (in ratio).
func nearestSpeed(v float64) int {
	best := 0
	for i, sp := range speeds {
		if math.Abs(math.Log(sp/v)) < math.Abs(math.Log(speeds[best]/v)) {
			best = i
		}
	}
	return best
}

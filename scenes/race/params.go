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

// Params declares the race's URL state: everything that changes the
// picture. Order matters: a surface loads its preset before lr= and hyper=
// override it, and sched= comes before its schedp=.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "surface", Read: func() string { return s.surf.ID() }, Write: s.writeSurface},
		{Name: "opt", Read: s.readOpt, Write: s.writeOpt},
		{Name: "lr", Read: s.readLR, Write: s.writeLR},
		{Name: "hyper", Read: s.readHyper, Write: s.writeHyper},
		{Name: "shared", Read: func() string {
			if s.rates != sharedRates {
				return ""
			}
			return kit.Num(s.sharedLR)
		}, Write: func(v string) (err error) {
			s.sharedLR, err = kit.NumIn(v, lrMin, lrMax, s.sharedLR, "the shared learning rate")
			if err == nil {
				s.rates = sharedRates
			}
			return err
		}},
		// fair= comes after shared=: a URL with both races the fair race.
		{Name: "fair", Read: func() string {
			if s.rates != searchedRates {
				return ""
			}
			return "1"
		}, Write: func(v string) error {
			on, err := kit.Bool(v, s.rates == searchedRates, "fair race")
			if err == nil && on {
				s.rates = searchedRates
			} else if err == nil && s.rates == searchedRates {
				s.rates = ownRates
			}
			return err
		}},
		{Name: "fairseed", Read: func() string {
			if s.fair.seed == 1 {
				return ""
			}
			return strconv.FormatUint(s.fair.seed, 10)
		}, Write: func(v string) error {
			n, err := kit.IntIn(v, 1, seedMax, int(s.fair.seed), "the fair race's search seed")
			s.fair.seed = uint64(n)
			return err
		}},
		{Name: "trials", Read: func() string {
			if s.fair.trials == sim.DefaultTrials {
				return ""
			}
			return strconv.Itoa(s.fair.trials)
		}, Write: func(v string) (err error) {
			s.fair.trials, err = kit.IntIn(v, trialsMin, trialsMax, s.fair.trials, "the fair race's trials per optimizer")
			return err
		}},
		{Name: "steps", Read: func() string { return strconv.Itoa(s.tun.limit) }, Write: func(v string) (err error) {
			s.tun.limit, err = kit.IntIn(v, limitMin, limitMax, s.tun.limit, "the step limit")
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
		{Name: "tol", Read: func() string {
			if s.tol == sim.DefaultTol {
				return ""
			}
			return kit.Num(s.tol)
		}, Write: func(v string) (err error) {
			s.tol, err = kit.NumIn(v, tolMin, tolMax, s.tol, "the convergence threshold")
			return err
		}},
		{Name: "noise", Read: func() string {
			if s.noise.Sigma == 0 {
				return ""
			}
			return kit.Num(s.noise.Sigma)
		}, Write: func(v string) error {
			x, err := kit.ParseNum(v)
			if err != nil || x != 0 && (x < noiseMin || x > noiseMax) {
				return fmt.Errorf("the gradient noise σ must be 0 (off) or from %s to %s; using %s",
					kit.Num(noiseMin), kit.Num(noiseMax), kit.Num(s.noise.Sigma))
			}
			s.noise.Sigma = x
			return nil
		}},
		{Name: "seed", Read: func() string {
			if s.noise.Seed == 1 {
				return ""
			}
			return strconv.FormatUint(s.noise.Seed, 10)
		}, Write: func(v string) error {
			n, err := kit.IntIn(v, 1, seedMax, int(s.noise.Seed), "the noise seed")
			s.noise.Seed = uint64(n)
			return err
		}},
		{Name: "speed", Read: func() string { return kit.Num(speeds[s.speedIdx]) }, Write: func(v string) error {
			x, err := kit.NumIn(v, speeds[0], speeds[len(speeds)-1], speeds[s.speedIdx], "the speed in steps per second")
			if err == nil {
				s.speedIdx = nearestSpeed(x)
			}
			return err
		}},
		{Name: "start", Read: func() string { return kit.Num(s.tun.start.X) + "," + kit.Num(s.tun.start.Y) }, Write: s.writeStart},
		{Name: "view", Read: s.readView, Write: s.writeView},
		{Name: "mode", Read: func() string {
			if s.mode3d {
				return "3d"
			}
			return ""
		}, Write: func(v string) error {
			m, err := kit.Choice(v, []string{"map", "3d"}, "map", "view mode")
			s.mode3d = m == "3d" && err == nil
			return err
		}},
		{Name: "rot", Read: func() string {
			if !s.mode3d {
				return ""
			}
			return kit.Num(math.Round(math.Remainder(s.s3.Yaw*180/math.Pi, 360)*10)/10) + "," + kit.Num(math.Round(s.s3.Pitch*180/math.Pi*10)/10)
		}, Write: func(v string) error {
			yaw, pitch, err := parsePair(v)
			if err != nil || math.Abs(yaw) > 3600 || pitch < 5 || pitch > 89 {
				return fmt.Errorf("the 3-D angle must be yaw,pitch in degrees, pitch from 5 to 89, like -35,35; using the default")
			}
			s.s3.Yaw, s.s3.Pitch = yaw*math.Pi/180, pitch*math.Pi/180
			return nil
		}},
		{Name: "arrows", Read: func() string {
			if s.arrows {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.arrows, err = kit.Bool(v, s.arrows, "arrows")
			return err
		}},
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
			lrs = append(lrs, string(k)+":"+kit.Num(s.tun.lr[k]))
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
		x, err := kit.NumIn(num, lrMin, lrMax, s.tun.lr[k], k.Name()+"'s learning rate")
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		s.tun.lr[k] = x
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// paramIDs name the hyperparameters in URLs, in plain ASCII.
var paramIDs = map[string]string{"μ": "mu", "α": "alpha", "β₁": "beta1", "β₂": "beta2", "ε": "eps", "λ": "wd"}

// readHyper writes the hyperparameters of the racing optimizers that differ
// from the surface's preset, like momentum.mu:0.6.
func (s *Scene) readHyper() string {
	pre := sim.PresetFor(s.surf.ID())
	var out []string
	for _, k := range sim.Kinds {
		if !s.on[k] {
			continue
		}
		h, ph := s.tun.hyper[k], pre.Spec(k).Hyper
		for _, p := range sim.Params(k) {
			if v := *p.Get(&h); v != *p.Get(&ph) {
				out = append(out, string(k)+"."+paramIDs[p.Name]+":"+kit.Num(v))
			}
		}
	}
	return strings.Join(out, ",")
}

func (s *Scene) writeHyper(v string) error {
	var errs []string
	for _, f := range strings.Split(v, ",") {
		name, num, found := strings.Cut(f, ":")
		kname, pname, dotted := strings.Cut(name, ".")
		k, err := sim.ParseKind(strings.TrimSpace(kname))
		var param *sim.Param
		if found && dotted && err == nil {
			for _, p := range sim.Params(k) {
				if strings.EqualFold(paramIDs[p.Name], strings.TrimSpace(pname)) {
					param = &p
				}
			}
		}
		if param == nil {
			errs = append(errs, fmt.Sprintf("could not read %s (write it like momentum.mu:0.9)", kit.Quote(f)))
			continue
		}
		h := s.tun.hyper[k]
		x, err := kit.NumIn(num, param.Min, param.Max, *param.Get(&h), k.Name()+"'s "+param.Name)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		*param.Get(&h) = x
		s.tun.hyper[k] = h
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

func (s *Scene) readSchedP() string {
	sc := sim.DefaultSchedule(s.schedK, s.tun.limit)
	if _, _, _, _, ok := sc.Param(); !ok {
		return ""
	}
	if v, ok := s.schedP[s.schedK]; ok {
		return kit.Num(v)
	}
	return ""
}

func (s *Scene) writeSchedP(v string) error {
	sc := sim.DefaultSchedule(s.schedK, s.tun.limit)
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

func parsePair(v string) (a, b float64, err error) {
	x, y, ok := strings.Cut(v, ",")
	a, err1 := kit.ParseNum(x)
	b, err2 := kit.ParseNum(y)
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, errors.New("want two numbers")
	}
	return a, b, nil
}

func (s *Scene) writeStart(v string) error {
	x, y, err := parsePair(v)
	p := surfaces.Point{X: x, Y: y}
	if err != nil || !sim.DivergenceBox(s.surf).Contains(p) {
		return fmt.Errorf("the start must be two numbers near the surface, like 1,1.5; using %s,%s",
			kit.Num(s.tun.start.X), kit.Num(s.tun.start.Y))
	}
	s.tun.start = p
	return nil
}

// readView writes the zoomed or panned view; the usual view is left out.
func (s *Scene) readView() string {
	v := s.m.View
	if v == s.surf.View() {
		return ""
	}
	return strings.Join([]string{kit.Num(v.X0), kit.Num(v.Y0), kit.Num(v.X1), kit.Num(v.Y1)}, ",")
}

func (s *Scene) writeView(v string) error {
	var xs []float64
	for _, f := range strings.Split(v, ",") {
		x, err := kit.ParseNum(f)
		if err != nil {
			break
		}
		xs = append(xs, x)
	}
	home := s.surf.View()
	bad := fmt.Errorf("the view must be x0,y0,x1,y1 around the surface, like %s,%s,%s,%s; showing the usual view",
		kit.Num(home.X0), kit.Num(home.Y0), kit.Num(home.X1), kit.Num(home.Y1))
	if len(xs) != 4 || !(xs[2] > xs[0]) || !(xs[3] > xs[1]) {
		return bad
	}
	b := surfaces.Box{X0: xs[0], Y0: xs[1], X1: xs[2], Y1: xs[3]}
	// The same bounds zooming and panning keep: 1/1000 to 20 times the
	// usual width, and part of the usual view in sight.
	if w := b.W() / home.W(); w < 1e-3*0.999 || w > 20*1.001 || !overlaps(b, home) {
		return bad
	}
	s.m.View = b
	return nil
}

func overlaps(a, b surfaces.Box) bool {
	return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1
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

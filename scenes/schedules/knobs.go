package schedules

import (
	"math"

	"gradlab/scenes/kit"
	"gradlab/sim"
)

// knob is one editable setting of a schedule: its name for people, its id
// in the URL (after the schedule's id and a dot), its range and the step
// the keys move it by, and how it reads and writes the sim.Schedule.
type knob struct {
	// short is the name where space is short (the slider's label).
	name, short, id string
	lo, hi          float64
	step            float64
	integer         bool
	get             func(*sim.Schedule) float64
	set             func(*sim.Schedule, float64)
}

func gammaKnob(lo, hi, step float64) knob {
	return knob{name: "γ (decay factor)", short: "γ", id: "gamma", lo: lo, hi: hi, step: step,
		get: func(s *sim.Schedule) float64 { return s.Gamma },
		set: func(s *sim.Schedule, v float64) { s.Gamma = v }}
}

var minKnob = knob{name: "η_min / η₀", short: "η_min / η₀", id: "min", lo: 0, hi: 0.5, step: 0.01,
	get: func(s *sim.Schedule) float64 { return s.MinFactor },
	set: func(s *sim.Schedule, v float64) { s.MinFactor = v }}

func intKnob(name, short, id string, lo, hi float64, p func(*sim.Schedule) *int) knob {
	return knob{name: name, short: short, id: id, lo: lo, hi: hi, step: 1, integer: true,
		get: func(s *sim.Schedule) float64 { return float64(*p(s)) },
		set: func(s *sim.Schedule, v float64) { *p(s) = int(math.Round(v)) }}
}

func milestone(i int) knob {
	return intKnob([...]string{"1st drop at epoch", "2nd drop at epoch", "3rd drop at epoch"}[i],
		[...]string{"1st drop", "2nd drop", "3rd drop"}[i], [...]string{"m1", "m2", "m3"}[i], 1, epochs-1, func(s *sim.Schedule) *int { return &s.Milestones[i] })
}

// knobsOf lists the settings of a schedule kind that the scene lets people
// edit, most important first.
func knobsOf(k sim.ScheduleKind) []knob {
	switch k {
	case sim.StepDecay:
		return []knob{gammaKnob(0.05, 0.9, 0.05), intKnob("S (epochs between drops)", "S", "every", 1, epochs, func(s *sim.Schedule) *int { return &s.Every })}
	case sim.MultiStep:
		return []knob{gammaKnob(0.05, 0.9, 0.05), milestone(0), milestone(1), milestone(2)}
	case sim.Exponential:
		return []knob{gammaKnob(0.8, 0.995, 0.005)}
	case sim.Cosine:
		return []knob{minKnob}
	case sim.WarmupCos:
		return []knob{intKnob("warm-up epochs", "warm-up", "warmup", 1, 50, func(s *sim.Schedule) *int { return &s.Warmup }),
			{name: "start factor", short: "start factor", id: "start", lo: 0.05, hi: 1, step: 0.05,
				get: func(s *sim.Schedule) float64 { return s.StartFactor },
				set: func(s *sim.Schedule, v float64) { s.StartFactor = v }},
			minKnob}
	case sim.OneCycle:
		return []knob{{name: "share rising (pct_start)", short: "pct_start", id: "pct", lo: 0.05, hi: 0.9, step: 0.05,
			get: func(s *sim.Schedule) float64 { return s.Pct },
			set: func(s *sim.Schedule, v float64) { s.Pct = v }},
			{name: "start = peak / div", short: "div", id: "div", lo: 5, hi: 100, step: 5,
				get: func(s *sim.Schedule) float64 { return s.Div },
				set: func(s *sim.Schedule, v float64) { s.Div = v }}}
	case sim.WarmRestart:
		return []knob{intKnob("T₀ (first cycle, epochs)", "T₀", "t0", 1, 50, func(s *sim.Schedule) *int { return &s.T0 }),
			intKnob("T_mult (cycle growth)", "T_mult", "tmult", 1, 4, func(s *sim.Schedule) *int { return &s.TMult }),
			minKnob}
	}
	return nil
}

// clampTo puts v in the knob's range on its grid of steps from lo: the
// grid keeps the values the keys and the slider reach exact, so the URL
// repeats them.
func (k knob) clampTo(v float64) float64 {
	if math.IsNaN(v) {
		return k.lo
	}
	v = math.Min(math.Max(v, k.lo), k.hi)
	return roundSig(math.Min(k.lo+math.Round((v-k.lo)/k.step)*k.step, k.hi))
}

// onGrid reports whether v is one of the knob's values, as the URL writes
// them.
func (k knob) onGrid(v float64) bool {
	return v >= k.lo && v <= k.hi && kit.Num(k.clampTo(v)) == kit.Num(v)
}

// nudge moves v by d steps along the knob's grid, clamped.
func (k knob) nudge(v float64, d int) float64 {
	n := math.Round((v - k.lo) / k.step)
	return k.clampTo(k.lo + (n+float64(d))*k.step)
}

// defaultSchedule is the scene's schedule of kind k: sim's own default for
// 100 epochs (what the race uses, spread over 100 steps), with multi-step's
// drops at the usual recipe's epochs 30, 60 and 90.
func defaultSchedule(k sim.ScheduleKind) sim.Schedule {
	s := sim.DefaultSchedule(k, epochs)
	s.Milestones = []int{30, 60, 90}
	return s
}

package schedules

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

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
	// milestone is 1 + the index of the multi-step drop it edits, or 0.
	milestone int
	get       func(*sim.Schedule) float64
	set       func(*sim.Schedule, float64)
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

// milestone is multi-step's drop i; the URL writes all drops as one list
// (multistep.drops), so its knob has milestone set and is left out of the
// per-setting parameters.
func milestone(i int) knob {
	k := intKnob(fmt.Sprintf("drop %d at epoch", i+1), fmt.Sprintf("drop %d", i+1), fmt.Sprintf("m%d", i+1),
		1, epochs-1, func(s *sim.Schedule) *int { return &s.Milestones[i] })
	k.milestone = i + 1
	return k
}

// knobsOf lists the settings of schedule sc that the scene lets people
// edit, most important first: multi-step has one per drop it has.
func knobsOf(sc *sim.Schedule) []knob {
	if sc.Kind == sim.MultiStep {
		ks := []knob{gammaKnob(0.05, 0.9, 0.05)}
		for i := range sc.Milestones {
			ks = append(ks, milestone(i))
		}
		return ks
	}
	return kindKnobs(sc.Kind)
}

// kindKnobs are the settings of every kind but multi-step's drops.
func kindKnobs(k sim.ScheduleKind) []knob {
	switch k {
	case sim.StepDecay:
		return []knob{gammaKnob(0.05, 0.9, 0.05), intKnob("S (epochs between drops)", "S", "every", 1, epochs, func(s *sim.Schedule) *int { return &s.Every })}
	case sim.MultiStep:
		return []knob{gammaKnob(0.05, 0.9, 0.05)}
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

// maxDrops is the most drops multi-step's list may hold.
const maxDrops = 6

// normalDrops sorts the drops and removes duplicates; changed says whether
// that altered the list.
func normalDrops(ms []int) (out []int, changed bool) {
	out = slices.Clone(ms)
	slices.Sort(out)
	out = slices.Compact(out)
	return out, !slices.Equal(out, ms)
}

// parseDrops reads multi-step's drops from the URL ("30,60,90"): each a
// whole epoch from 1 to epochs−1, at most maxDrops. A list out of order or
// with repeats is sorted and its repeats dropped, with a note (err set, the
// list kept); any other bad value leaves the drops as they were (ok false).
func parseDrops(v string) (ms []int, note error, ok bool) {
	parts := strings.Split(v, ",")
	if len(parts) > maxDrops {
		return nil, fmt.Errorf("multi-step takes at most %d drops", maxDrops), false
	}
	for _, p := range parts {
		x, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || x < 1 || x >= epochs {
			return nil, fmt.Errorf("multi-step's drops are whole epochs from 1 to %d separated by commas, not %s", epochs-1, kit.Quote(p)), false
		}
		ms = append(ms, x)
	}
	ms, changed := normalDrops(ms)
	if changed {
		note = fmt.Errorf("multi-step's drops must be in order without repeats: using %s", dropsString(ms))
	}
	return ms, note, true
}

// dropsString writes drops as the URL does.
func dropsString(ms []int) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = strconv.Itoa(m)
	}
	return strings.Join(parts, ",")
}

// moveDrop moves drop i of ms to v, passing over the epochs other drops
// hold in the direction it moves (dir ±1), and returns the sorted drops and
// where the moved one now is; ok is false when there is no free epoch that
// way.
func moveDrop(ms []int, i, v, dir int) (out []int, at int, ok bool) {
	taken := func(x int) bool {
		for j, m := range ms {
			if j != i && m == x {
				return true
			}
		}
		return false
	}
	if dir == 0 {
		dir = 1
	}
	for taken(v) {
		v += dir
	}
	if v < 1 || v >= epochs {
		return ms, i, false
	}
	out = slices.Clone(ms)
	out[i] = v
	slices.Sort(out)
	return out, slices.Index(out, v), true
}

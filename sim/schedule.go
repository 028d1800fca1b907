package sim

import (
	"fmt"
	"math"
)

// ScheduleKind names a learning-rate schedule; its string is the URL id.
type ScheduleKind string

const (
	Constant    ScheduleKind = "constant"
	StepDecay   ScheduleKind = "step"
	MultiStep   ScheduleKind = "multistep"
	Exponential ScheduleKind = "exp"
	Cosine      ScheduleKind = "cosine"
	WarmupCos   ScheduleKind = "warmup"
	OneCycle    ScheduleKind = "onecycle"
	WarmRestart ScheduleKind = "restarts"
)

// ScheduleKinds lists the schedules in the order the program offers them.
var ScheduleKinds = []ScheduleKind{Constant, StepDecay, MultiStep, Exponential, Cosine, WarmupCos, OneCycle, WarmRestart}

// Schedule gives the learning rate at each step (PyTorch's "epoch", counted
// from 0) as base × a factor. The fields a kind does not use are ignored.
type Schedule struct {
	Kind ScheduleKind
	// Total is the number of steps the schedule spans (T_max, OneCycle's N).
	Total int
	// Gamma is the decay factor of step, multistep and exponential.
	Gamma float64
	// Every is StepLR's step size S.
	Every int
	// Milestones are MultiStepLR's steps at which the LR drops by Gamma.
	Milestones []int
	// MinFactor is η_min / η₀ for cosine annealing.
	MinFactor float64
	// Warmup is LinearLR's total_iters; StartFactor its start_factor.
	Warmup      int
	StartFactor float64
	// Pct, Div and FinalDiv are OneCycleLR's pct_start, div_factor and
	// final_div_factor.
	Pct, Div, FinalDiv float64
	// T0 and TMult are CosineAnnealingWarmRestarts' T_0 and T_mult.
	T0, TMult int
	// StepsPerEpoch, when above 1, makes the schedule count epochs of that
	// many optimizer steps: Factor(k) is the factor of epoch k/StepsPerEpoch,
	// held for the whole epoch, as a PyTorch scheduler stepped once per
	// epoch gives it, while a trainer asks for the rate of every update.
	// Every other count (Total, Every, Milestones, Warmup, T0) is then in
	// epochs.
	StepsPerEpoch int
}

var scheduleNames = map[ScheduleKind]string{Constant: "constant", StepDecay: "step decay",
	MultiStep: "multi-step", Exponential: "exponential", Cosine: "cosine", WarmupCos: "warmup + cosine",
	OneCycle: "one-cycle", WarmRestart: "cosine restarts"}

// Name is the label shown to people.
func (k ScheduleKind) Name() string {
	if n, ok := scheduleNames[k]; ok {
		return n
	}
	return string(k)
}

var scheduleDescriptions = map[ScheduleKind]string{
	Constant:    "constant: η stays at η₀ for the whole race",
	StepDecay:   "step decay: η is multiplied by γ every S steps (S = 30 % of the race), like PyTorch's StepLR",
	MultiStep:   "multi-step: η is multiplied by γ at one third and at two thirds of the race, like PyTorch's MultiStepLR",
	Exponential: "exponential: η is multiplied by γ every step, like PyTorch's ExponentialLR; by default it ends at η₀/100",
	Cosine:      "cosine: η falls from η₀ to η_min along half a cosine over the race, like PyTorch's CosineAnnealingLR",
	WarmupCos: "warmup + cosine: η climbs in a straight line from η₀ × start factor to η₀ over the first 5 % " +
		"of the race, then falls along half a cosine to η_min",
	OneCycle: "one-cycle: rises from η₀/25 to η₀ (the peak is the base rate, like PyTorch's max_lr) over " +
		"the first 30 %, then anneals to η₀/25/10⁴",
	WarmRestart: "cosine restarts: η falls along half a cosine from η₀ to η_min over T₀ = 10 % of the race, " +
		"jumps back to η₀, and repeats over 2T₀, 4T₀…, like PyTorch's CosineAnnealingWarmRestarts",
}

// Describe is a one-line account of the schedule for people, with the
// proportions DefaultSchedule uses.
func (k ScheduleKind) Describe() string {
	if d, ok := scheduleDescriptions[k]; ok {
		return d
	}
	return string(k)
}

// ParseScheduleKind accepts a schedule id in any case.
func ParseScheduleKind(s string) (ScheduleKind, error) {
	for _, k := range ScheduleKinds {
		if string(k) == lower(s) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown schedule %q", s)
}

// DefaultSchedule returns kind k spread over total steps with the usual
// recipe for each: drops at ⅓ and ⅔, 5 % warmup, and so on.
func DefaultSchedule(k ScheduleKind, total int) Schedule {
	total = max(total, 2)
	s := Schedule{Kind: k, Total: total, Gamma: 0.1, Every: max(total*3/10, 1),
		Milestones: []int{total / 3, 2 * total / 3}, Warmup: max(total/20, 1),
		StartFactor: 0.1, Pct: 0.3, Div: 25, FinalDiv: 1e4, T0: max(total/10, 1), TMult: 2}
	if k == Exponential {
		// Reach 1 % of the base LR by the end.
		s.Gamma = math.Pow(0.01, 1/float64(total))
	}
	return s
}

// tinyFactor keeps decays that never reach zero on paper (γ^step) from
// underflowing to an LR of exactly 0 in a long race.
const tinyFactor = 1e-300

// Factor returns η(step)/η₀. For every step and every setting within Param's
// range it is finite and within [0, 1], so a schedule alone never makes a
// race diverge; it is 0 only where a schedule meant to end at η_min = 0 has
// ended.
func (s *Schedule) Factor(step int) float64 {
	if s.StepsPerEpoch > 1 {
		step = max(step, 0) / s.StepsPerEpoch
	}
	e := float64(max(step, 0))
	T := float64(max(s.Total, 1))
	switch s.Kind {
	case StepDecay:
		return math.Max(math.Pow(s.Gamma, math.Floor(e/float64(max(s.Every, 1)))), tinyFactor)
	case MultiStep:
		f := 1.0
		for _, m := range s.Milestones {
			if step >= m {
				f *= s.Gamma
			}
		}
		return math.Max(f, tinyFactor)
	case Exponential:
		return math.Max(math.Pow(s.Gamma, e), tinyFactor)
	case Cosine:
		return cosineFactor(math.Min(e, T), T, s.MinFactor)
	case WarmupCos:
		// A warm-up as long as the race would leave no room for the
		// cosine: keep at least its last step.
		w := float64(min(max(s.Warmup, 0), max(s.Total-1, 0)))
		if e < w {
			return s.StartFactor + (1-s.StartFactor)*e/w
		}
		return cosineFactor(math.Min(e-w, T-w), T-w, s.MinFactor)
	case OneCycle:
		return s.oneCycle(step)
	case WarmRestart:
		ti, tcur := float64(max(s.T0, 1)), e
		if s.TMult <= 1 {
			tcur = math.Mod(tcur, ti)
		}
		for tcur >= ti {
			tcur -= ti
			ti *= float64(s.TMult)
		}
		return cosineFactor(tcur, ti, s.MinFactor)
	}
	return 1
}

// LR is base × Factor(step).
func (s *Schedule) LR(base float64, step int) float64 { return base * s.Factor(step) }

func cosineFactor(e, T, minF float64) float64 {
	if T <= 0 {
		return 1
	}
	return minF + (1-minF)*(1+math.Cos(math.Pi*e/T))/2
}

// oneCycle follows OneCycleLR with cosine annealing: the factor is relative to
// the maximum LR. PyTorch ends the rise at step pct·N − 1, which need not be
// a whole step (the race then never runs at the peak) and is step 0 or
// earlier in short races (dividing by zero). Here the rise ends on the
// nearest whole step, and both phases take at least one step (from three
// steps on): step 0 runs at η₀/Div, some step at exactly η₀, the last at
// η₀/Div/FinalDiv.
func (s *Schedule) oneCycle(step int) float64 {
	start := 1 / s.Div
	end := start / s.FinalDiv
	n := float64(max(s.Total, 2))
	down := n - 1
	up := math.Min(math.Max(math.Min(math.Round(s.Pct*n-1), down-1), 1), down)
	e := math.Min(float64(max(step, 0)), down)
	anneal := func(a, b, p float64) float64 { return b + (a-b)*(math.Cos(math.Pi*p)+1)/2 }
	if e <= up {
		return anneal(start, 1, e/up)
	}
	return anneal(1, end, (e-up)/(down-up))
}

// Param is the one schedule setting the program lets people tune, with its
// range; ok is false for the constant schedule.
func (s *Schedule) Param() (name string, lo, hi float64, ptr *float64, ok bool) {
	switch s.Kind {
	case StepDecay, MultiStep:
		return "γ", 0.05, 0.9, &s.Gamma, true
	case Exponential:
		// Wide enough to hold DefaultSchedule's γ, which reaches η₀/100 at
		// the end of even a 10-step race.
		return "γ", math.Min(0.9, math.Pow(0.01, 1/float64(max(s.Total, 2)))), 0.9999, &s.Gamma, true
	case Cosine, WarmRestart:
		return "η_min/η₀", 0, 0.5, &s.MinFactor, true
	case WarmupCos:
		return "start factor", 0.01, 1, &s.StartFactor, true
	case OneCycle:
		return "pct up", 0.05, 0.9, &s.Pct, true
	}
	return "", 0, 0, nil, false
}

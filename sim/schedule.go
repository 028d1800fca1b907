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

// ParseScheduleKind accepts a schedule id.
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

// Factor returns η(step)/η₀.
func (s *Schedule) Factor(step int) float64 {
	e := float64(max(step, 0))
	T := float64(max(s.Total, 1))
	switch s.Kind {
	case StepDecay:
		return math.Pow(s.Gamma, math.Floor(e/float64(max(s.Every, 1))))
	case MultiStep:
		f := 1.0
		for _, m := range s.Milestones {
			if step >= m {
				f *= s.Gamma
			}
		}
		return f
	case Exponential:
		return math.Pow(s.Gamma, e)
	case Cosine:
		return cosineFactor(math.Min(e, T), T, s.MinFactor)
	case WarmupCos:
		w := float64(s.Warmup)
		if e < w {
			return s.StartFactor + (1-s.StartFactor)*e/w
		}
		return cosineFactor(math.Min(e-w, T-w), T-w, s.MinFactor)
	case OneCycle:
		return s.oneCycle(step)
	case WarmRestart:
		ti, tcur := float64(max(s.T0, 1)), e
		for tcur >= ti {
			tcur -= ti
			ti *= float64(max(s.TMult, 1))
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
// the maximum LR.
func (s *Schedule) oneCycle(step int) float64 {
	start := 1 / s.Div
	end := start / s.FinalDiv
	n := float64(max(s.Total, 2))
	up := s.Pct*n - 1
	down := n - 1
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
		return "γ", 0.9, 0.9999, &s.Gamma, true
	case Cosine, WarmRestart:
		return "η_min/η₀", 0, 0.5, &s.MinFactor, true
	case WarmupCos:
		return "start factor", 0.01, 1, &s.StartFactor, true
	case OneCycle:
		return "pct up", 0.05, 0.9, &s.Pct, true
	}
	return "", 0, 0, nil, false
}

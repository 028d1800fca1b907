package schedrun

import "gradlab/sim"

// EventKind is what happens to the rate at an epoch boundary.
type EventKind int

const (
	// Drop is a step decay: the rate falls at once by the factor γ.
	Drop EventKind = iota
	// Restart is a warm restart: the rate jumps back up to the base rate.
	Restart
)

func (k EventKind) String() string { return [...]string{"drop", "restart"}[k] }

// Event is an epoch at which the rate changes at once: from that epoch on it
// trains at the new rate, so the loss measured after it shows the effect.
type Event struct {
	Epoch int
	Kind  EventKind
}

// Events lists the step decays and warm restarts of s within epochs epochs,
// read off the schedule's own factors (not re-derived from its settings),
// so what the plots mark is what the runs trained with.
func Events(s sim.Schedule, epochs int) []Event {
	s.StepsPerEpoch = 0
	var out []Event
	for e := 1; e < epochs; e++ {
		prev, f := s.Factor(e-1), s.Factor(e)
		switch s.Kind {
		case sim.StepDecay, sim.MultiStep:
			if f < prev*(1-1e-9) {
				out = append(out, Event{e, Drop})
			}
		case sim.WarmRestart:
			if f > prev*(1+1e-9) {
				out = append(out, Event{e, Restart})
			}
		}
	}
	return out
}

// Effect measures the loss around an event: the mean loss over the three
// epochs before it (the last at the rate before), against the mean (for a
// drop) or the highest (for a restart) over the three epochs after. ok is
// false until the run has trained three epochs past the event.
func (r *Run) Effect(ev Event) (before, after float64, ok bool) {
	e := ev.Epoch
	if e < 3 || len(r.Loss) < e+4 {
		return 0, 0, false
	}
	for i := e - 2; i <= e; i++ {
		before += r.Loss[i] / 3
	}
	for i := e + 1; i <= e+3; i++ {
		if ev.Kind == Drop {
			after += r.Loss[i] / 3
		} else {
			after = max(after, r.Loss[i])
		}
	}
	return before, after, true
}

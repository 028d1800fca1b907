package schedules

import (
	"fmt"
	"strings"

	"gradlab/sim"
	"gradlab/sim/schedrun"
	"gradlab/widgets"
)

// explanation is the scene's own text under the computed summary. Every
// "try" is done by a test (captions_test.go) that checks what it promises.
const explanation = "Top: the rate each schedule gives every epoch, η₀ times its factor (PyTorch's formulas, the " +
	"same code the optimizer race runs). Under it, one real training per schedule: the loss on all 300 " +
	"training points after each epoch (log scale), then the accuracy. Every run starts from the same weights " +
	"and sees the same minibatches; only the schedule differs. Thin lines mark the chosen schedule's drops " +
	"and restarts.\n" +
	"Try: raise the base rate to 1 (B twice): the runs that start at η₀ spike far above their start in the " +
	"first epoch, and those whose rate decays come back down; warmup + cosine climbs to that rate over 5 epochs and barely moves. " +
	"For a warm-up that decides between training and diverging, press W: plain SGD on a deeper 2-32-32-32-3 " +
	"ReLU network whose weights start three times too large, at η₀ = 0.5, a loss surface too sharp for that " +
	"rate until training has flattened it. " +
	"Tab to cosine restarts, ↓ to T_mult and ← to 1: a restart every 10 epochs, the loss jumping up after each."

// summary says in words what the runs did so far, with their numbers.
func (s *Scene) summary() string {
	n := s.trained()
	if n == 0 {
		return fmt.Sprintf("%d schedules over %d epochs at base rate η₀ = %s, each training the same %s %s network "+
			"with %s on %d %s points, %d minibatches an epoch: press train (Space).",
			s.shown(), epochs, fmtLR(s.base), s.setup.Shape(), s.setup.Act, s.setup.Opt.Name(), s.set.N(),
			s.setup.Data.Name(), s.setup.StepsPerEpoch())
	}
	head := fmt.Sprintf("After %d epochs at η₀ = %s: ", n, fmtLR(s.base))
	switch {
	case s.active() && s.playing:
		head = fmt.Sprintf("Training, epoch %d of %d at η₀ = %s: ", n, epochs, fmtLR(s.base))
	case s.active():
		head = fmt.Sprintf("Paused at epoch %d of %d, η₀ = %s: ", n, epochs, fmtLR(s.base))
	}
	var parts []string
	if w := s.divergeWords(); w != "" {
		parts = append(parts, w)
	} else {
		parts = append(parts, s.blowUps()...)
	}
	for i, k := range sim.ScheduleKinds {
		r := s.runs[i]
		if r == nil {
			continue
		}
		if w := eventWords(k, r); w != "" {
			parts = append(parts, w)
		}
	}
	if w := s.ranking(); w != "" {
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		return head + "no step decay or restart has been trained past yet."
	}
	return head + strings.Join(parts, "; ") + "."
}

// blowUps names the runs whose loss passed BlowFactor times its start, and
// how high the warm-up run got for comparison.
func (s *Scene) blowUps() []string {
	var names []string
	var first *schedrun.Run
	for i, k := range sim.ScheduleKinds {
		if r := s.runs[i]; r != nil && r.BlewAt >= 0 {
			names = append(names, k.Name())
			if first == nil || r.BlewAt < first.BlewAt {
				first = r
			}
		}
	}
	if first == nil {
		return nil
	}
	out := []string{fmt.Sprintf("%s spiked over %g× their start loss (the earliest in epoch %d, loss %s)",
		joinAnd(names), schedrun.BlowFactor, first.BlewAt, widgets.Num(first.Loss[first.BlewAt]))}
	for i, k := range sim.ScheduleKinds {
		if r := s.runs[i]; r != nil && k == sim.WarmupCos && r.BlewAt < 0 && r.Epoch() > 0 {
			out = append(out, fmt.Sprintf("warmup + cosine peaked at %.1f× its start (epoch %d)", r.Peak/r.Loss[0], r.PeakAt))
		}
	}
	return out
}

// divergeWords says which runs diverged, where and how high their loss
// went, against how far warmup + cosine got at the same peak rate; "" when
// none diverged.
func (s *Scene) divergeWords() string {
	var names []string
	var first *schedrun.Run
	same := true
	for i, k := range sim.ScheduleKinds {
		if r := s.runs[i]; r != nil && r.Diverged() {
			names = append(names, k.Name())
			if first != nil && r.Short() != first.Short() {
				same = false
			}
			if first == nil || r.DivergedAt < first.DivergedAt {
				first = r
			}
		}
	}
	if first == nil {
		return ""
	}
	w := fmt.Sprintf("%s: %s", joinAnd(names), first.Short())
	if !same {
		w = fmt.Sprintf("%s: the first %s", joinAnd(names), first.Short())
	}
	if r := s.run(sim.WarmupCos); r != nil && !r.Diverged() && r.Epoch() > 0 {
		w += fmt.Sprintf("; warmup + cosine at the same peak rate: %s at epoch %d (%s right)", widgets.Num(last(r.Loss)), r.Epoch(), pct(last(r.Acc)))
	}
	return w
}

// run is schedule kind k's run (nil when it is off).
func (s *Scene) run(k sim.ScheduleKind) *schedrun.Run {
	for i, x := range sim.ScheduleKinds {
		if x == k {
			return s.runs[i]
		}
	}
	return nil
}

// eventWords says what the first measurable drop or the largest restart
// jump did to the loss.
func eventWords(k sim.ScheduleKind, r *schedrun.Run) string {
	best, bestRatio := schedrun.Event{}, 0.0
	var b0, a0 float64
	for _, ev := range schedrun.Events(r.Sched, epochs) {
		b, a, ok := r.Effect(ev)
		if !ok || b <= 0 {
			continue
		}
		switch ev.Kind {
		case schedrun.Drop:
			return fmt.Sprintf("%s: the loss went from %s to %s in the 3 epochs after the drop at epoch %d (%.1f× lower)",
				k.Name(), widgets.Num(b), widgets.Num(a), ev.Epoch, b/a)
		case schedrun.Restart:
			if a/b > bestRatio {
				best, bestRatio, b0, a0 = ev, a/b, b, a
			}
		}
	}
	if bestRatio > 0 {
		return fmt.Sprintf("%s: the loss jumped from %s to %s (%.1f×) after the restart at epoch %d",
			k.Name(), widgets.Num(b0), widgets.Num(a0), bestRatio, best.Epoch)
	}
	return ""
}

// ranking names the lowest and highest final loss once every run is done.
func (s *Scene) ranking() string {
	if s.active() || s.shown() < 2 {
		return ""
	}
	lo, hi := -1, -1
	for i, r := range s.runs {
		if r == nil || r.Diverged() {
			continue
		}
		if lo < 0 || last(r.Loss) < last(s.runs[lo].Loss) {
			lo = i
		}
		if hi < 0 || last(r.Loss) > last(s.runs[hi].Loss) {
			hi = i
		}
	}
	if lo < 0 || lo == hi {
		return ""
	}
	return fmt.Sprintf("lowest final loss %s (%s), highest %s (%s)",
		widgets.Num(last(s.runs[lo].Loss)), sim.ScheduleKinds[lo].Name(), widgets.Num(last(s.runs[hi].Loss)), sim.ScheduleKinds[hi].Name())
}

// runLine is a schedule's line in the legend.
func (s *Scene) runLine(i int) string {
	r := s.runs[i]
	if r == nil {
		return "off"
	}
	if r.Epoch() == 0 && !r.Diverged() {
		sc := s.sched[i]
		sc.StepsPerEpoch = 0
		return fmt.Sprintf("not trained yet · η %s at epoch 0, %s at %d", fmtLR(sc.LR(s.base, 0)), fmtLR(sc.LR(s.base, epochs-1)), epochs-1)
	}
	var pre string
	switch {
	case r.Diverged():
		return r.Short() + ", stopped: " + r.Reason()
	case r.BlewAt >= 0:
		pre = fmt.Sprintf("spiked in epoch %d (loss %s) · ", r.BlewAt, widgets.Num(r.Loss[r.BlewAt]))
	}
	return pre + fmt.Sprintf("epoch %d: loss %s, %s right", r.Epoch(), widgets.Num(last(r.Loss)), pct(last(r.Acc)))
}

func last(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)-1]
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

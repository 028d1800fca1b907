package threelrs

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gradlab/assets"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// The rule that classifies a run from its curve, in order:
//
//  1. diverged (red): the trainer stopped it because the loss stopped
//     being finite or grew past train.ExplodeFactor times its start; or,
//     after at least climbWindow steps (or at the end of a run of at
//     most climbWindow steps), the mean loss of the last climbWindow steps
//     is above the loss at step 0: the steps overshoot,
//     and with ReLU units the loss then often settles above its start (the
//     units died) instead of exploding. The run stops at that step.
//  2. unstable (vermilion): at some step the loss jumped to over
//     jumpFactor times the lowest it had reached before; the run trains
//     on, but a run that was good loses it. Cited: the biggest jump, its
//     step and the two losses, and how many jumps there were.
//  3. good (green): the accuracy on the training set, measured every
//     evalEvery steps, reached goalAcc.
//  4. slow (orange): it took all its steps without any of these.
//  5. running (orange too, as it is still slow so far) while it trains,
//     and ready before its first step.
//
// Full-batch gradient descent with a small enough rate lowers the loss at
// every step, so rules 1 and 2 never fire on a run that merely crawls.
const (
	goalAcc     = 0.95
	climbWindow = 100
	jumpFactor  = 4
)

// verdict is where a run stands.
type verdict int

const (
	ready verdict = iota
	running
	good
	slow
	diverged
	unstable
)

func (v verdict) String() string {
	return [...]string{"ready", "running", "good", "slow", "diverged", "unstable"}[v]
}

// color is the verdict's colour on the curves and in the legend.
func (v verdict) color() color.RGBA {
	switch v {
	case good:
		return assets.Good
	case slow, running:
		return assets.Slow
	case diverged:
		return assets.Bad
	case unstable:
		return assets.Vermilion
	}
	return assets.Neutral
}

// run is one of the three trainings with what its curve says.
type run struct {
	lr float64
	tr *train.Trainer
	v  verdict
	// reachedAt is the first measured step with goalAcc, or −1.
	reachedAt int
	// stopAt is where the run ended if it diverged (its curve is drawn up
	// to there), why what ended it.
	stopAt int
	why    string
	// checked is how far the climb rule has read the curve; sum is the
	// running sum of its window.
	checked int
	sum     float64
	// curve, when set, is the loss curve of a run the trainer stopped for
	// an exploded loss: its steps and, last, the loss that tripped the
	// rule (the trainer keeps it only in words), so the number cited is
	// the curve's last point and the plot's range holds it.
	curve []float64
	evals int
	// peak is the highest loss before the stop, and where.
	peak   float64
	peakAt int
	// low is the lowest loss so far; jumps counts the steps that jumped
	// over jumpFactor times the low before them (a jump over several
	// steps counts once), the biggest at jumpAt from jumpFrom to jumpTo.
	low              float64
	jumps, jumpAt    int
	jumpFrom, jumpTo float64
	inJump           bool
}

func (r *run) steps() int {
	if r.v == diverged {
		return r.stopAt
	}
	return r.tr.Steps()
}

// active reports whether the run still takes steps.
func (r *run) active() bool { return r.v != diverged && r.tr.Status == train.Running }

// loss is the curve, cut where the run was stopped.
func (r *run) loss() []float64 {
	if r.curve != nil {
		return r.curve
	}
	return r.tr.Loss[:r.steps()]
}

// last is the latest accuracy measurement at or before the run's end.
func (r *run) last() train.Eval {
	ev := r.tr.Evals
	for i := len(ev) - 1; i > 0; i-- {
		if ev[i].Step <= r.steps() {
			return ev[i]
		}
	}
	return ev[0]
}

// judge reads the new part of the curve and the new measurements and
// sets the verdict (see the rule above).
func (r *run) judge() {
	if r.v == diverged {
		return
	}
	if r.evals == 0 {
		r.reachedAt = -1
	}
	loss := r.tr.Loss
	for k := r.checked; k < len(loss); k++ {
		if k == 0 || loss[k] > r.peak {
			r.peak, r.peakAt = loss[k], k
		}
		if k == 0 {
			r.low = loss[0]
		}
		if jumped := loss[k] > jumpFactor*r.low; jumped {
			if !r.inJump {
				r.jumps++
			}
			if r.jumpAt == 0 || loss[k]/r.low > r.jumpTo/r.jumpFrom {
				r.jumpAt, r.jumpFrom, r.jumpTo = k, r.low, loss[k]
			}
			r.inJump = true
		} else {
			r.inJump = false
		}
		r.low = min(r.low, loss[k])
		r.sum += loss[k]
		if k >= climbWindow {
			r.sum -= loss[k-climbWindow]
		}
		// Steps k−W+1 … k lie above step 0: stop at step k+1 (its curve
		// is drawn up to the point k).
		if k >= climbWindow && r.sum/climbWindow > loss[0] {
			r.v, r.stopAt = diverged, k+1
			r.why = fmt.Sprintf("the loss rose above its start and stayed there (mean %s over steps %d–%d, start %s; peak %s at step %d)",
				fmtLoss(r.sum/climbWindow), k+1-climbWindow, k, fmtLoss(loss[0]), fmtLoss(r.peak), r.peakAt)
			r.checked = len(loss)
			return
		}
	}
	r.checked = len(loss)
	// A run that ends before a full window past step 0 (the 100-step
	// limit) is judged on its last climbWindow steps when it ends, so an
	// overshooting run is never let off as slow for lack of steps.
	if n := min(len(loss), climbWindow); r.tr.Status == train.Done && n > 0 && len(loss) <= climbWindow {
		var sum float64
		for _, v := range loss[len(loss)-n:] {
			sum += v
		}
		if sum/float64(n) > loss[0] {
			r.v, r.stopAt = diverged, len(loss)
			r.why = fmt.Sprintf("the loss rose above its start and stayed there (mean %s over steps %d–%d, start %s; peak %s at step %d)",
				fmtLoss(sum/float64(n)), len(loss)-n, len(loss)-1, fmtLoss(loss[0]), fmtLoss(r.peak), r.peakAt)
			return
		}
	}
	for ; r.evals < len(r.tr.Evals); r.evals++ {
		if e := r.tr.Evals[r.evals]; r.reachedAt < 0 && e.TrainAcc >= goalAcc {
			r.reachedAt = e.Step
		}
	}
	switch {
	case r.tr.Status == train.Diverged:
		r.v, r.stopAt, r.why = diverged, r.tr.At, trainerWhy(r.tr, true)
		if v, ok := explodedTo(r.tr.Why); ok && r.tr.At == len(r.tr.Loss) {
			r.curve = append(slices.Clip(r.tr.Loss), v)
		}
	case r.jumps > 0:
		r.v, r.why = unstable, r.jumpWhy()
	case r.reachedAt >= 0:
		r.v = good
	case r.tr.Status == train.Done:
		r.v = slow
	case r.tr.Steps() > 0:
		r.v = running
	default:
		r.v = ready
	}
}

// jumpWhy is an unstable run's evidence: its biggest jump.
func (r *run) jumpWhy() string {
	w := fmt.Sprintf("loss jumped %s× at step %d (%s → %s)", widgets.Num(math.Round(r.jumpTo/r.jumpFrom)), r.jumpAt, fmtLoss(r.jumpFrom), fmtLoss(r.jumpTo))
	if r.jumps > 1 {
		w += fmt.Sprintf(", %d jumps in all", r.jumps)
	}
	return w
}

// trainerWhy words the trainer's reason with the program's number format,
// citing the loss that tripped the rule (the curve's last point, see
// run.curve), at its step when withStep.
func trainerWhy(t *train.Trainer, withStep bool) string {
	if !strings.HasPrefix(t.Why, "the loss exploded") || len(t.Loss) == 0 {
		return t.Why
	}
	start := fmtLoss(t.Loss[0])
	v, ok := explodedTo(t.Why)
	switch {
	case !ok:
		return fmt.Sprintf("the loss exploded past %g times its start of %s", train.ExplodeFactor, start)
	case withStep:
		return fmt.Sprintf("loss %s at step %d, over %g× its start %s", fmtLoss(v), t.At, train.ExplodeFactor, start)
	}
	return fmt.Sprintf("loss %s, over %g× its start %s", fmtLoss(v), train.ExplodeFactor, start)
}

// explodedTo reads the loss out of the trainer's "the loss exploded to V,
// …" (sim/train keeps no other record of it).
func explodedTo(why string) (float64, bool) {
	rest, ok := strings.CutPrefix(why, "the loss exploded to ")
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, ",")
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// fmtLoss writes a loss: 3 significant digits, 2 in powers-of-ten
// notation, rounded first so 9.996e-4 reads 10⁻³.
func fmtLoss(v float64) string {
	if a := math.Abs(v); !math.IsNaN(v) && !math.IsInf(v, 0) && v != 0 && (a < 1e-3 || a >= 1e5) {
		v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'e', 1, 64), 64)
	}
	return widgets.Num(v)
}

// fmtLR writes a learning rate as the slider and the URL do.
func fmtLR(v float64) string { return widgets.Num(v) }

// pct writes an accuracy as a whole percentage.
func pct(a float64) string { return fmt.Sprintf("%.0f %%", 100*a) }

// line is the run's state in a few words, for its legend row.
func (r *run) line() string {
	e := r.last()
	switch r.v {
	case diverged:
		return fmt.Sprintf("diverged at step %d: %s", r.stopAt, shortWhy(r))
	case unstable:
		return fmt.Sprintf("unstable: %s · now %s, loss %s", r.why, pct(e.TrainAcc), fmtLoss(lastLoss(r)))
	case good:
		return fmt.Sprintf("good: %s at step %d · now %s, loss %s", pct(goalAcc), r.reachedAt, pct(e.TrainAcc), fmtLoss(lastLoss(r)))
	case slow:
		return fmt.Sprintf("slow: %s after all %d steps, loss %s", pct(e.TrainAcc), r.steps(), fmtLoss(lastLoss(r)))
	case running:
		return fmt.Sprintf("step %d: %s, loss %s", r.steps(), pct(e.TrainAcc), fmtLoss(lastLoss(r)))
	}
	return fmt.Sprintf("ready: %s, loss %s", pct(e.TrainAcc), fmtLoss(e.TrainLoss))
}

// shortWhy is the reason in a phrase.
func shortWhy(r *run) string {
	if r.tr.Status == train.Diverged {
		return trainerWhy(r.tr, false)
	}
	return "the loss rose above its start and stayed there"
}

// lastLoss is the last training loss drawn (the first evaluation's
// before any step).
func lastLoss(r *run) float64 {
	if l := r.loss(); len(l) > 0 {
		return l[len(l)-1]
	}
	return r.tr.Evals[0].TrainLoss
}

// sentence is what a run did, for the caption: "0.5 reached 95 % in 270
// steps".
func (r *run) sentence() string {
	lr := fmtLR(r.lr)
	e := r.last()
	switch r.v {
	case diverged:
		return fmt.Sprintf("%s diverged at step %d (%s)", lr, r.stopAt, shortWhy(r))
	case unstable:
		if r.reachedAt >= 0 {
			return fmt.Sprintf("%s is unstable: it reached %s at step %d but its %s", lr, pct(goalAcc), r.reachedAt, r.why)
		}
		return fmt.Sprintf("%s is unstable: its %s", lr, r.why)
	case good:
		return fmt.Sprintf("%s reached %s in %d steps", lr, pct(goalAcc), r.reachedAt)
	case slow:
		if lastLoss(r) >= r.loss()[0] {
			return fmt.Sprintf("%s ended no lower than its start in all %d steps (loss %s → %s)", lr, r.steps(), fmtLoss(r.loss()[0]), fmtLoss(lastLoss(r)))
		}
		return fmt.Sprintf("%s crawled to %s in all %d steps (loss %s → %s)", lr, pct(e.TrainAcc), r.steps(), fmtLoss(r.loss()[0]), fmtLoss(lastLoss(r)))
	case running:
		return fmt.Sprintf("%s is at %s after %d steps", lr, pct(e.TrainAcc), r.steps())
	}
	return fmt.Sprintf("%s starts again from step 0", lr)
}

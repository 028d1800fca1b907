package transfer

import (
	"fmt"
	"strings"

	tl "gradlab/sim/transfer"
)

// explanation is the scene's own text under the computed summary. Its
// "try" is done by a test (transfer_test.go) that checks what it promises.
const explanation = "The source is a spiral of four arms with 120 training points per arm; the target is a " +
	"spiral of four arms too, with only the examples ringed on the maps, and every accuracy is taken on 400 " +
	"held-out target points. Similarity 1 is the source task itself; lower values change the twist of the " +
	"target's arms: straight at 0.5, curling the other way at 0. Frozen layers keep their pretrained " +
	"weights, checked bit for bit below; the rest fine-tunes with Adam at 0.003, a third of the scratch " +
	"run's 0.01, because a large rate on a few examples wipes out what pretraining learned.\n" +
	"Try: similarity down to 0 (←): the frozen features now describe the wrong spiral, the head alone " +
	"cannot undo that, and training from scratch wins."

// texts computes the panels' words from the runs.
func (s *Scene) texts() textState {
	ts := textState{version: s.version, active: s.active()}
	if s.cmp == nil {
		ts.stage = fmt.Sprintf("pretraining on the 4-arm spiral: %.0f %%", 100*s.pre.Progress())
		ts.rows[vFine] = []string{fmt.Sprintf("waits for pretraining (source accuracy %s)", pct(s.pre.Accuracy())),
			fmt.Sprintf("waits (source accuracy %s)", pct(s.pre.Accuracy())), "waits for pretraining"}
		ts.rows[vScratch] = []string{"waits, so both start together", "waits"}
		ts.summary = fmt.Sprintf("Pretraining on %d source points (step %d of %d, %s right on held-out source points). "+
			"Then both networks learn the target from the same %d examples per class.",
			s.pre.Train.N(), s.pre.Steps(), tl.SourceSteps, pct(s.pre.Accuracy()), s.perClass)
		ts.deltas = []string{"measured once fine-tuning starts"}
		return ts
	}
	c := s.cmp
	r := c.Result()
	ts.rows[vFine] = []string{fmt.Sprintf("%s at step %d · before fine-tuning %s", pct(r.Fine), c.Fine.Last().Step, pct(r.ZeroShot)),
		fmt.Sprintf("%s at step %d · before %s", pct(r.Fine), c.Fine.Last().Step, pct(r.ZeroShot)),
		fmt.Sprintf("%s · before %s", pct(r.Fine), pct(r.ZeroShot))}
	ts.rows[vScratch] = []string{fmt.Sprintf("%s at step %d", pct(r.Scratch), c.Scratch.Last().Step), pct(r.Scratch)}
	ts.summary = s.summary(r)
	for _, d := range c.Deltas() {
		ts.deltas = append(ts.deltas, deltaLine(d))
	}
	return ts
}

// summary states the comparison's numbers; the verdict only once both
// runs have finished: before that the curves are still moving, and a gap
// at step 0 is the pretrained start, not what transfer did.
func (s *Scene) summary(r tl.Result) string {
	c := s.cmp
	frozen := "nothing is frozen"
	if n := s.freeze.Layers(); n > 0 {
		var zero []string
		for _, d := range c.Deltas()[:n] {
			zero = append(zero, fmt.Sprint(d.Changed))
		}
		frozen = fmt.Sprintf("the %d frozen layer(s) changed in %s parameters", n, strings.Join(zero, " + "))
	}
	if !c.Done() {
		return fmt.Sprintf("Training: step %d of %d on the same %d examples, fine-tuned %s, from scratch %s held-out "+
			"(the pretrained network scored %s on the target before fine-tuning); %s. The verdict comes when both runs finish.",
			c.Fine.Steps(), tl.TargetSteps, c.Few.N(), pct(r.Fine), pct(r.Scratch), pct(r.ZeroShot), frozen)
	}
	var verdict string
	switch {
	case r.Helps():
		verdict = fmt.Sprintf("transfer helped by %.1f points", shownGap(r.Fine, r.Scratch))
	case r.Hurts():
		verdict = fmt.Sprintf("transfer hurt: scratch is %.1f points better", -shownGap(r.Fine, r.Scratch))
	default:
		verdict = fmt.Sprintf("transfer did not help: %+.1f points, under the %.0f-point margin this scene asks of a difference", shownGap(r.Fine, r.Scratch), 100*tl.Margin)
	}
	out := fmt.Sprintf("After %d steps on the same %d examples: fine-tuned %s, from scratch %s held-out; %s. ",
		c.Fine.Steps(), c.Few.N(), pct(r.Fine), pct(r.Scratch), verdict)
	if fellBelowZeroShot(r) {
		out += fmt.Sprintf("Fine-tuning made the pretrained network worse on the target: %s before it, %s after, "+
			"%.1f points lost to fitting so few examples; %s.", pct(r.ZeroShot), pct(r.Fine), shownGap(r.ZeroShot, r.Fine), frozen)
	} else {
		out += fmt.Sprintf("Before fine-tuning the pretrained network scored %s on the target; %s.", pct(r.ZeroShot), frozen)
	}
	return out
}

// fellBelowZeroShot reports whether fine-tuning ended measurably (by the
// scene's margin) below the pretrained network's own accuracy on the
// target.
func fellBelowZeroShot(r tl.Result) bool { return shownGap(r.ZeroShot, r.Fine) >= 100*tl.Margin }

// deltaLine is one layer's read-out.
func deltaLine(d tl.LayerDelta) string {
	name := fmt.Sprintf("layer %d", d.Layer+1)
	if d.Layer == len(tl.Sizes)-2 {
		name = "head"
	}
	in, out := tl.Sizes[d.Layer], tl.Sizes[d.Layer+1]
	state := "trained"
	if d.Frozen {
		state = "frozen"
	}
	return fmt.Sprintf("%s %d→%d %s: max |Δθ| = %s, %d of %d changed", name, in, out, state, fmtDelta(d.MaxAbs), d.Changed, d.Params)
}

// fmtDelta writes a change: exactly "0" when nothing moved.
func fmtDelta(v float64) string {
	if v == 0 {
		return "0"
	}
	return fmt.Sprintf("%.3g", v)
}

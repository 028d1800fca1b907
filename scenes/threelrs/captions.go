package threelrs

import (
	"fmt"

	"gradlab/sim/data"
	"slices"
	"strings"
)

// explanation is the scene's own text under the computed summary; the
// tries that follow it (tries) depend on the data set.
const explanation = "All three copies of the network start from the same weights and take plain gradient-descent " +
	"steps θ ← θ − η·grad L on the whole data set; only the learning rate η differs. " +
	"Too small and every step is safe but tiny: the loss creeps down and the regions barely change. " +
	"Too large and each step overshoots the valley: the loss jumps up, ReLU units pushed off for every point die, " +
	"and it never comes back. In between, the loss falls fast and the regions wrap around the data.\n" +
	"Colours come from each curve, not from its slot: red (diverged) when the loss stopped being finite, grew 1000-fold, " +
	"or averaged above its start over 100 steps; vermilion (unstable) once the loss jumps to over 4 times the lowest it had reached, " +
	"even after a good start; green once 95 % of the points are right; orange until then (slow when its steps run out).\n"

// summary says in words what the runs did so far, with their numbers.
func (s *Scene) summary() string {
	steps := 0
	for _, r := range s.runs {
		steps = max(steps, r.steps())
	}
	if steps == 0 {
		return fmt.Sprintf("Three networks, one %s data set of %d points, learning rates %s, %s and %s: press run (Space) to train them side by side.",
			s.kind.Name(), s.set.N(), fmtLR(s.runs[0].lr), fmtLR(s.runs[1].lr), fmtLR(s.runs[2].lr))
	}
	var parts []string
	for _, r := range s.runs {
		parts = append(parts, r.sentence())
	}
	return s.head() + strings.Join(parts, "; ") + "."
}

// head is the summary's opening: the step of the furthest run still going
// (the runs drift a few steps apart within a tick, and a run restarted at
// a new rate is behind the others, which may have finished; the legend
// gives each run's own step).
func (s *Scene) head() string {
	most, going := 0, false
	for _, r := range s.runs {
		if r.active() {
			most, going = max(most, r.steps()), true
		}
	}
	switch {
	case !going:
		return "After all the steps: "
	case s.playing:
		return fmt.Sprintf("Training, step %d of %d: ", most, s.limit)
	case most == 0:
		return "Ready (Space runs it): "
	}
	return fmt.Sprintf("Paused at step %d of %d: ", most, s.limit)
}

// tries is the caption's "Try:" line for the data set shown, with the D
// presses counted from it. Every try is done by TestCaptionTries, which
// checks what it promises (with the default rates).
func (s *Scene) tries() string {
	spiral, circles := pressesTo(s.kind, data.Spiral), pressesTo(s.kind, data.Circles)
	switch s.kind {
	case data.Spiral:
		return "Try: η₁ (Q) up to 0.1 (→): it turns green too, later than 0.5. " +
			"η₃ (E) down to 3 (←): it gets to 95 % first, then its loss jumps: unstable; at 2 it is the fastest and steady. " +
			"Circles (" + circles + ") are easier: there even 0.01 gets to 95 %."
	case data.Circles:
		return "Try: the spiral (" + spiral + ") is harder: there 0.01 only crawls, and 0.5 is the one that gets to 95 %."
	}
	return "Try: the spiral (" + spiral + ") tells the rates apart: 0.01 crawls, 0.5 gets to 95 %, 30 diverges. " +
		"Circles (" + circles + ") are easier: there even 0.01 gets to 95 %."
}

// pressesTo says how to get from data set k to want with D: "press D
// twice"; "" when k is want.
func pressesTo(k, want data.Kind) string {
	n := (slices.Index(data.Kinds, want) - slices.Index(data.Kinds, k) + len(data.Kinds)) % len(data.Kinds)
	switch n {
	case 0:
		return ""
	case 1:
		return "press D once"
	case 2:
		return "press D twice"
	}
	return fmt.Sprintf("press D %d times", n)
}

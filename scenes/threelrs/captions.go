package threelrs

import (
	"fmt"
	"slices"
	"strings"
)

// explanation is the scene's own text under the computed summary. Every
// "try" is done by a test (captions_test.go) that checks what it promises.
const explanation = "All three copies of the network start from the same weights and take plain gradient-descent " +
	"steps θ ← θ − η·grad L on the whole data set; only the learning rate η differs. " +
	"Too small and every step is safe but tiny: the loss creeps down and the regions barely change. " +
	"Too large and each step overshoots the valley: the loss jumps up, ReLU units pushed off for every point die, " +
	"and it never comes back. In between, the loss falls fast and the regions wrap around the data.\n" +
	"Colours come from each curve, not from its slot: red (diverged) when the loss stopped being finite, grew 1000-fold, " +
	"or averaged above its start over 100 steps; vermilion (unstable) once the loss jumps to over 4 times the lowest it had reached, " +
	"even after a good start; green once 95 % of the points are right; orange until then (slow when its steps run out).\n" +
	"Try: η₁ (Q) up to 0.1 (→): it turns green too, later than 0.5. " +
	"η₃ (E) down to 3 (←): it gets to 95 % first, then its loss jumps: unstable; at 2 it is the fastest and steady. " +
	"Circles (D twice) are easier: there even 0.01 gets to 95 %."

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

// head is the summary's opening: the step of the runs still going (a run
// restarted at a new rate is behind the others, which have finished).
func (s *Scene) head() string {
	var at []string
	most := 0
	for _, r := range s.runs {
		if r.active() {
			if n := fmt.Sprint(r.steps()); !slices.Contains(at, n) {
				at = append(at, n)
			}
			most = max(most, r.steps())
		}
	}
	word := "step"
	if len(at) > 1 {
		word = "steps"
	}
	switch {
	case len(at) == 0:
		return "After all the steps: "
	case s.playing:
		return fmt.Sprintf("Training, %s %s of %d: ", word, strings.Join(at, " and "), s.limit)
	case most == 0:
		return "Ready (Space runs it): "
	}
	return fmt.Sprintf("Paused at %s %s of %d: ", word, strings.Join(at, " and "), s.limit)
}

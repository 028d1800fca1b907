package race

import (
	"strings"

	"gradlab/sim"
)

// captions say, per surface, what to notice and what to try. Every "try"
// here is done by a test (captions_test.go) that checks what it promises.
var captions = map[string]string{
	"bowl": "This bowl curves 40× more steeply across than along. SGD, at the best rate one number can " +
		"give both directions, bounces from wall to wall and crawls along the floor; Momentum averages " +
		"the bounces away and Adam rescales each direction, so both arrive in a fraction of SGD's steps. " +
		"Real losses are shaped like this in many directions at once. " +
		"Try: select SGD (Tab) and push its η past 2/λ = 0.1 with →: it diverges. " +
		"Or raise Momentum's μ to 0.9 (↑): too much momentum overshoots, and it arrives barely sooner than SGD.",
	"rosenbrock": "A curved valley with an almost flat floor leads to the minimum at (1, 1). Reaching the floor is " +
		"easy; following it is not. SGD, held under its stability limit by the steep walls, barely moves along " +
		"the floor, while Momentum builds up speed and Adam rescales its steps. " +
		"Try: the warmup + cosine schedule (C): Adam then arrives in about a third of the steps.",
	"beale": "Beale's surface spans five decades between its flat middle and its steep corners, so one " +
		"learning rate cannot suit every region. SGD has almost no good rate here; Adam's per-coordinate " +
		"scaling forgives a wide range. " +
		"Try: select SGD (Tab) and → once: it diverges within a few steps. " +
		"Add AdamW (W): it stalls short of the minimum, because its weight decay pulls θ toward the origin " +
		"while the minimum sits at (3, 0.5).",
}

// notes adds what the current settings need said: the schedule's shape,
// the shared rate, the noise.
func (s *Scene) captionText() string {
	parts := []string{captions[s.surf.ID()]}
	if s.schedK != sim.Constant {
		parts = append(parts, "Schedule — "+s.schedK.Describe()+".")
	}
	switch s.rates {
	case sharedRates:
		parts = append(parts, "Same η for all: every optimizer races at one rate, so what differs is the method.")
	case searchedRates:
		// First: it is what the learner just asked for.
		parts = append([]string{s.fairCaption()}, parts...)
	}
	if s.noise.Sigma > 0 {
		parts = append(parts, "Noisy gradients, as from minibatches: at a constant rate SGD hovers above the minimum "+
			"at a floor set by η and σ. A decaying schedule (C: cosine) shrinks the steps and goes lower.")
	}
	if s.on[sim.AdamW] && s.tun.hyper[sim.AdamW].WeightDecay > 0 {
		parts = append(parts, "AdamW's decoupled weight decay pulls θ toward (0, 0) each step; where the "+
			"minimum is away from the origin, it settles where that pull balances the gradient.")
	}
	return strings.Join(parts, "\n")
}

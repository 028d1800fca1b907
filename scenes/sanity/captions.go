package sanity

import "strings"

// caption is the scene's text: what the checks are, why they come before
// any tuning, and what to try. Every "try" is done by a test
// (captions_test.go) that checks what it promises.
const caption = "Before tuning anything, make the network prove it can learn at all: a bug that only slows " +
	"learning looks just like a bad learning rate, and these checks tell the two apart in seconds. " +
	"A fresh network with small weights has no opinion, so it gives each of C classes about 1/C " +
	"and its loss is −ln(1/C) = ln C: the discs sit on the line for every C you measure. " +
	"Regularisation adds ½λΣW², so the same networks start a little higher (the rings), more with more weights. " +
	"Next, with no regularisation, a network this big must memorise a handful of examples: the loss " +
	"falls toward 0 and every example ends up right. Only then is full training worth watching.\n" +
	"Try: the bug \"forgot the 1/N in the gradient\" (B): the initial loss is still ln C, but the overfit fails, " +
	"so one passing check proves little. " +
	"With \"regularisation with the wrong sign\", raising λ (↑) lowers the initial loss, a warning says so, and full " +
	"training pushes the loss below zero. " +
	"A net with \"missing ReLU mask in backprop\" still memorises 5 examples; give it 20 (E) and it cannot. " +
	"And \"softmax over the batch, not the classes\" starts far from ln C."

// captionText is the caption, with a note on the bug injected.
func (s *Scene) captionText() string {
	parts := []string{caption}
	if s.bug != "" {
		parts = append(parts, "Injected: "+bugName(s.bug)+".")
	}
	return strings.Join(parts, "\n")
}

package lr1d

// The captions say what to try, what to notice and why it matters. Every
// "try" is done by a test (captions_test.go) that checks what it promises.
const (
	caption1D = "Gradient descent on the simplest bowl, f(x) = (L/2)x², whose slope is Lx. " +
		"One step is x ← x − η·Lx = (1 − ηL)x: everything depends on the one number ηL. " +
		"Try: press → a few times until the regime reads oscillating: every step jumps past the bottom, " +
		"x changes sign and still shrinks. Press M until η lands on 1/L: the very first step reaches the minimum. " +
		"Then press ↑ to make the bowl steeper while η stays put: once L passes 2/η the jumps grow and the run diverges. " +
		"Press A to see |x| on a log axis, where every converging run is a straight line falling by log|1 − ηL| per step. " +
		"This is why the steepest curvature of a loss sets the largest learning rate that trains at all. " +
		"Press T to add a second, steeper direction."
	caption2D = "Two directions, one learning rate: f(x, y) = (L₁x² + L₂y²)/2, and each coordinate follows its own " +
		"rule, x ← (1 − ηL₁)x and y ← (1 − ηL₂)y. With L₂ = 20 and L₁ = 1 the steep y decides what η may be. " +
		"Try: press ← until y stops diverging. At η = 0.1 = 2/L₂ it bounces at constant amplitude; one more ← " +
		"and y oscillates inward, but x now crawls and needs about 90 steps. No η suits both: the steep direction " +
		"caps η at 2/L_max, and the shallow one then needs on the order of L_max/L_min steps. " +
		"Real networks have curvatures spread over many decades, which is what Momentum and Adam are for: " +
		"key 6 opens the optimizer race."
)

func (s *Scene) captionText() string {
	if s.two {
		return caption2D
	}
	return caption1D
}

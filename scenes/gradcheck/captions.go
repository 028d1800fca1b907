package gradcheck

// captions say, per function, what to try, what to notice and why it
// matters. Every "try" is held to its numbers by TestCaptionClaims.
var captions = map[string]string{
	"smooth": "Each curve is how far a finite difference lands from the exact derivative as the step h " +
		"shrinks from right to left. On the right the dropped Taylor terms dominate: the error falls like h² " +
		"for centered differences but only like h for forward ones (the measured slopes are on the arms). " +
		"On the left rounding dominates: f(x + h) and f(x − h) share more and more leading digits, the " +
		"subtraction cancels them and the error grows like 1/h. The bottom of the V is the best h. " +
		"Try: press ← until h = 10⁻⁹. Both float64 errors have risen again, the centered one tens of times " +
		"above its value at 10⁻⁵; at 10⁻¹² even the centered error has left the green band. " +
		"The thin float32 curves never reach the green band at any h. That is why a gradient check runs in " +
		"float64, with centered differences and h near 10⁻⁵.",
	"cubic": "x³ − 2x at x = 1 has f′ = 1 and a Taylor series that stops at h³, so the truncation errors are " +
		"exact: the centered difference is off by h², the forward one by 3h + h². The right arms are as " +
		"straight as they get, with slopes 2 and 1. Try: press → up to h = 10⁻¹. The centered error reads " +
		"about 0.0099 (h² over the difference's 1.01) and the forward error about 0.24. On the left both " +
		"formulas share the −1 slope of round-off: rounding does not care how clever the formula is.",
	"relu": "max(0, x) at x = −10⁻⁶, a millionth left of its kink. The slope there is 0, and while h is below " +
		"10⁻⁶ both samples lie on the flat side, so the check is exact. Try: drag h past 10⁻⁶. Now x + h lands " +
		"on the rising side, the centered difference jumps towards ½ and the relative error to 1, deep in the " +
		"\"probably wrong\" band, though the derivative is right. No h and no precision fixes that, so there is " +
		"no V. A ReLU network is full of such kinks: a check that fails on a few entries of a ReLU layer may " +
		"be a kink, not a bug.",
	"abs": "|x| at x = 10⁻⁴. While h is below 10⁻⁴ both samples lie on the right-hand piece, a straight line: " +
		"no truncation error at all, only round-off, so the curve is a single arm falling to the right. " +
		"Try: press → past 10⁻⁴. The centered difference becomes x/h instead of 1 and the error climbs " +
		"towards 100 %. Any kink closer to the point than h breaks a finite difference.",
	"net": "The loss of a 2–10–3 ReLU network on 30 spiral points as one parameter θ[i] moves and the other 62 " +
		"stay put; the analytic value is what backprop computed. Second-layer weights give the same V as a " +
		"smooth function. Try: press C to check all 63 parameters, then B to inject bugs one by one. The check " +
		"names the layers each bug breaks: no-relu-mask breaks all of layer 1, sign and transpose only " +
		"layer 1 W, no-reg-grad only the weights, no-mean and softmax-axis everything. Two bugs slip " +
		"through: reg-sign is wrong in the loss and the gradient alike, and no-max only bites once scores " +
		"are huge. A gradient check shows the gradient matches the loss, not that the loss is the one you meant.",
}

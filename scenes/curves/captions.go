package curves

// caption says what to try; TestCaptionClaims performs every "Try".
const caption = "Every curve here is a small network really training on a spiral of points, with settings " +
	"picked to cause one condition; the doctor re-reads the curves every few epochs and names what it " +
	"sees with the numbers, or says it cannot tell. Try: press S until \"overfitting\". Once validation loss " +
	"has climbed 15 % above its minimum while training loss still falls, the verdict turns to overfitting " +
	"and a line marks the epoch of the validation minimum: stop there, or regularise. " +
	"Try: \"plateau from bad init\". With weights of 0.01 the loss sits at ln 3 ≈ 1.10, uniform guessing, " +
	"for about 20 epochs before it falls. Try: \"LR too low\". After 60 epochs the loss has lost only about " +
	"a fifth of its start and still falls in a straight line. Try: press M for a mystery. The name and " +
	"the verdict are hidden; once a quarter of the run is on screen, diagnose it with G, U, L, V, B, D or P, " +
	"then see the answer and your score."

// Package nn is a small feed-forward classifier written to be watched while it
// trains: dense layers, ReLU, tanh or no activation between them, a softmax
// cross-entropy loss with L2 regularisation, and a backward pass that can be
// told to make a realistic mistake (see Bug). It is pure Go in float64: no
// ebiten, no image, no BLAS.
//
// Every parameter lives in one flat vector Theta with a gradient Grad of the
// same layout, so the optimizers in gradlab/sim train it unchanged
// (opt.Step(net.Theta, net.Grad, lr)) and a gradient check walks it
// coordinate by coordinate. Params says which index range is which layer's W
// or b.
//
// The conventions are those of the cs231n "Neural Networks Case Study" notes:
// a layer computes X·W + b with W stored in×out (row-major, so a row of X
// multiplies into a row of W), the data loss is the mean over the batch of
// −log softmax(scores)[y], and the regularisation loss is ½λΣW² over the
// weights, not the biases.
package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Activation is the nonlinearity after every hidden layer; its string is the
// stable id used in URLs. The output layer is always linear: its values are
// the class scores the softmax reads.
type Activation string

const (
	// Identity makes a network with no hidden layer a linear softmax
	// classifier, and a deeper one a product of matrices that is still linear.
	Identity Activation = "identity"
	ReLU     Activation = "relu"
	Tanh     Activation = "tanh"
)

// Activations lists the activations in the order the program offers them.
var Activations = []Activation{ReLU, Tanh, Identity}

// ParseActivation accepts an activation id.
func ParseActivation(s string) (Activation, error) {
	for _, a := range Activations {
		if string(a) == s {
			return a, nil
		}
	}
	return "", fmt.Errorf("unknown activation %q", s)
}

// Init names a weight initialisation; biases always start at zero.
type Init string

const (
	// Gaussian draws W = scale·N(0, 1); cs231n's examples use scale 0.01.
	Gaussian Init = "gaussian"
	// He draws W = scale·N(0, 1)·√(2/fan_in), which keeps the variance of
	// ReLU activations the same from layer to layer (cs231n "Neural Networks
	// Part 2"); use scale 1.
	He Init = "he"
	// Xavier (Glorot) draws W = scale·N(0, 1)·√(2/(fan_in + fan_out)), the
	// matching choice for tanh; use scale 1.
	Xavier Init = "xavier"
)

// Inits lists the initialisations.
var Inits = []Init{Gaussian, He, Xavier}

// Range is where one layer's weights or biases sit in Theta and Grad.
type Range struct {
	// Name is "layer 1 W", "layer 1 b", "layer 2 W", … (layers count from 1).
	Name string
	// Layer counts from 0.
	Layer int
	Bias  bool
	// Lo and Hi bound the slice Theta[Lo:Hi].
	Lo, Hi int
	// Rows and Cols are the shape: fan_in × fan_out for W, 1 × fan_out for b.
	Rows, Cols int
}

// Stepper applies one update to a flat parameter vector; *sim.Optimizer is
// one. Taking an interface keeps this package free of the optimizers.
type Stepper interface {
	Step(theta, grad []float64, lr float64)
}

// Net is a feed-forward classifier. Its methods reuse internal buffers, so one
// Net must not be used from two goroutines at once; Clone gives an independent
// copy.
type Net struct {
	// Sizes are the layer widths: input dimension, hidden widths, classes.
	// They are fixed by New.
	Sizes []int
	// Act follows every hidden layer.
	Act Activation
	// Theta holds every parameter; Grad is LossGrad's default destination.
	Theta, Grad []float64
	// Bug, when not NoBug, makes the forward or backward pass wrong on
	// purpose.
	Bug Bug
	// Frozen is how many of the first layers training leaves alone, 0 …
	// Layers(). Step, StepBatch and a train.Trainer take the gradient of the
	// layers after them only (TrainGrad) and hand the optimizer only those
	// parameters (Trainable), so a frozen weight is never written, not even
	// by decoupled weight decay, and the optimizer keeps no state for it.
	// Set it before an optimizer's first step: the optimizer sizes its
	// state to the trainable part then. LossGrad ignores it and gives the
	// whole gradient, which is what a gradient check compares.
	Frozen int

	ranges []Range
	// Scratch, sized for the largest batch seen and feature-major (see
	// kernels.go): xT is the input, out[l] layer l+1's activations (the last
	// one the scores, then the probabilities), d0 and d1 the backward deltas.
	rows   int
	xT     []float64
	out    [][]float64
	d0, d1 []float64
	tmp    []float64
	bx     []float64
	by     []int
}

// New returns a network with the given layer widths and hidden activation and
// all parameters zero; call Init before training (zero weights never break
// the symmetry between hidden units). It panics unless there are at least an
// input and an output width, all positive, and at least 2 classes.
func New(sizes []int, act Activation) *Net {
	if len(sizes) < 2 {
		panic("nn: need at least an input and an output size")
	}
	for _, s := range sizes {
		if s < 1 {
			panic(fmt.Sprintf("nn: layer sizes %v must be positive", sizes))
		}
	}
	if sizes[len(sizes)-1] < 2 {
		panic("nn: a classifier needs at least 2 classes")
	}
	if _, err := ParseActivation(string(act)); err != nil {
		panic("nn: " + err.Error())
	}
	n := &Net{Sizes: append([]int(nil), sizes...), Act: act}
	off := 0
	for l := 0; l+1 < len(sizes); l++ {
		in, out := sizes[l], sizes[l+1]
		n.ranges = append(n.ranges,
			Range{Name: fmt.Sprintf("layer %d W", l+1), Layer: l, Lo: off, Hi: off + in*out, Rows: in, Cols: out},
			Range{Name: fmt.Sprintf("layer %d b", l+1), Layer: l, Bias: true, Lo: off + in*out, Hi: off + in*out + out, Rows: 1, Cols: out})
		off += in*out + out
	}
	n.Theta = make([]float64, off)
	n.Grad = make([]float64, off)
	return n
}

// Layers is the number of dense layers (weight matrices).
func (n *Net) Layers() int { return len(n.Sizes) - 1 }

// Classes is the width of the output layer.
func (n *Net) Classes() int { return n.Sizes[len(n.Sizes)-1] }

// Params lists the parameter blocks in Theta order: layer 1 W, layer 1 b,
// layer 2 W, and so on. The slice is shared; do not modify it.
func (n *Net) Params() []Range { return n.ranges }

func (n *Net) w(l int) []float64 { r := n.ranges[2*l]; return n.Theta[r.Lo:r.Hi] }
func (n *Net) b(l int) []float64 { r := n.ranges[2*l+1]; return n.Theta[r.Lo:r.Hi] }

// Init draws every weight with scheme and scale from a PCG stream seeded with
// seed, layer by layer in Theta order, and zeroes the biases. The same seed
// always gives the same network.
func (n *Net) Init(scheme Init, scale float64, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x6e6e696e6974))
	for l := 0; l < n.Layers(); l++ {
		in, out := float64(n.Sizes[l]), float64(n.Sizes[l+1])
		std := scale
		switch scheme {
		case Gaussian:
		case He:
			std *= math.Sqrt(2 / in)
		case Xavier:
			std *= math.Sqrt(2 / (in + out))
		default:
			panic(fmt.Sprintf("nn: unknown initialisation %q", scheme))
		}
		for i, w := 0, n.w(l); i < len(w); i++ {
			w[i] = std * r.NormFloat64()
		}
		clear(n.b(l))
	}
}

// Clone returns an independent copy with the same parameters, bug and
// frozen layers.
func (n *Net) Clone() *Net {
	c := New(n.Sizes, n.Act)
	copy(c.Theta, n.Theta)
	copy(c.Grad, n.Grad)
	c.Bug, c.Frozen = n.Bug, n.Frozen
	return c
}

// Loss returns the mean cross-entropy of the rows of x (row-major, Sizes[0]
// columns) against labels y, and the regularisation ½·reg·ΣW².
func (n *Net) Loss(x []float64, y []int, reg float64) (dataLoss, regLoss float64) {
	rows := n.check(x, y)
	n.forward(x, rows)
	return n.softmaxLoss(y, rows), n.regLoss(reg)
}

// LossGrad is Loss that also writes the gradient of dataLoss + regLoss with
// respect to Theta into grad (nil means n.Grad), overwriting it.
func (n *Net) LossGrad(grad, x []float64, y []int, reg float64) (dataLoss, regLoss float64) {
	if grad == nil {
		grad = n.Grad
	}
	if len(grad) != len(n.Theta) {
		panic(fmt.Sprintf("nn: gradient has %d entries for %d parameters", len(grad), len(n.Theta)))
	}
	rows := n.check(x, y)
	n.forward(x, rows)
	dataLoss = n.softmaxLoss(y, rows)
	n.backward(grad, y, rows, reg, 0)
	return dataLoss, n.regLoss(reg)
}

// TrainGrad is LossGrad into n.Grad for training: the backward pass stops
// above the frozen layers, whose entries of n.Grad are left zero, so a
// frozen feature extractor costs only its forward pass.
func (n *Net) TrainGrad(x []float64, y []int, reg float64) (dataLoss, regLoss float64) {
	stop := n.frozen()
	rows := n.check(x, y)
	n.forward(x, rows)
	dataLoss = n.softmaxLoss(y, rows)
	n.backward(n.Grad, y, rows, reg, stop)
	return dataLoss, n.regLoss(reg)
}

// Trainable returns the parameters training may change and their gradient:
// Theta and Grad after the frozen layers, sharing memory with them. Layers
// lie in Theta in order, so the trainable part is one contiguous tail.
func (n *Net) Trainable() (theta, grad []float64) {
	lo := len(n.Theta)
	if f := n.frozen(); f < n.Layers() {
		lo = n.ranges[2*f].Lo
	}
	return n.Theta[lo:], n.Grad[lo:]
}

// frozen returns Frozen after checking it.
func (n *Net) frozen() int {
	if n.Frozen < 0 || n.Frozen > n.Layers() {
		panic(fmt.Sprintf("nn: %d frozen layers in a network of %d", n.Frozen, n.Layers()))
	}
	return n.Frozen
}

// Step takes one training step on the batch (x, y): TrainGrad, then
// opt.Step on the trainable parameters (all of Theta unless layers are
// frozen). It returns the loss before the step.
func (n *Net) Step(opt Stepper, x []float64, y []int, reg, lr float64) (dataLoss, regLoss float64) {
	dataLoss, regLoss = n.TrainGrad(x, y, reg)
	th, g := n.Trainable()
	opt.Step(th, g, lr)
	return dataLoss, regLoss
}

// StepBatch is Step on the minibatch of rows idx of (x, y), gathered into an
// internal buffer.
func (n *Net) StepBatch(opt Stepper, x []float64, y []int, idx []int, reg, lr float64) (dataLoss, regLoss float64) {
	n.check(x, y)
	d := n.Sizes[0]
	n.bx = grow(n.bx, len(idx)*d)
	n.by = growInt(n.by, len(idx))
	for k, i := range idx {
		copy(n.bx[k*d:(k+1)*d], x[i*d:(i+1)*d])
		n.by[k] = y[i]
	}
	return n.Step(opt, n.bx, n.by, reg, lr)
}

// chunk bounds the rows Probs, Predict and Accuracy push through at once, so
// that classifying every pixel of a decision-boundary map does not size the
// scratch buffers for a million rows.
const chunk = 1024

// Probs writes the softmax probabilities of each row of x, row-major with
// Classes() columns, into dst (nil means allocate) and returns it.
func (n *Net) Probs(dst, x []float64) []float64 {
	rows := n.check(x, nil)
	c := n.Classes()
	if dst == nil {
		dst = make([]float64, rows*c)
	}
	if len(dst) != rows*c {
		panic(fmt.Sprintf("nn: Probs dst has %d entries, want %d", len(dst), rows*c))
	}
	d := n.Sizes[0]
	for lo := 0; lo < rows; lo += chunk {
		hi := min(lo+chunk, rows)
		n.forward(x[lo*d:hi*d], hi-lo)
		s := n.out[len(n.out)-1][:(hi-lo)*c]
		n.softmax(s, hi-lo)
		transpose(dst[lo*c:hi*c], s, c, hi-lo)
	}
	return dst
}

// Predict writes the most probable class of each row of x into dst (nil means
// allocate) and returns it. Ties go to the lower class.
func (n *Net) Predict(dst []int, x []float64) []int {
	rows := n.check(x, nil)
	if dst == nil {
		dst = make([]int, rows)
	}
	if len(dst) != rows {
		panic(fmt.Sprintf("nn: Predict dst has %d entries, want %d", len(dst), rows))
	}
	d, c := n.Sizes[0], n.Classes()
	for lo := 0; lo < rows; lo += chunk {
		hi := min(lo+chunk, rows)
		n.forward(x[lo*d:hi*d], hi-lo)
		s := n.out[len(n.out)-1]
		for i := 0; i < hi-lo; i++ {
			dst[lo+i] = argmax(s, i, hi-lo, c)
		}
	}
	return dst
}

// Accuracy is the fraction of rows of x whose predicted class is y's; 0 for
// an empty set.
func (n *Net) Accuracy(x []float64, y []int) float64 {
	rows := n.check(x, y)
	if rows == 0 {
		return 0
	}
	d, c := n.Sizes[0], n.Classes()
	right := 0
	for lo := 0; lo < rows; lo += chunk {
		hi := min(lo+chunk, rows)
		n.forward(x[lo*d:hi*d], hi-lo)
		s := n.out[len(n.out)-1]
		for i := 0; i < hi-lo; i++ {
			if argmax(s, i, hi-lo, c) == y[lo+i] {
				right++
			}
		}
	}
	return float64(right) / float64(rows)
}

// argmax is the class with the highest score for row i of the feature-major
// scores s (c × rows).
func argmax(s []float64, i, rows, c int) int {
	best := 0
	for j := 1; j < c; j++ {
		if s[j*rows+i] > s[best*rows+i] {
			best = j
		}
	}
	return best
}

// check validates a batch and returns its row count; y may be nil.
func (n *Net) check(x []float64, y []int) int {
	d := n.Sizes[0]
	if len(x)%d != 0 {
		panic(fmt.Sprintf("nn: %d inputs is not a whole number of rows of %d", len(x), d))
	}
	rows := len(x) / d
	if y == nil {
		return rows
	}
	if len(y) != rows {
		panic(fmt.Sprintf("nn: %d labels for %d rows", len(y), rows))
	}
	for _, c := range y {
		if c < 0 || c >= n.Classes() {
			panic(fmt.Sprintf("nn: label %d outside [0, %d)", c, n.Classes()))
		}
	}
	return rows
}

// reserve sizes the scratch buffers for a batch of rows.
func (n *Net) reserve(rows int) {
	if rows <= n.rows && n.out != nil {
		return
	}
	n.rows = max(rows, n.rows)
	n.out = make([][]float64, n.Layers())
	widest := 0
	for l := range n.out {
		n.out[l] = make([]float64, n.rows*n.Sizes[l+1])
		widest = max(widest, n.Sizes[l+1])
	}
	n.xT = make([]float64, n.rows*n.Sizes[0])
	n.d0 = make([]float64, n.rows*widest)
	n.d1 = make([]float64, n.rows*widest)
}

func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

func growInt(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}

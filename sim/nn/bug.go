package nn

import "fmt"

// Bug is a realistic mistake the network can be told to make, so that the
// program can show which sanity check catches which mistake. The zero value,
// NoBug, is the correct network. The string is the stable id used in URLs.
type Bug string

const (
	NoBug Bug = ""
	// BugNoMask passes the gradient back through the hidden activation
	// without its derivative: for ReLU, without the mask that zeroes it where
	// the unit was off (numpy: forgetting dhidden[hidden <= 0] = 0).
	BugNoMask Bug = "no-relu-mask"
	// BugNoMean forgets to divide dscores by N: the loss is a mean but the
	// gradient is a sum, N times too big.
	BugNoMean Bug = "no-mean"
	// BugNoRegGrad forgets dW += λW: the loss has the ½λΣW² term, its
	// gradient does not.
	BugNoRegGrad Bug = "no-reg-grad"
	// BugSign flips the sign of layer 1's dW, as in W1 += lr·dW1: that layer
	// climbs the loss while the others descend it.
	BugSign Bug = "sign"
	// BugTranspose computes layer 1's dW as δᵀ·A instead of Aᵀ·δ. numpy
	// would refuse the shape unless the layer is square; in a flat parameter
	// vector it has the right length and runs silently.
	BugTranspose Bug = "transpose"
	// BugSoftmaxAxis normalises the softmax over the batch instead of over
	// the classes (np.sum(exp_scores, axis=0)). The backward pass is the
	// usual probs − onehot, so it no longer matches the forward pass.
	BugSoftmaxAxis Bug = "softmax-axis"
	// BugNoMax computes the softmax without subtracting each row's maximum
	// score. It is exact for small scores and overflows to Inf/NaN once a
	// score passes about 709, where exp overflows float64.
	BugNoMax Bug = "no-max"
	// BugRegSign subtracts the regularisation instead of adding it, in the
	// loss and (consistently) in the gradient: every gradient check passes,
	// and the weights are pushed to grow.
	BugRegSign Bug = "reg-sign"
)

// Bugs lists every injectable bug (NoBug excluded) in the order the program
// offers them.
var Bugs = []Bug{BugNoMask, BugNoMean, BugNoRegGrad, BugSign, BugTranspose,
	BugSoftmaxAxis, BugNoMax, BugRegSign}

var bugNames = map[Bug]string{
	NoBug:          "no bug",
	BugNoMask:      "missing ReLU mask in backprop",
	BugNoMean:      "forgot the 1/N in the gradient",
	BugNoRegGrad:   "regularisation gradient dropped",
	BugSign:        "wrong sign in layer 1's gradient",
	BugTranspose:   "layer 1's dW transposed (δᵀA for Aᵀδ)",
	BugSoftmaxAxis: "softmax over the batch, not the classes",
	BugNoMax:       "softmax without subtracting the max",
	BugRegSign:     "regularisation with the wrong sign",
}

// Name is the label shown to people.
func (b Bug) Name() string {
	if n, ok := bugNames[b]; ok {
		return n
	}
	return string(b)
}

// ParseBug accepts a bug id; the empty string and "none" mean NoBug.
func ParseBug(s string) (Bug, error) {
	if s == "" || s == "none" {
		return NoBug, nil
	}
	for _, b := range Bugs {
		if string(b) == s {
			return b, nil
		}
	}
	return NoBug, fmt.Errorf("unknown bug %q", s)
}

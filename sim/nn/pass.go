package nn

import "math"

// The forward and backward passes work on a feature-major copy of the batch
// with the plain loops of kernels.go. At gradlab's sizes (hundreds of rows,
// 2 to a few hundred units) those loops allocate nothing, measure faster than
// gonum's assembly kernels (floats.AddScaled, floats.Dot) on the same layout,
// and keep the WebAssembly page free of gonum/mat.

// forward fills n.out with each layer's activations for the rows of x,
// feature-major (see kernels.go); the last entry holds the raw class scores.
func (n *Net) forward(x []float64, rows int) {
	n.reserve(rows)
	in := n.xT[:rows*n.Sizes[0]]
	transpose(in, x, rows, n.Sizes[0])
	for l := 0; l < n.Layers(); l++ {
		fi, fo := n.Sizes[l], n.Sizes[l+1]
		out := n.out[l][:rows*fo]
		act := n.Act
		if l == n.Layers()-1 {
			act = Identity
		}
		forwardT(out, in, n.w(l), n.b(l), fi, fo, rows, act)
		in = out
	}
}

// softmaxLoss turns the scores in the last layer's buffer into probabilities
// in place and returns the mean of −log p[y]. The correct path subtracts each
// example's maximum score before exp, so no exp overflows, and takes the loss
// as log Σexp(s − max) − (s_y − max), which stays finite even when p[y]
// underflows to 0.
func (n *Net) softmaxLoss(y []int, rows int) float64 {
	if rows == 0 {
		return 0
	}
	c := n.Classes()
	s := n.out[n.Layers()-1][:rows*c]
	var loss float64
	if n.Bug == BugNoMax || n.Bug == BugSoftmaxAxis {
		n.softmax(s, rows)
		for i := 0; i < rows; i++ {
			loss -= math.Log(s[y[i]*rows+i])
		}
		return loss / float64(rows)
	}
	for i := 0; i < rows; i++ {
		m := s[i]
		for j := 1; j < c; j++ {
			m = math.Max(m, s[j*rows+i])
		}
		zy := s[y[i]*rows+i] - m
		var sum float64
		for j := 0; j < c; j++ {
			e := math.Exp(s[j*rows+i] - m)
			s[j*rows+i] = e
			sum += e
		}
		for j := 0; j < c; j++ {
			s[j*rows+i] /= sum
		}
		loss += math.Log(sum) - zy
	}
	return loss / float64(rows)
}

// softmax turns the feature-major scores s (classes × rows) into
// probabilities in place, making the mistakes of BugNoMax and BugSoftmaxAxis.
func (n *Net) softmax(s []float64, rows int) {
	c := n.Classes()
	if n.Bug == BugSoftmaxAxis {
		// Each class's scores normalised over the batch: every "probability"
		// is about 1/N, and a row no longer sums to 1.
		for j := 0; j < c; j++ {
			col := s[j*rows : (j+1)*rows]
			m := math.Inf(-1)
			for _, v := range col {
				m = math.Max(m, v)
			}
			var sum float64
			for i, v := range col {
				col[i] = math.Exp(v - m)
				sum += col[i]
			}
			for i := range col {
				col[i] /= sum
			}
		}
		return
	}
	for i := 0; i < rows; i++ {
		m := 0.0
		if n.Bug != BugNoMax {
			m = s[i]
			for j := 1; j < c; j++ {
				m = math.Max(m, s[j*rows+i])
			}
		}
		var sum float64
		for j := 0; j < c; j++ {
			s[j*rows+i] = math.Exp(s[j*rows+i] - m)
			sum += s[j*rows+i]
		}
		for j := 0; j < c; j++ {
			s[j*rows+i] /= sum
		}
	}
}

// regLoss is ½·reg·ΣW² over every layer's weights (negated by BugRegSign).
func (n *Net) regLoss(reg float64) float64 {
	if reg == 0 {
		return 0
	}
	var r float64
	for l := 0; l < n.Layers(); l++ {
		var s float64
		for _, w := range n.w(l) {
			s += w * w
		}
		r += 0.5 * reg * s
	}
	if n.Bug == BugRegSign {
		return -r
	}
	return r
}

// backward writes the gradient into grad after forward and softmaxLoss have
// left the probabilities in the last layer's buffer. It follows the cs231n
// notes: dscores = (probs − onehot)/N, dW = Aᵀ·dscores, db = Σ over the
// batch, dA = dscores·Wᵀ times the activation's derivative, dW += reg·W.
// Layers below stop (the frozen ones) are not visited: their gradient
// stays zero.
func (n *Net) backward(grad []float64, y []int, rows int, reg float64, stop int) {
	clear(grad)
	L, c := n.Layers(), n.Classes()
	delta := n.d0[:rows*c]
	copy(delta, n.out[L-1][:rows*c])
	for i := 0; i < rows; i++ {
		delta[y[i]*rows+i]--
	}
	if n.Bug != BugNoMean && rows > 0 {
		fn := float64(rows)
		for i := range delta {
			delta[i] /= fn
		}
	}
	next := n.d1
	for l := L - 1; l >= stop; l-- {
		fi, fo := n.Sizes[l], n.Sizes[l+1]
		a := n.xT
		if l > 0 {
			a = n.out[l-1]
		}
		a = a[:rows*fi]
		rw, rb := n.ranges[2*l], n.ranges[2*l+1]
		gw, gb := grad[rw.Lo:rw.Hi], grad[rb.Lo:rb.Hi]
		if n.Bug == BugTranspose && l == 0 {
			n.tmp = grow(n.tmp, len(gw))
			gradWT(n.tmp, a, delta, fi, fo, rows)
			// δᵀ·A is fo×fi; stored flat where the fi×fo dW belongs.
			transpose(gw, n.tmp, fi, fo)
		} else {
			gradWT(gw, a, delta, fi, fo, rows)
		}
		sumRows(gb, delta, fo, rows)
		if reg != 0 && n.Bug != BugNoRegGrad {
			r := reg
			if n.Bug == BugRegSign {
				r = -reg
			}
			for k, w := range n.w(l) {
				gw[k] += r * w
			}
		}
		if n.Bug == BugSign && l == 0 {
			for k := range gw {
				gw[k] = -gw[k]
			}
		}
		if l > stop {
			dprev := next[:rows*fi]
			backInputT(dprev, delta, n.w(l), a, fi, fo, rows, n.Act, n.Bug != BugNoMask)
			delta, next = dprev, delta[:cap(delta)]
		}
	}
}

package nn

import "math"

// Classifier evaluates a two-input network at one point for a
// decision-region view, which asks for thousands of single points per
// picture. Snap copies
// the weights once per picture into the layout a one-point forward pass
// wants (the first layer as stored, in×out, so its outputs accumulate in
// contiguous rows; later layers transposed, out×in, so each output is one
// contiguous dot product); Classify then runs without allocating. A
// network that overflowed keeps showing its last finite weights. Injected
// bugs are left out on purpose: they live in the loss and the backward
// pass, and the view shows what the weights predict.
type Classifier struct {
	Net    *Net
	layers []pointLayer
	a, b   []float64
}

type pointLayer struct {
	in, out int
	w, b    []float64 // w: in×out for the first layer, out×in after
}

// Snap takes the network's current weights.
func (c *Classifier) Snap() {
	n := c.Net
	if n == nil {
		c.layers = c.layers[:0]
		return
	}
	// A diverged network may hold infinities: keep showing the last
	// finite weights rather than a picture of overflow.
	for _, v := range n.Theta {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return
		}
	}
	ps := n.Params()
	if len(c.layers) != n.Layers() {
		c.layers = make([]pointLayer, n.Layers())
	}
	width := 0
	for l := range c.layers {
		w, b := ps[2*l], ps[2*l+1]
		L := &c.layers[l]
		L.in, L.out = w.Rows, w.Cols
		if len(L.w) != w.Rows*w.Cols {
			L.w, L.b = make([]float64, w.Rows*w.Cols), make([]float64, w.Cols)
		}
		copy(L.b, n.Theta[b.Lo:b.Hi])
		src := n.Theta[w.Lo:w.Hi]
		if l == 0 {
			copy(L.w, src)
		} else {
			for i := 0; i < w.Rows; i++ {
				for j := 0; j < w.Cols; j++ {
					L.w[j*w.Rows+i] = src[i*w.Cols+j]
				}
			}
		}
		width = max(width, w.Rows, w.Cols)
	}
	if len(c.a) < width {
		c.a, c.b = make([]float64, width), make([]float64, width)
	}
}

// Classify returns the most probable class at (x, y) and writes the
// softmax probabilities into probs (when it is long enough).
func (c *Classifier) Classify(x, y float64, probs []float64) int {
	if len(c.layers) == 0 || c.layers[0].in != 2 {
		return -1
	}
	act := c.Net.Act
	last := len(c.layers) - 1
	var in []float64
	for l := range c.layers {
		L := &c.layers[l]
		out := c.b[:L.out]
		if l == 0 {
			w0, w1 := L.w[:L.out], L.w[L.out:2*L.out]
			for j := range out {
				out[j] = L.b[j] + x*w0[j] + y*w1[j]
			}
		} else {
			for j := range out {
				row := L.w[j*L.in : (j+1)*L.in]
				s := L.b[j]
				for i, v := range row {
					s += in[i] * v
				}
				out[j] = s
			}
		}
		if l < last {
			switch act {
			case ReLU:
				for j, v := range out {
					if v < 0 {
						out[j] = 0
					}
				}
			case Tanh:
				for j, v := range out {
					out[j] = math.Tanh(v)
				}
			}
		}
		c.a, c.b = c.b, c.a
		in = c.a[:L.out]
	}
	best := 0
	for j, v := range in {
		if v > in[best] {
			best = j
		}
	}
	if len(probs) >= len(in) {
		top, sum := in[best], 0.0
		for j, v := range in {
			probs[j] = math.Exp(v - top)
			sum += probs[j]
		}
		for j := range in {
			probs[j] /= sum
		}
	}
	return best
}

// Package data makes the small labelled 2-D data sets gradlab's networks
// learn: the cs231n spiral, blobs, circles, XOR and moons, plus the
// handling a training lesson needs (a seeded train/validation split, label
// noise, the first few examples of each class). It is pure Go: no ebiten, no
// image.
//
// Every generator takes an explicit seed and draws from its own math/rand/v2
// PCG stream, so the same seed gives the same points on every run and every
// platform, WebAssembly included. Nothing reads the global random source.
package data

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Set is a labelled data set. X is row-major and flat: point i is
// X[i*D : (i+1)*D]. One flat slice (rather than [][]float64) is what the
// network's matrix loops want and costs one allocation. Y[i] is the class of
// point i, in [0, Classes).
type Set struct {
	X       []float64
	D       int
	Y       []int
	Classes int
}

// N is the number of points.
func (s *Set) N() int { return len(s.Y) }

// Row returns point i, sharing memory with X.
func (s *Set) Row(i int) []float64 { return s.X[i*s.D : (i+1)*s.D] }

// Counts returns how many points each class has.
func (s *Set) Counts() []int {
	c := make([]int, s.Classes)
	for _, y := range s.Y {
		c[y]++
	}
	return c
}

// Bounds returns the smallest and largest value of each coordinate. Both are
// nil for an empty set.
func (s *Set) Bounds() (lo, hi []float64) {
	if s.N() == 0 {
		return nil, nil
	}
	lo = append([]float64(nil), s.Row(0)...)
	hi = append([]float64(nil), s.Row(0)...)
	for i := 1; i < s.N(); i++ {
		for j, v := range s.Row(i) {
			lo[j] = math.Min(lo[j], v)
			hi[j] = math.Max(hi[j], v)
		}
	}
	return lo, hi
}

// Subset copies the points idx, in that order, into dst and returns it. A nil
// dst means allocate; a non-nil one has its slices reused, so a minibatch loop
// does not allocate.
func (s *Set) Subset(dst *Set, idx []int) *Set {
	if dst == nil {
		dst = &Set{}
	}
	dst.D, dst.Classes = s.D, s.Classes
	dst.X = grow(dst.X, len(idx)*s.D)
	dst.Y = growInt(dst.Y, len(idx))
	for k, i := range idx {
		copy(dst.X[k*s.D:(k+1)*s.D], s.Row(i))
		dst.Y[k] = s.Y[i]
	}
	return dst
}

// Clone returns a deep copy.
func (s *Set) Clone() *Set {
	return &Set{X: append([]float64(nil), s.X...), D: s.D,
		Y: append([]int(nil), s.Y...), Classes: s.Classes}
}

// Shuffled returns a copy with the points in a seeded random order.
func (s *Set) Shuffled(seed uint64) *Set {
	return s.Subset(nil, Perm(s.N(), seed))
}

// FirstPerClass returns the first n points of each class, in the set's order
// (fewer where a class has fewer). It is the "can the network overfit five
// examples?" check and the few-shot tasks. The generators emit classes in
// blocks, and the spiral's first point of every class is the origin, so take
// it from a Shuffled set to get a spread of points.
func (s *Set) FirstPerClass(n int) *Set {
	taken := make([]int, s.Classes)
	var idx []int
	for i, y := range s.Y {
		if taken[y] < n {
			taken[y]++
			idx = append(idx, i)
		}
	}
	return s.Subset(nil, idx)
}

// Split shuffles a copy of the set with seed and cuts it into a training set
// and a validation set holding round(valFrac·N) points. The split is not
// stratified: on a few hundred points the class mix of each part is close to
// the whole's, and that is what people meet in practice.
func (s *Set) Split(valFrac float64, seed uint64) (train, val *Set) {
	if !(valFrac >= 0 && valFrac <= 1) {
		panic(fmt.Sprintf("data: validation fraction %g outside [0, 1]", valFrac))
	}
	p := Perm(s.N(), seed)
	nv := int(math.Round(valFrac * float64(s.N())))
	return s.Subset(nil, p[nv:]), s.Subset(nil, p[:nv])
}

// WithLabelNoise returns a copy in which exactly round(frac·N) points, chosen
// with seed, have their label replaced by a uniformly chosen different class.
// Noisy labels are what a network memorises late in training: the
// validation loss turns up while the training loss keeps falling.
func (s *Set) WithLabelNoise(frac float64, seed uint64) *Set {
	if !(frac >= 0 && frac <= 1) {
		panic(fmt.Sprintf("data: label-noise fraction %g outside [0, 1]", frac))
	}
	out := s.Clone()
	if s.Classes < 2 {
		return out
	}
	r := newRand(seed ^ 0x6c6162656c)
	m := int(math.Round(frac * float64(s.N())))
	for _, i := range r.Perm(s.N())[:m] {
		// Draw from the Classes−1 other labels: never "replace" by the same one.
		c := r.IntN(s.Classes - 1)
		if c >= s.Y[i] {
			c++
		}
		out.Y[i] = c
	}
	return out
}

// Perm returns a seeded permutation of 0..n-1.
func Perm(n int, seed uint64) []int { return newRand(seed).Perm(n) }

// NewRand returns the package's seeded generator, for callers (such as a
// minibatch sampler) that want the same kind of reproducible stream.
func NewRand(seed uint64) *rand.Rand { return newRand(seed) }

func newRand(seed uint64) *rand.Rand {
	// The second PCG word is a fixed odd constant so that one uint64 is the
	// whole seed a URL or a test needs to carry.
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
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

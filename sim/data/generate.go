package data

import (
	"fmt"
	"math"
)

// Kind names a generator; its string is the stable id used in URLs.
type Kind string

const (
	Spiral  Kind = "spiral"
	Blobs   Kind = "blobs"
	Circles Kind = "circles"
	XOR     Kind = "xor"
	Moons   Kind = "moons"
)

// Kinds lists the generators in the order the program offers them.
var Kinds = []Kind{Spiral, Blobs, Circles, XOR, Moons}

var kindNames = map[Kind]string{Spiral: "spiral", Blobs: "blobs", Circles: "circles",
	XOR: "XOR", Moons: "moons"}

// Name is the label shown to people.
func (k Kind) Name() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// ParseKind accepts a generator id in any case.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == lower(s) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown data set %q", s)
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FixedClasses is the class count of a generator that has one (circles, XOR
// and moons have two), or 0 where the caller chooses.
func (k Kind) FixedClasses() int {
	switch k {
	case Circles, XOR, Moons:
		return 2
	}
	return 0
}

// DefaultNoise is the noise each generator uses unless told otherwise: the
// cs231n spiral's 0.2, and for the others a level that blurs the boundary
// without hiding it.
func DefaultNoise(k Kind) float64 {
	switch k {
	case Spiral:
		return 0.2
	case Blobs:
		return 0.25
	case Circles:
		return 0.08
	case XOR:
		return 0.05
	case Moons:
		return 0.1
	}
	return 0
}

// Generate makes perClass points of each class with generator k. classes is
// used by the spiral and blobs and ignored by the generators that have a fixed
// count (see FixedClasses). It panics on an unknown kind.
func Generate(k Kind, perClass, classes int, noise float64, seed uint64) *Set {
	switch k {
	case Spiral:
		return MakeSpiral(perClass, classes, noise, seed)
	case Blobs:
		return MakeBlobs(perClass, classes, noise, seed)
	case Circles:
		return MakeCircles(perClass, noise, seed)
	case XOR:
		return MakeXOR(perClass, noise, seed)
	case Moons:
		return MakeMoons(perClass, noise, seed)
	}
	panic(fmt.Sprintf("data: unknown data set %q", k))
}

func newSet(perClass, classes int) *Set {
	if perClass < 0 || classes < 1 {
		panic(fmt.Sprintf("data: %d points per class and %d classes", perClass, classes))
	}
	n := perClass * classes
	return &Set{X: make([]float64, 2*n), D: 2, Y: make([]int, n), Classes: classes}
}

// linspace is numpy's: n evenly spaced values from a to b, both included.
func linspace(a, b float64, n, i int) float64 {
	if n == 1 {
		return a
	}
	return a + (b-a)*float64(i)/float64(n-1)
}

// MakeSpiral is the spiral of the cs231n "Neural Networks Case Study" notes:
// for class k the radius runs linearly from 0 to 1 and the angle from 4k to
// 4(k+1) radians plus noise·N(0,1), and the point is (r sin t, r cos t). With
// noise 0.2, 100 points and 3 classes it is the notes' data set, which a
// linear classifier cannot separate (about 49 % accuracy) and a 100-unit ReLU
// layer can (about 98 %). Points lie in the unit disc.
func MakeSpiral(perClass, classes int, noise float64, seed uint64) *Set {
	s := newSet(perClass, classes)
	r := newRand(seed)
	for k := 0; k < classes; k++ {
		for i := 0; i < perClass; i++ {
			j := k*perClass + i
			rad := linspace(0, 1, perClass, i)
			t := linspace(4*float64(k), 4*float64(k+1), perClass, i) + noise*r.NormFloat64()
			s.X[2*j], s.X[2*j+1] = rad*math.Sin(t), rad*math.Cos(t)
			s.Y[j] = k
		}
	}
	return s
}

// MakeBlobs puts one isotropic Gaussian blob of standard deviation noise per
// class, the centres evenly spaced on a circle of radius 0.7 (class 0 on the
// positive x axis). Two or three blobs are linearly separable at the default
// noise: the "a linear model is enough" case.
func MakeBlobs(perClass, classes int, noise float64, seed uint64) *Set {
	s := newSet(perClass, classes)
	r := newRand(seed)
	for k := 0; k < classes; k++ {
		a := 2 * math.Pi * float64(k) / float64(classes)
		cx, cy := 0.7*math.Cos(a), 0.7*math.Sin(a)
		for i := 0; i < perClass; i++ {
			j := k*perClass + i
			s.X[2*j] = cx + noise*r.NormFloat64()
			s.X[2*j+1] = cy + noise*r.NormFloat64()
			s.Y[j] = k
		}
	}
	return s
}

// MakeCircles is scikit-learn's make_circles with factor 0.5: class 0 on the
// unit circle, class 1 on the circle of radius 0.5, angles evenly spaced, and
// Gaussian noise of standard deviation noise added to both coordinates. No
// line separates them; one hidden layer does.
func MakeCircles(perClass int, noise float64, seed uint64) *Set {
	s := newSet(perClass, 2)
	r := newRand(seed)
	for k := 0; k < 2; k++ {
		rad := 1.0 - 0.5*float64(k)
		for i := 0; i < perClass; i++ {
			j := k*perClass + i
			t := 2 * math.Pi * float64(i) / float64(max(perClass, 1))
			s.X[2*j] = rad*math.Cos(t) + noise*r.NormFloat64()
			s.X[2*j+1] = rad*math.Sin(t) + noise*r.NormFloat64()
			s.Y[j] = k
		}
	}
	return s
}

// MakeXOR draws points uniformly in [−1, 1]², labels them 1 where x and y have
// opposite signs and 0 where they agree, then jitters them by noise·N(0,1).
// Labels come from the clean points, so noise blurs the axes. Classes are
// rejection-sampled to exactly perClass points each.
func MakeXOR(perClass int, noise float64, seed uint64) *Set {
	s := newSet(perClass, 2)
	r := newRand(seed)
	filled := [2]int{}
	for filled[0] < perClass || filled[1] < perClass {
		x, y := 2*r.Float64()-1, 2*r.Float64()-1
		k := 0
		if (x > 0) != (y > 0) {
			k = 1
		}
		if filled[k] == perClass {
			continue
		}
		j := k*perClass + filled[k]
		filled[k]++
		s.X[2*j] = x + noise*r.NormFloat64()
		s.X[2*j+1] = y + noise*r.NormFloat64()
		s.Y[j] = k
	}
	return s
}

// MakeMoons is scikit-learn's make_moons: class 0 on the upper half circle
// (cos t, sin t), class 1 on the lower one shifted to (1 − cos t, 0.5 − sin t),
// t evenly spaced in [0, π], plus Gaussian noise of standard deviation noise.
func MakeMoons(perClass int, noise float64, seed uint64) *Set {
	s := newSet(perClass, 2)
	r := newRand(seed)
	for k := 0; k < 2; k++ {
		for i := 0; i < perClass; i++ {
			j := k*perClass + i
			t := linspace(0, math.Pi, perClass, i)
			x, y := math.Cos(t), math.Sin(t)
			if k == 1 {
				x, y = 1-x, 0.5-y
			}
			s.X[2*j] = x + noise*r.NormFloat64()
			s.X[2*j+1] = y + noise*r.NormFloat64()
			s.Y[j] = k
		}
	}
	return s
}

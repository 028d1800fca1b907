// Package transfer is the math of the transfer-learning scene: a source
// task with plenty of data (a spiral of four arms), a related target task
// with a handful of examples per class (a spiral whose twist is set by a
// similarity in [0, 1]), a network pretrained on the source, and
// two trainings on the same few target examples compared on a held-out
// target set: one fine-tuned from the pretrained weights with some layers
// frozen, one from scratch. It is pure Go: no ebiten, no image.
package transfer

import (
	"fmt"
	"math"

	"gradlab/sim/data"
)

// Arms is the number of spiral arms, one class each.
const Arms = 4

// Twist is how far, in radians, an arm turns from the centre to radius 1.
const Twist = 4.0

// Noise is the standard deviation of each point's angle, in radians.
const Noise = 0.2

// TargetTwist is the target's twist for a similarity s in [0, 1]
// (clamped): the source's own Twist at s = 1, straight arms (four
// sectors) at s = 0.5, and the source's twist reversed at s = 0, its
// mirror image, whose arms cross every source arm. A rotated copy would
// be no test: a rotation only shifts the phase along the arms, which a
// linear head on the source's features undoes.
func TargetTwist(s float64) float64 {
	if !(s >= 0) {
		s = 0
	}
	return Twist * (2*math.Min(s, 1) - 1)
}

// Spiral makes perClass points of each of the Arms arms with the given
// twist. Arm k at radius r (evenly spaced in (0, 1]) lies at angle
// 2πk/Arms + twist·r, plus Noise·N(0, 1); the point is
// (r cos a, r sin a). The arms are evenly spaced, unlike the cs231n
// spiral's four-radian arms, whose fourth arm would crowd the first.
func Spiral(perClass int, twist float64, seed uint64) *data.Set {
	if perClass < 1 {
		panic(fmt.Sprintf("transfer: %d points per class", perClass))
	}
	n := perClass * Arms
	s := &data.Set{X: make([]float64, 2*n), D: 2, Y: make([]int, n), Classes: Arms}
	r := data.NewRand(seed ^ 0x7370697261)
	for k := 0; k < Arms; k++ {
		for i := 0; i < perClass; i++ {
			j := k*perClass + i
			rad := float64(i+1) / float64(perClass)
			a := 2*math.Pi*float64(k)/Arms + twist*rad + Noise*r.NormFloat64()
			s.X[2*j], s.X[2*j+1] = rad*math.Cos(a), rad*math.Sin(a)
			s.Y[j] = k
		}
	}
	return s
}

// FewShot draws n points of each class of the target at similarity sim:
// radii drawn uniformly, not evenly spaced, so five points are a sparse,
// uneven sample of each arm, as a small real data set is.
func FewShot(n int, sim float64, seed uint64) *data.Set {
	if n < 1 {
		panic(fmt.Sprintf("transfer: %d examples per class", n))
	}
	twist := TargetTwist(sim)
	s := &data.Set{X: make([]float64, 2*n*Arms), D: 2, Y: make([]int, n*Arms), Classes: Arms}
	r := data.NewRand(seed ^ 0x66657773686f74)
	for k := 0; k < Arms; k++ {
		for i := 0; i < n; i++ {
			j := k*n + i
			rad := 0.05 + 0.95*r.Float64()
			a := 2*math.Pi*float64(k)/Arms + twist*rad + Noise*r.NormFloat64()
			s.X[2*j], s.X[2*j+1] = rad*math.Cos(a), rad*math.Sin(a)
			s.Y[j] = k
		}
	}
	return s
}

// Package search holds the logic of hyperparameter search: a 2-D objective
// in which one axis matters more than the other, grid, random and
// quasi-random (Halton) designs compared on it with a tally of which wins,
// histograms of uniform against log-uniform draws of a learning rate, and a
// real coarse-to-fine search over a network's learning rate and
// regularization, run as a resumable state machine in slices of steps. It is
// pure Go: no ebiten, no image.
//
// The lesson it backs is Bergstra & Bengio, "Random Search for
// Hyper-Parameter Optimization", JMLR 13:281–305 (2012): with a budget of n²
// trials a grid tries n values of each hyperparameter, random search n² of
// each, and when one hyperparameter matters far more than the other that is
// what decides the best found.
package search

import (
	"math"
	"math/rand/v2"
)

// Objective is a score to maximise over the unit square, like a validation
// accuracy over two hyperparameters scaled to [0, 1]. X is the important
// axis: a change along x moves the score Ratio times as much as the same
// change along y. Both axes have one bump of width Width, at PeakX and
// PeakY; the best score is 1, at the peak.
type Objective struct {
	Ratio        float64
	PeakX, PeakY float64
	Width        float64
}

// DefaultWidth is the bump's standard deviation as a fraction of the axis:
// narrow enough that a 5-value grid (spacing 0.2) can miss it by half a
// spacing, where the score falls to exp(−(0.1/0.07)²/2) ≈ 0.36 of its top.
const DefaultWidth = 0.07

// NewObjective returns the objective with importance ratio ratio (at least
// 1) and its peaks drawn from seed, away from the edges.
func NewObjective(ratio float64, seed uint64) Objective {
	r := rand.New(rand.NewPCG(seed, 0x6f626a))
	return Objective{Ratio: math.Max(ratio, 1), PeakX: 0.15 + 0.7*r.Float64(), PeakY: 0.15 + 0.7*r.Float64(), Width: DefaultWidth}
}

// Score is the objective at (x, y): (Ratio·g(x) + g(y)) / (Ratio + 1), g
// the bump around each peak.
func (o Objective) Score(x, y float64) float64 {
	return (o.Ratio*o.bump(x, o.PeakX) + o.bump(y, o.PeakY)) / (o.Ratio + 1)
}

// Axis scores one axis's part alone: the bump of x (or y) about its peak,
// in [0, 1].
func (o Objective) bump(v, peak float64) float64 {
	d := (v - peak) / o.Width
	return math.Exp(-d * d / 2)
}

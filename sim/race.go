package sim

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"

	"gradlab/surfaces"
)

// Status is where a runner stands in a race.
type Status int

const (
	Running Status = iota
	Converged
	Diverged
	// Finished means the race reached its step limit first.
	Finished
)

func (s Status) String() string {
	return [...]string{"running", "converged", "diverged", "step limit"}[s]
}

// Runner is one optimizer in a race with everything it has recorded. Path[k]
// and Gap[k] are the point and f − f* after k steps; LR[k] is the rate used
// for step k+1.
type Runner struct {
	Kind Kind
	// BaseLR is the learning rate the schedule scales.
	BaseLR float64
	Opt    *Optimizer
	Path   []surfaces.Point
	Gap    []float64
	LR     []float64
	Status Status
	// At is the step at which the status was reached.
	At int
	// Why says in words what ended a diverged run.
	Why string

	theta, grad [2]float64
	noise       *rand.Rand
}

// Steps is how many updates the runner has taken.
func (r *Runner) Steps() int { return len(r.Path) - 1 }

// Head is the runner's current point.
func (r *Runner) Head() surfaces.Point { return r.Path[len(r.Path)-1] }

// LastGrad is the gradient the runner's last step was computed from, noise
// included: it was taken at the point before the head. ok is false before
// the first step.
func (r *Runner) LastGrad() (gx, gy float64, ok bool) {
	if r.Steps() == 0 {
		return 0, 0, false
	}
	return r.grad[0], r.grad[1], true
}

// LastStep is the move that brought the runner to its head, θₜ − θₜ₋₁; ok is
// false before the first step.
func (r *Runner) LastStep() (dx, dy float64, ok bool) {
	n := len(r.Path)
	if n < 2 {
		return 0, 0, false
	}
	return r.Path[n-1].X - r.Path[n-2].X, r.Path[n-1].Y - r.Path[n-2].Y, true
}

// RunnerSpec chooses one optimizer and its settings.
type RunnerSpec struct {
	Kind  Kind
	LR    float64
	Hyper Hyper
}

// Noise makes every gradient a runner sees noisy, as a minibatch estimate of
// it would be. The zero value is no noise.
type Noise struct {
	// Sigma is the standard deviation of the Gaussian noise in each
	// gradient coordinate. 0 turns noise off and leaves every path exactly
	// as without it.
	Sigma float64
	// Relative scales the noise by |∂f/∂θᵢ| so that it vanishes where the
	// gradient does. Otherwise it is absolute, the same everywhere: the kind
	// minibatches make near a minimum, where per-example gradients still
	// disagree although their mean is zero. Only absolute noise leaves a
	// floor that constant-η SGD cannot get below; relative noise instead
	// jitters the effective rate, and a runner near its stability limit
	// can be pushed over it (SGD on the bowl at η ≈ 2/(λ₁+λ₂): some seeds
	// diverge at σ = 0.5, every one at σ = 1).
	Relative bool
	// Seed picks the random numbers. Each runner draws from its own stream,
	// derived from Seed and its kind alone, so adding or removing another
	// runner leaves its path unchanged, and two runners of one kind see the
	// same noise: their difference is then down to their settings.
	Seed uint64
}

// Race steps several optimizers from one start on one surface under one LR
// schedule. Nothing non-finite is ever stored in a path.
type Race struct {
	Surface  surfaces.Surface
	Start    surfaces.Point
	Schedule Schedule
	// Limit is the number of steps after which the race stops.
	Limit int
	// Tol: a runner converges once f − f* < Tol. Changing it directly takes
	// effect from the next judgement; SetTol judges the race afresh.
	Tol float64
	// Noise perturbs the gradients; Reset (or SetNoise) applies a change.
	Noise Noise
	// Bounds: a runner that leaves them has diverged.
	Bounds  surfaces.Box
	Runners []*Runner
	step    int
	fstar   float64
}

// DefaultTol is the f − f* below which a runner counts as converged.
const DefaultTol = 1e-6

// NewRace sets up a race with every runner at start. The divergence bounds are
// the surface's view grown tenfold about its centre.
func NewRace(s surfaces.Surface, start surfaces.Point, sched Schedule, limit int, specs []RunnerSpec) *Race {
	r := &Race{Surface: s, Start: start, Schedule: sched, Limit: limit, Tol: DefaultTol,
		Bounds: DivergenceBox(s)}
	for _, sp := range specs {
		r.Runners = append(r.Runners, &Runner{Kind: sp.Kind, BaseLR: sp.LR, Opt: New(sp.Kind, sp.Hyper)})
	}
	r.Reset()
	return r
}

// SetTol changes the convergence threshold and replays the race to the step
// it had reached, so every status is what it would have been had tol been
// set from the start: a runner that converged under a looser threshold runs
// on, and one that ran past a new, looser threshold stops where it crossed.
func (r *Race) SetTol(tol float64) {
	r.Tol = tol
	r.replay()
}

// SetNoise changes the gradient noise and replays the race to the step it
// had reached.
func (r *Race) SetNoise(n Noise) {
	r.Noise = n
	r.replay()
}

func (r *Race) replay() {
	n := r.step
	r.Reset()
	r.Advance(n)
}

// Reset puts every runner back at the start with fresh optimizer state and
// noise streams.
func (r *Race) Reset() {
	_, r.fstar = r.Surface.Minimum()
	r.step = 0
	for _, rn := range r.Runners {
		rn.Opt.Reset()
		rn.noise = nil
		if r.Noise.Sigma != 0 {
			rn.noise = rand.New(rand.NewPCG(r.Noise.Seed, streamID(rn.Kind)))
		}
		rn.Path = append(rn.Path[:0], r.Start)
		rn.Gap = append(rn.Gap[:0], r.Surface.F(r.Start.X, r.Start.Y)-r.fstar)
		rn.LR = rn.LR[:0]
		rn.Status, rn.At, rn.Why = Running, 0, ""
		rn.theta = [2]float64{r.Start.X, r.Start.Y}
		r.judge(rn)
	}
}

// Step is the number of steps the race has taken.
func (r *Race) Step() int { return r.step }

// Done reports whether no runner is still running.
func (r *Race) Done() bool {
	for _, rn := range r.Runners {
		if rn.Status == Running {
			return false
		}
	}
	return true
}

// Advance takes up to k steps; it returns how many were taken.
func (r *Race) Advance(k int) int {
	n := 0
	for ; n < k && !r.Done(); n++ {
		for _, rn := range r.Runners {
			if rn.Status == Running {
				r.stepRunner(rn)
			}
		}
		r.step++
		if r.step >= r.Limit {
			for _, rn := range r.Runners {
				if rn.Status == Running {
					rn.Status, rn.At = Finished, r.step
				}
			}
		}
	}
	return n
}

func (r *Race) stepRunner(rn *Runner) {
	lr := r.Schedule.LR(rn.BaseLR, r.step)
	rn.grad[0], rn.grad[1] = r.Surface.Grad(rn.theta[0], rn.theta[1])
	if rn.noise != nil {
		for i, g := range rn.grad {
			sd := r.Noise.Sigma
			if r.Noise.Relative {
				sd *= math.Abs(g)
			}
			rn.grad[i] = g + sd*rn.noise.NormFloat64()
		}
	}
	rn.Opt.Step(rn.theta[:], rn.grad[:], lr)
	p := surfaces.Point{X: rn.theta[0], Y: rn.theta[1]}
	f := r.Surface.F(p.X, p.Y)
	rn.LR = append(rn.LR, lr)
	switch {
	case !finite(p.X) || !finite(p.Y) || !finite(f) || !finite(rn.grad[0]) || !finite(rn.grad[1]):
		rn.Status, rn.At, rn.Why = Diverged, r.step+1, "the values overflowed"
		return
	case !r.Bounds.Contains(p):
		rn.Status, rn.At = Diverged, r.step+1
		rn.Why = fmt.Sprintf("it left the region at (%.3g, %.3g)", p.X, p.Y)
		return
	}
	rn.Path = append(rn.Path, p)
	rn.Gap = append(rn.Gap, f-r.fstar)
	r.judge(rn)
}

func (r *Race) judge(rn *Runner) {
	if rn.Status == Running && rn.Gap[len(rn.Gap)-1] < r.Tol {
		rn.Status, rn.At = Converged, rn.Steps()
	}
}

// streamID names a runner's noise stream after its kind only (FNV-1a of the
// id), never its position in the race.
func streamID(k Kind) uint64 {
	h := fnv.New64a()
	h.Write([]byte(k))
	return h.Sum64()
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

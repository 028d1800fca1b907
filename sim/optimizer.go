// Package sim holds the training math gradlab shows: optimizers with PyTorch
// semantics, learning-rate schedules, and the race that steps several
// optimizers over one surface. It never imports ebiten.
package sim

import (
	"fmt"
	"math"
)

// Kind names an optimizer; its string is the stable id used in URLs.
type Kind string

const (
	SGD      Kind = "sgd"
	Momentum Kind = "momentum"
	Nesterov Kind = "nesterov"
	RMSProp  Kind = "rmsprop"
	Adam     Kind = "adam"
	AdaGrad  Kind = "adagrad"
	AdamW    Kind = "adamw"
)

// Kinds lists every optimizer in the order the program shows them.
var Kinds = []Kind{SGD, Momentum, Nesterov, RMSProp, Adam, AdaGrad, AdamW}

var kindNames = map[Kind]string{SGD: "SGD", Momentum: "Momentum", Nesterov: "Nesterov",
	RMSProp: "RMSProp", Adam: "Adam", AdaGrad: "AdaGrad", AdamW: "AdamW"}

// Name is the label shown to people.
func (k Kind) Name() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// ParseKind accepts an optimizer id in any case.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == lower(s) {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown optimizer %q", s)
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

// Hyper holds every hyperparameter an optimizer may read. Zero values are not
// defaults: start from DefaultHyper.
type Hyper struct {
	Mu          float64 // momentum coefficient μ (Momentum, Nesterov)
	Alpha       float64 // RMSProp smoothing α
	Beta1       float64 // Adam β₁
	Beta2       float64 // Adam β₂
	Eps         float64 // added outside the square root
	WeightDecay float64 // AdamW's decoupled λ
}

// DefaultHyper returns PyTorch's defaults for k.
func DefaultHyper(k Kind) Hyper {
	h := Hyper{Mu: 0.9, Alpha: 0.99, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
	switch k {
	case AdaGrad:
		h.Eps = 1e-10
	case AdamW:
		h.WeightDecay = 0.01
	}
	return h
}

// Param describes one hyperparameter besides the LR that the program lets
// people tune, with the range a slider should cover.
type Param struct {
	Name     string
	Min, Max float64
	Get      func(*Hyper) *float64
	// Log puts the slider on log₁₀ v: ε matters by its order of magnitude.
	Log bool
	// Complement puts the slider on log₁₀(1 − v): β₂'s telling values
	// 0.9, 0.99, 0.999 would crowd into the last pixels of a linear slider.
	Complement bool
}

// Unit maps v to a slider position in [0, 1] on the parameter's scale,
// clamping values outside the range.
func (p Param) Unit(v float64) float64 {
	lo, hi, x := p.scaled(p.Min), p.scaled(p.Max), p.scaled(math.Min(math.Max(v, p.Min), p.Max))
	if hi == lo {
		return 0
	}
	return (x - lo) / (hi - lo)
}

// Value is the inverse of Unit.
func (p Param) Value(u float64) float64 {
	u = math.Min(math.Max(u, 0), 1)
	lo, hi := p.scaled(p.Min), p.scaled(p.Max)
	x := lo + u*(hi-lo)
	switch {
	case p.Complement:
		x = 1 - math.Pow(10, x)
	case p.Log:
		x = math.Pow(10, x)
	}
	// Rounding in the round trip must not step outside the range.
	return math.Min(math.Max(x, p.Min), p.Max)
}

func (p Param) scaled(v float64) float64 {
	switch {
	case p.Complement:
		return math.Log10(1 - v)
	case p.Log:
		return math.Log10(v)
	}
	return v
}

var (
	paramMu    = Param{Name: "μ", Min: 0, Max: 0.99, Get: func(h *Hyper) *float64 { return &h.Mu }}
	paramAlpha = Param{Name: "α", Min: 0.5, Max: 0.999, Get: func(h *Hyper) *float64 { return &h.Alpha }}
	paramBeta1 = Param{Name: "β₁", Min: 0, Max: 0.99, Get: func(h *Hyper) *float64 { return &h.Beta1 }}
	// β₂ below 0.5 forgets the squared gradient within a couple of steps,
	// which is sign descent with extra steps; 0.9999 remembers ~10⁴ steps,
	// longer than any race.
	paramBeta2 = Param{Name: "β₂", Min: 0.5, Max: 0.9999, Complement: true,
		Get: func(h *Hyper) *float64 { return &h.Beta2 }}
	// ε from 10⁻¹² (no effect) to 1, where it swamps √v on these surfaces
	// and turns the adaptive method back into plain (momentum) SGD.
	paramEps    = Param{Name: "ε", Min: 1e-12, Max: 1, Log: true, Get: func(h *Hyper) *float64 { return &h.Eps }}
	paramLambda = Param{Name: "λ", Min: 0, Max: 0.5, Get: func(h *Hyper) *float64 { return &h.WeightDecay }}
)

// MainParam returns k's most telling hyperparameter, or ok=false (plain SGD
// and AdaGrad have only the learning rate worth turning).
func MainParam(k Kind) (p Param, ok bool) {
	switch k {
	case Momentum, Nesterov:
		return paramMu, true
	case RMSProp:
		return paramAlpha, true
	case Adam:
		return paramBeta1, true
	case AdamW:
		return paramLambda, true
	}
	return Param{}, false
}

// Params lists every hyperparameter of k that the update rule reads, in the
// order they appear in it; SGD has none. MainParam(k), when it exists, is
// among them.
func Params(k Kind) []Param {
	switch k {
	case Momentum, Nesterov:
		return []Param{paramMu}
	case RMSProp:
		return []Param{paramAlpha, paramEps}
	case AdaGrad:
		return []Param{paramEps}
	case Adam:
		return []Param{paramBeta1, paramBeta2, paramEps}
	case AdamW:
		return []Param{paramBeta1, paramBeta2, paramEps, paramLambda}
	}
	return nil
}

// Optimizer updates parameters in place from their gradient.
type Optimizer struct {
	Kind  Kind
	Hyper Hyper
	t     int       // steps taken, counted from 1 inside Step
	s1    []float64 // momentum buffer b, Adam's m
	s2    []float64 // RMSProp / Adam's v, AdaGrad's sum of squares
	b1t   float64   // β₁ᵗ and β₂ᵗ, kept as running products
	b2t   float64
	// What the last Step did, for formulas and arrows drawn beside the path.
	lr    float64
	lastG []float64
	lastD []float64
}

// New returns an optimizer of kind k with hyperparameters h. It panics on an
// unknown kind.
func New(k Kind, h Hyper) *Optimizer {
	if _, err := ParseKind(string(k)); err != nil {
		panic("sim: " + err.Error())
	}
	return &Optimizer{Kind: k, Hyper: h}
}

// Reset forgets all state, as if the optimizer were new.
func (o *Optimizer) Reset() {
	o.t, o.s1, o.s2, o.b1t, o.b2t = 0, nil, nil, 1, 1
	o.lr, o.lastG, o.lastD = 0, nil, nil
}

// Steps is how many updates have been applied since the last Reset: the t of
// the update rules (Adam's bias corrections use it).
func (o *Optimizer) Steps() int { return o.t }

// Step applies one update θ ← θ − … with learning rate lr, following
// PyTorch's documented update rules. All coordinates use the same gradient.
func (o *Optimizer) Step(theta, grad []float64, lr float64) {
	if len(theta) != len(grad) {
		panic("sim: theta and grad lengths differ")
	}
	if o.s1 == nil {
		o.s1 = make([]float64, len(theta))
		o.s2 = make([]float64, len(theta))
		o.lastG = make([]float64, len(theta))
		o.lastD = make([]float64, len(theta))
	}
	// Remember θ before the update in lastD; it becomes the step below. This
	// only copies values, so the update's arithmetic is untouched.
	copy(o.lastD, theta)
	copy(o.lastG, grad)
	o.lr = lr
	o.t++
	h := &o.Hyper
	switch o.Kind {
	case SGD:
		for i, g := range grad {
			theta[i] -= lr * g
		}
	case Momentum, Nesterov:
		for i, g := range grad {
			b := g
			if o.t > 1 {
				b = h.Mu*o.s1[i] + g
			}
			o.s1[i] = b
			if o.Kind == Nesterov {
				theta[i] -= lr * (g + h.Mu*b)
			} else {
				theta[i] -= lr * b
			}
		}
	case RMSProp:
		for i, g := range grad {
			o.s2[i] = h.Alpha*o.s2[i] + (1-h.Alpha)*g*g
			theta[i] -= lr * g / (math.Sqrt(o.s2[i]) + h.Eps)
		}
	case AdaGrad:
		for i, g := range grad {
			o.s2[i] += g * g
			theta[i] -= lr * g / (math.Sqrt(o.s2[i]) + h.Eps)
		}
	case Adam, AdamW:
		if o.t == 1 {
			o.b1t, o.b2t = 1, 1
		}
		o.b1t *= h.Beta1
		o.b2t *= h.Beta2
		c1, c2 := 1-o.b1t, 1-o.b2t
		for i, g := range grad {
			if o.Kind == AdamW {
				theta[i] -= lr * h.WeightDecay * theta[i]
			}
			o.s1[i] = h.Beta1*o.s1[i] + (1-h.Beta1)*g
			o.s2[i] = h.Beta2*o.s2[i] + (1-h.Beta2)*g*g
			mhat, vhat := o.s1[i]/c1, o.s2[i]/c2
			theta[i] -= lr * mhat / (math.Sqrt(vhat) + h.Eps)
		}
	}
	for i := range theta {
		o.lastD[i] = theta[i] - o.lastD[i]
	}
}

// The accessors below return copies, nil before the first step, so a caller
// drawing the state cannot disturb the run.

// FirstMoment is the momentum buffer b of Momentum and Nesterov, or Adam's
// and AdamW's running mean of gradients m (before bias correction); nil for
// kinds that keep none.
func (o *Optimizer) FirstMoment() []float64 {
	switch o.Kind {
	case Momentum, Nesterov, Adam, AdamW:
		return clone(o.s1)
	}
	return nil
}

// SecondMoment is the running mean of squared gradients v of RMSProp, Adam and
// AdamW (before bias correction), or AdaGrad's running sum; nil for kinds
// that keep none.
func (o *Optimizer) SecondMoment() []float64 {
	switch o.Kind {
	case RMSProp, AdaGrad, Adam, AdamW:
		return clone(o.s2)
	}
	return nil
}

// BiasCorrected returns Adam's m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ) as the
// last step used them; ok is false for other kinds and before the first
// step. Early on m and v are mostly their zero start, and the corrections
// undo exactly that, which is why Adam's first step has length η.
func (o *Optimizer) BiasCorrected() (mhat, vhat []float64, ok bool) {
	if (o.Kind != Adam && o.Kind != AdamW) || o.t == 0 {
		return nil, nil, false
	}
	c1, c2 := 1-o.b1t, 1-o.b2t
	mhat, vhat = clone(o.s1), clone(o.s2)
	for i := range mhat {
		mhat[i] /= c1
		vhat[i] /= c2
	}
	return mhat, vhat, true
}

// LR is the learning rate of the last step, after the schedule.
func (o *Optimizer) LR() float64 { return o.lr }

// StepSize is, per coordinate, the rate the last update multiplied its
// direction by: η for SGD, Momentum and Nesterov (whose direction is g or
// the velocity), η/(√v̂ + ε) for Adam and AdamW (direction m̂), η/(√v + ε)
// for RMSProp and AdaGrad (direction g). For the adaptive kinds it shows
// how each coordinate gets its own rate.
func (o *Optimizer) StepSize() []float64 {
	if o.t == 0 {
		return nil
	}
	out := make([]float64, len(o.s2))
	c2 := 1.0
	if o.Kind == Adam || o.Kind == AdamW {
		c2 = 1 - o.b2t
	}
	for i := range out {
		switch o.Kind {
		case RMSProp, AdaGrad, Adam, AdamW:
			out[i] = o.lr / (math.Sqrt(o.s2[i]/c2) + o.Hyper.Eps)
		default:
			out[i] = o.lr
		}
	}
	return out
}

// Gain is, per coordinate, how far θ actually moved against the gradient
// per unit of gradient at the last step: −Δθᵢ/gᵢ. For SGD it is η; for
// momentum it grows as velocity builds up, and turns negative when the
// velocity carries θ uphill; NaN where the gradient was exactly zero.
func (o *Optimizer) Gain() []float64 {
	if o.t == 0 {
		return nil
	}
	out := make([]float64, len(o.lastD))
	for i, d := range o.lastD {
		if o.lastG[i] == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = -d / o.lastG[i]
	}
	return out
}

// LastStep is θ after the last update minus θ before it; LastGrad is the
// gradient that update was given. Both are nil before the first step.
func (o *Optimizer) LastStep() []float64 { return clone(o.lastD) }

// LastGrad: see LastStep.
func (o *Optimizer) LastGrad() []float64 { return clone(o.lastG) }

func clone(s []float64) []float64 {
	if s == nil {
		return nil
	}
	return append([]float64(nil), s...)
}

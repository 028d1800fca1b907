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

// Param describes the one hyperparameter besides the LR that the program lets
// people tune for an optimizer.
type Param struct {
	Name     string
	Min, Max float64
	Get      func(*Hyper) *float64
}

// MainParam returns k's most telling hyperparameter, or ok=false (plain SGD
// and AdaGrad have only the learning rate worth turning).
func MainParam(k Kind) (p Param, ok bool) {
	switch k {
	case Momentum, Nesterov:
		return Param{"μ", 0, 0.99, func(h *Hyper) *float64 { return &h.Mu }}, true
	case RMSProp:
		return Param{"α", 0.5, 0.999, func(h *Hyper) *float64 { return &h.Alpha }}, true
	case Adam:
		return Param{"β₁", 0, 0.99, func(h *Hyper) *float64 { return &h.Beta1 }}, true
	case AdamW:
		return Param{"λ", 0, 0.5, func(h *Hyper) *float64 { return &h.WeightDecay }}, true
	}
	return Param{}, false
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
func (o *Optimizer) Reset() { o.t, o.s1, o.s2, o.b1t, o.b2t = 0, nil, nil, 1, 1 }

// Steps is how many updates have been applied since the last Reset.
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
	}
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
}

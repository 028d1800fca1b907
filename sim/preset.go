package sim

// Preset is a race set-up that works out of the box on one surface: every
// optimizer moves visibly, none diverges, and the race tells the surface's
// lesson (lessons_test.go holds each one to numbers).
type Preset struct {
	// LR is each optimizer's base learning rate.
	LR map[Kind]float64
	// Limit is the race's step limit.
	Limit int
	// Hyper is each optimizer's hyperparameters: PyTorch's defaults except
	// where the surface needs another value to show the method at its best.
	Hyper map[Kind]Hyper
}

// Spec is the runner the preset races for k.
func (p Preset) Spec(k Kind) RunnerSpec {
	h, ok := p.Hyper[k]
	if !ok {
		h = DefaultHyper(k)
	}
	return RunnerSpec{Kind: k, LR: p.LR[k], Hyper: h}
}

// Specs is Spec for each of kinds, in order.
func (p Preset) Specs(kinds []Kind) []RunnerSpec {
	out := make([]RunnerSpec, len(kinds))
	for i, k := range kinds {
		out[i] = p.Spec(k)
	}
	return out
}

// DefaultKinds are the optimizers that race when nobody chose any.
var DefaultKinds = []Kind{SGD, Momentum, Adam}

// PresetFor returns the preset for a surface id in any case; unknown ids get
// the bowl's. Each rate is what sweeping that optimizer alone over decades of
// η suggests a careful person would pick: near its best, with a margin from
// where it falls apart. None is hobbled to make another look good.
func PresetFor(surface string) Preset {
	p := Preset{Hyper: map[Kind]Hyper{}}
	for _, k := range Kinds {
		p.Hyper[k] = DefaultHyper(k)
	}
	switch lower(surface) {
	case "rosenbrock":
		// SGD and Momentum both sit just under 2/λ_max ≈ 0.002, the largest
		// rate the curvature at the minimum allows. Constant-η Adam
		// finishes in about 900 steps anywhere from η = 0.1 to 0.6; 0.5 is
		// also where warm-up + cosine pays off most (see lessons_test.go).
		p.Limit = 1500
		p.LR = map[Kind]float64{SGD: 0.0018, Momentum: 0.0018, Nesterov: 0.001, RMSProp: 0.005,
			Adam: 0.5, AdaGrad: 1, AdamW: 0.5}
	case "beale":
		// From η ≈ 0.036 SGD's first step off the steep start (|∇f| ≈ 99)
		// lands on steeper walls and it diverges within five steps; 0.025
		// keeps a margin. Momentum diverges from ≈ 0.007 and RMSProp
		// stops converging at 0.15. Momentum at a tenth of SGD's η would
		// trace SGD's path (its steady speed is η/(1 − μ)), so it gets its
		// own best-ish rate instead.
		p.Limit = 500
		p.LR = map[Kind]float64{SGD: 0.025, Momentum: 0.005, Nesterov: 0.005, RMSProp: 0.1,
			Adam: 0.4, AdaGrad: 2, AdamW: 0.4}
	default:
		// The bowl, κ = λ₂/λ₁ = 40. SGD's best constant rate is
		// 2/(λ₁ + λ₂) ≈ 0.0975: both directions then shrink by 39/41 ≈ 0.95
		// a step, the narrow one flipping sign each time. Momentum at μ = 0.9
		// shrinks by √μ ≈ 0.95 a step whatever η is, no faster than SGD;
		// μ ≈ ((√κ − 1)/(√κ + 1))² ≈ 0.53 is the textbook best, so both
		// momentum terms (μ, Adam's β₁) are 0.6 here.
		p.Limit = 400
		p.LR = map[Kind]float64{SGD: 0.0975, Momentum: 0.12, Nesterov: 0.01, RMSProp: 0.1,
			Adam: 0.5, AdaGrad: 1, AdamW: 0.5}
		h := p.Hyper[Momentum]
		h.Mu = 0.6
		p.Hyper[Momentum] = h
		for _, k := range []Kind{Adam, AdamW} {
			h := p.Hyper[k]
			h.Beta1 = 0.6
			p.Hyper[k] = h
		}
	}
	return p
}

// SharedLR is the one rate every optimizer gets when people ask for the same
// η for all, so that only the method differs. It is a round rate at which all
// seven are stable on the surface with room to spare, so an SGD-sized rate:
// the momentum methods then show their 1/(1 − μ) speed-up over SGD, while
// Adam-like methods, whose η is a distance per step rather than a multiplier
// of the slope, show that the same number means something else to them.
func SharedLR(surface string) float64 {
	switch lower(surface) {
	case "rosenbrock":
		return 0.001
	case "beale":
		return 0.005
	}
	return 0.05
}

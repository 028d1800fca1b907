// Package gradcheck is the math behind the gradient-check lab: finite
// differences in float64 and float32, the relative error that compares them
// with an analytic derivative and the bands that judge it, the V-shaped curve
// of error against step size h with its two slopes, and a whole-vector check
// summarised per layer. It never imports ebiten or image.
package gradcheck

import "math"

// Method is a finite-difference formula.
type Method int

const (
	// Centered is (f(x+h) − f(x−h)) / 2h. Its truncation error is
	// f'''(x)·h²/6: O(h²), because the even terms of the Taylor series cancel.
	Centered Method = iota
	// Forward is (f(x+h) − f(x)) / h. Its truncation error is f''(x)·h/2:
	// O(h), which is why gradient checks use the centered formula.
	Forward
)

// Methods lists the formulas in the order the lab offers them.
var Methods = []Method{Centered, Forward}

// String is the label shown to people.
func (m Method) String() string {
	switch m {
	case Centered:
		return "centered"
	case Forward:
		return "forward"
	}
	return "Method(?)"
}

// Order is the power of h in the truncation error, the slope the right arm
// of the V should have on a log-log plot.
func (m Method) Order() int {
	switch m {
	case Centered:
		return 2
	case Forward:
		return 1
	}
	panic("gradcheck: unknown method")
}

// Precision is the floating-point type the function is evaluated in.
type Precision int

const (
	Float64 Precision = iota
	Float32
)

// Precisions lists the precisions in the order the lab offers them.
var Precisions = []Precision{Float64, Float32}

// String is the label shown to people.
func (p Precision) String() string {
	switch p {
	case Float64:
		return "float64"
	case Float32:
		return "float32"
	}
	return "Precision(?)"
}

// Eps is the machine epsilon, the gap between 1 and the next number. The
// round-off arm of the V is roughly ε·|f|/h, so ε sets how low the V can go.
func (p Precision) Eps() float64 {
	switch p {
	case Float64:
		return 0x1p-52
	case Float32:
		return 0x1p-23
	}
	panic("gradcheck: unknown precision")
}

// BestH is the step that balances truncation against round-off when f and
// its derivatives are of order 1: ε^(1/3) for centered, ε^(1/2) for forward.
// It is the textbook estimate the lab draws next to the measured bottom.
func BestH(m Method, p Precision) float64 {
	return math.Pow(p.Eps(), 1/float64(m.Order()+1))
}

// Diff64 is the finite difference of f at x with step h, in float64.
func Diff64(f func(float64) float64, x, h float64, m Method) float64 {
	switch m {
	case Centered:
		return (f(x+h) - f(x-h)) / (2 * h)
	case Forward:
		return (f(x+h) - f(x)) / h
	}
	panic("gradcheck: unknown method")
}

// Diff32 is Diff64 done entirely in float32: the point, the step, the
// function and the division are all rounded to 24 bits, as on a GPU training
// in single precision.
func Diff32(f func(float32) float32, x, h float32, m Method) float32 {
	// Explicit conversions stop the compiler from fusing operations into
	// wider arithmetic; every intermediate is a float32.
	switch m {
	case Centered:
		return (f(float32(x+h)) - f(float32(x-h))) / float32(2*h)
	case Forward:
		return (f(float32(x+h)) - f(x)) / h
	}
	panic("gradcheck: unknown method")
}

// Func is a scalar test function with everything the lab needs: evaluations
// in both precisions, the exact derivative, and a point worth checking at.
type Func struct {
	Name    string // short id, also the label
	Formula string // shown next to the plot
	// F64 and F32 evaluate f. F32 must round every operation to float32;
	// a transcendental may be computed wider and rounded once, which is what
	// a float32 math library achieves anyway (within an ulp).
	F64 func(float64) float64
	F32 func(float32) float32
	// Deriv is the analytic f', the answer a backward pass would give. At a
	// kink it returns the subgradient frameworks use (0 for ReLU and |x|).
	Deriv func(float64) float64
	// X is the default point. For the kinked functions it sits close to the
	// kink so that ordinary step sizes straddle it.
	X float64
	// Kinks are the points where f is not differentiable (nil if smooth).
	Kinks []float64
}

// Numeric is fn's finite-difference derivative at x in the given precision,
// returned as a float64.
func (fn Func) Numeric(x, h float64, m Method, p Precision) float64 {
	switch p {
	case Float64:
		return Diff64(fn.F64, x, h, m)
	case Float32:
		return float64(Diff32(fn.F32, float32(x), float32(h), m))
	}
	panic("gradcheck: unknown precision")
}

// Analytic is fn's exact derivative at the point Numeric really evaluates:
// in float32, x is first rounded to float32, and comparing against f' at the
// unrounded x would blame the formula for the rounding of the input.
func (fn Func) Analytic(x float64, p Precision) float64 {
	if p == Float32 {
		x = float64(float32(x))
	}
	return fn.Deriv(x)
}

// CrossesKink reports whether the points the method samples around x with
// step h lie strictly on both sides of a kink. When they do, the numerical
// derivative mixes two different slopes and disagrees with the analytic one
// however exact the arithmetic. Landing exactly on the kink does no harm:
// max(0, x) and |x| are continuous, and the sample is still on one piece.
func (fn Func) CrossesKink(x, h float64, m Method) bool {
	lo, hi := x-h, x+h
	if m == Forward {
		lo = x
	}
	for _, k := range fn.Kinks {
		if lo < k && k < hi {
			return true
		}
	}
	return false
}

// Smooth is sin(3x)·e^(x/2) at x = 1: all its derivatives are of order 1–30
// and none vanishes there, so both arms of the V show cleanly.
var Smooth = Func{
	Name:    "smooth",
	Formula: "sin(3x)·exp(x/2)",
	F64:     func(x float64) float64 { return math.Sin(3*x) * math.Exp(x/2) },
	F32: func(x float32) float32 {
		return float32(math.Sin(float64(float32(3*x)))) * float32(math.Exp(float64(x/2)))
	},
	Deriv: func(x float64) float64 {
		return math.Exp(x/2) * (3*math.Cos(3*x) + 0.5*math.Sin(3*x))
	},
	X: 1,
}

// Cubic is x³ − 2x at x = 1. Its Taylor series stops, so the truncation
// errors are exact: centered gives f' + h², forward f' + 3h + h².
var Cubic = Func{
	Name:    "cubic",
	Formula: "x³ − 2x",
	F64:     func(x float64) float64 { return x*x*x - 2*x },
	F32:     func(x float32) float32 { return float32(float32(x*x)*x) - float32(2*x) },
	Deriv:   func(x float64) float64 { return 3*x*x - 2 },
	X:       1,
}

// ReLU is max(0, x) at x = −1e-6, the example of a kink the cs231n notes on
// gradient checks use: the analytic gradient is 0, but any h > 1e-6 reaches
// past the kink and the numerical gradient becomes large.
var ReLU = Func{
	Name:    "relu",
	Formula: "max(0, x)",
	F64:     func(x float64) float64 { return max(0, x) },
	F32:     func(x float32) float32 { return max(0, x) },
	Deriv: func(x float64) float64 {
		if x > 0 {
			return 1
		}
		return 0
	},
	X:     -1e-6,
	Kinks: []float64{0},
}

// Abs is |x| at x = 1e-4: correct for h below 1e-4, then the centered
// difference returns x/h instead of 1 and the error climbs towards 100 %.
var Abs = Func{
	Name:    "abs",
	Formula: "|x|",
	F64:     math.Abs,
	F32:     func(x float32) float32 { return float32(math.Abs(float64(x))) },
	Deriv: func(x float64) float64 {
		switch {
		case x > 0:
			return 1
		case x < 0:
			return -1
		}
		return 0
	},
	X:     1e-4,
	Kinks: []float64{0},
}

// Funcs lists the test functions in the order the lab offers them.
var Funcs = []Func{Smooth, Cubic, ReLU, Abs}

// FuncByName finds a test function by its Name.
func FuncByName(name string) (Func, bool) {
	for _, f := range Funcs {
		if f.Name == name {
			return f, true
		}
	}
	return Func{}, false
}

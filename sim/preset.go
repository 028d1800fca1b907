package sim

// Preset is a race set-up that works out of the box on one surface: every
// optimizer moves visibly and none diverges.
type Preset struct {
	// LR is each optimizer's base learning rate.
	LR map[Kind]float64
	// Limit is the race's step limit.
	Limit int
}

// DefaultKinds are the optimizers that race when nobody chose any.
var DefaultKinds = []Kind{SGD, Momentum, Adam}

// PresetFor returns the preset for a surface id; unknown ids get the bowl's.
// The rates were chosen by sweeping each optimizer over decades of LR on each
// surface (see preset_test.go for what they must achieve).
func PresetFor(surface string) Preset {
	switch surface {
	case "rosenbrock":
		return Preset{Limit: 1500, LR: map[Kind]float64{
			SGD: 1e-3, Momentum: 1e-3, Nesterov: 1e-3, RMSProp: 0.01,
			Adam: 0.1, AdaGrad: 1, AdamW: 0.05}}
	case "beale":
		return Preset{Limit: 1000, LR: map[Kind]float64{
			SGD: 0.01, Momentum: 1e-3, Nesterov: 1e-3, RMSProp: 0.05,
			Adam: 0.3, AdaGrad: 1, AdamW: 0.1}}
	}
	// The bowl: SGD sits just under 2/λ₂ so it zig-zags across the narrow
	// direction.
	return Preset{Limit: 400, LR: map[Kind]float64{
		SGD: 0.09, Momentum: 0.01, Nesterov: 0.01, RMSProp: 0.05,
		Adam: 0.1, AdaGrad: 1, AdamW: 0.1}}
}

package race

import (
	"fmt"

	"gradlab/sim"
	"gradlab/widgets"
)

// ruleLines writes the selected optimizer's update rule with the live
// values of its state at the current step.
func ruleLines(r *sim.Runner) (title string, lines []string) {
	o := r.Opt
	h := o.Hyper
	pair := func(v []float64) string {
		if len(v) < 2 {
			return "(0, 0)"
		}
		return "(" + widgets.Num(v[0]) + ", " + widgets.Num(v[1]) + ")"
	}
	g, step := o.LastGrad(), o.LastStep()
	title = fmt.Sprintf("update rule · %s · t = %d", r.Kind.Name(), o.Steps())
	switch r.Kind {
	case sim.SGD:
		lines = []string{"θ ← θ − η g"}
	case sim.Momentum:
		lines = []string{fmt.Sprintf("b ← %s b + g,  θ ← θ − η b", widgets.Num(h.Mu)), "b = " + pair(o.FirstMoment())}
	case sim.Nesterov:
		lines = []string{fmt.Sprintf("b ← %s b + g,  θ ← θ − η (g + μ b)", widgets.Num(h.Mu)), "b = " + pair(o.FirstMoment())}
	case sim.RMSProp:
		lines = []string{"v ← α v + (1 − α) g²,  θ ← θ − η g / (√v + ε)", "v = " + pair(o.SecondMoment()),
			"step size η/(√v + ε) = " + pair(o.StepSize())}
	case sim.AdaGrad:
		lines = []string{"s ← s + g²,  θ ← θ − η g / (√s + ε)", "s = " + pair(o.SecondMoment()),
			"step size η/(√s + ε) = " + pair(o.StepSize())}
	case sim.Adam, sim.AdamW:
		first := "m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²"
		if r.Kind == sim.AdamW {
			first = "θ ← θ − ηλθ, then Adam: " + first
		}
		lines = []string{first}
		if m, v, ok := o.BiasCorrected(); ok {
			lines = append(lines, "bias-corrected m/(1 − β₁^t) = "+pair(m)+",  v/(1 − β₂^t) = "+pair(v))
		}
		lines = append(lines, "step size η/(√v_corrected + ε) = "+pair(o.StepSize()))
	default:
		lines = []string{"θ ← θ − η · update"}
	}
	lines = append(lines, "g = "+pair(g)+" → step taken "+pair(step))
	return title, lines
}

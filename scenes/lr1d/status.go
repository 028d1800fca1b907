package lr1d

import (
	"math"

	"gradlab/sim/quad"
)

// Status is the scene's part of the status object. Every number is finite:
// runs stop when |x| passes 10⁶.
type Status struct {
	LR     float64 `json:"lr"`
	L      float64 `json:"L"`
	X0     float64 `json:"x0"`
	EtaL   float64 `json:"etaL"`
	Factor float64 `json:"factor"` // 1 − ηL
	Regime string  `json:"regime"` // crawling, converging, fastest, oscillating, constant, diverging
	// StepsTo is the closed-form number of steps to |x| < 10⁻³ (−1:
	// never); IterSteps the same found by iterating (−1: not within the
	// run).
	StepsTo   int     `json:"stepsTo"`
	IterSteps int     `json:"iterSteps"`
	Threshold float64 `json:"threshold"`
	// T is the step shown, Xt (and Yt) the iterate there.
	T  int     `json:"t"`
	Xt float64 `json:"xt"`
	// Steps is the last step computed; Horizon the t axis.
	Steps      int     `json:"steps"`
	Horizon    int     `json:"horizon"`
	DivergedAt int     `json:"divergedAt"` // −1: did not
	Playing    bool    `json:"playing"`
	Speed      float64 `json:"speed"` // steps per second
	LogAxis    bool    `json:"logAxis"`
	Two        bool    `json:"two"`
	L2         float64 `json:"L2"`
	Y          *Dir    `json:"y,omitempty"`
	Pair       *Pair   `json:"pair,omitempty"`
	// Verdict is the regime in words (both directions with two).
	Verdict string   `json:"verdict"`
	Lines   []string `json:"lines"` // the readout as shown
	// PlotShown is true when x(t) against t has a panel on screen.
	PlotShown bool `json:"plotShown"`
	Version   int  `json:"version"`
}

// Dir is the second direction's numbers.
type Dir struct {
	L         float64 `json:"L"`
	EtaL      float64 `json:"etaL"`
	Factor    float64 `json:"factor"`
	Regime    string  `json:"regime"`
	StepsTo   int     `json:"stepsTo"`
	IterSteps int     `json:"iterSteps"`
	Yt        float64 `json:"yt"`
}

// Pair is the two-direction lesson in numbers.
type Pair struct {
	Kappa      float64 `json:"kappa"`
	StableLR   float64 `json:"stableLR"` // 2/L_max
	BestLR     float64 `json:"bestLR"`   // 2/(L₁ + L₂)
	BestFactor float64 `json:"bestFactor"`
	BestSteps  int     `json:"bestSteps"`
	SafeSteps  int     `json:"safeSteps"` // the shallow direction at η = 1/L_max
}

func fin(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case math.IsInf(v, 1):
		return math.MaxFloat64
	case math.IsInf(v, -1):
		return -math.MaxFloat64
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	r := &s.run
	ds := s.dirs()
	st := Status{LR: s.lr, L: s.L, X0: s.x0, EtaL: fin(ds[0].etaL), Factor: fin(quad.Factor(ds[0].etaL)),
		Regime: ds[0].regime.String(), StepsTo: r.stepsX, IterSteps: r.iterX, Threshold: quad.Threshold,
		T: s.shown, Xt: fin(r.xs[s.shown]), Steps: r.last(), Horizon: r.horizon, DivergedAt: r.diverged,
		Playing: s.playing, Speed: speeds[s.speedIdx], LogAxis: s.logAxis, Two: s.two, L2: s.L2,
		Verdict: s.verdict(), Version: s.version, Lines: []string{}, PlotShown: s.ui.plotP.H > 0}
	if s.two {
		d := ds[1]
		st.Y = &Dir{L: s.L2, EtaL: fin(d.etaL), Factor: fin(quad.Factor(d.etaL)), Regime: d.regime.String(),
			StepsTo: r.stepsY, IterSteps: r.iterY, Yt: fin(r.ys[s.shown])}
		p := quad.Pair(s.L, s.L2, s.x0, quad.Threshold)
		st.Pair = &Pair{Kappa: fin(p.Kappa), StableLR: fin(p.StableLR), BestLR: fin(p.BestLR), BestFactor: fin(p.BestFactor),
			BestSteps: p.BestSteps, SafeSteps: p.SafeSteps}
	}
	for _, l := range s.readout() {
		st.Lines = append(st.Lines, l.text)
	}
	return st
}

package search

import (
	"math"

	hs "gradlab/sim/search"
)

// Status is the scene's part of the status object: the settings, the
// comparison on screen with its tally, the histograms, and the network
// search as measured; every number finite.
type Status struct {
	Mode    string   `json:"mode"`
	Methods []string `json:"methods"`
	Budget  int      `json:"budget"`
	Ratio   float64  `json:"ratio"`
	Seed    int      `json:"seed"`
	Draw    int      `json:"draw"`
	Range   string   `json:"range"`
	// Peak is where the objective is best (x, y in [0, 1]).
	Peak    [2]float64     `json:"peak"`
	Compare []MethodStatus `json:"compare"`
	Tally   TallyStatus    `json:"tally"`
	// UniformTop is the share of uniform draws in the top decade
	// (1e-2 … 1e-1); LogDecades the log-uniform draws' share per decade,
	// lowest first.
	UniformTop float64      `json:"uniformTop"`
	LogDecades []float64    `json:"logDecades"`
	Search     SearchStatus `json:"search"`
	// Panel is the side panel the view switch (V) serves first; Panels
	// the side panels on screen; ViewSwitch is true when the switch is in
	// the strip (a panel did not fit).
	Panel      string   `json:"panel"`
	Panels     []string `json:"panels"`
	ViewSwitch bool     `json:"viewSwitch"`
	// Summary is the caption as computed now; Notes is true while it is
	// open in full.
	Summary string `json:"summary"`
	Notes   bool   `json:"notes"`
}

// MethodStatus is one method's trials on this draw.
type MethodStatus struct {
	Method    string     `json:"method"`
	Trials    int        `json:"trials"`
	DistinctX int        `json:"distinctX"`
	DistinctY int        `json:"distinctY"`
	Best      float64    `json:"best"`
	BestAt    [2]float64 `json:"bestAt"`
}

// TallyStatus counts the resamples each method won.
type TallyStatus struct {
	Done  int       `json:"done"`
	Total int       `json:"total"`
	Wins  []int     `json:"wins"`
	Ties  int       `json:"ties"`
	Mean  []float64 `json:"mean"`
}

// SearchStatus is the network search.
type SearchStatus struct {
	Playing bool `json:"playing"`
	Fast    bool `json:"fast"`
	// Phase is coarse, fine, retrain or done.
	Phase string `json:"phase"`
	// CoarseBox and FineBox are [log η lo, log η hi, log λ lo, log λ hi].
	CoarseBox [4]float64    `json:"coarseBox"`
	FineBox   [4]float64    `json:"fineBox"`
	Trials    []TrialStatus `json:"trials"`
	// CoarseBest and FineBest index Trials (−1 until the stage ends).
	CoarseBest int `json:"coarseBest"`
	FineBest   int `json:"fineBest"`
	// Edges lists the coarse range's edges the coarse best lies on;
	// Warning says it in words ("" when none).
	Edges   []string `json:"edges"`
	Warning string   `json:"warning"`
	// Final is the retrained choice (epochs 0 until done).
	Final       TrialStatus `json:"final"`
	Steps       int         `json:"steps"`
	StepsPerSec float64     `json:"stepsPerSec"`
	Restarts    int         `json:"restarts"`
}

// TrialStatus is one trial.
type TrialStatus struct {
	Stage    string  `json:"stage"`
	LogLR    float64 `json:"logLR"`
	LogReg   float64 `json:"logReg"`
	Epochs   int     `json:"epochs"`
	ValAcc   float64 `json:"valAcc"`
	TrainAcc float64 `json:"trainAcc"`
	Diverged bool    `json:"diverged"`
	// Steps is the steps the trial took (up to the divergence, for one
	// that diverged); Why says what stopped a diverged trial.
	Steps int    `json:"steps"`
	Why   string `json:"why"`
}

func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func box4(b hs.Box) [4]float64 { return [4]float64{b.LR[0], b.LR[1], b.Reg[0], b.Reg[1]} }

func trialStatus(t hs.Trial) TrialStatus {
	return TrialStatus{Stage: t.Stage.String(), LogLR: fin(t.LogLR), LogReg: fin(t.LogReg), Epochs: t.Epochs,
		ValAcc: fin(t.ValAcc), TrainAcc: fin(t.TrainAcc), Diverged: t.Diverged, Steps: t.Steps, Why: t.Why}
}

// Status reports the scene.
func (s *Scene) Status() any {
	st := Status{Mode: modeIDs[s.mode], Budget: s.budget, Ratio: s.ratio, Seed: s.seed, Draw: s.draw, Range: presets[s.preset].id,
		Peak: [2]float64{s.obj.PeakX, s.obj.PeakY}, UniformTop: s.uni.Decade(1e-2), Summary: s.summary(), Notes: s.ui.caption.Open(),
		Panel: panelNames[s.mode][s.focus()], Panels: s.shownPanels(), ViewSwitch: s.ui.panelOn}
	for _, m := range s.methods {
		st.Methods = append(st.Methods, string(m))
	}
	for _, r := range s.results {
		ms := MethodStatus{Method: string(r.Method), Trials: len(r.Points), DistinctX: r.DistinctX, DistinctY: r.DistinctY, Best: fin(r.BestScore)}
		if r.Best >= 0 {
			ms.BestAt = [2]float64{r.Points[r.Best][0], r.Points[r.Best][1]}
		}
		st.Compare = append(st.Compare, ms)
	}
	tl := s.tally
	st.Tally = TallyStatus{Done: tl.Done, Total: tl.Total, Wins: append([]int(nil), tl.Wins...), Ties: tl.Ties}
	for i := range tl.Methods {
		st.Tally.Mean = append(st.Tally.Mean, fin(tl.Mean(i)))
	}
	for _, lo := range []float64{1e-5, 1e-4, 1e-3, 1e-2} {
		st.LogDecades = append(st.LogDecades, s.lgu.Decade(lo))
	}
	sr := s.srch
	ss := SearchStatus{Playing: s.playing, Fast: s.fast, Phase: sr.Phase.String(), CoarseBox: box4(sr.CoarseBox), FineBox: box4(sr.FineBox),
		CoarseBest: sr.CoarseBest, FineBest: sr.FineBest, Warning: s.warning(), Steps: sr.Steps, Restarts: s.restarts}
	if s.playing {
		ss.StepsPerSec = fin(s.speed.Rate())
	}
	for _, t := range sr.Trials {
		ss.Trials = append(ss.Trials, trialStatus(t))
	}
	for _, e := range sr.CoarseEdges {
		ss.Edges = append(ss.Edges, e.String())
	}
	if sr.Phase == hs.Done {
		ss.Final = trialStatus(sr.Final)
	}
	st.Search = ss
	return st
}

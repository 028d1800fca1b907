package ensemble

import (
	"math"

	"gradlab/widgets"
)

// Status is the scene's part of the status object: the settings and what
// the run measured on the validation set, every number finite.
type Status struct {
	Data    string  `json:"data"`
	K       int     `json:"k"`
	Seed    int     `json:"seed"`
	Noise   float64 `json:"noise"`
	Playing bool    `json:"playing"`
	// View is the main view's page: "members", "snapshot+Polyak" or
	// "accuracy vs K".
	View string `json:"view"`
	Done bool   `json:"done"`
	// Step is the fewest updates any member has taken; Steps the updates
	// each run takes in all.
	Step  int `json:"step"`
	Steps int `json:"steps"`
	// Restarts counts rebuilds since the scene started.
	Restarts  int `json:"restarts"`
	ValPoints int `json:"valPoints"`
	// Members are the members' validation accuracies; Mean, Best and
	// BestMember (1-based) sum them up; Ensemble is their averaged
	// prediction's, GainMean and GainBest its gain in accuracy (not
	// points) over the mean and the best member.
	Members    []float64 `json:"members"`
	Mean       float64   `json:"mean"`
	Best       float64   `json:"best"`
	BestMember int       `json:"bestMember"`
	Ensemble   float64   `json:"ensemble"`
	GainMean   float64   `json:"gainMean"`
	GainBest   float64   `json:"gainBest"`
	Disagree   float64   `json:"disagree"`
	// VsK[k−1] is the accuracy of k members' average (over orders).
	VsK []float64 `json:"vsK"`
	// Snapshots of Cycles are taken; SnapEnsemble is their average's
	// accuracy, SnapLast the last one's alone.
	Snapshots    int     `json:"snapshots"`
	Cycles       int     `json:"cycles"`
	SnapEnsemble float64 `json:"snapEnsemble"`
	SnapLast     float64 `json:"snapLast"`
	// PolyakN of PolyakM checkpoints are averaged; Polyak is the mean
	// weights' accuracy, PolyakBase member 1's.
	PolyakN    int     `json:"polyakN"`
	PolyakM    int     `json:"polyakM"`
	Polyak     float64 `json:"polyak"`
	PolyakBase float64 `json:"polyakBase"`
	// StepsPerSec is the updates per second of wall time, all runs
	// together, over about the last second (0 when idle).
	StepsPerSec float64 `json:"stepsPerSec"`
	// Renders counts the region pictures finished so far.
	Renders int `json:"renders"`
	// Summary is the caption's computed first part.
	Summary string `json:"summary"`
	Notes   bool   `json:"notes"`
}

// fin replaces a non-finite value by 0 (the status is JSON).
func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func fins(vs []float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = fin(v)
	}
	return out
}

// Status reports the scene.
func (s *Scene) Status() any {
	r, e := &s.res, s.exp
	st := Status{Data: string(s.kind), K: s.k, Seed: s.seed, Noise: fin(s.noise), Playing: s.playing, View: pageNames[s.page], Done: s.done(),
		Step: r.Steps, Steps: e.Cfg.Steps, Restarts: s.version, ValPoints: e.Val.N(),
		Members: fins(r.Members), Mean: fin(r.Mean), Best: fin(r.Best), BestMember: r.BestAt + 1,
		Ensemble: fin(r.Ensemble), GainMean: fin(r.GainOverMean()), GainBest: fin(r.GainOverBest()), Disagree: fin(r.Disagree),
		VsK: fins(r.VsK), Snapshots: r.Snapshots, Cycles: len(e.Snaps.Ends), SnapEnsemble: fin(r.SnapEnsemble), SnapLast: fin(r.SnapLast),
		PolyakN: r.PolyakN, PolyakM: e.Polyak.M, Polyak: fin(r.Polyak), PolyakBase: fin(r.PolyakBase),
		Summary: s.ui.text.summary, Notes: s.ui.caption.Open()}
	if s.ui.text.measured != s.measured || s.ui.text.version != s.version {
		st.Summary = s.summary() // not laid out yet
	}
	if s.playing {
		st.StepsPerSec = fin(s.speed.Rate())
	}
	for _, v := range s.ui.views {
		st.Renders += v.g.Renders()
	}
	return st
}

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("run", u.run.Rect)
	add("view", u.view.Rect)
	add("restart", u.restart.Rect)
	add("finish", u.finish.Rect)
	add("members", u.members.Rect)
	add("data", u.data.Rect)
	add("noise", u.noise.Rect)
	add("seed", u.seed.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
}

package transfer

import (
	"math"

	"gradlab/widgets"
)

// Status is the scene's part of the status object, every number finite.
type Status struct {
	Seed       int     `json:"seed"`
	PerClass   int     `json:"perClass"`
	Freeze     string  `json:"freeze"`
	Similarity float64 `json:"similarity"`
	Playing    bool    `json:"playing"`
	// View is the main view's page: "maps" or "weights".
	View string `json:"view"`
	// Stage is "pretraining", "training" or "done".
	Stage string `json:"stage"`
	// Pretrain is the fraction of pretraining done; SourceAcc the
	// pretraining network's last held-out source accuracy.
	Pretrain  float64 `json:"pretrain"`
	SourceAcc float64 `json:"sourceAcc"`
	// Cached is how many pretrainings (one per seed) are kept.
	Cached int `json:"cached"`
	// Step is the target runs' step; ZeroShot the pretrained network's
	// held-out target accuracy before fine-tuning; Fine and Scratch each
	// run's latest; Gain their difference.
	Step     int     `json:"step"`
	ZeroShot float64 `json:"zeroShot"`
	Fine     float64 `json:"fine"`
	Scratch  float64 `json:"scratch"`
	Gain     float64 `json:"gain"`
	// Verdict is "helped", "hurt" or "no difference" (so far, while
	// training), "" while pretraining.
	Verdict string        `json:"verdict"`
	Layers  []LayerStatus `json:"layers"`
	// Restarts counts rebuilds and restarts.
	Restarts int    `json:"restarts"`
	Summary  string `json:"summary"`
	Notes    bool   `json:"notes"`
}

// LayerStatus is one layer of the fine-tuned network against its
// pretrained weights.
type LayerStatus struct {
	Frozen   bool    `json:"frozen"`
	MaxDelta float64 `json:"maxDelta"`
	Changed  int     `json:"changed"`
	Params   int     `json:"params"`
}

func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	st := Status{Seed: s.seed, PerClass: s.perClass, Freeze: s.freeze.ID(), Similarity: s.sim, Playing: s.playing, View: pageNames[s.page],
		Pretrain: fin(s.pre.Progress()), SourceAcc: fin(s.pre.Accuracy()), Cached: s.cache.Len(),
		Restarts: s.version, Summary: s.ui.text.summary, Notes: s.ui.caption.Open(), Stage: "pretraining"}
	if s.cmp == nil {
		return st
	}
	st.Stage = "training"
	if s.cmp.Done() {
		st.Stage = "done"
	}
	r := s.cmp.Result()
	st.Step, st.ZeroShot, st.Fine, st.Scratch, st.Gain = s.cmp.Fine.Steps(), fin(r.ZeroShot), fin(r.Fine), fin(r.Scratch), fin(r.Gain)
	switch {
	case r.Helps():
		st.Verdict = "helped"
	case r.Hurts():
		st.Verdict = "hurt"
	default:
		st.Verdict = "no difference"
	}
	for _, d := range s.cmp.Deltas() {
		st.Layers = append(st.Layers, LayerStatus{Frozen: d.Frozen, MaxDelta: fin(d.MaxAbs), Changed: d.Changed, Params: d.Params})
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
	add("freeze", u.freeze.Rect)
	add("seed", u.seed.Rect)
	add("examples", u.examples.Rect)
	add("sim", u.sim.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	for i := range u.views {
		if u.views[i].Rect.W > 0 {
			add([...]string{"regions:fine", "regions:scratch"}[i], u.views[i].Plot())
		}
	}
}

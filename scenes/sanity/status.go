package sanity

import (
	"math"

	"gradlab/sim/train"
	"gradlab/widgets"
)

// Status is the scene's part of the status object: the settings, every
// measured number and every verdict, all finite.
type Status struct {
	Data     string  `json:"data"`
	Classes  int     `json:"classes"`
	Reg      float64 `json:"reg"`
	Examples int     `json:"examples"`
	Bug      string  `json:"bug"`
	Seed     int     `json:"seed"`
	View     string  `json:"view"`
	Playing  bool    `json:"playing"`
	// Restarts counts rebuilds since the scene started.
	Restarts int `json:"restarts"`
	// Notes is true while the caption is open in full.
	Notes bool `json:"notes"`
	// LnC is ln C for the current class count.
	LnC     float64       `json:"lnC"`
	Initial InitialStatus `json:"initial"`
	// Sweep is the initial loss measured at every class count so far.
	Sweep   []SweepPoint  `json:"sweep"`
	Overfit RunStatus     `json:"overfit"`
	Full    RunStatus     `json:"full"`
	Checks  []CheckStatus `json:"checks"`
	// Warning is the banner shown when λ does not raise the initial loss.
	Warning string `json:"warning"`
}

// InitialStatus is the initial-loss measurement at the current C.
type InitialStatus struct {
	Measured int       `json:"measured"` // networks measured so far
	NoReg    []float64 `json:"noReg"`    // each network's loss at λ = 0
	WithReg  []float64 `json:"withReg"`  // and at λ
	Mean     float64   `json:"mean"`
	MeanReg  float64   `json:"meanReg"`
	// Rise is the mean of WithReg − NoReg; Expected the mean ½λΣW² of the
	// networks' weights.
	Rise     float64 `json:"rise"`
	Expected float64 `json:"expected"`
}

// SweepPoint is the mean initial loss of the networks at one C.
type SweepPoint struct {
	C       int     `json:"c"`
	LnC     float64 `json:"lnC"`
	NoReg   float64 `json:"noReg"`
	WithReg float64 `json:"withReg"`
	Nets    int     `json:"nets"`
}

// RunStatus is one training run.
type RunStatus struct {
	// Status is running, done (its steps taken or its goal reached) or
	// diverged; Why says what ended a diverged run.
	Status string `json:"status"`
	Why    string `json:"why"`
	Step   int    `json:"step"`
	Limit  int    `json:"limit"`
	// FirstLoss is the loss before the first step, Loss the data loss
	// measured after the last, Accuracy and Correct on the run's set of N.
	FirstLoss float64 `json:"firstLoss"`
	Loss      float64 `json:"loss"`
	Accuracy  float64 `json:"accuracy"`
	Correct   int     `json:"correct"`
	N         int     `json:"n"`
}

// CheckStatus is one row of the checklist as shown.
type CheckStatus struct {
	Check    string `json:"check"`
	Expected string `json:"expected"`
	Measured string `json:"measured"`
	Verdict  string `json:"verdict"` // pass, running, fail or off
	Words    string `json:"words"`
}

// fin replaces a non-finite value by 0 (the status is JSON; the screen
// says such values in words).
func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func runStatus(r *run, limit int) RunStatus {
	st := RunStatus{Status: r.tr.Status.String(), Why: r.tr.Why, Step: r.steps(), Limit: limit,
		Loss: fin(r.loss), Accuracy: fin(r.acc), Correct: r.correct, N: r.set.N()}
	if r.stop && r.tr.Status == train.Running {
		st.Status = train.Done.String()
	}
	if len(r.tr.Loss) > 0 {
		st.FirstLoss = fin(r.tr.Loss[0])
	}
	return st
}

// Status reports the scene.
func (s *Scene) Status() any {
	sm := s.init.summary()
	st := Status{Data: string(s.kind), Classes: s.classes, Reg: s.reg, Examples: s.examples, Bug: bugID(s.bug),
		Seed: s.seed, View: s.view, Playing: s.playing, Restarts: s.version, Notes: s.ui.caption.Open(),
		LnC: math.Log(float64(s.classes)), Warning: s.warning(),
		Initial: InitialStatus{Measured: sm.n, Mean: fin(sm.mean), MeanReg: fin(sm.meanReg), Rise: fin(sm.rise), Expected: fin(sm.expected)},
		Overfit: runStatus(s.over, overfitSteps), Full: runStatus(s.full, fullSteps)}
	st.Initial.NoReg, st.Initial.WithReg = []float64{}, []float64{}
	for _, p := range s.init.at[s.classes] {
		st.Initial.NoReg = append(st.Initial.NoReg, fin(p.NoReg))
		st.Initial.WithReg = append(st.Initial.WithReg, fin(p.WithReg))
	}
	for _, c := range s.init.measuredCs() {
		var a, b []float64
		for _, p := range s.init.at[c] {
			a, b = append(a, p.NoReg), append(b, p.WithReg)
		}
		ma, n := mean(a)
		mb, _ := mean(b)
		st.Sweep = append(st.Sweep, SweepPoint{C: c, LnC: math.Log(float64(c)), NoReg: ma, WithReg: mb, Nets: n})
	}
	for _, r := range s.checklist() {
		st.Checks = append(st.Checks, CheckStatus{Check: r.Check, Expected: r.Expected, Measured: r.Measured,
			Verdict: r.Verdict.String(), Words: r.Words})
	}
	return st
}

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("restart", u.restart.Rect)
	add("play", u.play.Rect)
	add("bug", u.bug.Rect)
	add("data", u.data.Rect)
	add("seed", u.seed.Rect)
	add("view", u.view.Rect)
	add("classes", u.classes.Rect)
	add("reg", u.reg.Rect)
	add("examples", u.examples.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	if u.regions.Rect.W > 0 {
		add("regions", u.regions.Plot())
	}
}

package threelrs

import (
	"math"

	"gradlab/widgets"
)

// Status is the scene's part of the status object: the settings and each
// run as measured, every number finite.
type Status struct {
	Data    string `json:"data"`
	Seed    int    `json:"seed"`
	Hidden  int    `json:"hidden"`
	Limit   int    `json:"limit"`
	Playing bool   `json:"playing"`
	// Selected is the slot (0 … 2) the arrows tune.
	Selected int `json:"selected"`
	// Restarts counts rebuilds and restarts since the scene started.
	Restarts int         `json:"restarts"`
	Runs     []RunStatus `json:"runs"`
	// StepsPerSec is the training steps taken per second of wall time over
	// about the last second, the three runs together (0 when idle).
	StepsPerSec float64 `json:"stepsPerSec"`
	// Summary is the caption's computed first paragraph.
	Summary string `json:"summary"`
	// Notes is true while the caption is open in full.
	Notes bool `json:"notes"`
}

// RunStatus is one run.
type RunStatus struct {
	LR float64 `json:"lr"`
	// Status is ready, running, good, slow, unstable or diverged (see
	// rule.go).
	Status string `json:"status"`
	// Step is the steps taken (up to the stop for a diverged run); Loss
	// the last training loss; Accuracy the last measured on the training
	// set.
	Step     int     `json:"step"`
	Loss     float64 `json:"loss"`
	Accuracy float64 `json:"accuracy"`
	// ReachedAt is the step at which the accuracy first reached the goal
	// (−1: not yet); Goal that accuracy.
	ReachedAt int     `json:"reachedAt"`
	Goal      float64 `json:"goal"`
	// DivergedAt is the step a diverged run stopped at (−1 otherwise),
	// Why the reason in words (an unstable run's biggest jump too).
	DivergedAt int    `json:"divergedAt"`
	Why        string `json:"why"`
	// Jumps counts the loss's jumps over 4× its lowest so far, JumpAt is
	// the step of the biggest (−1: none).
	Jumps  int `json:"jumps"`
	JumpAt int `json:"jumpAt"`
	// Line is the run's legend line as computed now.
	Line string `json:"line"`
}

// fin replaces a non-finite value by 0 (the status is JSON; the screen
// says such values in words).
func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	st := Status{Data: string(s.kind), Seed: s.seed, Hidden: s.hidden, Limit: s.limit, Playing: s.playing,
		Selected: s.sel, Restarts: s.version, Summary: s.summary(), Notes: s.ui.caption.Open()}
	if s.playing {
		st.StepsPerSec = fin(s.speed.Rate())
	}
	for _, r := range s.runs {
		rs := RunStatus{LR: r.lr, Status: r.v.String(), Step: r.steps(), Loss: fin(lastLoss(r)), Accuracy: fin(r.last().TrainAcc),
			ReachedAt: r.reachedAt, Goal: goalAcc, DivergedAt: -1, Line: r.line(), Jumps: r.jumps, JumpAt: -1}
		if r.jumps > 0 {
			rs.JumpAt = r.jumpAt
		}
		switch r.v {
		case diverged:
			rs.DivergedAt, rs.Why = r.stopAt, r.why
		case unstable:
			rs.Why = r.why
		}
		st.Runs = append(st.Runs, rs)
	}
	return st
}

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("run", u.run.Rect)
	add("reset", u.reset.Rect)
	add("data", u.data.Rect)
	add("seed", u.seed.Rect)
	add("hidden", u.hidden.Rect)
	for i := range u.sliders {
		add("lr"+string(rune('1'+i)), u.sliders[i].Rect)
	}
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	for i, h := range u.legend.Hits() {
		add("legend:"+string(rune('1'+i)), h)
	}
	for i := range u.views {
		if u.views[i].Rect.W > 0 {
			add("regions:"+string(rune('1'+i)), u.views[i].Plot())
		}
	}
}

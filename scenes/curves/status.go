package curves

import (
	"math"

	"gradlab/sim/diagnose"
)

// Status is the scene's part of the status object; every number is finite.
type Status struct {
	Scenario string  `json:"scenario"`
	Name     string  `json:"name"`
	Seed     int     `json:"seed"`
	Epoch    float64 `json:"epoch"`
	Epochs   int     `json:"epochs"`
	Steps    int     `json:"steps"`
	Points   int     `json:"points"`
	Done     bool    `json:"done"`
	Paused   bool    `json:"paused"`
	Diverged bool    `json:"diverged"`
	// The latest evaluation on the whole sets and the learning rate.
	TrainLoss float64 `json:"trainLoss"`
	ValLoss   float64 `json:"valLoss"`
	TrainAcc  float64 `json:"trainAcc"`
	ValAcc    float64 `json:"valAcc"`
	LR        float64 `json:"lr"`
	// The doctor's latest reading (made on DiagnosedAt points), whether or
	// not the screen shows it yet (a mystery hides it until answered).
	Diagnosis   string          `json:"diagnosis"`
	Verdict     string          `json:"verdict"`
	Evidence    string          `json:"evidence"`
	Confidence  float64         `json:"confidence"`
	Marks       []diagnose.Mark `json:"marks"`
	DiagnosedAt int             `json:"diagnosedAt"`
	Shown       bool            `json:"shown"` // the verdict is on screen
	Mystery     MysteryStatus   `json:"mystery"`
	Version     int             `json:"version"`
}

// MysteryStatus is mystery mode and the session's score.
type MysteryStatus struct {
	On       bool   `json:"on"`
	Number   int    `json:"number"` // the session's count of mysteries
	Code     int    `json:"code"`   // what picks it: the URL's mystery=
	Guess    string `json:"guess"`  // "" before the guess
	Revealed bool   `json:"revealed"`
	Right    int    `json:"right"`
	Asked    int    `json:"asked"`
	// Wait is the message for a guess made before enough of the run was
	// on screen ("" none).
	Wait string `json:"wait"`
}

func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	sc := s.scenario()
	t := s.run.T
	st := Status{Scenario: sc.ID, Name: sc.Name, Seed: s.seed, Epoch: fin(t.Epoch()), Epochs: s.run.Epochs(),
		Steps: t.Steps(), Points: len(s.cur.TrainLoss), Done: s.run.Done(), Paused: s.paused, Diverged: s.cur.Diverged,
		Diagnosis: s.diag.Condition.ID(), Verdict: s.diag.Condition.Name(), Evidence: s.diag.Evidence,
		Confidence: fin(s.diag.Confidence), Marks: []diagnose.Mark{}, DiagnosedAt: s.diagAt, Shown: !s.hidden(),
		Version: s.version,
		Mystery: MysteryStatus{On: s.mystery, Number: s.number, Code: s.code, Revealed: s.revealed, Right: s.right, Asked: s.asked, Wait: s.wait}}
	if n := len(s.cur.TrainLoss); n > 0 {
		st.TrainLoss, st.ValLoss = fin(s.cur.TrainLoss[n-1]), fin(s.cur.ValLoss[n-1])
		st.TrainAcc, st.ValAcc, st.LR = fin(s.cur.TrainAcc[n-1]), fin(s.cur.ValAcc[n-1]), fin(s.cur.LR[n-1])
	}
	for _, m := range s.diag.Marks {
		m.Epoch, m.Value = fin(m.Epoch), fin(m.Value)
		st.Marks = append(st.Marks, m)
	}
	if s.revealed {
		st.Mystery.Guess = s.guess.ID()
	}
	return st
}

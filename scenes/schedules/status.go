package schedules

import (
	"math"

	"gradlab/sim"
	"gradlab/sim/schedrun"
	"gradlab/widgets"
)

// Status is the scene's part of the status object: the settings and each
// shown schedule's run as measured, every number finite.
type Status struct {
	Base float64 `json:"base"`
	// Setup is "default" or "warmup" (schedrun.WarmupSetup).
	Setup   string `json:"setup"`
	Seed    int    `json:"seed"`
	LogY    bool   `json:"logY"`
	Playing bool   `json:"playing"`
	// Selected is the id of the schedule the keys edit; Setting the name of
	// its setting the arrows change.
	Selected string `json:"selected"`
	Setting  string `json:"setting"`
	// Epoch is the most epochs any run has trained.
	Epoch int `json:"epoch"`
	// Restarts counts rebuilds and restarts since the scene started.
	Restarts int         `json:"restarts"`
	Runs     []RunStatus `json:"runs"`
	// StepsPerSec is the training steps taken per second of wall time over
	// about the last second, all runs together (0 when idle).
	StepsPerSec float64 `json:"stepsPerSec"`
	// Summary is the caption's computed first paragraph.
	Summary string `json:"summary"`
	Notes   bool   `json:"notes"`
	// Hover is the epoch under the pointer (−1: none).
	Hover int `json:"hover"`
	// Compact is set on a screen too small for everything at once; View is
	// then what it shows: "plots" or "runs".
	Compact bool   `json:"compact"`
	View    string `json:"view"`
	// Shown names what is on screen: "lr", "loss", "accuracy", "legend"
	// (with the schedules it lists), "settings", "caption".
	Shown []string `json:"shown"`
}

// RunStatus is one shown schedule and its training.
type RunStatus struct {
	Kind string `json:"kind"`
	// Settings are the schedule's editable settings by URL id.
	Settings map[string]float64 `json:"settings"`
	// LRs is the rate of each epoch as the schedule gives it, for the
	// selected schedule only (the status is published every frame).
	LRs []float64 `json:"lrs,omitempty"`
	// Steps is the updates taken, LastLR the rate the last one used.
	Steps  int     `json:"steps"`
	LastLR float64 `json:"lastLR"`
	Epoch  int     `json:"epoch"`
	// Loss and Accuracy are the whole-set values after the last epoch
	// trained, Start the loss before training.
	Loss     float64 `json:"loss"`
	Accuracy float64 `json:"accuracy"`
	Start    float64 `json:"start"`
	// BlewAt is the first epoch whose loss passed BlowFactor × its start
	// (−1: never); Peak the highest loss over its start.
	BlewAt   int     `json:"blewAt"`
	Peak     float64 `json:"peak"`
	PeakAt   int     `json:"peakAt"`
	Diverged bool    `json:"diverged"`
	Why      string  `json:"why"`
	Events   []Event `json:"events"`
	Line     string  `json:"line"`
}

// Event is a drop or restart with the loss around it (0 until measured).
type Event struct {
	Epoch  int     `json:"epoch"`
	Kind   string  `json:"kind"`
	Before float64 `json:"before"`
	After  float64 `json:"after"`
}

func fin(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	st := Status{Base: s.base, Seed: s.seed, LogY: s.logY, Playing: s.playing, Selected: string(sim.ScheduleKinds[s.sel]),
		Epoch: s.trained(), Restarts: s.version, Summary: s.ui.text.summary, Notes: s.ui.caption.Open(), Hover: s.ui.hover.epoch, Runs: []RunStatus{}}
	if st.Summary == "" {
		st.Summary = s.summary()
	}
	st.Setup = "default"
	if s.warmupSetup {
		st.Setup = "warmup"
	}
	st.Compact, st.View = s.ui.compact, [...]string{"plots", "runs"}[s.view]
	st.Shown = s.shownParts()
	if ks := s.knobs(); len(ks) > 0 {
		st.Setting = ks[min(s.knob, len(ks)-1)].name
	}
	if s.playing {
		st.StepsPerSec = fin(s.speed.Rate())
	}
	for i, k := range sim.ScheduleKinds {
		r := s.runs[i]
		if r == nil {
			continue
		}
		rs := RunStatus{Kind: string(k), Settings: map[string]float64{}, Epoch: r.Epoch(), Loss: fin(last(r.Loss)), Accuracy: fin(last(r.Acc)),
			Start: fin(first(r.Loss)), Steps: r.Tr.Steps(), LastLR: fin(last(r.Tr.LR)), BlewAt: r.BlewAt, Diverged: r.Diverged(), Why: r.Why(), Line: s.runLine(i), PeakAt: r.PeakAt, Events: []Event{}}
		if len(r.Loss) > 0 && r.Loss[0] > 0 {
			rs.Peak = fin(r.Peak / r.Loss[0])
		}
		for _, kn := range knobsOf(&s.sched[i]) {
			rs.Settings[kn.id] = kn.get(&s.sched[i])
		}
		sc := s.sched[i]
		sc.StepsPerEpoch = 0
		for e := 0; e < epochs && i == s.sel; e++ {
			rs.LRs = append(rs.LRs, fin(sc.LR(s.base, e)))
		}
		for _, ev := range schedrun.Events(s.sched[i], epochs) {
			b, a, _ := r.Effect(ev)
			rs.Events = append(rs.Events, Event{Epoch: ev.Epoch, Kind: ev.Kind.String(), Before: fin(b), After: fin(a)})
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
	add("kind", u.kind.Rect)
	add("onoff", u.onoff.Rect)
	add("knob", u.knob.Rect)
	add("knobslider", u.knobSl.Rect)
	add("base", u.baseSl.Rect)
	add("axis", u.axis.Rect)
	add("seed", u.seed.Rect)
	add("setup", u.setup.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	for r, h := range u.legend.Hits() {
		if r < len(u.rowKind) {
			add("legend:"+string(sim.ScheduleKinds[u.rowKind[r]]), h)
		}
	}
	add("view", u.view.Rect)
	for i, h := range u.knobHits {
		add("setting:"+s.knobs()[i].id, h)
	}
}

func first(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[0]
}

// shownParts names the pieces on screen, for tests.
func (s *Scene) shownParts() []string {
	u := &s.ui
	out := []string{}
	for _, p := range []struct {
		name string
		r    widgets.Rect
	}{{"lr", u.lrPlot}, {"loss", u.lossPlot}, {"accuracy", u.accPlot}, {"settings", u.editor}, {"caption", u.caption.Rect}} {
		if p.r.H > 0 && p.r.W > 0 {
			out = append(out, p.name)
		}
	}
	if n := min(len(u.legend.Hits()), len(u.rowKind)); n > 0 {
		out = append(out, "legend")
		for _, i := range u.rowKind[:n] {
			out = append(out, "legend:"+string(sim.ScheduleKinds[i]))
		}
	}
	return out
}

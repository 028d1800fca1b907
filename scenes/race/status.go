package race

import (
	"math"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// Status is the race's part of the status object.
type Status struct {
	Surface string `json:"surface"`
	Playing bool   `json:"playing"`
	Step    int    `json:"step"`
	Limit   int    `json:"limit"`
	// Restarts counts how often the race was rebuilt since the scene
	// started.
	Restarts int        `json:"restarts"`
	Start    [2]float64 `json:"start"`
	View     [4]float64 `json:"view"`
	Schedule string     `json:"schedule"`
	Selected string     `json:"selected"`
	Shared   bool       `json:"shared"`
	// Rates says where the racers' rates come from: "own" (the preset or
	// what was set), "searched" (the fair race) or "shared".
	Rates string `json:"rates"`
	// Search is the fair race's search, while the fair race is on.
	Search *SearchStatus `json:"search,omitempty"`
	Noise  float64       `json:"noise"`
	Tol    float64       `json:"tol"`
	Arrows bool          `json:"arrows"`
	Speed  float64       `json:"speed"`
	// Notes is true while the caption is open in full.
	Notes bool `json:"notes"`
	// Mode is "map" or "3d"; Yaw and Pitch the 3-D surface's angle in
	// degrees.
	Mode  string  `json:"mode"`
	Yaw   float64 `json:"yaw"`
	Pitch float64 `json:"pitch"`
	// PlayLabel is what the play button reads.
	PlayLabel string         `json:"playLabel"`
	Runners   []RunnerStatus `json:"runners"`
}

// SearchStatus is the fair race's search: its settings, how far it got
// and, once done, each racing optimizer's result.
type SearchStatus struct {
	Seed uint64 `json:"seed"`
	// Trials is the number of rates tried per optimizer; Finished and
	// Total count the trial races (the draws and each optimizer's run at
	// the shared rate) of the current race.
	Trials   int            `json:"trials"`
	Finished int            `json:"finished"`
	Total    int            `json:"total"`
	Done     bool           `json:"done"`
	Results  []SearchResult `json:"results,omitempty"`
}

// SearchResult is one optimizer's searched rate and how its race ends,
// next to how it ends at the shared rate.
type SearchResult struct {
	Kind     string      `json:"kind"`
	LR       float64     `json:"lr"`
	Best     ScoreStatus `json:"best"`
	SharedLR float64     `json:"sharedLR"`
	Shared   ScoreStatus `json:"shared"`
	// Place and SharedPlace are its places in the standings at the
	// searched rates and at the shared one (1 the best), as the legend
	// shows them.
	Place       int `json:"place"`
	SharedPlace int `json:"sharedPlace"`
}

// ScoreStatus is how a trial race ended.
type ScoreStatus struct {
	Status string  `json:"status"`
	At     int     `json:"at"`
	Gap    float64 `json:"gap"`
}

func scoreStatus(sc sim.Score) ScoreStatus {
	return ScoreStatus{Status: sc.Status.String(), At: sc.At, Gap: finite(sc.Gap)}
}

// RunnerStatus is one optimizer's place in the race.
type RunnerStatus struct {
	Kind   string  `json:"kind"`
	Status string  `json:"status"`
	At     int     `json:"at"`
	LR     float64 `json:"lr"`
	Gap    float64 `json:"gap"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
}

// Status reports the race.
func (s *Scene) Status() any {
	v := s.m.View
	st := Status{Surface: s.surf.ID(), Playing: s.playing, Step: s.race.Step(), Limit: s.tun.limit,
		Restarts: s.version, Start: [2]float64{s.tun.start.X, s.tun.start.Y}, View: [4]float64{v.X0, v.Y0, v.X1, v.Y1},
		Schedule: string(s.schedK), Selected: string(s.sel), Shared: s.rates == sharedRates, Rates: s.rates.String(), Noise: s.noise.Sigma, Tol: s.tol,
		Arrows: s.arrows, Speed: speeds[s.speedIdx], Notes: s.ui.caption.Open(), PlayLabel: s.ui.play.Label,
		Mode: map[bool]string{false: "map", true: "3d"}[s.mode3d], Yaw: s.s3.Yaw * 180 / math.Pi, Pitch: s.s3.Pitch * 180 / math.Pi}
	if s.rates == searchedRates {
		d, n := s.progress()
		ss := &SearchStatus{Seed: s.fair.seed, Trials: s.fair.trials, Finished: d, Total: n, Done: !s.searching()}
		pl := s.fairPlaces()
		for _, t := range s.fair.need {
			if ss.Done {
				b, _ := t.Best()
				r, _ := t.Ref()
				p := pl[t.S.Kind]
				ss.Results = append(ss.Results, SearchResult{Kind: string(t.S.Kind), LR: b.LR, Best: scoreStatus(b.Score),
					SharedLR: r.LR, Shared: scoreStatus(r.Score), Place: p[0], SharedPlace: p[1]})
			}
		}
		st.Search = ss
	}
	for _, r := range s.race.Runners {
		h := r.Head()
		st.Runners = append(st.Runners, RunnerStatus{Kind: string(r.Kind), Status: r.Status.String(),
			At: r.At, LR: r.BaseLR, Gap: r.Gap[len(r.Gap)-1], X: h.X, Y: h.Y})
	}
	return st
}

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("map", s.surfaceView().Plot())
	for i, sf := range surfaces.All() {
		if i < len(u.surf) { // before the first layout there are none
			add("surface:"+sf.ID(), u.surf[i].Rect)
		}
	}
	for i, k := range sim.Kinds {
		if i < len(u.opts) {
			add("opt:"+string(k), u.opts[i].Rect)
		}
	}
	add("play", u.play.Rect)
	add("step", u.step.Rect)
	add("reset", u.reset.Rect)
	add("schedule", u.sched.Rect)
	add("speed", u.speed.Rect)
	add("limit", u.limit.Rect)
	add("lr", u.lr.Rect)
	add("hyper", u.hyper.Rect)
	add("schedp", u.schedP.Rect)
	add("same", u.same.Rect)
	add("fair", u.fair.Rect)
	add("arrows", u.arrows.Rect)
	add("3d", u.view3d.Rect)
	add("noise", u.noise.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	for i, r := range u.legend.Hits() {
		if i < len(s.race.Runners) {
			add("legend:"+string(s.race.Runners[i].Kind), r)
		}
	}
}

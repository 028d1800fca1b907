package gradcheck

import (
	"math"

	gc "gradlab/sim/gradcheck"
)

// Status is the scene's part of the status object. Every number is finite:
// an undefined error (NaN) is published as −1 and an infinite value as
// ±1.8e308, with the words the screen shows in the band fields.
type Status struct {
	Function string  `json:"function"`
	Formula  string  `json:"formula"`
	X        float64 `json:"x"` // the point (the parameter's value for the network)
	H        float64 `json:"h"`
	// Analytic, Centered, Forward and the errors are float64 at h; the
	// errors are relative (cs231n), graded into Band and BandForward.
	Analytic      float64        `json:"analytic"`
	Centered      float64        `json:"centered"`
	Forward       float64        `json:"forward"`
	RelErr        float64        `json:"relErr"`
	RelErrForward float64        `json:"relErrForward"`
	Band          string         `json:"band"`
	BandForward   string         `json:"bandForward"`
	Verdict       string         `json:"verdict"`
	CrossesKink   bool           `json:"crossesKink"`
	KinkDistance  float64        `json:"kinkDistance"` // −1: no kink
	Float32       *Reading32     `json:"float32,omitempty"`
	V             bool           `json:"v"` // the curves form a V with both arms fitted
	Series        []SeriesStatus `json:"series"`
	Param         int            `json:"param"`
	ParamName     string         `json:"paramName"`
	Layer         int            `json:"layer"` // counting from 1
	Bias          bool           `json:"bias"`
	Params        int            `json:"params"`
	Bug           string         `json:"bug"`
	Seed          int            `json:"seed"`
	Check         CheckStatus    `json:"check"`
	Version       int            `json:"version"` // counts recomputed curves
}

// Reading32 is the same reading in float32 (test functions only).
type Reading32 struct {
	Analytic      float64 `json:"analytic"`
	Centered      float64 `json:"centered"`
	Forward       float64 `json:"forward"`
	RelErr        float64 `json:"relErr"`
	RelErrForward float64 `json:"relErrForward"`
	Band          string  `json:"band"`
	BandForward   string  `json:"bandForward"`
}

// SeriesStatus is one curve of the V plot: its measured slopes where it is
// a V (0 otherwise), its bottom and the error at the current h.
type SeriesStatus struct {
	Name          string  `json:"name"`
	Method        string  `json:"method"`
	Precision     string  `json:"precision"`
	V             bool    `json:"v"`
	TruncSlope    float64 `json:"truncSlope"`
	RoundOffSlope float64 `json:"roundOffSlope"`
	BestH         float64 `json:"bestH"`
	MinErr        float64 `json:"minErr"`
	ErrAtH        float64 `json:"errAtH"`
}

// CheckStatus is the whole-network check.
type CheckStatus struct {
	// State is "idle" (not asked yet), "running" or "done".
	State   string        `json:"state"`
	Done    int           `json:"done"`
	Total   int           `json:"total"`
	H       float64       `json:"h"`
	Layers  []LayerStatus `json:"layers"`
	Flagged []string      `json:"flagged"` // layers graded "probably wrong"
	Verdict string        `json:"verdict"`
}

// LayerStatus is one parameter block's errors.
type LayerStatus struct {
	Name   string  `json:"name"`
	ID     string  `json:"id"`
	N      int     `json:"n"`
	Max    float64 `json:"max"`
	Median float64 `json:"median"`
	Worst  int     `json:"worst"`
	Band   string  `json:"band"`
	Kinks  int     `json:"kinks"`
	// RoundOff says the worst error, above 1e-7, is what rounding gives on
	// that parameter's small gradient.
	RoundOff bool  `json:"roundOff"`
	Hist     []int `json:"hist"` // counts per decade from 1e-16 to 1
}

// fin makes a value publishable: NaN becomes undef, ±∞ the largest float.
func fin(v, undef float64) float64 {
	switch {
	case math.IsNaN(v):
		return undef
	case math.IsInf(v, 1):
		return math.MaxFloat64
	case math.IsInf(v, -1):
		return -math.MaxFloat64
	}
	return v
}

// Status reports the scene.
func (s *Scene) Status() any {
	f := fns[s.fn]
	r := s.at[0]
	st := Status{Function: f.id, Formula: s.formula(), X: fin(s.point(), 0), H: s.h,
		Analytic: fin(r.analytic, 0), Centered: fin(r.centered, 0), Forward: fin(r.forward, 0),
		RelErr: fin(r.errC, -1), RelErrForward: fin(r.errF, -1),
		Band: gc.Band(r.errC).Name, BandForward: gc.Band(r.errF).Name, Verdict: gc.Band(r.errC).Verdict,
		CrossesKink: s.crosses(gc.Centered), KinkDistance: -1, V: s.hasV(),
		Param: s.param, ParamName: s.net.describe(s.param), Params: s.net.size(),
		Bug: bugID(bugs[s.bugI]), Seed: s.seed, Version: s.version, Series: []SeriesStatus{}}
	if !math.IsInf(s.kinkH, 1) {
		st.KinkDistance = s.kinkH
	}
	b := s.net.block(s.param)
	st.Layer, st.Bias = b.Layer+1, b.Bias
	if !s.isNet() {
		q := s.at[1]
		st.Float32 = &Reading32{Analytic: fin(q.analytic, 0), Centered: fin(q.centered, 0), Forward: fin(q.forward, 0),
			RelErr: fin(q.errC, -1), RelErrForward: fin(q.errF, -1), Band: gc.Band(q.errC).Name, BandForward: gc.Band(q.errF).Name}
	}
	k := s.hIndex()
	for _, c := range s.curves {
		ss := SeriesStatus{Name: c.name(), Method: c.m.String(), Precision: c.p.String(), V: c.vOK,
			ErrAtH: fin(c.errs[k], -1)}
		if c.vOK {
			ss.TruncSlope, ss.RoundOffSlope = fin(c.v.Truncation.Slope, 0), fin(c.v.RoundOff.Slope, 0)
			ss.BestH, ss.MinErr = fin(c.v.BestH, 0), fin(c.v.MinErr, -1)
		}
		st.Series = append(st.Series, ss)
	}
	st.Check = s.checkStatus()
	return st
}

func (s *Scene) checkStatus() CheckStatus {
	c := &s.chk
	cs := CheckStatus{State: "idle", Total: s.net.size(), H: s.h, Layers: []LayerStatus{}, Flagged: []string{}}
	if !c.asked || c.m == nil {
		return cs
	}
	cs.State, cs.Done, cs.Total, cs.H = "running", c.done, len(c.errs), c.h
	if !c.finished() {
		return cs
	}
	cs.State = "done"
	for i, sm := range c.sums {
		cs.Layers = append(cs.Layers, LayerStatus{Name: sm.Name, ID: c.m.ranges[i].ID, N: sm.N,
			Max: fin(sm.Max, -1), Median: fin(sm.Median, -1), Worst: sm.Worst, Band: sm.Band.Name,
			Kinks: c.kinkCount(i), RoundOff: c.roundoff[i], Hist: c.hists[i]})
	}
	for _, i := range c.flagged() {
		cs.Flagged = append(cs.Flagged, c.sums[i].Name)
	}
	cs.Verdict = c.verdict()
	return cs
}

// hIndex is the grid point nearest the current h (for errors at h).
func (s *Scene) hIndex() int {
	k := int(math.Round((math.Log10(s.h) - math.Log10(hMin)) * 10))
	return min(max(k, 0), len(s.hs)-1)
}

// point is x for a test function, the parameter's value for the network.
func (s *Scene) point() float64 {
	if s.isNet() {
		return s.net.net.Theta[s.param]
	}
	return fns[s.fn].f.X
}

// formula names the function being differentiated.
func (s *Scene) formula() string {
	if s.isNet() {
		return "network loss L(θ) along θ[" + itoa(s.param) + "]"
	}
	return fns[s.fn].f.Formula
}

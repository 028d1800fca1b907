// Package gradcheck is the gradient-check scene: the analytic derivative of
// a function next to its centered and forward finite differences, the
// relative error graded by the cs231n bands, the V-shaped curve of that
// error against the step h in float64 and float32, and a check of every
// parameter of a small network, summarised per layer, with bugs to inject.
package gradcheck

import (
	"math"

	"gradlab/scenes/kit"
	gc "gradlab/sim/gradcheck"
	"gradlab/widgets"
)

// The h slider's range and default (the cs231n notes' h for centered
// differences in double precision).
const (
	hMin, hMax = 1e-12, 1e-1
	hDefault   = 1e-5
	seedMax    = 9999
	seedDef    = 1
)

// A fn is one of the functions the scene differentiates: a test function
// of sim/gradcheck, or the network's loss along one parameter.
type fn struct {
	id, label string
	f         gc.Func // unused for the network
}

// netID is the id of the network's loss.
const netID = "net"

var fns = []fn{
	{"smooth", "smooth", gc.Smooth},
	{"cubic", "cubic", gc.Cubic},
	{"relu", "ReLU kink", gc.ReLU},
	{"abs", "|x| kink", gc.Abs},
	{netID, "network loss", gc.Func{}},
}

func fnIDs() []string {
	var ids []string
	for _, f := range fns {
		ids = append(ids, f.id)
	}
	return ids
}

func fnIndex(id string) int {
	for i, f := range fns {
		if f.id == id {
			return i
		}
	}
	return 0
}

// series is one curve of the V plot.
type series struct {
	m gc.Method
	p gc.Precision
	// errs are the relative errors over the scene's grid of h (hs).
	errs []float64
	// v is the analysis of the curve where it is a V; vOK says both arms
	// were fitted (kinked functions and kinks crossed leave it false).
	v   gc.V
	vOK bool
}

func (sr *series) name() string { return sr.m.String() + ", " + sr.p.String() }

// reading is one precision's numbers at the current h.
type reading struct {
	analytic, centered, forward float64
	errC, errF                  float64
}

// Scene is the gradient-check scene.
type Scene struct {
	fn    int
	h     float64
	param int
	bugI  int // index into bugs (0: none)
	seed  int

	net *netModel
	// hs is the grid of steps the curves are computed on, 1e-12 … 1e-1.
	hs     []float64
	curves []series
	// kinkH is the step beyond which the samples cross a kink (+∞: no
	// kink), for the kinked functions and the network's first layer.
	kinkH float64
	// version counts recomputed curves, so cached drawings know.
	version int
	at      [2]reading // float64, float32 at h
	chk     check
	keys    []kit.Key

	ui    ui
	drawn drawState
}

// New returns the scene on the smooth function at h = 1e-5.
func New() *Scene {
	s := &Scene{h: hDefault, seed: seedDef, param: -1}
	s.hs = gc.LogGrid(nil, hMin, hMax, 10)
	s.keys = s.keyTable()
	s.Rebuild()
	return s
}

// Rebuild recomputes everything from the settings (after URL values).
func (s *Scene) Rebuild() {
	s.rebuildNet()
	s.recompute()
}

// rebuildNet builds the network for the seed and bug, keeping the
// parameter index in range.
func (s *Scene) rebuildNet() {
	s.net = newNetModel(s.seed, bugs[s.bugI])
	if s.param < 0 || s.param >= s.net.size() {
		s.param = s.net.defaultParam()
	}
	s.chk.restart(s)
}

func (s *Scene) isNet() bool { return fns[s.fn].id == netID }

// recompute sweeps the curves of the current function and reads the
// numbers at h.
func (s *Scene) recompute() {
	s.version++
	s.curves = s.curves[:0]
	full := s.hs
	if s.isNet() {
		s.kinkH = s.net.kinkDist(s.param)
		c, f := s.net.sweep(s.param, full)
		s.curves = append(s.curves, series{m: gc.Centered, p: gc.Float64, errs: c},
			series{m: gc.Forward, p: gc.Float64, errs: f})
	} else {
		f := fns[s.fn].f
		s.kinkH = math.Inf(1)
		for _, k := range f.Kinks {
			s.kinkH = math.Min(s.kinkH, math.Abs(f.X-k))
		}
		for _, p := range gc.Precisions {
			for _, m := range gc.Methods {
				s.curves = append(s.curves, series{m: m, p: p, errs: gc.Sweep(nil, f, f.X, full, m, p, gc.Relative)})
			}
		}
	}
	for i := range s.curves {
		s.analyze(&s.curves[i])
	}
	s.read()
}

// analyze fits the V of a curve where there is one. Float32 is read only
// from 1e-7 up (gc.DefaultGrid): below that x ± h rounds back to x and the
// curve is a flat shelf. Steps that cross a kink are left out; a function
// whose kink is within reach has no V at all.
func (s *Scene) analyze(sr *series) {
	sr.vOK = false
	if !s.isNet() && len(fns[s.fn].f.Kinks) > 0 {
		return
	}
	lo, hi := 0, len(s.hs)
	if sr.p == gc.Float32 {
		for lo < hi && s.hs[lo] < 1e-7*(1-1e-9) {
			lo++
		}
	}
	if !math.IsInf(s.kinkH, 1) {
		for hi > lo && s.hs[hi-1] >= s.kinkH/2 {
			hi--
		}
	}
	if hi-lo < 20 {
		return
	}
	sr.v = gc.AnalyzeV(s.hs[lo:hi], sr.errs[lo:hi])
	if sr.v.Best >= 0 {
		sr.v.Best += lo
	}
	// A V falls on the right and rises on the left; a curve that stays
	// flat (a wrong gradient keeps the error up at every h) is no V.
	sr.vOK = sr.v.Truncation.N >= 3 && sr.v.RoundOff.N >= 3 &&
		sr.v.Truncation.Slope > 0.5 && sr.v.RoundOff.Slope < -0.5
}

// read computes the numbers at the current h.
func (s *Scene) read() {
	if s.isNet() {
		a := s.net.grad[s.param]
		c, f := s.net.diffs(s.param, s.h)
		s.at[0] = reading{a, c, f, gc.RelErr(a, c), gc.RelErr(a, f)}
		s.at[1] = reading{}
		return
	}
	f := fns[s.fn].f
	for i, p := range gc.Precisions {
		a := f.Analytic(f.X, p)
		c := f.Numeric(f.X, s.h, gc.Centered, p)
		fw := f.Numeric(f.X, s.h, gc.Forward, p)
		s.at[i] = reading{a, c, fw, gc.RelErr(a, c), gc.RelErr(a, fw)}
	}
}

// crosses reports whether the samples at the current h straddle a kink.
func (s *Scene) crosses(m gc.Method) bool {
	if s.isNet() {
		return s.h > s.kinkH
	}
	f := fns[s.fn].f
	return f.CrossesKink(f.X, s.h, m)
}

// hasV reports whether the current curves are a V with both arms fitted.
func (s *Scene) hasV() bool {
	for _, c := range s.curves {
		if c.vOK {
			return true
		}
	}
	return false
}

func (s *Scene) setFn(i int) {
	i = (i%len(fns) + len(fns)) % len(fns)
	if i != s.fn {
		s.fn = i
		s.recompute()
	}
}

// setH moves the step, snapped to three significant digits so the URL
// stays readable.
func (s *Scene) setH(h float64) {
	if !(h > 0) {
		return
	}
	h = math.Min(math.Max(roundSig(h, 3), hMin), hMax)
	if h != s.h {
		s.h = h
		s.read()
		s.chk.restart(s)
	}
}

// nudgeH moves h by n quarter decades, landing on the quarter-decade grid
// (so four presses from 1e-5 reach exactly 1e-4).
func (s *Scene) nudgeH(n int) {
	e := math.Round(math.Log10(s.h)*4)/4 + float64(n)/4
	e = math.Min(math.Max(e, math.Log10(hMin)), math.Log10(hMax))
	if r := math.Round(e); math.Abs(e-r) < 1e-9 {
		s.setH(math.Pow10(int(r)))
		return
	}
	s.setH(math.Pow(10, e))
}

func (s *Scene) setParam(i int) {
	i = min(max(i, 0), s.net.size()-1)
	if i != s.param {
		s.param = i
		if s.isNet() {
			s.recompute()
		}
	}
}

// jumpBlock moves the parameter to the start of the next (d = 1) or
// previous (d = −1) block: layer 1 W, layer 1 b, layer 2 W, layer 2 b.
func (s *Scene) jumpBlock(d int) {
	rs := s.net.ranges
	cur := 0
	for i, r := range rs {
		if s.param >= r.Lo && s.param < r.Hi {
			cur = i
		}
	}
	n := len(rs)
	s.setParam(rs[((cur+d)%n+n)%n].Lo)
}

func (s *Scene) setBug(i int) {
	i = (i%len(bugs) + len(bugs)) % len(bugs)
	if i != s.bugI {
		s.bugI = i
		s.rebuildNet()
		s.recompute()
	}
}

func (s *Scene) setSeed(v int) {
	v = ((v % (seedMax + 1)) + seedMax + 1) % (seedMax + 1)
	if v != s.seed {
		s.seed = v
		s.rebuildNet()
		s.recompute()
	}
}

// roundSig rounds v to n significant digits.
func roundSig(v float64, n int) float64 {
	if v == 0 || !finite(v) {
		return v
	}
	p := math.Pow(10, float64(n-1)-math.Floor(math.Log10(math.Abs(v))))
	r := math.Round(v*p) / p
	if !finite(r) {
		return v
	}
	return r
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	add("plot", u.plotArea)
	for i := range u.fnBtn { // empty before the first Update
		add("fn:"+fns[i].id, u.fnBtn[i].Rect)
	}
	add("h", u.hSlider.Rect)
	add("param", u.paramSlider.Rect)
	add("check", u.checkBtn.Rect)
	add("bug", u.bugBtn.Rect)
	add("seed", u.seedBtn.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	for i, r := range u.layerHits {
		if i < len(s.net.ranges) {
			add("layer:"+s.net.ranges[i].ID, r)
		}
	}
}

// urlState is the state the URL records.
type urlState struct {
	fn, param, bug, seed int
	h                    float64
}

func (s *Scene) urlState() urlState { return urlState{s.fn, s.param, s.bugI, s.seed, s.h} }

// Update handles the controls and the plot, and advances the network check
// by one tick's budget.
func (s *Scene) Update(c *kit.Ctx) {
	s.layout(c)
	before := s.urlState()
	s.updateControls(c)
	s.updatePlot(c)
	s.chk.step(tickBudget)
	if s.urlState() != before {
		c.Changed()
	}
	// What the strip and panels show follows the state; lay out again if
	// this tick changed it, so Draw never shows a stale layout.
	if s.stripKey() != s.ui.laidOut {
		s.layout(c)
	}
}

package search

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/nn"
	"gradlab/sim/sample"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen  kit.Screen
	strip   kit.Strip
	caption kit.Caption
	legend  kit.Legend
	// tally is the compare mode's panel of wins, rank the network mode's
	// table of trials (each empty in the other modes).
	tally widgets.Rect
	rank  widgets.Rect
	// regP is the network mode's panel of decision regions: the network
	// in training, then the retrained choice.
	regP    widgets.Rect
	regions widgets.Regions
	cls     nn.Classifier
	modes   [3]widgets.Button
	// view is the view switch, in the strip only when a side panel does
	// not fit; panelOn says it is there.
	view    widgets.Button
	panelOn bool
	resmp   widgets.Button
	run     widgets.Button
	rng     widgets.Button
	fast    widgets.Button
	seed    widgets.Button
	meth    [3]widgets.Button
	bud     widgets.Slider
	rat     widgets.Slider
	// main is the main view's panel; mapR the objective's square in it
	// (compare mode), xrug and yrug the bands of projections under and
	// beside it.
	main       widgets.Rect
	mapR       widgets.Rect
	xrug, yrug widgets.Rect
	// hist are the two histograms' boxes (sampling mode).
	hist [2]widgets.Rect
	// plot is the network search's scatter panel, bar the accuracy scale
	// under it; warn the edge warning's band over the plot (empty without
	// a warning) and warnLines its text, wrapped to the band.
	plot      widgets.Rect
	bar       widgets.Rect
	warn      widgets.Rect
	warnLines []string
	// slow is the text that changes as work goes on, refreshed a few
	// times a second rather than every tick.
	slow   slowText
	slowAt time.Time
	// captionLaid is the text the caption's lines were laid out from (in
	// its Update), which is what Draw shows.
	captionLaid string
}

// slowText is what the panels say, as last refreshed.
type slowText struct {
	version int
	phase   hs.Phase
	trials  int
	tally   int
	caption string
	rows    []kit.LegendRow
	// tallied is the tally as the caption read it, which its panel shows
	// too, so the two agree.
	tallied hs.Tally
}

// methodColor and methodMarker tell the methods apart by colour and shape.
func methodColor(m hs.Method) color.RGBA {
	switch m {
	case hs.Grid:
		return assets.Orange
	case hs.Random:
		return assets.SkyBlue
	}
	return assets.Purple
}

func methodMarker(m hs.Method) kit.Marker {
	switch m {
	case hs.Grid:
		return kit.Square
	case hs.Random:
		return kit.Disc
	}
	return kit.Ring // sprites, not stroked lines: a hundred of them stay cheap
}

func methodKey(m hs.Method) string {
	switch m {
	case hs.Grid:
		return "G"
	case hs.Random:
		return "U"
	}
	return "Q"
}

// panelNames name each mode's side panels, in the order of its specs: the
// view switch (V) cycles through them.
var panelNames = [][]string{
	{"best per method", "tally", "notes"},
	{"shares", "notes"},
	{"stages", "regions", "trials", "notes"},
}

// layout fills the strip and splits the area for the mode. When a side
// panel does not fit (phones), it lays out again with the view switch in
// the strip, and the panel the switch chose is served first.
func (s *Scene) layout(c *kit.Ctx) {
	s.layoutOnce(c, false)
	for _, p := range s.ui.screen.Panels {
		if p.H <= 0 {
			s.layoutOnce(c, true)
			return
		}
	}
}

// layoutOnce lays out with or without the view switch.
func (s *Scene) layoutOnce(c *kit.Ctx, viewSwitch bool) {
	t, u := c.Theme, &s.ui
	s.fillStrip(t, viewSwitch)
	var specs []kit.PanelSpec
	aspect := 1.3
	rows := 3
	switch s.mode {
	case compareMode:
		rows, aspect = len(s.methods), 1.05
		specs = []kit.PanelSpec{
			{Min: kit.LegendHeight(t, rows), Want: kit.LegendHeight(t, rows), Drop: 0},
			{Min: t.S(34) + float64(rows)*t.S(20), Want: t.S(40) + float64(rows)*t.S(24), Drop: 1},
			{Min: t.S(70), Want: 1e6, Drop: 2},
		}
	case samplingMode:
		specs = []kit.PanelSpec{
			{Min: kit.LegendHeight(t, 2), Want: kit.LegendHeight(t, 2), Drop: 0},
			{Min: t.S(70), Want: 1e6, Drop: 1},
		}
		aspect = 1.5
	default:
		lh := t.LineH(widgets.Small) + t.S(3)
		specs = []kit.PanelSpec{
			{Min: kit.LegendHeight(t, 3), Want: kit.LegendHeight(t, 3), Drop: 0},
			{Min: t.S(120), Want: t.S(210), Drop: 1},
			{Min: t.S(30) + 4*lh, Want: t.S(30) + 6*lh, Drop: 2},
			{Min: t.S(70), Want: 1e6, Drop: 3},
		}
	}
	// On a screen too small for every panel, the chosen one is served
	// first; a caption chosen so keeps its wish for all the room there is,
	// so it reads in full.
	u.panelOn = viewSwitch
	if viewSwitch {
		specs[s.focus()].Drop = -1
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, aspect, specs)
	p := u.screen.Panels
	u.legend.Rect, u.tally, u.rank, u.regP, u.caption.Rect = p[0], widgets.Rect{}, widgets.Rect{}, widgets.Rect{}, p[len(p)-1]
	switch s.mode {
	case compareMode:
		u.tally = p[1]
	case networkMode:
		u.regP, u.rank = p[1], p[2]
	}
	u.main = u.screen.Main
	u.mapR, u.xrug, u.yrug, u.hist, u.plot, u.bar, u.warn = widgets.Rect{}, widgets.Rect{}, widgets.Rect{}, [2]widgets.Rect{}, widgets.Rect{}, widgets.Rect{}, widgets.Rect{}
	switch s.mode {
	case compareMode:
		s.layoutMap(t)
	case samplingMode:
		in := kit.PanelInner(t, u.main, true)
		gap := math.Round(t.S(10))
		h := math.Floor((in.H - gap) / 2)
		if h > t.S(40) {
			u.hist[0] = widgets.Rect{X: in.X, Y: in.Y, W: in.W, H: h}
			u.hist[1] = widgets.Rect{X: in.X, Y: in.Y + h + gap, W: in.W, H: h}
		}
	case networkMode:
		s.layoutRegions(t)
		in := kit.PanelInner(t, u.main, true)
		in = s.layoutWarning(t, in)
		bh := t.LineH(widgets.Small) + t.S(12)
		if in.H > bh+t.S(60) {
			u.plot = widgets.Rect{X: in.X, Y: in.Y, W: in.W, H: in.H - bh}
			u.bar = widgets.Rect{X: in.X + t.S(44), Y: in.Bottom() - bh + t.S(4), W: math.Max(in.W-t.S(60), 0), H: bh - t.S(4)}
		} else {
			u.plot = in
		}
	}
	u.caption.Title = "what you are seeing"
	s.refreshText()
	u.legend.Layout(t)
}

// layoutMap places the objective's square with the projections of the
// points on each axis beside it: a band of ticks per method under the map
// (x) and to its right (y).
func (s *Scene) layoutMap(t *widgets.Theme) {
	u := &s.ui
	in := kit.PanelInner(t, u.main, true)
	n := float64(len(s.methods))
	rug := math.Round(t.S(9))
	lh := t.LineH(widgets.Small)
	top := lh + t.S(2)                          // the y axis's name
	bottom := lh + t.S(4) + n*rug + lh + t.S(4) // ticks' labels, rugs, x axis's name
	left := t.S(18)
	right := n*rug + t.S(8)
	side := math.Floor(math.Min(in.W-left-right, in.H-top-bottom))
	if side < t.S(40) {
		return
	}
	x := math.Round(in.X + left + (in.W-left-right-side)/2)
	u.mapR = widgets.Rect{X: x, Y: in.Y + top, W: side, H: side}
	u.xrug = widgets.Rect{X: x, Y: u.mapR.Bottom() + lh + t.S(4), W: side, H: n * rug}
	u.yrug = widgets.Rect{X: u.mapR.Right() + t.S(6), Y: u.mapR.Y, W: n * rug, H: side}
}

// fillStrip puts the controls into the strip in reading order: the modes,
// then the mode's own controls.
func (s *Scene) fillStrip(t *widgets.Theme, viewSwitch bool) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	for i := range u.modes {
		st.Button(t, &u.modes[i], modeNames[i])
		u.modes[i].Active = int(s.mode) == i
	}
	st.Gap()
	if viewSwitch {
		st.Button(t, &u.view, "panel: "+panelNames[s.mode][s.focus()]+" (V)")
	} else {
		u.view.Rect = widgets.Rect{}
	}
	hide := func(bs ...*widgets.Button) {
		for _, b := range bs {
			b.Rect = widgets.Rect{}
		}
	}
	st.Hide(&u.bud)
	st.Hide(&u.rat)
	switch s.mode {
	case compareMode:
		hide(&u.run, &u.rng, &u.fast)
		st.Button(t, &u.resmp, "resample (R)")
		for i, m := range hs.Methods {
			b := &u.meth[i]
			b.Swatch, b.Active = methodColor(m), s.has(m)
			st.Button(t, b, fmt.Sprintf("%s (%s)", map[hs.Method]string{hs.Grid: "grid", hs.Random: "random", hs.Halton: "Halton"}[m], methodKey(m)))
		}
		st.Button(t, &u.seed, fmt.Sprintf("seed %d", s.seed))
		st.Break()
		st.Slider(t, &u.bud, 200)
		u.bud.Label, u.bud.Min, u.bud.Max, u.bud.Log, u.bud.Value = "budget (← →)", budgetMin, budgetMax, false, float64(s.budget)
		u.bud.Format = func(v float64) string {
			nx, ny := sample.GridShape(budgetStops[nearestBudget(int(math.Round(v)))])
			return fmt.Sprintf("%d trials · grid %d×%d", nx*ny, nx, ny)
		}
		st.Slider(t, &u.rat, 150)
		u.rat.Label, u.rat.Min, u.rat.Max, u.rat.Log, u.rat.Value = "x matters (↑ ↓)", ratioMin, ratioMax, true, s.ratio
		u.rat.Format = func(v float64) string { return widgets.Num(v) + "× y" }
	case samplingMode:
		hide(&u.run, &u.rng, &u.fast, &u.meth[0], &u.meth[1], &u.meth[2])
		st.Button(t, &u.resmp, "resample (R)")
		st.Button(t, &u.seed, fmt.Sprintf("seed %d", s.seed))
	case networkMode:
		hide(&u.resmp, &u.meth[0], &u.meth[1], &u.meth[2])
		label := "run (Space)"
		switch {
		case s.playing:
			label = "pause (Space)"
		case s.srch.Phase == hs.Done:
			label = "search again (Space)"
		case s.srch.Steps > 0:
			label = "resume (Space)"
		}
		st.Button(t, &u.run, label)
		u.run.Active = s.playing
		st.Button(t, &u.rng, "range: "+presets[s.preset].name+" (L)")
		st.Button(t, &u.fast, "fast (F)")
		u.fast.Active = s.fast
		st.Button(t, &u.seed, fmt.Sprintf("seed %d", s.seed))
	}
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
}

// textEvery is how often the words that follow running work (the tally,
// the current trial) are written anew.
const textEvery = 250 * time.Millisecond

// refreshText writes the legend's rows and the caption, at once when the
// settings, the draw or the finished trials changed, else a few times a
// second.
func (s *Scene) refreshText() {
	u := &s.ui
	k := slowText{version: s.version, phase: s.srch.Phase, trials: len(s.srch.Trials), tally: s.tally.Done}
	same := k.version == u.slow.version && k.phase == u.slow.phase && k.trials == u.slow.trials
	if same && (k.tally == u.slow.tally || time.Since(u.slowAt) < textEvery) && u.slow.rows != nil && (!s.playing || time.Since(u.slowAt) < textEvery) {
		return
	}
	k.rows = s.legendRows()
	k.caption = s.summary()
	k.tallied = *s.tally
	k.tallied.Wins = append([]int(nil), s.tally.Wins...)
	k.tallied.Sum = append([]float64(nil), s.tally.Sum...)
	u.slow, u.slowAt = k, time.Now()
	u.legend.Rows = u.slow.rows
	u.caption.Text = u.slow.caption
	u.legend.Title = [...]string{"the same budget, three ways to spend it", "a learning rate drawn 1000 times from 1e-5 … 1e-1", "coarse, then fine, then the choice retrained"}[s.mode]
}

// viewedNet is the network whose decision regions show: the trial in
// training, then the retrained choice (nil between trials).
func (s *Scene) viewedNet() *nn.Net {
	if s.srch.Phase == hs.Done {
		return s.srch.FinalNet
	}
	if tr := s.srch.Trainer(); tr != nil {
		return tr.Net
	}
	return nil
}

// layoutRegions places the decision-region view and tells it what to
// show: the viewed network's classes over the held-out points.
func (s *Scene) layoutRegions(t *widgets.Theme) {
	u := &s.ui
	g := &u.regions
	g.Rect = widgets.Rect{}
	net := s.viewedNet()
	if u.regP.H <= 0 || net == nil {
		return
	}
	g.Rect = kit.PanelInner(t, u.regP, true)
	val := s.srch.Val
	all := s.srch.Train
	lo, hi := all.Bounds()
	px, py := 0.1*(hi[0]-lo[0]), 0.1*(hi[1]-lo[1])
	g.X0, g.Y0, g.X1, g.Y1 = lo[0]-px, lo[1]-py, hi[0]+px, hi[1]+py
	g.Classes = all.Classes
	g.Confidence = true
	g.MaxCells = 1600
	if s.srch.Phase == hs.Done {
		g.MaxCells = 6000
	}
	g.Every = 400 * time.Millisecond
	g.Budget = tickBudget / 3
	u.cls.Net = net
	g.Classify = u.cls.Classify
	g.Begin = u.cls.Snap
	if len(g.Points) != val.N() || s.drawn.regSet != val {
		g.Points = g.Points[:0]
		for i := range val.N() {
			p := val.Row(i)
			g.Points = append(g.Points, widgets.RegionPoint{X: p[0], Y: p[1], Class: val.Y[i]})
		}
		s.drawn.regSet = val
	}
	g.Layout(t)
}

// warnLinesMax bounds the edge warning's lines (it takes three at 320
// pixels wide).
const warnLinesMax = 4

// layoutWarning gives the edge warning a band of its own at the top of in,
// above the plot, so it covers no point of the search, and returns what is
// left for the plot.
func (s *Scene) layoutWarning(t *widgets.Theme, in widgets.Rect) widgets.Rect {
	u := &s.ui
	u.warnLines = nil
	w := s.warning()
	if w == "" {
		return in
	}
	lines := t.Wrap(w, widgets.Small, in.W-t.S(12))
	if len(lines) > warnLinesMax {
		lines = lines[:warnLinesMax]
		lines[warnLinesMax-1] = t.Fit(lines[warnLinesMax-1]+" …", widgets.Small, false, in.W-t.S(12))
	}
	h := math.Ceil(float64(len(lines))*t.LineH(widgets.Small) + t.S(6))
	if in.H-h-t.S(6) < t.S(80) {
		return in // no room for both: the legend and the caption still say it
	}
	u.warn, u.warnLines = widgets.Rect{X: in.X, Y: in.Y, W: in.W, H: h}, lines
	gap := t.S(6)
	return widgets.Rect{X: in.X, Y: in.Y + h + gap, W: in.W, H: in.H - h - gap}
}

// focus is the index of the side panel the view switch chose, within the
// mode's panels.
func (s *Scene) focus() int {
	n := len(panelNames[s.mode])
	return (s.panel%n + n) % n
}

// nextPanel moves the view switch to the next (d = 1) or previous panel.
func (s *Scene) nextPanel(d int) {
	s.panel = s.focus() + d
	s.panel = s.focus()
	s.version++
}

// shownPanels names the side panels on screen now.
func (s *Scene) shownPanels() []string {
	var out []string
	for i, p := range s.ui.screen.Panels {
		if p.H > 0 {
			out = append(out, panelNames[s.mode][i])
		}
	}
	return out
}

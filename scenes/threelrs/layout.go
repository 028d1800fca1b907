package threelrs

import (
	"fmt"
	"math"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen  kit.Screen
	strip   kit.Strip
	caption kit.Caption
	legend  kit.Legend
	regions widgets.Rect // the panel holding the three region views
	views   [slots]widgets.Regions
	viewBox [slots]widgets.Rect // each view's box: its label line and map
	labels  [slots]string
	cls     [slots]nn.Classifier
	plot    widgets.Rect // the loss plot's panel
	run     widgets.Button
	reset   widgets.Button
	data    widgets.Button
	seed    widgets.Button
	hidden  widgets.Button
	sliders [slots]widgets.Slider
	laidOut stripKey
	textAt  time.Time
	// captionLaid is the text the caption's lines were laid out from.
	captionLaid string
	linesAt     time.Time
	text        textState
	dataSet     *data.Set // the set the views' points were taken from
	watched     [slots]int
	watchedR    [slots]*run
}

// textState is the legend's and caption's text as last refreshed.
type textState struct {
	version int
	lines   [slots]string
	verdict [slots]verdict
	// why is each run's evidence: an unstable run's biggest jump so far
	// is a new verdict in all but colour.
	why     [slots]string
	summary string
}

// stripKey is the state the strip's labels depend on.
type stripKey struct {
	version int
	playing bool
	active  bool
	notes   bool
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.playing, s.active(), s.ui.caption.NeedsButton()}
}

// layout fills the strip and splits the area: the loss plot in the main
// view; the legend, the three region views and the caption beside it (or
// under it on narrow screens).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: kit.LegendHeight(t, slots), Want: kit.LegendHeight(t, slots), Drop: 0},
		// The caption takes what is left. It is not a Grow panel, which
		// a narrow layout's row would leave out: under a tall plot it sits
		// beside nothing and gets the whole row.
		{Min: t.S(70), Want: 1e6, Drop: 1},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.3, specs)
	u.legend.Rect, u.caption.Rect = u.screen.Panels[0], u.screen.Panels[1]
	// The main view: the loss plot on top, the three region views in a
	// row under it when there is room for both.
	m := u.screen.Main
	pad := math.Round(t.S(8))
	u.plot, u.regions = m, widgets.Rect{}
	if m.H >= t.S(250) && m.W >= t.S(240) {
		h := math.Round(math.Min((m.W-2*pad)/slots+t.S(44), m.H*0.42))
		u.plot = widgets.Rect{X: m.X, Y: m.Y, W: m.W, H: m.H - h - pad}
		u.regions = widgets.Rect{X: m.X, Y: u.plot.Bottom() + pad, W: m.W, H: h}
	}
	u.caption.Title = "what you are seeing"
	s.layoutPanels(t)
}

// textEvery is how often the changing numbers in the legend and caption
// are shown anew while the runs train; a verdict that changes shows at
// once.
const textEvery = 200 * time.Millisecond

// captionEvery is the same for the caption's summary, which is many lines
// of text to draw again: once a second, and at once when a verdict
// changes.
const captionEvery = time.Second

// layoutPanels refreshes the words and lays out the legend and the region
// views.
func (s *Scene) layoutPanels(t *widgets.Theme) {
	u := &s.ui
	var ts textState
	ts.version = s.version
	for i, r := range s.runs {
		ts.lines[i], ts.verdict[i], ts.why[i] = r.line(), r.v, r.why
	}
	switch {
	case ts.version != u.text.version || ts.verdict != u.text.verdict || ts.why != u.text.why || time.Since(u.textAt) >= captionEvery:
		ts.summary = s.summary()
		u.text, u.textAt = ts, time.Now()
		u.linesAt = u.textAt
	case time.Since(u.linesAt) >= textEvery:
		u.text.lines, u.linesAt = ts.lines, time.Now()
	}
	u.caption.Text = u.text.summary + "\n" + explanation + s.tries()
	u.legend.Title = "three learning rates · plain gradient descent, full batch"
	u.legend.Rows = u.legend.Rows[:0]
	for i, r := range s.runs {
		u.legend.Rows = append(u.legend.Rows, kit.LegendRow{
			Color: u.text.verdict[i].color(), Marker: slotMarker(i),
			Name:   "η = " + fmtLR(r.lr),
			Detail: fmt.Sprintf("%s · %s", slotKeys[i], u.text.verdict[i]),
			Line:   u.text.lines[i], LineColor: u.text.verdict[i].color(),
			Selected: i == s.sel,
		})
	}
	u.legend.Layout(t)
	s.layoutViews(t)
}

// slotMarker tells the slots apart where their colours agree (two runs
// can both be good).
func slotMarker(i int) kit.Marker {
	return [...]kit.Marker{kit.Disc, kit.Square, kit.Diamond}[i]
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	label := "run (Space)"
	switch {
	case s.playing:
		label = "pause (Space)"
	case !s.active():
		label = "run again (Space)"
	case s.runs[0].steps()+s.runs[1].steps()+s.runs[2].steps() > 0:
		label = "resume (Space)"
	}
	st.Button(t, &u.run, label)
	u.run.Active = s.playing
	st.Button(t, &u.reset, "reset (R)")
	st.Gap()
	st.Button(t, &u.data, "data: "+s.kind.Name())
	st.Button(t, &u.seed, fmt.Sprintf("seed %d", s.seed))
	st.Button(t, &u.hidden, fmt.Sprintf("%d hidden", s.hidden))
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
	st.Break()
	for i := range u.sliders {
		sl := &u.sliders[i]
		st.Slider(t, sl, 150)
		// Numbered, not "small" or "large": the rates can be set in any
		// order. η₁ … η₃ match the URL's lr1 … lr3.
		sl.Label = fmt.Sprintf("η%s (%s)", [...]string{"₁", "₂", "₃"}[i], slotKeys[i])
		if i == s.sel {
			sl.Label = "• " + sl.Label
		}
		sl.Min, sl.Max, sl.Log, sl.Value = lrMin, lrMax, true, s.lrs[i]
		sl.Format = fmtLR
	}
}

// layoutViews splits the region panel into three views side by side, each
// with a label line over its map.
func (s *Scene) layoutViews(t *widgets.Theme) {
	u := &s.ui
	in := kit.PanelInner(t, u.regions, true)
	gap := math.Round(t.S(6))
	w := math.Floor((in.W - 2*gap) / slots)
	lo, hi := s.set.Bounds()
	px, py := 0.1*(hi[0]-lo[0]), 0.1*(hi[1]-lo[1])
	fresh := u.dataSet != s.set
	u.dataSet = s.set
	for i := range u.views {
		g := &u.views[i]
		u.viewBox[i] = widgets.Rect{}
		g.Rect = widgets.Rect{}
		if u.regions.H <= 0 || w < t.S(40) || in.H < t.S(50) {
			continue
		}
		box := widgets.Rect{X: in.X + float64(i)*(w+gap), Y: in.Y, W: w, H: in.H}
		u.viewBox[i] = box
		lh := t.LineH(widgets.Small) + t.S(4)
		g.Rect = widgets.Rect{X: box.X - t.S(4), Y: box.Y + lh, W: box.W + t.S(4), H: box.H - lh}
		g.X0, g.Y0, g.X1, g.Y1 = lo[0]-px, lo[1]-py, hi[0]+px, hi[1]+py
		g.Classes = s.set.Classes
		g.Confidence = true
		g.MaxCells = 1200
		g.Every = viewEvery
		g.Budget = tickBudget / 6
		r := s.runs[i]
		u.cls[i].Net = r.tr.Net
		g.Classify = u.cls[i].Classify
		g.Begin = u.cls[i].Snap
		if fresh || len(g.Points) != s.set.N() {
			g.Points = g.Points[:0]
			for k := range s.set.N() {
				p := s.set.Row(k)
				g.Points = append(g.Points, widgets.RegionPoint{X: p[0], Y: p[1], Class: s.set.Y[k]})
			}
		}
		g.Layout(t)
		u.labels[i] = t.Fit(fmt.Sprintf("η = %s · %s", fmtLR(r.lr), u.text.verdict[i]), widgets.Small, true, box.W-t.S(16))
	}
}

// viewEvery is the least time between two renders of a training
// network's regions: a couple of pictures a second show the regions
// moving at a fraction of a full render's cost.
const viewEvery = 500 * time.Millisecond

// kindIDs lists the data sets' ids.
func kindIDs() []string {
	var ids []string
	for _, k := range data.Kinds {
		ids = append(ids, string(k))
	}
	return ids
}

package transfer

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	tl "gradlab/sim/transfer"
	"gradlab/widgets"
)

// The two views: the fine-tuned network (the network being pretrained
// before that) and the one trained from scratch.
const (
	vFine = iota
	vScratch
	views
)

// Series colours: one per run, apart from the four class colours.
var (
	fineColor    = assets.Purple
	scratchColor = assets.Neutral
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen  kit.Screen
	strip   kit.Strip
	caption kit.Caption
	legend  kit.Legend
	plot    widgets.Rect // the accuracy plot's panel
	frozen  widgets.Rect // the Δθ read-out panel
	regions widgets.Rect // the main view holding both region views
	views   [views]widgets.Regions
	heat    heat
	viewBox [views]widgets.Rect
	labels  [views]string
	cls     [views]nn.Classifier
	// watched are the networks and steps the views last rendered.
	watchedNet  [views]*nn.Net
	watchedStep [views]int
	pointsOf    [views]*data.Set

	run, restart, freeze, seed, finish, view widgets.Button
	// titles are the main view's, the plot's and the read-out's panel
	// titles, worded to fit.
	titles        [3]string
	examples, sim widgets.Slider

	// captionLaid is the text the caption's lines were wrapped from (in
	// its Update, before this tick's words): Draw compares that, so
	// new words are drawn on the tick after they were wrapped, not lost.
	captionLaid string
	text        textState
	textAt      time.Time
	summaryAt   time.Time
	// textGen counts refreshes of text; laidOut is what the last layout
	// was made for.
	textGen int
	laidOut layoutKey
}

// layoutKey is everything the layout depends on besides the theme's text
// measures: when it is unchanged, last tick's rectangles still hold.
type layoutKey struct {
	area    widgets.Rect
	scale   float64
	version int
	textGen int
	playing bool
	active  bool
	notes   bool
	page    int
	view    int
}

func (s *Scene) layoutKey(c *kit.Ctx) layoutKey {
	return layoutKey{c.Area, c.Theme.Scale, s.version, s.ui.textGen, s.playing, s.active(),
		s.ui.caption.NeedsButton(), s.ui.strip.Page(), s.page}
}

// textState is the panels' text as last refreshed.
type textState struct {
	version int
	active  bool
	stage   string
	summary string
	rows    [views][]string // longest wording first
	deltas  []string
}

// layout fills the strip and splits the area: the two region views in the
// main view; the legend, the accuracy plot, the Δθ read-out and the
// caption beside it (or under it on narrow screens).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.refreshTexts(false)
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: kit.LegendHeight(t, views), Want: kit.LegendHeight(t, views), Drop: 0},
		{Min: t.S(110), Want: t.S(190), Drop: 1},
		{Min: t.S(24) + 3*t.S(16), Want: t.S(24) + 4*t.S(16), Drop: 2},
		{Min: t.S(70), Want: 1e6, Drop: 3},
	}
	if s.page == pageWeights {
		specs[2] = kit.PanelSpec{Drop: 2} // the read-out is the main view: no side panel
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 2.0, specs)
	u.legend.Rect, u.plot, u.frozen, u.caption.Rect = u.screen.Panels[0], u.screen.Panels[1], u.screen.Panels[2], u.screen.Panels[3]
	u.regions = u.screen.Main
	if s.page == pageWeights {
		u.regions, u.frozen = widgets.Rect{}, u.screen.Main
	}
	u.caption.Title = "what you are seeing"
	s.layoutPanels(t)
	// The caption's panel may have changed whether the strip needs its
	// "notes" button: the key is taken after.
	u.laidOut = s.layoutKey(c)
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	label := "pause (Space)"
	switch {
	case !s.active():
		label = "run again (Space)"
	case !s.playing:
		label = "resume (Space)"
	}
	st.Button(t, &u.run, label)
	u.run.Active = s.playing && s.active()
	st.Button(t, &u.view, "view: "+pageNames[s.page]+" (V)")
	st.Button(t, &u.restart, "restart (R)")
	st.Button(t, &u.finish, "finish (X)")
	st.Gap()
	st.Button(t, &u.freeze, "frozen: "+freezeShort(s.freeze)+" (F)")
	st.Button(t, &u.seed, fmt.Sprintf("seed %d (S)", s.seed))
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
	st.Break()
	st.Slider(t, &u.examples, 150)
	u.examples.Label = "examples per class (↓ ↑)"
	u.examples.Min, u.examples.Max, u.examples.Log, u.examples.Value = tl.MinPerClass, tl.MaxPerClass, false, float64(s.perClass)
	u.examples.Format = func(v float64) string { return fmt.Sprintf("%d", snapPerClass(v)) }
	st.Slider(t, &u.sim, 170)
	u.sim.Label = "similarity (← →)"
	u.sim.Min, u.sim.Max, u.sim.Log, u.sim.Value = 0, 1, false, s.sim
	u.sim.Format = func(v float64) string { return fmt.Sprintf("%.2f", snapSim(v)) }
}

// snapPerClass puts a slider value on the whole numbers 5 … 50.
func snapPerClass(v float64) int {
	if math.IsNaN(v) {
		return defPerClass
	}
	return min(max(int(math.Round(v)), tl.MinPerClass), tl.MaxPerClass)
}

// freezeShort is the strip's word for f.
func freezeShort(f tl.Freeze) string {
	return [...]string{"none", "first layer", "all but head"}[f]
}

// textEvery is how often the changing numbers in the legend, the read-out
// and the change maps are shown anew while the runs train; captionEvery
// the same for the caption, many lines of text to draw again. Text is the
// costliest thing these panels draw, and on a slow page, where frames are
// further apart than these, every frame would otherwise pay for it.
const (
	textEvery    = 400 * time.Millisecond
	captionEvery = time.Second
)

// refreshTexts computes the panels' words when the settings or the stage
// changed (at once) or their time has come.
func (s *Scene) refreshTexts(force bool) {
	u := &s.ui
	now := time.Now()
	changed := force || u.text.version != s.version || u.text.active != s.active()
	if !changed && now.Sub(u.textAt) < textEvery {
		return
	}
	ts := s.texts()
	if !changed && now.Sub(u.summaryAt) < captionEvery {
		ts.summary = u.text.summary
	} else {
		u.summaryAt = now
	}
	u.text, u.textAt = ts, now
	u.textGen++
}

// layoutPanels lays out the legend and the views with the current words.
func (s *Scene) layoutPanels(t *widgets.Theme) {
	u := &s.ui
	u.caption.Text = u.text.summary + "\n" + explanation
	// The widths kit.Legend gives a row's line and its details.
	lw := u.legend.Rect.W - t.S(36)
	line := func(forms []string) string {
		if len(forms) == 0 {
			return ""
		}
		return fitFirst(t, widgets.Small, false, lw, forms...)
	}
	detail := func(name string, forms ...string) string {
		dx := math.Max(t.Width(name, widgets.Body, true)+t.S(8), t.S(84))
		return fitFirst(t, widgets.Small, false, lw-dx, forms...)
	}
	u.legend.Title = fitFirst(t, widgets.Small, false, u.legend.Rect.W-t.S(16),
		fmt.Sprintf("held-out target accuracy · %d examples per class", s.perClass),
		fmt.Sprintf("target accuracy · %d per class", s.perClass), "target accuracy")
	u.legend.Rows = u.legend.Rows[:0]
	u.legend.Rows = append(u.legend.Rows,
		kit.LegendRow{Color: fineColor, Marker: kit.Disc, Name: "fine-tuned", Detail: detail("fine-tuned", s.freeze.Name(), freezeShort(s.freeze)+" frozen", freezeShort(s.freeze)), Line: line(u.text.rows[vFine])},
		kit.LegendRow{Color: scratchColor, Marker: kit.Square, Name: "from scratch", Detail: detail("from scratch", "every layer trained", "all trained"), Line: line(u.text.rows[vScratch])},
	)
	u.legend.Layout(t)
	s.layoutViews(t)
}

// box is the part of the plane every view shows: the unit disc of the
// spirals with a margin.
const box = 1.15

// layoutViews splits the main view into the two region views side by
// side (one above the other when the view is tall), each with a label
// line over its map.
func (s *Scene) layoutViews(t *widgets.Theme) {
	u := &s.ui
	in := kit.PanelInner(t, u.regions, true)
	gap := math.Round(t.S(8))
	side := in.W >= in.H
	lh := t.LineH(widgets.Small) + t.S(4)
	// Side by side, the two square maps leave room below them on most
	// screens: the per-weight change maps go there.
	vh := in.H
	heatArea := widgets.Rect{}
	if side && s.page == pageMaps {
		w := math.Floor((in.W - gap) / 2)
		sq := math.Min(in.H, w+lh+t.LineH(widgets.Small)-t.S(26))
		want := 2*lh + 32*math.Round(t.S(5))
		if rest := in.H - sq - gap; rest >= t.S(80) {
			vh = sq
			heatArea = widgets.Rect{X: in.X, Y: in.Y + vh + gap, W: in.W, H: math.Min(rest, want)}
		}
	}
	if s.page == pageWeights && u.frozen.H > 0 {
		// Under the per-layer read-out's lines, the maps take the rest.
		fin := kit.PanelInner(t, u.frozen, true)
		top := float64(len(tl.Sizes)-1)*(t.LineH(widgets.Small)+t.S(3)) + gap
		heatArea = widgets.Rect{X: fin.X, Y: fin.Y + top, W: fin.W, H: math.Max(fin.H-top, 0)}
	}
	u.heat.layout(t, heatArea)
	s.layoutTitles(t, side)
	for i := range u.views {
		g := &u.views[i]
		u.viewBox[i], g.Rect = widgets.Rect{}, widgets.Rect{}
		if in.W < t.S(60) || in.H < t.S(60) {
			continue
		}
		var b widgets.Rect
		if side {
			w := math.Floor((in.W - gap) / 2)
			b = widgets.Rect{X: in.X + float64(i)*(w+gap), Y: in.Y, W: w, H: vh}
		} else {
			h := math.Floor((in.H - gap) / 2)
			b = widgets.Rect{X: in.X, Y: in.Y + float64(i)*(h+gap), W: in.W, H: h}
		}
		u.viewBox[i] = b
		g.Rect = widgets.Rect{X: b.X - t.S(4), Y: b.Y + lh, W: b.W + t.S(4), H: math.Max(b.H-lh, 1)}
		g.X0, g.Y0, g.X1, g.Y1 = -box, -box, box, box
		g.Classes = tl.Arms
		g.Confidence = true
		g.MaxCells = 1200
		g.Every = viewEvery
		g.Budget = tickBudget / 6
		net, pts := s.viewNet(i)
		u.cls[i].Net = net
		g.Classify = u.cls[i].Classify
		g.Begin = u.cls[i].Snap
		if pts != u.pointsOf[i] || len(g.Points) != pts.N() {
			u.pointsOf[i] = pts
			g.Points = g.Points[:0]
			mark := pts.N() <= 4*tl.MaxPerClass
			for k := range pts.N() {
				p := pts.Row(k)
				g.Points = append(g.Points, widgets.RegionPoint{X: p[0], Y: p[1], Class: pts.Y[k], Mark: mark})
			}
		}
		g.Layout(t)
	}
	// Both labels take the same wording, the longest that fits both.
	forms := [views][]string{s.viewLabels(vFine), s.viewLabels(vScratch)}
	k := 0
	for i := range forms {
		if w := u.viewBox[i].W - t.S(16); u.viewBox[i].W > 0 {
			for k < len(forms[i])-1 && t.Width(forms[i][k], widgets.Small, true) > w {
				k++
			}
		}
	}
	for i := range forms {
		u.labels[i] = ""
		if u.viewBox[i].W > 0 {
			u.labels[i] = fitFirst(t, widgets.Small, true, u.viewBox[i].W-t.S(16), forms[i][min(k, len(forms[i])-1):]...)
		}
	}
}

// viewNet is the network view i shows and the points drawn over it: while
// pretraining, the left view shows the network learning the source with
// the source's points and the right one the untrained network over the
// target's examples.
func (s *Scene) viewNet(i int) (*nn.Net, *data.Set) {
	if s.cmp == nil {
		if i == vFine {
			return s.pre.Net(), s.pre.Train
		}
		return s.pre.Init, s.few
	}
	if i == vFine {
		return s.cmp.Fine.Net, s.cmp.Few
	}
	return s.cmp.Scratch.Net, s.cmp.Few
}

// viewLabels are the line over view i, longest wording first.
func (s *Scene) viewLabels(i int) []string {
	if s.cmp == nil {
		if i == vFine {
			return []string{s.ui.text.stage, fmt.Sprintf("pretraining: %.0f %%", 100*s.pre.Progress()), "pretraining"}
		}
		return []string{"from scratch: waits for the same examples", "from scratch: waits", "scratch: waits"}
	}
	tr, long, short := s.cmp.Fine, "fine-tuned, "+s.freeze.Name(), "fine-tuned"
	if i == vScratch {
		tr, long, short = s.cmp.Scratch, "from scratch", "scratch"
	}
	a := pct(tr.Last().ValAcc)
	return []string{fmt.Sprintf("%s · held-out %s", long, a), fmt.Sprintf("%s · %s", short, a), short}
}

// layoutTitles words the panels' titles to fit them.
func (s *Scene) layoutTitles(t *widgets.Theme, side bool) {
	u := &s.ui
	w := func(r widgets.Rect) float64 { return r.W - t.S(16) }
	u.titles = [3]string{}
	if u.regions.H > 0 {
		if s.pretraining() {
			first, second := "left", "right"
			if !side {
				first, second = "top", "bottom"
			}
			u.titles[0] = fitFirst(t, widgets.Small, false, w(u.regions),
				fmt.Sprintf("%s: the network learning the source's %d points · %s: the target's examples, waiting", first, s.pre.Train.N(), second),
				fmt.Sprintf("%s: learning the source · %s: the target's examples", first, second),
				"pretraining on the source")
		} else {
			u.titles[0] = fitFirst(t, widgets.Small, false, w(u.regions),
				"decision regions on the target · ringed: the examples both networks learn from",
				"regions on the target · ringed: the examples",
				"regions on the target")
		}
	}
	if u.plot.H > 0 {
		u.titles[1] = fitFirst(t, widgets.Small, false, w(u.plot),
			fmt.Sprintf("held-out target accuracy against step (%d points)", tl.ValPerClass*tl.Arms),
			"held-out target accuracy against step",
			"target accuracy vs step")
	}
	if u.frozen.H > 0 {
		u.titles[2] = fitFirst(t, widgets.Small, false, w(u.frozen),
			"fine-tuned network: change since pretraining, per layer",
			"change since pretraining, per layer",
			"change since pretraining")
	}
}

// watchViews re-renders a view when its network changed: at once for a
// new network, at most every viewEvery while one trains.
func (s *Scene) watchViews() {
	u := &s.ui
	for i := range u.views {
		net, _ := s.viewNet(i)
		steps := s.netSteps(i)
		switch {
		case net != u.watchedNet[i]:
			u.watchedNet[i], u.watchedStep[i] = net, steps
			u.views[i].Refresh()
		case steps != u.watchedStep[i]:
			u.watchedStep[i] = steps
			u.views[i].Invalidate()
		}
	}
}

// netSteps counts the updates of view i's network.
func (s *Scene) netSteps(i int) int {
	switch {
	case s.cmp == nil && i == vFine:
		return s.pre.Steps()
	case s.cmp == nil:
		return 0
	case i == vFine:
		return s.cmp.Fine.Steps()
	}
	return s.cmp.Scratch.Steps()
}

// viewEvery is the least time between two renders of a training network.
const viewEvery = 500 * time.Millisecond

// pct formats a fraction as a percentage to 0.1: 398 of 400 right is
// 99.5 %, not a rounded-up 100 %.
func pct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*v)
}

// shownGap is a − b in points as the screen shows them (each to 0.1 %),
// so a gain always equals the difference of the numbers beside it.
func shownGap(a, b float64) float64 { return shown(a) - shown(b) }

// shown is v in percent as pct prints it.
func shown(v float64) float64 {
	x, _ := strconv.ParseFloat(fmt.Sprintf("%.1f", 100*v), 64)
	return x
}

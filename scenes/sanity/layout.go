package sanity

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen                        kit.Screen
	strip                         kit.Strip
	caption                       kit.Caption
	regionsPanel                  widgets.Rect
	regions                       widgets.Regions
	table                         widgets.Rect
	lnPanel, overPanel, fullPanel widgets.Rect
	restart, play, bug, data      widgets.Button
	seed, view                    widgets.Button
	classes, reg, examples        widgets.Slider
	laidOut                       stripKey
	// The checklist's layout: which columns show, where they start, and
	// whether each row's sentence has room under it.
	cols      [4]bool
	colX      [4]float64
	colW      [4]float64
	words     bool
	warnLines []string
	rows      []row
	rowsAt    time.Time
	// rowsVersion is the scene version the rows are of; rowsGen counts
	// refreshes, so the columns are measured and the table drawn only
	// when the rows changed.
	rowsVersion, rowsGen int
	colsKey              colsKey
	cls                  nn.Classifier
	// watched is the run the region view showed last tick, at its step.
	watched      *run
	watchedSteps int
}

// stripKey is the state the strip's layout depends on.
type stripKey struct {
	version int
	playing bool
	notes   bool
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.playing, s.ui.caption.NeedsButton()}
}

// layout fills the strip and splits the area: the checklist and its three
// plots in the main view, the decision regions and the caption beside it
// (or under it on narrow screens).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: t.S(150), Want: t.S(430), Drop: 1},
		{Min: t.S(70), Grow: true, Drop: 2},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.6, specs)
	u.regionsPanel, u.caption.Rect = u.screen.Panels[0], u.screen.Panels[1]
	u.caption.Title = "what to try"
	u.caption.Text = s.captionText()
	s.layoutPanels(t)
}

// rowsEvery is how often the checklist's changing numbers are shown anew
// while the runs train: faster than anyone reads them is wasted drawing.
const rowsEvery = 150 * time.Millisecond

// layoutPanels refreshes the checklist and lays out the panels in the main
// view and the region view.
func (s *Scene) layoutPanels(t *widgets.Theme) {
	u := &s.ui
	rows := s.checklist()
	if u.rows == nil || s.version != u.rowsVersion || time.Since(u.rowsAt) >= rowsEvery || !sameVerdicts(rows, u.rows) {
		if !slices.Equal(rows, u.rows) {
			u.rowsGen++
		}
		u.rows, u.rowsAt, u.rowsVersion = rows, time.Now(), s.version
	}
	s.layoutMain(t, u.screen.Main)
	s.layoutRegions(t)
}

func sameVerdicts(a, b []row) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Verdict != b[i].Verdict || a[i].Check != b[i].Check {
			return false
		}
	}
	return true
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	st.Button(t, &u.restart, "restart")
	label := "pause"
	if !s.playing {
		label = "play"
	}
	st.Button(t, &u.play, label)
	st.Gap()
	st.Button(t, &u.bug, "bug: "+bugName(s.bug))
	u.bug.Active = s.bug != "" // a bug is in: show it
	st.Button(t, &u.data, "data: "+s.kind.Name())
	st.Button(t, &u.seed, fmt.Sprintf("seed %d", s.seed))
	st.Button(t, &u.view, "regions: "+s.view)
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
	st.Break()
	st.Slider(t, &u.classes, 150)
	u.classes.Label, u.classes.Min, u.classes.Max, u.classes.Log = "classes C", classesMin, classesMax, true
	u.classes.Value = float64(s.classes)
	u.classes.Format = func(v float64) string { return fmt.Sprint(int(math.Round(v))) }
	st.Slider(t, &u.reg, 150)
	u.reg.Label, u.reg.Min, u.reg.Max, u.reg.Value = "λ, initial loss", 0, 1, regUnit(s.reg)
	u.reg.Format = func(v float64) string {
		if r := regValue(v); r > 0 {
			return widgets.Num(r)
		}
		return "0 (off)"
	}
	st.Slider(t, &u.examples, 130)
	u.examples.Label, u.examples.Min, u.examples.Max = "examples to overfit", examplesMin, examplesMax
	u.examples.Value = float64(s.examples)
	u.examples.Format = func(v float64) string { return fmt.Sprint(int(math.Round(v))) }
}

// regUnit and regValue map λ to the slider: 0 at the left end, then 0.001
// to 100 on a log scale, landing on round values (1, 2, 5 per decade).
func regUnit(reg float64) float64 {
	if reg <= 0 {
		return 0
	}
	return 0.05 + 0.95*(math.Log10(reg)-math.Log10(regMin))/(math.Log10(regMax)-math.Log10(regMin))
}

func regValue(u float64) float64 {
	if !(u >= 0.05) {
		return 0
	}
	v := math.Pow(10, math.Log10(regMin)+(math.Min(u, 1)-0.05)/0.95*(math.Log10(regMax)-math.Log10(regMin)))
	return niceStop(v)
}

// niceStop rounds v to 1, 2 or 5 times a power of ten.
func niceStop(v float64) float64 {
	e := math.Floor(math.Log10(v))
	m := v / math.Pow(10, e)
	switch {
	case m < 1.5:
		m = 1
	case m < 3.5:
		m = 2
	case m < 7.5:
		m = 5
	default:
		m = 10
	}
	x, _ := parseG3(m * math.Pow(10, e))
	return x
}

// Metrics of the checklist, in design units.
const (
	tableTitle = 20.0
	tablePad   = 8.0
	minPlotH   = 96.0
	minPlotW   = 150.0
)

func (s *Scene) lineH(t *widgets.Theme) float64 { return math.Round(t.LineH(widgets.Small) + t.S(4)) }

// tableHeight is the checklist panel's height with or without the
// sentence under each row.
func (s *Scene) tableHeight(t *widgets.Theme, words bool) float64 {
	lines := 1 + len(s.ui.rows)
	if words {
		lines += len(s.ui.rows)
	}
	lines += len(s.ui.warnLines)
	return math.Ceil(t.S(tableTitle) + float64(lines)*s.lineH(t) + t.S(tablePad))
}

// layoutMain splits the main view: the checklist on top (with each row's
// sentence when there is room), the three plots below it, dropping plots
// (the full run's first) where they would be too small to read.
func (s *Scene) layoutMain(t *widgets.Theme, m widgets.Rect) {
	u := &s.ui
	pad := math.Round(t.S(8))
	u.warnLines = nil
	u.words = m.H-s.tableHeight(t, true)-pad >= t.S(minPlotH) || m.H-s.tableHeight(t, false)-pad < t.S(minPlotH) && s.tableHeight(t, true) <= m.H
	if w := s.warning(); w != "" {
		// As many lines of the warning as the panel holds under the rows
		// (at most four), the last shortened if the rest does not fit.
		width := m.W - t.S(16)
		lines := t.Wrap(w, widgets.Small, width)
		n := min(int((m.H-s.tableHeight(t, u.words))/s.lineH(t)), 4)
		switch {
		case n <= 0:
			lines = nil
		case len(lines) > n:
			rest := strings.Join(lines[n-1:], " ")
			lines = append(lines[:n-1:n-1], t.Fit(rest, widgets.Small, false, width))
		}
		u.warnLines = lines
	}
	h := math.Min(s.tableHeight(t, u.words), m.H)
	u.table = widgets.Rect{X: m.X, Y: m.Y, W: m.W, H: h}
	s.layoutColumns(t)
	plots := widgets.Rect{X: m.X, Y: m.Y + h + pad, W: m.W, H: m.Bottom() - (m.Y + h + pad)}
	u.lnPanel, u.overPanel, u.fullPanel = widgets.Rect{}, widgets.Rect{}, widgets.Rect{}
	minH, minW := t.S(minPlotH), t.S(minPlotW)
	if plots.H < minH || plots.W < minW {
		return
	}
	across := int((plots.W + pad) / (minW + pad))
	switch {
	case across >= 3 && plots.H < (plots.W-2*pad)/3*1.1:
		// Wide and low: the three side by side.
		w := math.Floor((plots.W - 2*pad) / 3)
		u.lnPanel = widgets.Rect{X: plots.X, Y: plots.Y, W: w, H: plots.H}
		u.overPanel = widgets.Rect{X: plots.X + w + pad, Y: plots.Y, W: w, H: plots.H}
		u.fullPanel = widgets.Rect{X: plots.X + 2*(w+pad), Y: plots.Y, W: plots.Right() - plots.X - 2*(w+pad), H: plots.H}
	case across >= 2:
		// The ln C plot on the left, the two runs stacked on the right (or
		// the overfit run alone where two would be too low).
		w := math.Floor((plots.W - pad) / 2)
		u.lnPanel = widgets.Rect{X: plots.X, Y: plots.Y, W: w, H: plots.H}
		right := widgets.Rect{X: plots.X + w + pad, Y: plots.Y, W: plots.Right() - plots.X - w - pad, H: plots.H}
		if hh := math.Floor((right.H - pad) / 2); hh >= minH {
			u.overPanel = widgets.Rect{X: right.X, Y: right.Y, W: right.W, H: hh}
			u.fullPanel = widgets.Rect{X: right.X, Y: right.Y + hh + pad, W: right.W, H: right.H - hh - pad}
		} else {
			u.overPanel = right
		}
	default:
		// Narrow: stacked, as many as fit.
		n := min(int((plots.H+pad)/(minH+pad)), 3)
		hh := math.Floor((plots.H - float64(n-1)*pad) / float64(n))
		ps := []*widgets.Rect{&u.lnPanel, &u.overPanel, &u.fullPanel}
		for i := range n {
			*ps[i] = widgets.Rect{X: plots.X, Y: plots.Y + float64(i)*(hh+pad), W: plots.W, H: hh}
		}
	}
}

// colsKey is what the columns' layout depends on.
type colsKey struct {
	gen   int
	table widgets.Rect
	scale float64
}

// tableHeaders are the checklist's column titles.
var tableHeaders = [4]string{"check", "expected", "measured", "verdict"}

// cells are a row's four cells.
func (r row) cells() [4]string {
	return [4]string{r.Check, r.Expected, r.Measured, verdictWord(r.Verdict)}
}

// layoutColumns sizes the checklist's columns to their text, leaving out
// "expected", then "measured", where the panel is too narrow for all four.
func (s *Scene) layoutColumns(t *widgets.Theme) {
	u := &s.ui
	k := colsKey{u.rowsGen, u.table, t.Scale}
	if k == u.colsKey {
		return
	}
	u.colsKey = k
	in := u.table.Inset(t.S(8))
	var need [4]float64
	for i, h := range tableHeaders {
		need[i] = t.Width(h, widgets.Small, false)
	}
	for _, r := range u.rows {
		for i, c := range r.cells() {
			need[i] = math.Max(need[i], t.Width(c, widgets.Small, i == 3))
		}
	}
	gap := t.S(14)
	u.cols = [4]bool{true, true, true, true}
	total := func() float64 {
		w, n := 0.0, 0
		for i, on := range u.cols {
			if on {
				w += need[i]
				n++
			}
		}
		return w + float64(n-1)*gap
	}
	for _, drop := range []int{1, 2} {
		if total() <= in.W {
			break
		}
		u.cols[drop] = false
	}
	// The first column gives way (its text shortened) when even two
	// columns do not fit; otherwise what is left over spreads between the
	// columns, up to a generous gap.
	n := 0
	for _, on := range u.cols {
		if on {
			n++
		}
	}
	w := need
	extra := 0.0
	if over := total() - in.W; over > 0 {
		w[0] = math.Max(need[0]-over, t.S(20))
	} else if n > 1 {
		extra = math.Min(-over/float64(n-1), t.S(40))
	}
	x := in.X
	for i, on := range u.cols {
		u.colX[i], u.colW[i] = x, 0
		if on {
			u.colW[i] = w[i]
			x += w[i] + gap + extra
		}
	}
	// (Half a pixel of slack: the sums above may land a hair past the
	// edge, which would shorten a verdict that fits.)
	u.colW[3] = math.Max(math.Min(u.colW[3], in.Right()-u.colX[3]+0.5), 0)
}

// layoutRegions places the decision-region view in its panel and tells it
// what to show: the viewed network's classes over the data's box.
func (s *Scene) layoutRegions(t *widgets.Theme) {
	u := &s.ui
	g := &u.regions
	g.Rect = kit.PanelInner(t, u.regionsPanel, true)
	if u.regionsPanel.H == 0 {
		g.Rect = widgets.Rect{}
	}
	lo, hi := s.set.Bounds()
	px, py := 0.1*(hi[0]-lo[0]), 0.1*(hi[1]-lo[1])
	g.X0, g.Y0, g.X1, g.Y1 = lo[0]-px, lo[1]-py, hi[0]+px, hi[1]+py
	g.Classes = s.set.Classes
	g.Confidence = true
	// A coarse grid while the network trains (re-rendered a few times a
	// second), a fine one for the finished network (rendered once).
	r := s.viewed()
	g.MaxCells = 2500
	if !r.active() {
		g.MaxCells = 8000
	}
	g.Budget = tickBudget / 2 // a render spread over frames
	u.cls.Net = r.tr.Net
	g.Classify = u.cls.Classify
	g.Begin = u.cls.Snap
	g.Points = g.Points[:0]
	for i := range r.set.N() {
		p := r.set.Row(i)
		g.Points = append(g.Points, widgets.RegionPoint{X: p[0], Y: p[1], Class: r.set.Y[i], Mark: r == s.over})
	}
	g.Layout(t)
}

// viewed is the run whose decision regions show.
func (s *Scene) viewed() *run {
	if s.view == viewFull {
		return s.full
	}
	return s.over
}

// regionsTitle names what the region view shows.
func (s *Scene) regionsTitle() string {
	if s.view == viewFull {
		return fmt.Sprintf("decision regions · full-training net · %d %s points", s.set.N(), s.kind.Name())
	}
	return fmt.Sprintf("decision regions · overfit net · its %d examples ringed", s.over.set.N())
}

// kindIDs lists the data sets' ids.
func kindIDs() []string {
	var ids []string
	for _, k := range data.Kinds {
		ids = append(ids, string(k))
	}
	return ids
}

package schedules

import (
	"fmt"
	"math"
	"strings"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen  kit.Screen
	strip   kit.Strip
	caption kit.Caption
	legend  kit.Legend
	editor  widgets.Rect // the chosen schedule's settings panel
	// knobHits are the settings' rows in the editor, for clicks.
	knobHits []widgets.Rect
	// lrPlot, lossPlot and accPlot are the panels of the three plots,
	// stacked with one epoch axis.
	lrPlot, lossPlot, accPlot widgets.Rect
	run, reset, kind, onoff   widgets.Button
	knob, axis, seed, setup   widgets.Button
	knobSl, baseSl            widgets.Slider
	hover                     hover
	// compact is set on a screen too small for everything at once; the
	// view switch then shows the plots or the runs' legend and settings.
	compact bool
	view    widgets.Button
	// rowKind is the schedule of each legend row.
	rowKind []int
	// captionLaid is the text the caption's lines were laid out from (in
	// its Update, before this tick's words were written).
	captionLaid string
	// captionFor is the panel the caption's lines were laid out for: when
	// the second layout of a tick moves it, the lines wait a tick rather
	// than spill out of the panel.
	captionFor widgets.Rect
	textAt     time.Time
	text       textState
}

// textState is the legend's and caption's text as last refreshed.
type textState struct {
	version int
	epoch   int
	// progress is every run's epochs together and whether they train, so
	// the words follow each run to its end, not only the one ahead.
	progress string
	summary  string
	lines    []string
}

// layout fills the strip and splits the area: the three plots in the main
// view; the legend, the settings of the chosen schedule and the caption
// beside it (or under it on narrow screens).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.layoutOnce(c)
	// A screen that cannot show every plot and panel at once (a phone)
	// gets the view switch: all the plots, or the legend, the settings and
	// the caption. The switch's button may take strip room, so the test is
	// made again with it.
	if compact := s.cramped(t); compact != u.compact {
		u.compact = compact
		s.layoutOnce(c)
	}
	if u.compact {
		s.layoutCompact(t, c.Area)
	}
	u.caption.Title = "what you are seeing"
	s.layoutPanels(t)
}

// layoutOnce fills the strip and splits the area as on a large screen: the
// three plots in the main view, the legend, the settings and the caption
// beside it (or under it on narrow screens).
func (s *Scene) layoutOnce(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: kit.LegendHeight(t, 3), Want: kit.LegendHeight(t, nk), Drop: 0},
		// The settings before the caption: the caption has its "notes"
		// button when it cannot show, the settings have none.
		{Min: t.S(76), Want: t.S(140), Drop: 1},
		{Min: t.S(70), Want: 1e6, Drop: 2},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.3, specs)
	u.legend.Rect, u.editor, u.caption.Rect = u.screen.Panels[0], u.screen.Panels[1], u.screen.Panels[2]
	// The main view: the schedules on top, the loss under them, the
	// accuracy in a shorter band at the bottom, all on one epoch axis.
	m := u.screen.Main
	pad := math.Round(t.S(6))
	u.lrPlot, u.lossPlot, u.accPlot = m, widgets.Rect{}, widgets.Rect{}
	if m.H >= t.S(440) {
		hAcc := math.Round(math.Max(m.H*0.22, t.S(96)))
		hLR := math.Round((m.H - hAcc - 2*pad) * 0.45)
		u.lrPlot = widgets.Rect{X: m.X, Y: m.Y, W: m.W, H: hLR}
		u.lossPlot = widgets.Rect{X: m.X, Y: u.lrPlot.Bottom() + pad, W: m.W, H: m.H - hAcc - hLR - 2*pad}
		u.accPlot = widgets.Rect{X: m.X, Y: u.lossPlot.Bottom() + pad, W: m.W, H: hAcc}
	} else if m.H >= t.S(120) {
		h := math.Round((m.H - pad) / 2)
		u.lrPlot = widgets.Rect{X: m.X, Y: m.Y, W: m.W, H: h}
		u.lossPlot = widgets.Rect{X: m.X, Y: u.lrPlot.Bottom() + pad, W: m.W, H: m.H - h - pad}
	}
}

// cramped reports whether the large-screen layout left something out: the
// accuracy plot, the settings, or legend rows.
func (s *Scene) cramped(t *widgets.Theme) bool {
	u := &s.ui
	return u.accPlot.H <= 0 || u.lossPlot.H <= 0 || u.editor.H <= 0 || u.legend.Rect.H < kit.LegendHeight(t, nk)-0.5
}

// layoutCompact gives the whole area above the strip to one view: the three
// plots (stacked, or the loss and accuracy side by side under the rates on
// a wide short screen), or the legend with the settings and the caption.
func (s *Scene) layoutCompact(t *widgets.Theme, area widgets.Rect) {
	u := &s.ui
	pad := math.Round(t.S(8))
	gap := math.Round(t.S(6))
	body := widgets.Rect{X: area.X + pad, Y: area.Y + pad, W: math.Max(area.W-2*pad, 1), H: math.Max(u.strip.Rect.Y-area.Y-2*pad, 1)}
	u.lrPlot, u.lossPlot, u.accPlot = widgets.Rect{}, widgets.Rect{}, widgets.Rect{}
	u.legend.Rect, u.editor, u.caption.Rect = widgets.Rect{}, widgets.Rect{}, widgets.Rect{}
	u.screen.Main = widgets.Rect{}
	if s.view == viewPlots {
		u.screen.Main = body
		minH := t.S(100)
		switch {
		case body.W >= 2*t.S(240) && body.W >= 1.6*body.H && body.H >= 2*minH+gap:
			h := math.Round((body.H - gap) / 2)
			w := math.Round((body.W - gap) / 2)
			u.lrPlot = widgets.Rect{X: body.X, Y: body.Y, W: body.W, H: h}
			y := u.lrPlot.Bottom() + gap
			u.lossPlot = widgets.Rect{X: body.X, Y: y, W: w, H: body.Bottom() - y}
			u.accPlot = widgets.Rect{X: body.X + w + gap, Y: y, W: body.W - w - gap, H: body.Bottom() - y}
		case body.H >= 3*minH+2*gap:
			h := math.Round((body.H - 2*gap) / 3)
			u.lrPlot = widgets.Rect{X: body.X, Y: body.Y, W: body.W, H: h}
			u.lossPlot = widgets.Rect{X: body.X, Y: u.lrPlot.Bottom() + gap, W: body.W, H: h}
			u.accPlot = widgets.Rect{X: body.X, Y: u.lossPlot.Bottom() + gap, W: body.W, H: body.Bottom() - u.lossPlot.Bottom() - gap}
		case body.H >= t.S(120):
			h := math.Round((body.H - gap) / 2)
			u.lrPlot = widgets.Rect{X: body.X, Y: body.Y, W: body.W, H: h}
			u.lossPlot = widgets.Rect{X: body.X, Y: u.lrPlot.Bottom() + gap, W: body.W, H: body.H - h - gap}
		default:
			u.lrPlot = body
		}
		return
	}
	// The runs: the legend first (every row if it fits, else the shown
	// schedules'), then the settings, then the caption in what is left.
	legH := math.Min(kit.LegendHeight(t, nk), body.H)
	if body.W >= body.H*1.15 {
		w := math.Round((body.W - gap) / 2)
		u.legend.Rect = widgets.Rect{X: body.X, Y: body.Y, W: w, H: legH}
		col := widgets.Rect{X: body.X + w + gap, Y: body.Y, W: body.W - w - gap, H: body.H}
		u.editor = widgets.Rect{X: col.X, Y: col.Y, W: col.W, H: math.Min(t.S(140), col.H)}
		if rest := col.Bottom() - u.editor.Bottom() - gap; rest >= t.S(70) {
			u.caption.Rect = widgets.Rect{X: col.X, Y: u.editor.Bottom() + gap, W: col.W, H: rest}
		}
		return
	}
	if body.H-legH-gap < t.S(76) {
		legH = math.Max(body.H-gap-t.S(76), math.Min(kit.LegendHeight(t, 3), body.H))
	}
	u.legend.Rect = widgets.Rect{X: body.X, Y: body.Y, W: body.W, H: legH}
	y := u.legend.Rect.Bottom() + gap
	if body.Bottom()-y >= t.S(76) {
		u.editor = widgets.Rect{X: body.X, Y: y, W: body.W, H: math.Min(t.S(140), body.Bottom()-y)}
		y = u.editor.Bottom() + gap
	}
	if body.Bottom()-y >= t.S(70) {
		u.caption.Rect = widgets.Rect{X: body.X, Y: y, W: body.W, H: body.Bottom() - y}
	}
}

// The views of a cramped screen.
const (
	viewPlots = iota
	viewRuns
)

// toggleView switches a cramped screen between the plots and the runs.
func (s *Scene) toggleView() {
	s.view = 1 - s.view
	s.version++
}

// textEvery is how often the changing numbers in the legend and caption
// are refreshed while the runs train.
const textEvery = 250 * time.Millisecond

// layoutPanels refreshes the words and lays out the legend and the
// settings panel.
func (s *Scene) layoutPanels(t *widgets.Theme) {
	u := &s.ui
	prog := s.progress()
	if u.text.version != s.version || u.text.progress != prog && (time.Since(u.textAt) >= textEvery || !s.active()) || u.text.lines == nil {
		u.text = textState{version: s.version, epoch: s.trained(), progress: prog, summary: s.summary()}
		for i := range sim.ScheduleKinds {
			u.text.lines = append(u.text.lines, s.runLine(i))
		}
		u.textAt = time.Now()
	}
	u.caption.Text = u.text.summary + "\n" + explanation
	u.legend.Title = fmt.Sprintf("schedules · base η₀ = %s · click or Tab to choose, T to show", fmtLR(s.base))
	u.legend.Rows = u.legend.Rows[:0]
	u.rowKind = u.rowKind[:0]
	// A legend too short for every row lists the shown schedules and the
	// one chosen.
	all := u.legend.Rect.H >= kit.LegendHeight(t, nk)-0.5
	for i, k := range sim.ScheduleKinds {
		if !all && !s.on[i] && i != s.sel {
			continue
		}
		u.rowKind = append(u.rowKind, i)
		col := kindColor(k)
		detail := "off"
		if s.on[i] {
			detail = s.settingsWords(i)
		}
		line := u.text.lines[i]
		lc := kindColor(k)
		if !s.on[i] {
			lc = dimColor
		} else if r := s.runs[i]; r != nil && (r.BlewAt >= 0 || r.Diverged()) {
			lc = badColor
		}
		u.legend.Rows = append(u.legend.Rows, kit.LegendRow{Color: col, Marker: kindMarker(k), Name: k.Name(),
			Detail: detail, Line: line, LineColor: lc, Selected: i == s.sel})
	}
	u.legend.Layout(t)
	s.layoutEditor(t)
}

// layoutEditor places the settings' rows in the editor panel.
func (s *Scene) layoutEditor(t *widgets.Theme) {
	u := &s.ui
	u.knobHits = u.knobHits[:0]
	if u.editor.H <= 0 {
		return
	}
	in := kit.PanelInner(t, u.editor, true)
	rowH := t.LineH(widgets.Body) + t.S(6)
	for i := range s.knobs() {
		r := widgets.Rect{X: in.X - t.S(4), Y: in.Y + float64(i)*rowH, W: in.W + t.S(8), H: rowH}
		if r.Bottom() > u.editor.Bottom()-t.S(4) {
			break
		}
		u.knobHits = append(u.knobHits, r)
	}
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	label := "train (Space)"
	switch {
	case s.playing:
		label = "pause (Space)"
	case !s.active():
		label = "train again (Space)"
	case s.trained() > 0:
		label = "resume (Space)"
	}
	st.Button(t, &u.run, label)
	u.run.Active = s.playing
	st.Button(t, &u.reset, "reset (R)")
	if u.compact {
		if s.view == viewPlots {
			st.Button(t, &u.view, "show runs (V)")
		} else {
			st.Button(t, &u.view, "show plots (V)")
		}
	} else {
		u.view.Rect = widgets.Rect{}
	}
	st.Gap()
	k := sim.ScheduleKinds[s.sel]
	st.Button(t, &u.kind, "edit: "+k.Name()+" (Tab)")
	u.kind.Swatch = kindColor(k)
	if s.on[s.sel] {
		st.Button(t, &u.onoff, "hide (T)")
	} else {
		st.Button(t, &u.onoff, "show (T)")
	}
	if ks := s.knobs(); len(ks) > 0 {
		kn := ks[min(s.knob, len(ks)-1)]
		if len(ks) > 1 {
			st.Button(t, &u.knob, "next setting (↓)")
		} else {
			u.knob.Rect = widgets.Rect{}
		}
		st.Slider(t, &u.knobSl, 150)
		u.knobSl.Label = kn.short + " (← →)"
		u.knobSl.Min, u.knobSl.Max, u.knobSl.Log = kn.lo, kn.hi, false
		u.knobSl.Value = kn.get(&s.sched[s.sel])
		u.knobSl.Format = widgets.Num
	} else {
		u.knob.Rect = widgets.Rect{}
		st.Hide(&u.knobSl)
	}
	st.Gap()
	st.Slider(t, &u.baseSl, 150)
	u.baseSl.Label = "base η₀ (B)"
	u.baseSl.Min, u.baseSl.Max, u.baseSl.Log, u.baseSl.Value = baseMin, baseMax, true, s.base
	u.baseSl.Format = fmtLR
	if s.logY {
		st.Button(t, &u.axis, "η axis: log (L)")
	} else {
		st.Button(t, &u.axis, "η axis: linear (L)")
	}
	st.Button(t, &u.seed, fmt.Sprintf("seed %d (S)", s.seed))
	if s.warmupSetup {
		st.Button(t, &u.setup, "set-up: warm-up (W)")
	} else {
		st.Button(t, &u.setup, "set-up: default (W)")
	}
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
}

// progress is what the words depend on besides the settings.
func (s *Scene) progress() string {
	n := 0
	for _, r := range s.runs {
		if r != nil {
			n += r.Epoch()
		}
	}
	return fmt.Sprint(n, s.playing, s.active())
}

// settingsWords are schedule i's settings in a few words, for its legend
// row.
func (s *Scene) settingsWords(i int) string {
	sc := &s.sched[i]
	if sc.Kind == sim.MultiStep {
		return fmt.Sprintf("γ %s at %s", widgets.Num(sc.Gamma), strings.ReplaceAll(dropsString(sc.Milestones), ",", ", "))
	}
	var parts []string
	for _, k := range kindKnobs(sc.Kind) {
		parts = append(parts, k.short+" "+widgets.Num(k.get(sc)))
	}
	if len(parts) == 0 {
		return "η₀ throughout"
	}
	return strings.Join(parts, ", ")
}

// fmtLR writes a rate with up to three significant digits.
func fmtLR(v float64) string { return widgets.Num(v) }

package schedules

import (
	"fmt"
	"math"
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
	knob, axis, seed          widgets.Button
	knobSl, baseSl            widgets.Slider
	hover                     hover
	// captionLaid is the text the caption's lines were laid out from (in
	// its Update, before this tick's words were written).
	captionLaid string
	textAt      time.Time
	text        textState
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
	u.caption.Title = "what you are seeing"
	s.layoutPanels(t)
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
	for i, k := range sim.ScheduleKinds {
		col := kindColor(k)
		detail := "off"
		if s.on[i] {
			detail = "shown"
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

// fmtLR writes a rate with up to three significant digits.
func fmtLR(v float64) string { return widgets.Num(v) }

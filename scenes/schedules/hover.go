package schedules

import (
	"fmt"
	"image/color"
	"math"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/widgets"
)

// hover is the read-out at the epoch under the pointer: a line across the
// three plots and a box with every shown schedule's rate, loss and accuracy
// there.
type hover struct {
	epoch int // −1: the pointer is not over a plot
	x     float64
	lines []hoverLine
	box   widgets.Rect
	key   string // what the box shows, to repaint only on change
}

type hoverLine struct {
	text   string
	col    color.Color
	marker kit.Marker
	swatch bool
}

// plotArea is the plotting rectangle widgets.Plot draws inside a panel (its
// axes' margins), so the pointer maps to an epoch in Update, before the
// plot is drawn.
func plotArea(t *widgets.Theme, panel widgets.Rect, xlabel bool) widgets.Rect {
	r := kit.PanelInner(t, panel, true)
	bottom := t.LineH(widgets.Small) + t.S(6)
	if xlabel {
		bottom += t.LineH(widgets.Small)
	}
	return widgets.Rect{X: r.X + t.S(44), Y: r.Y + t.S(4), W: math.Max(r.W-t.S(44)-t.S(16), 1), H: math.Max(r.H-bottom-t.S(4), 1)}
}

// updateHover finds the epoch under the pointer and writes the read-out.
func (s *Scene) updateHover(c *kit.Ctx) {
	t, u, in := c.Theme, &s.ui, c.In
	h := &u.hover
	h.epoch, h.lines = -1, h.lines[:0]
	if u.caption.Open() {
		return
	}
	var a widgets.Rect
	for i, p := range []widgets.Rect{u.lrPlot, u.lossPlot, u.accPlot} {
		if p.H <= 0 {
			continue
		}
		pa := plotArea(t, p, i == s.lastPlot())
		if pa.Contains(in.X, in.Y) {
			a = pa
		}
	}
	if a.W <= 1 {
		h.key = ""
		return
	}
	e := int(math.Round((in.X - a.X) / a.W * epochs))
	e = min(max(e, 0), epochs)
	h.epoch = e
	h.x = a.X + float64(e)/epochs*a.W
	h.lines = append(h.lines, hoverLine{text: fmt.Sprintf("epoch %d (η is the rate epoch %d trains at; loss and accuracy after %d epochs)", e, min(e, epochs-1), e), col: assets.Text})
	for i, k := range sim.ScheduleKinds {
		if !s.on[i] {
			continue
		}
		sc := s.sched[i]
		sc.StepsPerEpoch = 0
		txt := fmt.Sprintf("%s: η %s", k.Name(), fmtLR(sc.LR(s.base, min(e, epochs-1))))
		if r := s.runs[i]; r != nil && e < len(r.Loss) {
			txt += fmt.Sprintf(" · loss %s · %s", widgets.Num(r.Loss[e]), pct(r.Acc[e]))
		} else if r != nil && r.Diverged() {
			txt += " · " + r.Short() + ", stopped"
		} else {
			txt += " · not trained yet"
		}
		h.lines = append(h.lines, hoverLine{text: txt, col: kindColor(k), marker: kindMarker(k), swatch: true})
	}
	w := 0.0
	for _, l := range h.lines {
		w = math.Max(w, t.Width(l.text, widgets.Small, false))
	}
	w = math.Min(w+t.S(30), u.screen.Main.W)
	lh := t.LineH(widgets.Small) + t.S(2)
	hh := float64(len(h.lines))*lh + t.S(10)
	x := h.x + t.S(12)
	if x+w > u.screen.Main.Right() {
		x = math.Max(h.x-t.S(12)-w, u.screen.Main.X)
	}
	y := math.Min(math.Max(in.Y-hh-t.S(12), u.screen.Main.Y), u.screen.Main.Bottom()-hh)
	h.box = widgets.Rect{X: math.Round(x), Y: math.Round(y), W: math.Round(w), H: math.Round(hh)}
	h.key = fmt.Sprint(e, h.box, len(h.lines), s.version)
}

// lastPlot is the index of the bottom plot shown (the one with the epoch
// label under its axis).
func (s *Scene) lastPlot() int {
	switch {
	case s.ui.accPlot.H > 0:
		return 2
	case s.ui.lossPlot.H > 0:
		return 1
	}
	return 0
}

// pct writes an accuracy as a whole percentage.
func pct(v float64) string { return fmt.Sprintf("%.0f %%", 100*v) }

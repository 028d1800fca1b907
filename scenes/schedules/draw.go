package schedules

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/sim/schedrun"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames int
	// paints counts the parts painted, so a test can see that a frame
	// where nothing changed paints nothing.
	paints int
	layout [8]widgets.Rect
	lr     widgets.Plot
	loss   widgets.Plot
	acc    widgets.Plot
	// schedKey is what the LR plot's curves were drawn from.
	schedKey string
	// lrLo and lrHi are the log LR axis' decades for schedKey.
	lrLo, lrHi float64
	// runs and n are the runs the loss and accuracy curves were drawn
	// from and how many epochs of each.
	runs    []*schedrun.Run
	n       []int
	div     []*schedrun.Run // the runs whose diverging leg is drawn
	ylo     float64         // the loss plot's range in decades
	yhi     float64
	mainAt  time.Time
	main    string // what the main view showed when last painted
	legend  string
	editor  string
	caption string
	chrome  string
}

// plotEvery is the least time between two repaints of the growing curves.
const plotEvery = 100 * time.Millisecond

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u, d := c.Theme, &s.ui, &s.drawn
	d.frames++
	full := c.Full
	lay := [8]widgets.Rect{u.screen.Main, u.lrPlot, u.lossPlot, u.accPlot, u.legend.Rect, u.editor, u.caption.Rect, u.strip.Rect}
	if lay != d.layout {
		d.layout = lay
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	if s.drawMain(dst, t, full) {
		d.paints++
	}
	if k := s.legendKey(); full || k != d.legend {
		d.legend, d.paints = k, d.paints+1
		if u.legend.Rect.H > 0 {
			u.legend.Draw(dst, t)
		}
	}
	if k := s.editorKey(); full || k != d.editor {
		d.editor, d.paints = k, d.paints+1
		s.drawEditor(dst, t)
	}
	if u.captionFor != u.caption.Rect {
		d.caption = "" // laid out for another panel: drawn next frame
	} else if full || u.captionLaid != d.caption || c.Active {
		d.caption, d.paints = u.captionLaid, d.paints+1
		u.caption.Draw(dst, t)
	}
	chrome := fmt.Sprint(s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label, s.base, u.compact, s.warmupSetup)
	if full || c.Active || chrome != d.chrome {
		d.chrome, d.paints = chrome, d.paints+1
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.run, &u.reset, &u.view, &u.kind, &u.onoff, &u.knob, &u.axis, &u.seed, &u.setup, &u.caption.Button)
		kit.DrawSliders(dst, t, &u.knobSl, &u.baseSl)
	}
	u.caption.DrawOverlay(dst, t)
}

// drawMain, reporting whether it painted, keeps the three plots' curves in their caches, adding only the
// epochs not drawn yet, and repaints the main view when they grew (a few
// dozen times a second at most), the hover moved or the settings changed.
func (s *Scene) drawMain(dst *ebiten.Image, t *widgets.Theme, full bool) bool {
	u, d := &s.ui, &s.drawn
	if u.lrPlot.H <= 0 && u.accPlot.H <= 0 {
		return false
	}
	changed := s.prepareLR(t)
	grew := s.prepareRuns(t)
	// Panels and titles are painted again only when the settings, the
	// hover or the layout changed; curves that grew only need the cached
	// plots blitted again, their marks drawn over them.
	key := fmt.Sprint(s.version, s.sel, u.hover.key, s.base, s.logY)
	whole := full || changed || key != d.main
	if !whole && (!grew || time.Since(d.mainAt) < plotEvery) {
		return false
	}
	d.mainAt, d.main = time.Now(), key
	s.flushRuns(t)
	if whole {
		m := u.screen.Main
		widgets.FillRect(dst, m, assets.Backdrop)
		axis := "linear"
		if s.logY {
			axis = "log"
		}
		kit.Panel(dst, t, u.lrPlot, fmt.Sprintf("learning rate η each epoch trains at (%s scale) · base η₀ = %s", axis, fmtLR(s.base)))
		if u.lossPlot.H > 0 {
			title := fmt.Sprintf("training loss on all %d points after each epoch (log scale)", s.set.N())
			if t.Width(title, widgets.Small, false) > u.lossPlot.W-t.S(16) {
				title = fmt.Sprintf("loss on all %d points (log)", s.set.N())
			}
			kit.Panel(dst, t, u.lossPlot, title)
		}
		if u.accPlot.H > 0 {
			kit.Panel(dst, t, u.accPlot, "training accuracy")
		}
	}
	for _, p := range s.plots() {
		p.Draw(dst)
	}
	s.drawEvents(dst, t)
	s.drawHeads(dst, t)
	s.drawHover(dst, t)
	return true
}

// prepareLR draws the schedules' curves into the LR plot's cache when they
// or the plot changed, and reports whether it did.
func (s *Scene) prepareLR(t *widgets.Theme) bool {
	u, d := &s.ui, &s.drawn
	pl := &d.lr
	pl.Rect = kit.PanelInner(t, u.lrPlot, true)
	pl.XMin, pl.XMax, pl.LogY = 0, epochs, s.logY
	pl.XLabel = ""
	if s.lastPlot() == 0 {
		pl.XLabel = "epoch"
	}
	key := fmt.Sprint(s.schedVersion, s.on, s.base, s.logY)
	if s.logY {
		if key != d.schedKey {
			d.lrLo, d.lrHi = s.lrDecades()
		}
		pl.YMin, pl.YMax = d.lrLo, d.lrHi
		pl.YFormat = nil
	} else {
		pl.YMin, pl.YMax = 0, s.base*1.08
		pl.YFormat = widgets.Num
	}
	cleared := pl.Prepare(t)
	if !cleared && key == d.schedKey {
		return false
	}
	d.schedKey = key
	pl.ClearSeries()
	for i, k := range sim.ScheduleKinds {
		if !s.on[i] {
			continue
		}
		sc := s.sched[i]
		sc.StepsPerEpoch = 0
		// The rate is held for the whole epoch: steps, not a smooth line.
		pl.Series(func(j int) float64 { return float64(j/2 + j%2) },
			func(j int) float64 { return sc.LR(s.base, j/2) }, 0, 2*epochs, t.S(2), kindColor(k))
	}
	pl.Flush()
	return true
}

// lrDecadesMax is the most decades the log LR axis spans: exponential
// decay at γ = 0.8 falls ten decades in 100 epochs, and ticks ten decades
// apart would be unreadable on a short plot; what lies lower is drawn on
// the axis' floor.
const lrDecadesMax = 7

// lrDecades is the log LR axis' range in decades: whole decades around the
// rates the shown schedules give, at most lrDecadesMax of them below the
// top.
func (s *Scene) lrDecades() (lo, hi float64) {
	var vals []float64
	for i := range s.on {
		if !s.on[i] {
			continue
		}
		sc := s.sched[i]
		sc.StepsPerEpoch = 0
		for e := 0; e < epochs; e++ {
			vals = append(vals, sc.LR(s.base, e))
		}
	}
	return decades(vals, lrDecadesMax)
}

// decades is the range in whole decades around the positive values, no
// wider than most decades (the top kept) and at least one.
func decades(vals []float64, most float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if v > 0 && !math.IsInf(v, 0) {
			l := math.Log10(v)
			lo, hi = math.Min(lo, math.Floor(l+1e-9)), math.Max(hi, math.Ceil(l-1e-9))
		}
	}
	if math.IsInf(lo, 1) {
		return -1, 0
	}
	lo = math.Max(lo, hi-most)
	if lo >= hi {
		lo = hi - 1
	}
	return lo, hi
}

// lossRange is the loss plot's range in decades for the losses trained: at
// least 10⁻² … 10¹, widened to whole decades around every value.
func (s *Scene) lossRange() (lo, hi float64) {
	lo, hi = -2, 1
	for _, r := range s.runs {
		if r == nil {
			continue
		}
		for _, v := range append(r.Loss, divLoss(r)) {
			if v > 0 && !math.IsInf(v, 0) {
				lo = math.Min(lo, math.Floor(math.Log10(v)))
				hi = math.Max(hi, math.Ceil(math.Log10(v)))
			}
		}
	}
	return lo, hi
}

// divLoss is the loss a diverged run was stopped at (0 for one that was
// not, +Inf where it was not finite): its curve ends there, past the last
// epoch it finished.
func divLoss(r *schedrun.Run) float64 {
	if !r.Diverged() || r.DivergedAt < 0 {
		return 0
	}
	return r.DivLoss
}

// prepareRuns lays out the loss and accuracy plots and clears their
// curves when a run was replaced or the range widened; it reports whether
// there are epochs not drawn yet.
func (s *Scene) prepareRuns(t *widgets.Theme) bool {
	u, d := &s.ui, &s.drawn
	if d.runs == nil || len(d.runs) != nk {
		d.runs, d.n, d.div = make([]*schedrun.Run, nk), make([]int, nk), make([]*schedrun.Run, nk)
	}
	lo, hi := s.lossRange()
	lp, ap := &d.loss, &d.acc
	lp.Rect, ap.Rect = kit.PanelInner(t, u.lossPlot, true), kit.PanelInner(t, u.accPlot, true)
	lp.XMin, lp.XMax, lp.YMin, lp.YMax, lp.LogY = 0, epochs, lo, hi, true
	ap.XMin, ap.XMax, ap.YMin, ap.YMax = 0, epochs, 0, 1
	ap.YFormat = func(v float64) string { return fmt.Sprintf("%.0f %%", 100*v) }
	lp.XLabel, ap.XLabel = "", ""
	switch s.lastPlot() {
	case 1:
		lp.XLabel = "epoch"
	case 2:
		ap.XLabel = "epoch"
	}
	cleared := false
	if u.lossPlot.H > 0 && lp.Prepare(t) {
		cleared = true
	}
	if u.accPlot.H > 0 && ap.Prepare(t) {
		cleared = true
	}
	grew := false
	for i, r := range s.runs {
		if r != d.runs[i] || r != nil && d.n[i] > len(r.Loss) {
			cleared = true
		}
		if r != nil && (len(r.Loss) > d.n[i] || divLoss(r) != 0 && d.div[i] != r) {
			grew = true
		}
	}
	if cleared {
		lp.ClearSeries()
		ap.ClearSeries()
		for i, r := range s.runs {
			d.runs[i], d.n[i], d.div[i] = r, 0, nil
		}
		grew = true
	}
	return grew
}

// flushRuns adds the epochs not drawn yet to the loss and accuracy curves.
func (s *Scene) flushRuns(t *widgets.Theme) {
	d := &s.drawn
	for i, r := range s.runs {
		if r == nil || len(r.Loss) <= d.n[i] {
			continue
		}
		col := kindColor(sim.ScheduleKinds[i])
		loss, acc := r.Loss, r.Acc
		x := func(k int) float64 { return float64(k) }
		if s.ui.lossPlot.H > 0 {
			d.loss.Series(x, func(k int) float64 { return loss[k] }, d.n[i], len(loss), t.S(2), col)
		}
		if s.ui.accPlot.H > 0 {
			d.acc.Series(x, func(k int) float64 { return acc[k] }, d.n[i], len(acc), t.S(2), col)
		}
		d.n[i] = len(loss)
	}
	// A diverged run's last leg, to the loss it was stopped at (drawn on
	// the plot's top edge when off the scale), once it has stopped.
	for i, r := range s.runs {
		if r == nil || s.ui.lossPlot.H <= 0 || divLoss(r) == 0 || d.div[i] == r {
			continue
		}
		d.div[i] = r
		pts := []float64{float64(len(r.Loss) - 1), last(r.Loss), float64(r.DivergedAt), math.Min(divLoss(r), 1e300)}
		d.loss.Series(func(k int) float64 { return pts[2*k] }, func(k int) float64 { return pts[2*k+1] }, 1, 2, t.S(2), kindColor(sim.ScheduleKinds[i]))
	}
	if s.ui.lossPlot.H > 0 {
		d.loss.Flush()
	}
	if s.ui.accPlot.H > 0 {
		d.acc.Flush()
	}
}

// plots are the plots shown, top to bottom.
func (s *Scene) plots() []*widgets.Plot {
	d, u := &s.drawn, &s.ui
	out := []*widgets.Plot{&d.lr}
	if u.lossPlot.H > 0 {
		out = append(out, &d.loss)
	}
	if u.accPlot.H > 0 {
		out = append(out, &d.acc)
	}
	return out
}

// drawEvents draws a thin line across every plot at each drop or restart of
// the chosen schedule, when it is shown.
func (s *Scene) drawEvents(dst *ebiten.Image, t *widgets.Theme) {
	if !s.on[s.sel] {
		return
	}
	c := kindColor(sim.ScheduleKinds[s.sel])
	faint := color.RGBA{c.R / 2, c.G / 2, c.B / 2, 0x80}
	for _, ev := range schedrun.Events(s.sched[s.sel], epochs) {
		for _, p := range s.plots() {
			a := p.Area()
			x, _ := p.Map(float64(ev.Epoch), 0)
			widgets.Line(dst, x, a.Y, x, a.Bottom(), math.Max(1, t.S(1.5)), faint)
		}
	}
}

// drawHeads marks each run's newest point with its schedule's shape, and a
// blow-up with a red ring where the loss first passed the limit.
func (s *Scene) drawHeads(dst *ebiten.Image, t *widgets.Theme) {
	if s.ui.lossPlot.H <= 0 {
		return
	}
	pl := &s.drawn.loss
	for i, r := range s.runs {
		if r == nil || len(r.Loss) == 0 {
			continue
		}
		k := sim.ScheduleKinds[i]
		if r.BlewAt >= 0 {
			x, y := pl.Map(float64(r.BlewAt), r.Loss[r.BlewAt])
			widgets.Ring(dst, x, y, t.S(7), t.S(2), assets.Bad)
		}
		e := len(r.Loss) - 1
		x, y := pl.Map(float64(e), r.Loss[e])
		if v := divLoss(r); v != 0 {
			x, y = pl.Map(float64(r.DivergedAt), math.Min(v, 1e300))
			widgets.Ring(dst, x, y, t.S(7), t.S(2), assets.Bad)
		}
		kit.DrawMarker(dst, kindMarker(k), x, y, t.S(4), kindColor(k))
	}
}

// drawHover draws the line at the epoch under the pointer and its read-out.
func (s *Scene) drawHover(dst *ebiten.Image, t *widgets.Theme) {
	h := &s.ui.hover
	if h.epoch < 0 {
		return
	}
	for _, p := range s.plots() {
		a := p.Area()
		x, _ := p.Map(float64(h.epoch), 0)
		widgets.Line(dst, x, a.Y, x, a.Bottom(), math.Max(1, t.S(1)), assets.Neutral)
	}
	b := h.box
	widgets.FillRect(dst, b, color.RGBA{0x1B, 0x1F, 0x26, 0xff})
	widgets.StrokeRect(dst, b, math.Max(1, t.S(1)), assets.Border)
	lh := t.LineH(widgets.Small) + t.S(2)
	for i, l := range h.lines {
		y := b.Y + t.S(5) + float64(i)*lh
		x := b.X + t.S(8)
		if l.swatch {
			kit.DrawMarker(dst, l.marker, x+t.S(4), y+lh/2-t.S(1), t.S(3.5), l.col)
			x += t.S(14)
		}
		t.Text(dst, t.Fit(l.text, widgets.Small, false, b.Right()-x-t.S(4)), x, y, widgets.Small, false, l.col, widgets.Left)
	}
}

// legendKey is what the legend shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.sel, s.ui.legend.Rect, s.ui.legend.Title)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line
	}
	return k
}

// editorKey is what the settings panel shows.
func (s *Scene) editorKey() string {
	return fmt.Sprint(s.ui.editor, s.sel, s.knob, s.sched[s.sel], s.on[s.sel])
}

// drawEditor draws the chosen schedule's settings, the chosen one marked,
// and what the schedule does in words under them.
func (s *Scene) drawEditor(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	if u.editor.H <= 0 {
		return
	}
	k := sim.ScheduleKinds[s.sel]
	in := kit.Panel(dst, t, u.editor, k.Name()+" · settings: ↑ ↓ choose, ← → change, X defaults")
	ks := s.knobs()
	y := in.Y
	for i, r := range u.knobHits {
		kn := ks[i]
		col := assets.Neutral
		label := "  " + kn.name + " = " + widgets.Num(kn.get(&s.sched[s.sel]))
		if i == s.knob {
			widgets.FillRect(dst, r, assets.PanelHi)
			col = assets.Text
			label = "• " + label[2:]
		}
		t.Text(dst, t.Fit(label, widgets.Body, false, r.W-t.S(8)), r.X+t.S(4), r.Y+t.S(3), widgets.Body, false, col, widgets.Left)
		y = r.Bottom()
	}
	if len(ks) == 0 {
		t.Text(dst, t.Fit("no settings: the rate stays at η₀ all the way", widgets.Body, false, in.W), in.X, y, widgets.Body, false, assets.Neutral, widgets.Left)
		y += t.LineH(widgets.Body) + t.S(4)
	}
	lh := t.LineH(widgets.Small) * 1.15
	lines := t.Wrap(describe(k), widgets.Small, in.W)
	for _, l := range lines {
		if y+lh > in.Bottom() {
			break
		}
		t.Text(dst, l, in.X, y+t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
		y += lh
	}
}

// describe is the schedule's account in words, for 100 epochs (sim's is
// for a race of steps).
func describe(k sim.ScheduleKind) string {
	switch k {
	case sim.Constant:
		return "The baseline: one rate for all 100 epochs."
	case sim.StepDecay:
		return "PyTorch's StepLR: the rate is multiplied by γ every S epochs (30 by default), a sudden drop each time."
	case sim.MultiStep:
		return "PyTorch's MultiStepLR: the rate is multiplied by γ at each of the listed epochs (30, 60 and 90 by default)."
	case sim.Exponential:
		return "PyTorch's ExponentialLR: the rate is multiplied by γ every epoch, a straight line on the log scale (L)."
	case sim.Cosine:
		return "PyTorch's CosineAnnealingLR: half a cosine from η₀ down to η_min over the 100 epochs; no drops to place."
	case sim.WarmupCos:
		return "A linear warm-up from start factor × η₀ to η₀ (LinearLR), then a cosine down to η_min over the rest."
	case sim.OneCycle:
		return "PyTorch's OneCycleLR: up from η₀/div to η₀ (the peak) over the first share, then down to far below the start."
	case sim.WarmRestart:
		return "PyTorch's CosineAnnealingWarmRestarts: a cosine over T₀ epochs, then back up to η₀, each cycle T_mult times longer."
	}
	return k.Describe()
}

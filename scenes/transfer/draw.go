package transfer

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/train"
	tl "gradlab/sim/transfer"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames  int
	layout  [6]widgets.Rect
	plot    widgets.Plot
	cmp     *tl.Comparison // the comparison the curves belong to
	n       [views]int     // evaluations of each curve drawn
	plotKey string
	plotAt  time.Time
	legend  string
	caption string
	deltas  string
	labels  [views]string
	chrome  chromeKey
	// pretraining is the stage the main view's title was drawn for,
	// heatStage the one the change maps were.
	pretraining bool
	heatStage   bool
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version int
	playing bool
	page    int
	notes   bool
	text    string
	view    int
}

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	s.drawn.frames++
	full := c.Full
	lay := [6]widgets.Rect{u.regions, u.legend.Rect, u.plot, u.frozen, u.caption.Rect, u.strip.Rect}
	if lay != s.drawn.layout {
		s.drawn.layout = lay
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	s.drawViews(dst, t, full)
	// On the weights page the maps sit inside the read-out's panel: a
	// repainted panel needs them again.
	deltas := false
	if dk := strings.Join(u.text.deltas, "|"); full || dk != s.drawn.deltas {
		s.drawn.deltas = dk
		s.drawDeltas(dst, t)
		deltas = s.page == pageWeights
	}
	stage := s.pretraining()
	u.heat.draw(dst, t, s.cmp, u.textGen, full || deltas || stage != s.drawn.heatStage)
	s.drawn.heatStage = stage
	if lg := s.legendKey(); full || lg != s.drawn.legend {
		s.drawn.legend = lg
		if u.legend.Rect.H > 0 {
			u.legend.Draw(dst, t)
		}
	}
	s.drawPlot(dst, t, full)
	if full || u.captionLaid != s.drawn.caption || c.Active {
		s.drawn.caption = u.captionLaid
		if u.caption.Rect.H > 0 {
			u.caption.Draw(dst, t)
		}
	}
	key := chromeKey{s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label, s.page}
	if full || c.Active || key != s.drawn.chrome {
		s.drawn.chrome = key
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.run, &u.view, &u.restart, &u.finish, &u.freeze, &u.seed, &u.caption.Button)
		kit.DrawSliders(dst, t, &u.examples, &u.sim)
	}
	u.caption.DrawOverlay(dst, t)
}

// legendKey is what the legend shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.ui.legend.Rect, s.ui.legend.Title)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line
	}
	return k
}

// drawViews paints the region views that rendered anew, and their labels
// when they changed.
func (s *Scene) drawViews(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.regions.H <= 0 {
		return
	}
	// The stage changes the title and both views: all of it is drawn anew.
	full = full || s.pretraining() != d.pretraining
	if full {
		d.pretraining = s.pretraining()
		kit.Panel(dst, t, u.regions, u.titles[0])
	}
	t0 := time.Now()
	for i := range u.views {
		g := &u.views[i]
		if g.Rect.W <= 0 {
			continue
		}
		rendered := g.Prepare(t, time.Now())
		if full || rendered {
			g.Draw(dst)
		}
		if full || rendered || u.labels[i] != d.labels[i] {
			d.labels[i] = u.labels[i]
			b := u.viewBox[i]
			lh := t.LineH(widgets.Small) + t.S(4)
			widgets.FillRect(dst, widgets.Rect{X: b.X, Y: b.Y, W: b.W, H: lh}, assets.Panel)
			col, m := fineColor, kit.Disc
			if i == vScratch {
				col, m = scratchColor, kit.Square
			}
			kit.DrawMarker(dst, m, b.X+t.S(5), b.Y+lh/2-t.S(1), t.S(4), col)
			t.Text(dst, u.labels[i], b.X+t.S(14), b.Y, widgets.Small, true, assets.Text, widgets.Left)
		}
	}
	s.renderCost += time.Since(t0)
}

// plotEvery is the least time between two repaints of the growing curves.
const plotEvery = 100 * time.Millisecond

// drawPlot shows the held-out accuracy of both runs against step, adding
// only the evaluations not drawn yet; while pretraining it shows the
// stage and its progress instead.
func (s *Scene) drawPlot(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.plot.H <= 0 {
		return
	}
	if s.cmp == nil {
		key := u.text.stage + u.legend.Rows[vFine].Line
		if !full && key == d.plotKey {
			return
		}
		d.plotKey, d.cmp = key, nil
		in := kit.Panel(dst, t, u.plot, u.titles[1])
		t.Text(dst, fitFirst(t, widgets.Body, true, in.W, u.text.stage, fmt.Sprintf("pretraining: %.0f %%", 100*s.pre.Progress())), in.X, in.Y+t.S(4), widgets.Body, true, assets.Text, widgets.Left)
		bar := widgets.Rect{X: in.X, Y: in.Y + t.S(28), W: in.W, H: t.S(8)}
		widgets.FillRect(dst, bar, assets.Backdrop)
		bar.W *= math.Min(math.Max(s.pre.Progress(), 0), 1)
		widgets.FillRect(dst, bar, fineColor)
		t.Text(dst, fitFirst(t, widgets.Small, false, in.W, u.text.rows[vFine]...), in.X, in.Y+t.S(42), widgets.Small, false, assets.Dim, widgets.Left)
		return
	}
	pl := &d.plot
	pl.Rect = kit.PanelInner(t, u.plot, true)
	pl.XMin, pl.XMax, pl.YMin, pl.YMax, pl.LogY, pl.XLabel = 0, tl.TargetSteps, 0, 1, false, "step"
	pl.YFormat = func(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }
	cleared := pl.Prepare(t)
	runs := [views]*train.Trainer{s.cmp.Fine, s.cmp.Scratch}
	if d.cmp != s.cmp || d.plotKey != "" {
		cleared = true
	}
	if !full && !cleared && time.Since(d.plotAt) < plotEvery {
		return
	}
	grew := false
	if cleared {
		pl.ClearSeries()
		d.cmp, d.plotKey, d.n = s.cmp, "", [views]int{}
	}
	for i, r := range runs {
		ev := r.Evals
		if len(ev) > d.n[i] {
			c := fineColor
			if i == vScratch {
				c = scratchColor
			}
			pl.Series(func(k int) float64 { return float64(ev[k].Step) }, func(k int) float64 { return ev[k].ValAcc }, d.n[i], len(ev), t.S(2), c)
			d.n[i] = len(ev)
			grew = true
		}
	}
	pl.Flush()
	if !full && !cleared && !grew {
		return
	}
	d.plotAt = time.Now()
	if full || cleared {
		kit.Panel(dst, t, u.plot, u.titles[1])
	}
	pl.Draw(dst)
	// The runs' heads, and the chance level for four classes.
	a := pl.Area()
	_, cy := pl.Map(0, 1.0/tl.Arms)
	widgets.FillRect(dst, widgets.Rect{X: a.X, Y: cy, W: a.W, H: math.Max(1, t.S(1))}, assets.Border)
	t.Text(dst, "chance", a.Right()-t.S(4), cy-t.LineH(widgets.Small), widgets.Small, false, assets.Dim, widgets.Right)
	for i, r := range runs {
		e := r.Last()
		x, y := pl.Map(float64(e.Step), e.ValAcc)
		m, c := kit.Disc, fineColor
		if i == vScratch {
			m, c = kit.Square, scratchColor
		}
		kit.DrawMarker(dst, m, x, y, t.S(4), c)
	}
}

// drawDeltas draws the read-out of what fine-tuning changed per layer.
func (s *Scene) drawDeltas(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	if u.frozen.H <= 0 {
		return
	}
	in := kit.Panel(dst, t, u.frozen, u.titles[2])
	lh := t.LineH(widgets.Small) + t.S(3)
	for i, l := range u.text.deltas {
		y := in.Y + float64(i)*lh
		if y+lh > u.frozen.Bottom() {
			break
		}
		c := assets.Neutral
		if strings.Contains(l, " frozen: max |Δθ| = 0,") {
			c = assets.Good
		} else if strings.Contains(l, " frozen") {
			c = assets.Bad // a frozen layer that moved: never, and shown if it did
		}
		t.Text(dst, t.Fit(l, widgets.Small, false, in.W), in.X, y, widgets.Small, false, c, widgets.Left)
	}
}

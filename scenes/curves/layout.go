package curves

import (
	"fmt"
	"math"
	"strings"

	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen                 kit.Screen
	before                 kit.Screen // the layout last drawn in full
	mainP, verdictP, runP  widgets.Rect
	lossPlot, accPlot      widgets.Plot
	strip                  kit.Strip
	caption                kit.Caption
	scBtn, guessBtn        []widgets.Button
	seedBtn, restartBtn    widgets.Button
	playBtn, finishBtn     widgets.Button
	mysteryBtn, nextBtn    widgets.Button
	laidOut                stripKey
	panelsFor              panelKey
	verdictLines, runLines []line
}

// line is one line of a text panel.
type line struct {
	text string
	bold bool
	col  int // 0 neutral, 1 good, 2 bad, 3 dim, 4 accent
}

// stripKey is the state the strip's layout depends on.
type stripKey struct {
	sc, seed               int
	mystery, hidden, notes bool
	paused, done           bool
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.sc, s.seed, s.mystery, s.hidden(), s.ui.caption.NeedsButton(), s.paused, s.run.Done()}
}

// panelKey is the state the text panels depend on.
type panelKey struct {
	version, diagVer, points int
	hidden, mystery, paused  bool
	right, asked             int
	wait                     string
}

func (s *Scene) panelKey() panelKey {
	return panelKey{s.version, s.shownDiag, s.shownPts, s.hidden(), s.mystery, s.paused, s.right, s.asked, s.wait}
}

func lineH(t *widgets.Theme) float64 { return math.Round(t.LineH(widgets.Body) * 1.2) }

// layout fills the strip, splits the area and writes the panels' lines.
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	u.panelsFor = s.panelKey()
	s.fillStrip(t)
	lh := lineH(t)
	title := t.S(30)
	specs := []kit.PanelSpec{
		{Min: title + 4*lh, Want: title + 9*lh, Drop: 1},
		{Min: title + 3*lh, Want: title + 7*lh, Drop: 2},
		{Min: t.S(70), Grow: true, Drop: 3},
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.6, specs)
	p := u.screen.Panels
	u.mainP, u.verdictP, u.runP, u.caption.Rect = u.screen.Main, p[0], p[1], p[2]
	in := kit.PanelInner(t, u.mainP, true)
	lossH := math.Round(in.H * 0.64)
	u.lossPlot.Rect = widgets.Rect{X: in.X - t.S(4), Y: in.Y, W: in.W + t.S(4), H: math.Max(lossH, 1)}
	u.accPlot.Rect = widgets.Rect{X: in.X - t.S(4), Y: in.Y + lossH, W: in.W + t.S(4), H: math.Max(in.H-lossH, 1)}
	if in.H < t.S(120) { // too small for two plots: the loss only
		u.lossPlot.Rect.H = math.Max(in.H, 1)
		u.accPlot.Rect = widgets.Rect{}
	}
	// A mystery's x axis runs over the share of the run: its length in
	// epochs would give some scenarios away.
	ep, xl, xf := float64(s.run.Epochs()), "epoch", (func(float64) string)(nil)
	if s.hidden() {
		ep, xl, xf = 1, "share of the run", func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }
	}
	u.lossPlot.XMin, u.lossPlot.XMax, u.lossPlot.YMin, u.lossPlot.YMax, u.lossPlot.LogY = 0, ep, -2, 1, true
	u.accPlot.XMin, u.accPlot.XMax, u.accPlot.YMin, u.accPlot.YMax = 0, ep, 0, 1
	u.lossPlot.XFormat, u.accPlot.XFormat = xf, xf
	u.accPlot.XLabel = xl
	u.accPlot.YFormat = func(v float64) string { return fmt.Sprintf("%.0f%%", v*100) }
	if u.accPlot.Rect.H == 0 {
		u.lossPlot.XLabel = xl
	} else {
		u.lossPlot.XLabel = ""
	}
	u.caption.Title = "what to try"
	u.caption.Text = caption
	s.writeVerdict(t)
	s.writeRun(t)
}

// wrapInto appends s wrapped to width w.
func wrapInto(out []line, t *widgets.Theme, s string, w float64, col int) []line {
	for _, l := range t.Wrap(s, widgets.Body, w) {
		out = append(out, line{text: l, col: col})
	}
	return out
}

// writeVerdict writes the doctor's panel: the verdict and its evidence, or
// the mystery's question and, once answered, the answer.
func (s *Scene) writeVerdict(t *widgets.Theme) {
	u := &s.ui
	w := kit.PanelInner(t, u.verdictP, true).W
	var ls []line
	d := s.diag
	verdict := func() {
		col := 2
		switch d.Condition {
		case diagnose.Healthy:
			col = 1
		case diagnose.Unknown:
			col = 3
		}
		head := d.Condition.Name()
		if d.Condition != diagnose.Unknown {
			head += fmt.Sprintf("  (confidence %.0f %%)", d.Confidence*100)
		}
		ev := d.Evidence
		if d.Condition == diagnose.Unknown { // the heading says it already
			if rest, ok := strings.CutPrefix(ev, "cannot tell yet: "); ok {
				head, ev = "cannot tell yet", rest
			} else {
				ev = strings.TrimPrefix(ev, "cannot tell: ")
			}
		}
		ls = append(ls, line{text: head, bold: true, col: col})
		ls = wrapInto(ls, t, ev, w, 0)
		// The epoch of the last point the doctor read, which the run may
		// have passed since (it re-reads every few points).
		at := 0.0
		if k := min(s.diagAt, len(s.cur.Epoch)); k > 0 {
			at = s.cur.Epoch[k-1]
		}
		ls = append(ls, line{text: fmt.Sprintf("read at epoch %s of %d", num(at), s.run.Epochs()), col: 3})
	}
	switch {
	case s.hidden():
		ls = append(ls, line{text: fmt.Sprintf("Mystery %d: what is wrong, if anything?", s.number), bold: true, col: 4})
		if s.wait != "" {
			ls = wrapInto(ls, t, s.wait, w, 2)
		}
		ls = wrapInto(ls, t, fmt.Sprintf("Once %.0f %% of the run is on screen, pick a diagnosis with its button or key: G healthy, U LR too high, L LR too low, V overfitting, B bad init, D data bug, P plateau then LR ÷ 10.", 100*minShown), w, 0)
		ls = append(ls, line{text: fmt.Sprintf("score %d / %d", s.right, s.asked), col: 3})
	case s.mystery:
		want := s.scenario().Want
		if s.guess == want {
			ls = append(ls, line{text: fmt.Sprintf("Right: %s.", want.Name()), bold: true, col: 1})
		} else {
			ls = append(ls, line{text: fmt.Sprintf("You said %s; it was %s.", s.guess.Name(), want.Name()), bold: true, col: 2})
		}
		ls = append(ls, line{text: fmt.Sprintf("score %d / %d · X: next mystery", s.right, s.asked), col: 3})
		verdict()
	default:
		verdict()
	}
	u.verdictLines = ls
}

// writeRun writes the run panel: the settings and the latest numbers.
func (s *Scene) writeRun(t *widgets.Theme) {
	u := &s.ui
	w := kit.PanelInner(t, u.runP, true).W
	var ls []line
	if !s.hidden() {
		ls = wrapInto(ls, t, s.scenario().How, w, 3)
	}
	tr := s.run.T
	state := "training"
	switch {
	case s.cur.Diverged:
		state = "diverged: " + s.cur.Why
	case s.run.Done():
		state = "done"
	case s.paused:
		state = "paused (Space)"
	}
	// A mystery's run length, step count and learning rate would name
	// some scenarios: it shows its progress only.
	if s.hidden() {
		ls = append(ls, line{text: fmt.Sprintf("%.0f %% of the run · %s", 100*tr.Epoch()/float64(s.run.Epochs()), state)})
	} else {
		ls = append(ls, line{text: fmt.Sprintf("epoch %s / %d · %d steps · %s", num(tr.Epoch()), s.run.Epochs(), tr.Steps(), state)})
	}
	if n := len(s.cur.TrainLoss); n > 0 {
		c := s.cur
		ls = append(ls, line{text: fmt.Sprintf("loss: train %s · val %s", num(c.TrainLoss[n-1]), num(c.ValLoss[n-1]))},
			line{text: fmt.Sprintf("accuracy: train %.0f %% · val %.0f %%", c.TrainAcc[n-1]*100, c.ValAcc[n-1]*100)})
		if !s.hidden() {
			ls = append(ls, line{text: fmt.Sprintf("learning rate %s · seed %d", num(c.LR[n-1]), s.seed), col: 3})
		}
	}
	u.runLines = ls
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	if len(u.scBtn) != len(diagnose.Scenarios) {
		u.scBtn = make([]widgets.Button, len(diagnose.Scenarios))
		u.guessBtn = make([]widgets.Button, len(diagnose.Conditions))
	}
	st.Begin()
	if s.mystery {
		for i := range u.scBtn {
			u.scBtn[i].Rect = widgets.Rect{}
		}
		for i, c := range diagnose.Conditions {
			st.Button(t, &u.guessBtn[i], c.Name()+" ("+guessLabel(i)+")")
			u.guessBtn[i].Active = s.revealed && s.guess == c
		}
		st.Gap()
		st.Button(t, &u.nextBtn, "new mystery (X)")
		st.Button(t, &u.mysteryBtn, "mystery off (M)")
		u.mysteryBtn.Active = true
		u.seedBtn.Rect = widgets.Rect{}
	} else {
		for i := range u.guessBtn {
			u.guessBtn[i].Rect = widgets.Rect{}
		}
		u.nextBtn.Rect = widgets.Rect{}
		for i, sc := range diagnose.Scenarios {
			st.Button(t, &u.scBtn[i], sc.Name)
			u.scBtn[i].Active = i == s.sc
		}
		st.Gap()
		st.Button(t, &u.seedBtn, fmt.Sprintf("seed %d (N)", s.seed))
		st.Button(t, &u.mysteryBtn, "mystery (M)")
		u.mysteryBtn.Active = false
	}
	st.Gap()
	st.Button(t, &u.restartBtn, "restart (R)")
	play := "pause (Space)"
	switch {
	case s.run.Done():
		play = "run done"
	case s.paused:
		play = "resume (Space)"
	}
	st.Button(t, &u.playBtn, play)
	st.Button(t, &u.finishBtn, "finish (F)")
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
}

func (s *Scene) updateControls(c *kit.Ctx) {
	u, in := &s.ui, c.In
	u.caption.Update(c)
	if u.strip.Update(in) {
		c.Full = true
	}
	for i := range u.scBtn {
		if u.scBtn[i].Rect.W > 0 && u.scBtn[i].Update(in) {
			s.setScenario(i)
		}
	}
	for i := range u.guessBtn {
		if u.guessBtn[i].Rect.W > 0 && u.guessBtn[i].Update(in) {
			s.pick(diagnose.Conditions[i])
		}
	}
	if u.seedBtn.Rect.W > 0 && u.seedBtn.Update(in) {
		s.setSeed(s.seed + 1)
	}
	if u.nextBtn.Rect.W > 0 && u.nextBtn.Update(in) {
		s.newMystery()
	}
	if u.mysteryBtn.Update(in) {
		s.setMystery(!s.mystery)
	}
	if u.restartBtn.Update(in) {
		s.restart()
	}
	if u.playBtn.Update(in) {
		s.togglePause()
	}
	if u.finishBtn.Update(in) {
		s.finish()
	}
}

// num writes a number for the panels.
func num(v float64) string { return widgets.Num(v) }

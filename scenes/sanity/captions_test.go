package sanity

import (
	"math"
	"strings"
	"testing"

	"gradlab/sim/nn"
	"gradlab/widgets"
)

// Each claim and "try" of the caption, done the way a learner would
// (through the scene's keys) and checked.

// pickBug presses B until bug b is injected.
func pickBug(t *testing.T, s *Scene, b nn.Bug) {
	t.Helper()
	for range bugs {
		if s.bug == b {
			return
		}
		press(t, s, "B", false)
	}
	t.Fatalf("B never reached %s", b)
}

// named checks that the caption names bug b as the bug button does.
func named(t *testing.T, b nn.Bug) {
	t.Helper()
	if !strings.Contains(caption, `"`+bugName(b)+`"`) {
		t.Fatalf("the caption does not name %q", bugName(b))
	}
}

// "the discs sit on the line for every C you measure … the same networks
// start a little higher (the rings), more with more weights"
func TestCaptionInitialLoss(t *testing.T) {
	s := New()
	for _, c := range []int{2, 7, 33, 100} {
		s.setClasses(c)
		s.finishInitial()
		sm := s.init.summary()
		if sm.worstDev > lnCTol {
			t.Errorf("C = %d: a network %g from ln C", c, sm.worstDev)
		}
		if !(sm.riseLo > 0) || sm.rise > 0.2*math.Log(float64(c)) {
			t.Errorf("C = %d: λ = %g raised the loss by %g to %g", c, s.reg, sm.riseLo, sm.riseHi)
		}
	}
	small, big := s.init.at[2][0], s.init.at[100][0]
	if !(big.WithReg-big.NoReg > 10*(small.WithReg-small.NoReg)) {
		t.Errorf("100 classes rise %g, 2 classes %g: not more with more weights", big.WithReg-big.NoReg, small.WithReg-small.NoReg)
	}
}

// "with no regularisation, a network this big must memorise a handful of
// examples: the loss falls toward 0 and every example ends up right"
func TestCaptionMemorise(t *testing.T) {
	s := New()
	s.finishOverfit()
	if !(s.over.loss < overfitStop) || s.over.correct != s.examples || s.over.tr.Config.Reg != 0 {
		t.Errorf("loss %g, %d/%d right, λ %g", s.over.loss, s.over.correct, s.examples, s.over.tr.Config.Reg)
	}
	l := s.over.tr.Loss
	if !(l[len(l)-1] < l[0]/100) {
		t.Errorf("the loss went from %g to %g only", l[0], l[len(l)-1])
	}
}

// "bug 'forgot the 1/N in the gradient' (B): the initial loss is still
// ln C, but the overfit fails"
func TestCaptionNoMean(t *testing.T) {
	s := New()
	pickBug(t, s, nn.BugNoMean)
	named(t, s.bug)
	s.finishInitial()
	s.finishOverfit()
	if v := verdicts(s); v[0] != "pass" || v[2] != "fail" {
		t.Errorf("verdicts %v", v)
	}
}

// "'Regularisation with the wrong sign': raising λ lowers the initial
// loss, a warning says so, and full training pushes the loss below zero."
func TestCaptionRegSign(t *testing.T) {
	s := New()
	pickBug(t, s, nn.BugRegSign)
	named(t, s.bug)
	press(t, s, "↑", false) // raising λ
	s.finish()
	sm := s.init.summary()
	if !(sm.riseHi < 0) || s.warning() == "" {
		t.Errorf("λ %g: rise %g, warning %q", s.reg, sm.rise, s.warning())
	}
	c := readCurve(s.full.tr.Loss, fullSteps)
	if c.negAt < 0 || !strings.Contains(s.checklist()[3].Words, "below zero") {
		t.Errorf("full training never went below zero: %+v", c)
	}
}

// "'Missing ReLU mask' still memorises 5 examples; give it 20 (E) and it
// cannot."
func TestCaptionNoMask(t *testing.T) {
	s := New()
	pickBug(t, s, nn.BugNoMask)
	named(t, s.bug)
	s.finishOverfit()
	if v, w := judgeOverfit(s.over); v != pass {
		t.Errorf("5 examples: %v %q", v, w)
	}
	for s.examples < 20 {
		press(t, s, "E", false)
	}
	s.finishOverfit()
	if v, w := judgeOverfit(s.over); v != fail {
		t.Errorf("20 examples: %v %q", v, w)
	}
}

// "'Softmax over the batch' starts far from ln C."
func TestCaptionSoftmaxAxis(t *testing.T) {
	s := New()
	pickBug(t, s, nn.BugSoftmaxAxis)
	named(t, s.bug)
	s.finishInitial()
	if sm := s.init.summary(); !(sm.worstDev > 1) {
		t.Errorf("initial loss %g, ln 3 = %g", sm.mean, math.Log(3))
	}
}

// Every text the scene shows can be drawn by the embedded font.
func TestTextsUseDrawableGlyphs(t *testing.T) {
	var texts []string
	rows := func(s *Scene) {
		for _, r := range s.checklist() {
			c := r.cells()
			texts = append(texts, append(c[:], r.Words)...)
		}
	}
	for _, b := range bugs {
		s := New()
		s.bug = b
		s.Rebuild()
		texts = append(texts, s.captionText(), s.regionsTitle(), s.warning())
		rows(s) // running
		s.setReg(0)
		s.finishInitial()
		rows(s) // λ = 0
		f := finished(b)
		texts = append(texts, f.warning(), f.regionsTitle())
		rows(f)
		s.toggleView()
		texts = append(texts, s.regionsTitle())
		c := ctx()
		s.Update(c)
		u := &s.ui
		for _, b := range []*widgets.Button{&u.restart, &u.play, &u.bug, &u.data, &u.seed, &u.view} {
			texts = append(texts, b.Label)
		}
		for _, sl := range []*widgets.Slider{&u.classes, &u.reg, &u.examples} {
			texts = append(texts, sl.Label, sl.Format(sl.Value))
		}
	}
	texts = append(texts, tableHeaders[:]...)
	for _, k := range New().Keys() {
		texts = append(texts, k.Label, k.Help)
	}
	for _, x := range texts {
		if m := widgets.MissingGlyphs(x); len(m) > 0 {
			t.Errorf("%q uses %q", x, string(m))
		}
	}
}

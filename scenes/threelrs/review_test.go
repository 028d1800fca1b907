package threelrs

import (
	"strconv"
	"strings"
	"testing"

	"gradlab/sim/data"
)

// An exploded run cites the loss that tripped the rule, which the curve
// (ending a step before) never shows: the reviewer's η = 100 on xor.
func TestExplodedRunCitesItsLoss(t *testing.T) {
	s := New()
	s.lrs = [slots]float64{1e-4, 100, 1e-4}
	s.kind, s.seed, s.hidden, s.limit = data.XOR, 9999, 128, 100
	s.Rebuild()
	r := s.runs[1]
	for r.active() {
		r.advance(1<<62, 10)
	}
	if r.v != diverged || !strings.Contains(r.tr.Why, "exploded") {
		t.Fatalf("η 100: %v %q", r.v, r.tr.Why)
	}
	// The trainer stopped before stepping: its network is the one whose
	// loss tripped the rule.
	v, _ := r.tr.Net.Loss(s.set.X, s.set.Y, 0)
	if v <= 1000*r.tr.Loss[0] {
		t.Fatalf("loss %g at the stop is not over 1000× %g", v, r.tr.Loss[0])
	}
	cited := fmtLoss(v)
	for _, text := range []string{r.why, r.line(), r.sentence(), s.Status().(Status).Runs[1].Why} {
		if !strings.Contains(text, cited) || !strings.Contains(text, fmtLoss(r.tr.Loss[0])) {
			t.Errorf("%q does not cite the loss %s or its start", text, cited)
		}
	}
	if !strings.Contains(r.why, "at step "+strconv.Itoa(r.stopAt)) {
		t.Errorf("%q does not name the step %d", r.why, r.stopAt)
	}
	t.Log(r.line())
}

// The caption's step is the step of the runs still training, and a run
// restarted after the others finished is named (the reviewer's E ← ×4,
// Space; and Q → ×4).
func TestSummaryFollowsTheRestartedRun(t *testing.T) {
	s := finished(func(s *Scene) { s.limit = 300 })
	press(t, s, "E", false)
	for range 4 {
		press(t, s, "←", false)
	}
	if h := s.summary(); !strings.HasPrefix(h, "Ready") || !strings.Contains(h, fmtLR(s.lrs[2])+" starts again") {
		t.Errorf("restarted, paused: %q", h)
	}
	press(t, s, "Space", false)
	s.runs[2].advance(1<<62, 40)
	n := s.runs[2].steps()
	if h := s.summary(); !strings.HasPrefix(h, "Training, step "+strconv.Itoa(n)+" of 300:") {
		t.Errorf("restarted run at step %d: %q", n, h)
	}
	press(t, s, "Space", false)
	if h := s.summary(); !strings.HasPrefix(h, "Paused at step "+strconv.Itoa(n)+" of 300:") {
		t.Errorf("paused at step %d: %q", n, h)
	}
	s.finish()
	if h := s.summary(); !strings.HasPrefix(h, "After all the steps") {
		t.Errorf("finished: %q", h)
	}
}

// The caption's lines are wrapped from the summary of the same tick the
// legend shows, not the one before.
func TestCaptionKeepsUpWithTheLegend(t *testing.T) {
	s := New()
	s.togglePlay()
	c := ctx()
	for tick := 0; tick < 400 && s.active(); tick++ {
		before := s.runs[2].v
		s.Update(c)
		s.drawn.frames++
		if s.ui.captionLaid != s.ui.caption.Text {
			t.Fatalf("tick %d: caption laid out from an older text", tick)
		}
		if s.runs[2].v != before && !strings.Contains(s.ui.caption.Text, s.runs[2].sentence()) {
			t.Fatalf("tick %d: the verdict changed to %v but the caption says %q", tick, s.runs[2].v, s.ui.caption.Text)
		}
	}
}

// The sliders' names stay true whatever order the rates are in.
func TestSliderNamesDoNotClaimAnOrder(t *testing.T) {
	s := New()
	s.lrs = [slots]float64{50, 0.5, 0.01}
	s.Rebuild()
	s.Update(ctx())
	for i := range s.ui.sliders {
		l := s.ui.sliders[i].Label
		for _, w := range []string{"small", "middle", "large"} {
			if strings.Contains(l, w) {
				t.Errorf("slider %d is called %q", i, l)
			}
		}
	}
	for _, k := range s.Keys() {
		for _, w := range []string{"small", "middle", "large"} {
			if strings.Contains(k.Help+k.Group, w+" rate") {
				t.Errorf("key %s: %q / %q", k.Label, k.Help, k.Group)
			}
		}
	}
}

// With the smallest limit (100 steps) the climb rule still judges the
// overshooting run, at its end: η = 30 is red, never "crawled" (the
// reviewer's steps=100).
func TestShortRunStillDiverges(t *testing.T) {
	s := finished(func(s *Scene) { s.limit = stepsMin })
	r := s.runs[2]
	if r.v != diverged || r.stopAt != stepsMin || !strings.Contains(r.why, "rose above its start") {
		t.Fatalf("η 30 in %d steps: %v at %d %q", stepsMin, r.v, r.stopAt, r.why)
	}
	if sum := s.summary(); strings.Contains(sum, "30 crawled") || !strings.Contains(sum, "30 diverged at step 100") {
		t.Errorf("summary: %q", sum)
	}
	t.Log(r.line())
}

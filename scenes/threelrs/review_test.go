package threelrs

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gradlab/sim/data"
)

// An exploded run cites the loss that tripped the rule (the network's loss
// at the stop): the reviewer's η = 100 on xor.
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

// Rates that train but whose loss keeps jumping are unstable, with the
// evidence, never "crawled" nor kept "good" (the reviewer's 3, 5, 10 in
// 600 steps: 3 got to 95 % and then jumped 135× at step 330).
func TestJumpingRunsAreUnstable(t *testing.T) {
	s := finished(func(s *Scene) { s.lrs, s.limit = [slots]float64{3, 5, 10}, 600 })
	three, five := s.runs[0], s.runs[1]
	if three.v != unstable || three.reachedAt < 0 || three.jumpAt < 300 || three.jumpTo < 5*three.tr.Loss[0] {
		t.Errorf("η 3: %v reached %d, jump at %d to %g", three.v, three.reachedAt, three.jumpAt, three.jumpTo)
	}
	if five.v != unstable || five.jumps < 3 {
		t.Errorf("η 5: %v, %d jumps", five.v, five.jumps)
	}
	sum := s.summary()
	if strings.Contains(sum, "crawled") || !strings.Contains(sum, "3 is unstable") || !strings.Contains(sum, "5 is unstable") {
		t.Errorf("summary: %q", sum)
	}
	st := s.Status().(Status)
	for i, r := range s.runs {
		// The jump cited is on the curve: its step and loss are the
		// plotted point's.
		if r.v == unstable {
			if got := r.loss()[r.jumpAt]; got != r.jumpTo || !strings.Contains(r.line(), fmtLoss(got)) {
				t.Errorf("η %g: cites %g at %d, curve has %g", r.lr, r.jumpTo, r.jumpAt, got)
			}
			if st.Runs[i].Status != "unstable" || st.Runs[i].JumpAt != r.jumpAt || st.Runs[i].Why != r.why {
				t.Errorf("status %+v", st.Runs[i])
			}
		}
		t.Logf("η %-3s %s", fmtLR(r.lr), r.line())
	}
	t.Log(sum)
}

// The loss an exploded run cites is its curve's last point, the status's
// loss and inside the plot's range (the reviewer's 0.0001, 100, 100 in
// 100 steps: "loss 12300" with a curve ending at 110).
func TestExplodedLossIsOnTheCurve(t *testing.T) {
	s := finished(func(s *Scene) { s.lrs, s.limit = [slots]float64{1e-4, 100, 100}, stepsMin })
	_, hi := yRange(s.runs)
	st := s.Status().(Status)
	for i, r := range s.runs[1:] {
		if r.v != diverged || !strings.Contains(r.tr.Why, "exploded") {
			t.Fatalf("η 100: %v %q", r.v, r.tr.Why)
		}
		v, _ := explodedTo(r.tr.Why)
		l := r.loss()
		if l[len(l)-1] != v || len(l) != r.stopAt+1 || lastLoss(r) != v || st.Runs[i+1].Loss != v {
			t.Errorf("cites %g at step %d; curve ends %g (%d points), status loss %g", v, r.stopAt, l[len(l)-1], len(l), st.Runs[i+1].Loss)
		}
		if !strings.Contains(r.line(), "loss "+fmtLoss(v)) || v > math.Pow(10, hi) {
			t.Errorf("%q; plot up to 10^%g", r.line(), hi)
		}
		t.Log(r.line())
	}
}

// Runs a few steps apart read as one step in the caption, the furthest
// (the reviewer's "Training, steps 20 and 18 and 17 of 2000").
func TestCaptionNamesOneStep(t *testing.T) {
	s := New()
	press(t, s, "Space", false)
	for i, n := range []int{20, 18, 17} {
		s.runs[i].advance(1<<62, n)
	}
	if h := s.head(); h != "Training, step 20 of 2000: " {
		t.Errorf("playing: %q", h)
	}
	press(t, s, "Space", false)
	if h := s.head(); h != "Paused at step 20 of 2000: " {
		t.Errorf("paused: %q", h)
	}
}

// A new biggest jump shows in the caption and the legend in the same tick,
// as a new verdict does (the reviewer saw "jumped 14× at step 156" in the
// legend and "6× at step 56" in the caption).
func TestCaptionFollowsTheJumps(t *testing.T) {
	s := New()
	s.lrs, s.limit = [slots]float64{3, 5, 10}, 600
	s.Rebuild()
	s.togglePlay()
	c := ctx()
	changes := 0
	for tick := 0; tick < 2000 && s.active(); tick++ {
		before := s.runs[1].why
		s.Update(c)
		s.drawn.frames++
		if r := s.runs[1]; r.why != before && r.v == unstable {
			changes++
			if !strings.Contains(s.ui.caption.Text, r.sentence()) || !strings.Contains(s.ui.legend.Rows[1].Line, r.why) {
				t.Fatalf("tick %d: jump %q; caption %q; legend %q", tick, r.why, s.ui.caption.Text, s.ui.legend.Rows[1].Line)
			}
		}
	}
	if changes < 2 {
		t.Errorf("η 5's evidence changed %d times", changes)
	}
}

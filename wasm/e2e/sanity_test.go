//go:build e2e

package e2e

import (
	"math"
	"strings"
	"testing"
	"time"

	"gradlab/scenes/kit"
	"gradlab/scenes/sanity"
)

type sanityStatus = kit.Published[sanity.Status]

func (p *page) sanity() sanityStatus {
	p.t.Helper()
	return eval[sanityStatus](p, "window.gradlab")
}

// clickSanity clicks the middle of one of the scene's controls, named in
// its status.
func (p *page) clickSanity(name string) {
	p.t.Helper()
	r, ok := p.sanity().Controls[name]
	if !ok {
		p.t.Fatalf("no control %q", name)
	}
	p.click(r[0]+r[2]/2, r[1]+r[3]/2)
}

// checkSanityFinite fails on any number of the scene's status that is not
// finite (the JSON could not hold NaN, but a zero standing in for one
// would hide it: the status says in words what diverged instead).
func checkSanityFinite(t *testing.T, st sanity.Status) {
	t.Helper()
	nums := []float64{st.Reg, st.LnC, st.Initial.Mean, st.Initial.MeanReg, st.Initial.Rise, st.Initial.Expected,
		st.Overfit.Loss, st.Overfit.Accuracy, st.Overfit.FirstLoss, st.Full.Loss, st.Full.Accuracy, st.Full.FirstLoss}
	nums = append(append(nums, st.Initial.NoReg...), st.Initial.WithReg...)
	for _, v := range nums {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("non-finite number in %+v", st)
		}
	}
	for _, c := range st.Checks {
		for _, s := range []string{c.Measured, c.Words} {
			if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
				t.Errorf("check %q shows %q", c.Check, s)
			}
		}
	}
}

// The scene opens by URL, measures the initial loss on ln C, overfits its
// 5 examples to 100 % live, and finishes the full training with every
// check passed; a screenshot shows it.
func TestPageSanityOverfitsLive(t *testing.T) {
	p := openPage(t, "?scene=sanity", 1280, 800)
	s := p.sanity()
	if s.Scene != "sanity" || s.State.Bug != "none" || s.State.Classes != 3 || len(s.Errors) != 0 {
		t.Fatalf("landing: scene %q bug %q classes %d errors %q", s.Scene, s.State.Bug, s.State.Classes, s.Errors)
	}
	for _, name := range []string{"restart", "play", "bug", "data", "seed", "view", "classes", "reg", "examples", "regions"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	p.waitFor(`window.gradlab.state.overfit.accuracy == 1 && window.gradlab.state.checks[2].verdict == "pass"`, 60*time.Second)
	s = p.sanity()
	st := s.State
	if st.Overfit.Correct != 5 || st.Overfit.N != 5 || !(st.Overfit.Loss < 0.01) {
		t.Errorf("overfit: %+v", st.Overfit)
	}
	if w := st.Checks[2].Words; !strings.Contains(w, "5/5 correct after") {
		t.Errorf("overfit in words: %q", w)
	}
	if st.Initial.Measured != 5 || math.Abs(st.Initial.Mean-math.Log(3)) > 0.05 || st.Checks[0].Verdict != "pass" {
		t.Errorf("initial loss: %+v, %+v", st.Initial, st.Checks[0])
	}
	p.shot("sanity-overfit-1280x800")
	p.waitFor(`window.gradlab.state.full.status == "done" && window.gradlab.state.checks.every(c => c.verdict == "pass")`, 120*time.Second)
	s = p.sanity()
	checkSanityFinite(t, s.State)
	if len(s.State.Sweep) < 7 {
		t.Errorf("sweep measured at %d class counts", len(s.State.Sweep))
	}
	for _, c := range s.State.Checks {
		t.Logf("%-28s %-8s %s", c.Check, c.Verdict, c.Words)
	}
	t.Logf("Go frame time over the last second (the end of training): median %.2f ms, p95 %.2f ms", s.GoFrameMs, s.GoP95Ms)
	p.shot("sanity-done-1280x800")
}

// A bug injected by the URL is caught: the overfit fails and the status
// says so in words; with the regularisation's sign flipped the warning
// shows, computed from the measured losses.
func TestPageSanityBugFromTheURL(t *testing.T) {
	p := openPage(t, "?scene=sanity&bug=no-mean", 1280, 800)
	p.waitFor(`window.gradlab.state.checks[2].verdict == "fail"`, 90*time.Second)
	st := p.sanity().State
	if st.Bug != "no-mean" || st.Overfit.Accuracy == 1 || !strings.Contains(st.Checks[2].Words, "stuck at loss") {
		t.Errorf("no-mean: bug %q, overfit %+v, %q", st.Bug, st.Overfit, st.Checks[2].Words)
	}
	if st.Checks[0].Verdict != "pass" {
		t.Errorf("no-mean leaves the initial loss at ln C, but: %+v", st.Checks[0])
	}
	p.waitFor(`window.gradlab.state.checks[3].verdict == "fail"`, 30*time.Second)
	if w := p.sanity().State.Checks[3].Words; !strings.Contains(w, "diverged at step") {
		t.Errorf("full training with no-mean: %q", w)
	}
	checkSanityFinite(t, p.sanity().State)
	p.shot("sanity-no-mean")
	p.close()

	q := openPage(t, "?scene=sanity&bug=reg-sign&reg=1", 1280, 800)
	q.waitFor(`window.gradlab.state.warning != ""`, 30*time.Second)
	st = q.sanity().State
	if !(st.Initial.Rise < 0) || st.Checks[1].Verdict != "fail" || !strings.Contains(st.Warning, "lowered it by") {
		t.Errorf("reg-sign: rise %g, %+v, warning %q", st.Initial.Rise, st.Checks[1], st.Warning)
	}
	q.shot("sanity-reg-sign")
}

// Keys and clicks: B injects the next bug and the URL follows; a click on
// the region view switches to the full-training network; a small phone
// screen keeps the checklist.
func TestPageSanityKeysAndSmallScreen(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("3")
	p.waitFor(`window.gradlab.scene == "sanity"`, 10*time.Second)
	p.key("b")
	p.waitFor(`window.gradlab.state.bug == "no-relu-mask"`, 5*time.Second)
	p.waitFor(`location.search.includes("bug=no-relu-mask")`, 5*time.Second)
	p.clickSanity("regions")
	p.waitFor(`window.gradlab.state.view == "full"`, 5*time.Second)
	p.waitFor(`location.search.includes("view=full")`, 5*time.Second)
	p.close()

	q := openPage(t, "?scene=sanity", 360, 640)
	q.waitFor(`window.gradlab.state.checks[2].verdict == "pass"`, 60*time.Second)
	s := q.sanity()
	if len(s.Errors) != 0 {
		t.Errorf("errors %q", s.Errors)
	}
	for name, r := range s.Controls {
		if r[0] < 0 || r[1] < 0 || r[0]+r[2] > 360.5 || r[1]+r[3] > 640.5 {
			t.Errorf("control %s %v leaves the 360×640 window", name, r)
		}
	}
	time.Sleep(500 * time.Millisecond)
	q.shot("sanity-360x640")
}

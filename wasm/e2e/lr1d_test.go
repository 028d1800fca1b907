//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/kit"
	"gradlab/scenes/lr1d"
)

type lrStatus = kit.Published[lr1d.Status]

func (p *page) lrStatus() lrStatus {
	p.t.Helper()
	return eval[lrStatus](p, "window.gradlab")
}

// The scene opens by URL, runs its steps one by one to the end, and the
// regime follows η as → raises it; T adds the second curvature.
func TestPageLr1dKeysAndRegimes(t *testing.T) {
	p := openPage(t, "?scene=lr-1d", 1280, 800)
	s := p.lrStatus()
	st := s.State
	if s.Scene != "lr-1d" || st.Regime != "converging" || st.StepsTo != 19 || st.IterSteps != 19 || len(s.Errors) != 0 {
		t.Fatalf("landing: scene %q regime %q steps %d/%d errors %q", s.Scene, st.Regime, st.StepsTo, st.IterSteps, s.Errors)
	}
	for _, name := range []string{"play", "replay", "lr", "L", "x0", "two", "log", "speed"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 {
			t.Errorf("control %s: %v", name, r)
		}
	}
	// The iterates appear one by one, then the run stops at its end.
	p.waitFor(`window.gradlab.state.t > 0 && window.gradlab.state.t < window.gradlab.state.steps`, 10*time.Second)
	p.waitFor(`window.gradlab.state.t == window.gradlab.state.steps && !window.gradlab.state.playing`, 20*time.Second)
	p.shot("lr1d-1280x800")

	// Five presses of → take ηL from 0.316 past 1: oscillating.
	for range 5 {
		p.hold(kb.ArrowRight)
	}
	p.waitFor(`window.gradlab.state.regime == "oscillating"`, 5*time.Second)
	st = p.lrStatus().State
	if st.LR != 1.33352 || st.StepsTo <= 0 || !strings.Contains(st.Lines[0], "oscillating but converging") {
		t.Errorf("after →×5: η %g, %d steps, %q", st.LR, st.StepsTo, st.Lines[0])
	}
	p.waitFor(`location.search.includes("lr=1.33352")`, 5*time.Second)
	p.waitFor(`window.gradlab.state.t == window.gradlab.state.steps`, 20*time.Second)
	p.shot("lr1d-oscillating")

	// T: the second curvature, and the words for both directions.
	p.hold("t")
	p.waitFor(`window.gradlab.state.two && window.gradlab.state.y`, 5*time.Second)
	st = p.lrStatus().State
	if st.Y.Regime != "diverging" || !strings.Contains(st.Verdict, "y, the steep one, diverges") {
		t.Errorf("two curvatures at η %g: x %s, y %s, %q", st.LR, st.Regime, st.Y.Regime, st.Verdict)
	}
	p.hold("a")
	p.waitFor(`window.gradlab.state.logAxis && window.gradlab.state.t == window.gradlab.state.steps`, 20*time.Second)
	p.shot("lr1d-two-log")
	p.clickControl("two")
	p.waitFor(`!window.gradlab.state.two`, 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	s = p.lrStatus()
	t.Logf("Go frame time while the 1-D run replays: median %.2f ms, p95 %.2f ms, %.0f fps", s.GoFrameMs, s.GoP95Ms, s.FPS)
}

// A diverging URL: the run stops at the bound, says where, and the status
// stays finite (it would not decode otherwise).
func TestPageLr1dDivergingURL(t *testing.T) {
	p := openPage(t, "?scene=lr-1d&lr=3&L=1&x0=2&speed=120", 1280, 800)
	p.waitFor(`window.gradlab.state.divergedAt > 0 && window.gradlab.state.t == window.gradlab.state.divergedAt`, 20*time.Second)
	s := p.lrStatus()
	st := s.State
	if st.Regime != "diverging" || st.StepsTo != -1 || len(s.Errors) != 0 || !strings.Contains(strings.Join(st.Lines, " "), fmt.Sprintf("diverged at step %d", st.DivergedAt)) {
		t.Errorf("diverging: %+v, errors %q", st, s.Errors)
	}
	p.shot("lr1d-diverging")
	p.close()

	q := openPage(t, "?scene=lr-1d&lr=abc&L=1e9&two=2", 1280, 800)
	s = q.lrStatus()
	if len(s.Errors) != 3 || s.State.LR != 0.316228 || s.State.L != 1 || s.State.Two {
		t.Errorf("bad URL: %q, %+v", s.Errors, s.State)
	}
}

// A phone-sized window: the controls stay inside and apart, and the notes
// open.
func TestPageLr1dSmallWindow(t *testing.T) {
	for _, sz := range [][2]int{{360, 640}, {640, 360}} {
		p := openPage(t, "?scene=lr-1d&two=1", sz[0], sz[1])
		s := p.lrStatus()
		for name, r := range s.Controls {
			if r[0] < -0.5 || r[1] < -0.5 || r[0]+r[2] > float64(sz[0])+0.5 || r[1]+r[3] > float64(sz[1])+0.5 {
				t.Errorf("%v: %s %v leaves the window", sz, name, r)
			}
			for other, q := range s.Controls {
				if other > name && r[0]+0.5 < q[0]+q[2] && q[0]+0.5 < r[0]+r[2] && r[1]+0.5 < q[1]+q[3] && q[1]+0.5 < r[1]+r[3] {
					t.Errorf("%v: %s %v overlaps %s %v", sz, name, r, other, q)
				}
			}
		}
		p.waitFor(`window.gradlab.state.t == window.gradlab.state.steps`, 20*time.Second)
		if !p.lrStatus().State.PlotShown {
			t.Errorf("%v: no x(t) plot", sz)
		}
		p.shot(fmt.Sprintf("lr1d-%dx%d", sz[0], sz[1]))
		p.hold("i")
		time.Sleep(400 * time.Millisecond)
		p.shot(fmt.Sprintf("lr1d-%dx%d-notes", sz[0], sz[1]))
		p.close()
	}
}

// After a run ends ("play" shown), a click at the right end of the x₀
// slider restarts it ("pause") and sets x₀ to its maximum: the controls do
// not move when the button's label changes, so the release lands on the
// track the press did. The URL keeps x₀ exactly.
func TestPageLr1dSliderClickAfterRun(t *testing.T) {
	p := openPage(t, "?scene=lr-1d&lr=20", 1280, 800)
	p.waitFor(`window.gradlab.state.t == window.gradlab.state.steps && !window.gradlab.state.playing`, 20*time.Second)
	before := p.lrStatus().Controls
	r := before["x0"]
	p.click(r[0]+r[2]-3, r[1]+r[3]*0.7)
	p.waitFor(`window.gradlab.state.x0 == 10`, 5*time.Second)
	s := p.lrStatus()
	for name, q := range s.Controls {
		if b := before[name]; name != "more" && b != q {
			t.Errorf("%s moved from %v to %v", name, b, q)
		}
	}
	p.waitFor(`location.search.includes("x0=10")`, 5*time.Second)
}

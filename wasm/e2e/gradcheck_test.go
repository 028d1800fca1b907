//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/gradcheck"
	"gradlab/scenes/kit"
)

type gcStatus = kit.Published[gradcheck.Status]

func (p *page) gcStatus() gcStatus {
	p.t.Helper()
	return eval[gcStatus](p, "window.gradlab")
}

// hold presses a key for a few frames before letting go, as a person
// does: a key event that carries a code (the arrows) and comes up in the
// same tick it went down is never seen by the program.
func (p *page) hold(key string) {
	p.t.Helper()
	for _, r := range key {
		for _, ev := range kb.Encode(r) {
			if _, err := chromedp.Call(p.ctx, input.DispatchKeyEvent, *ev); err != nil {
				p.t.Fatal(err)
			}
			time.Sleep(60 * time.Millisecond)
		}
	}
}

// The scene opens by URL, h moves by key, the whole-network check runs by
// key and comes back clean, and the numbers on screen follow h.
func TestPageGradcheckOpensAndChecks(t *testing.T) {
	p := openPage(t, "?scene=gradcheck", 1280, 800)
	s := p.gcStatus()
	st := s.State
	if s.Scene != "gradcheck" || st.Function != "smooth" || st.H != 1e-5 || len(s.Errors) != 0 {
		t.Fatalf("landing: scene %q function %q h %g errors %q", s.Scene, st.Function, st.H, s.Errors)
	}
	if !st.V || len(st.Series) != 4 {
		t.Fatalf("no V: %+v", st.Series)
	}
	for _, sr := range st.Series {
		want := 2.0
		if sr.Method == "forward" {
			want = 1
		}
		if math.Abs(sr.TruncSlope-want) > 0.3 || math.Abs(sr.RoundOffSlope+1) > 0.3 {
			t.Errorf("%s: slopes %.2f, %.2f", sr.Name, sr.TruncSlope, sr.RoundOffSlope)
		}
	}
	if st.Band != "good" || st.Float32 == nil || st.Float32.Band == "good" {
		t.Errorf("centered float64 %s, float32 %+v", st.Band, st.Float32)
	}
	p.shot("gradcheck-1280x800")

	// Four presses of → take h from 1e-5 to exactly 1e-4.
	for range 4 {
		p.hold(kb.ArrowRight)
	}
	p.waitFor(`window.gradlab.state.h == 1e-4`, 5*time.Second)
	if b := p.gcStatus().State; b.Centered == st.Centered || b.RelErr <= st.RelErr {
		t.Errorf("h 1e-5 → 1e-4: centered %g → %g, error %g → %g", st.Centered, b.Centered, st.RelErr, b.RelErr)
	}
	p.waitFor(`location.search.includes("h=0.0001")`, 5*time.Second)

	// C checks every parameter of the network.
	p.hold("c")
	p.waitFor(`window.gradlab.state.check.state == "done"`, 10*time.Second)
	c := p.gcStatus().State.Check
	if c.Done != 63 || len(c.Layers) != 4 || len(c.Flagged) != 0 || !strings.Contains(c.Verdict, "every layer") {
		t.Errorf("clean network: %+v", c)
	}
	for _, l := range c.Layers {
		if l.Band != "good" || l.Max <= 0 || l.Max > 1e-7 {
			t.Errorf("%s: %s, max %g", l.Name, l.Band, l.Max)
		}
	}
	p.shot("gradcheck-checked")
	// The Go-side frame time over the last second, at rest after the
	// check: only what changed is drawn.
	time.Sleep(1500 * time.Millisecond)
	s = p.gcStatus()
	t.Logf("Go frame time at rest: median %.2f ms, p95 %.2f ms, %.0f fps", s.GoFrameMs, s.GoP95Ms, s.FPS)
}

// A bug injected by URL: the check, run by its button, names the broken
// layer in the status and in words.
func TestPageGradcheckFlagsAnInjectedBug(t *testing.T) {
	p := openPage(t, "?scene=gradcheck&fn=net&bug=sign", 1280, 800)
	if st := p.gcStatus().State; st.Bug != "sign" || st.Function != "net" || st.Check.State != "idle" {
		t.Fatalf("state %+v", st)
	}
	p.clickControl("check")
	p.waitFor(`window.gradlab.state.check.state == "done"`, 10*time.Second)
	c := p.gcStatus().State.Check
	if !slices.Equal(c.Flagged, []string{"layer 1 W"}) || !strings.HasPrefix(c.Verdict, "layer 1 W: max relative error") ||
		!strings.Contains(c.Verdict, "every other layer < 10⁻⁷") {
		t.Errorf("sign bug: %+v", c)
	}
	p.shot("gradcheck-bug-sign")

	// Cycle to the next bug by key: the check follows.
	p.hold("b")
	p.waitFor(`window.gradlab.state.bug == "transpose" && window.gradlab.state.check.state == "done"`, 10*time.Second)
	if c := p.gcStatus().State.Check; !slices.Equal(c.Flagged, []string{"layer 1 W"}) {
		t.Errorf("transpose bug: %+v", c.Flagged)
	}
	// Clicking a layer's row shows the loss along its worst parameter.
	p.clickControl("layer:W1")
	p.waitFor(`window.gradlab.state.layer == 1 && !window.gradlab.state.bias`, 5*time.Second)
	if st := p.gcStatus().State; st.Band != "probably wrong" || st.Param != st.Check.Layers[0].Worst {
		t.Errorf("worst W1 parameter: θ[%d] %s, worst %d", st.Param, st.Band, st.Check.Layers[0].Worst)
	}

	// A URL with check=1 reproduces it.
	p.close()
	q := openPage(t, "?scene=gradcheck&fn=net&bug=no-relu-mask&check=1", 1280, 800)
	q.waitFor(`window.gradlab.state.check.state == "done"`, 10*time.Second)
	if c := q.gcStatus().State.Check; !slices.Equal(c.Flagged, []string{"layer 1 W", "layer 1 b"}) {
		t.Errorf("no-relu-mask: %+v", c.Flagged)
	}
}

// Kinks have no V; junk in the URL is named and replaced.
func TestPageGradcheckKinkAndBadURL(t *testing.T) {
	p := openPage(t, "?scene=gradcheck&fn=relu&h=1e-300&param=99", 1280, 800)
	s := p.gcStatus()
	if s.State.V || !s.State.CrossesKink || s.State.H != 1e-5 || s.State.Param != 30 {
		t.Errorf("relu: %+v", s.State)
	}
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "h=") || !strings.Contains(s.Errors[1], "param=") {
		t.Errorf("messages %q", s.Errors)
	}
	p.shot("gradcheck-relu")
}

// Small and large windows: controls inside and apart, the plot keeps its
// share, and the caption opens.
func TestPageGradcheckLayouts(t *testing.T) {
	for _, sz := range [][2]int{{360, 640}, {640, 360}, {320, 240}, {1920, 1080}} {
		p := openPage(t, "?scene=gradcheck&fn=net&check=1", sz[0], sz[1])
		p.waitFor(`window.gradlab.state.check.state == "done"`, 10*time.Second)
		s := p.gcStatus()
		if r := s.Controls["plot"]; r[2]*r[3] < 0.1*float64(sz[0]*sz[1]) {
			t.Errorf("%v: the plot %v gets under a tenth of the window", sz, r)
		}
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
		p.shot(fmt.Sprintf("gradcheck-%dx%d", sz[0], sz[1]))
		p.hold("i")
		time.Sleep(400 * time.Millisecond)
		p.shot(fmt.Sprintf("gradcheck-%dx%d-notes", sz[0], sz[1]))
		p.close()
	}
}

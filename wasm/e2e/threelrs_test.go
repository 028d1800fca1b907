//go:build e2e

package e2e

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/kit"
	"gradlab/scenes/threelrs"
	"gradlab/widgets"
)

type tlStatus = kit.Published[threelrs.Status]

func (p *page) threeLRs() tlStatus {
	p.t.Helper()
	return eval[tlStatus](p, "window.gradlab")
}

// checkTLFinite fails on a number of the scene's status that is not finite
// or a word that stands for one.
func checkTLFinite(t *testing.T, st threelrs.Status) {
	t.Helper()
	for _, r := range st.Runs {
		for _, v := range []float64{r.LR, r.Loss, r.Accuracy} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("non-finite number in %+v", r)
			}
		}
		for _, w := range []string{r.Line, r.Why} {
			if strings.Contains(w, "NaN") || strings.Contains(w, "Inf") || strings.Contains(w, "undefined") {
				t.Errorf("run %g shows %q", r.LR, w)
			}
		}
	}
}

// The scene opens by its key, Run (Space) trains the three networks live:
// the large rate is flagged diverged at a step with its reason, the middle
// one reaches 95 %, and the caption says so with their numbers.
func TestPageThreeLRsTrainsLive(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("1")
	p.waitFor(`window.gradlab.scene == "three-lrs"`, 10*time.Second)
	s := p.threeLRs()
	st := s.State
	if st.Data != "spiral" || st.Playing || len(st.Runs) != 3 || len(s.Errors) != 0 {
		t.Fatalf("landing: %+v errors %q", st, s.Errors)
	}
	for i, want := range []float64{0.01, 0.5, 30} {
		if st.Runs[i].LR != want || st.Runs[i].Status != "ready" || st.Runs[i].Step != 0 {
			t.Errorf("run %d before Run: %+v", i, st.Runs[i])
		}
	}
	for _, name := range []string{"run", "reset", "data", "seed", "hidden", "lr1", "lr2", "lr3", "legend:1", "legend:2", "legend:3", "regions:1", "regions:2", "regions:3"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	p.shot("threelrs-ready-1280x800")

	p.key(" ")
	p.waitFor(`window.gradlab.state.playing`, 10*time.Second)
	p.waitFor(`window.gradlab.state.runs[2].status == "diverged" && window.gradlab.state.runs[1].status == "good"`, 120*time.Second)
	s = p.threeLRs()
	st = s.State
	checkTLFinite(t, st)
	div, good := st.Runs[2], st.Runs[1]
	if div.DivergedAt <= 0 || div.Why == "" || div.Step != div.DivergedAt {
		t.Errorf("diverged run: %+v", div)
	}
	if good.ReachedAt <= 0 || good.ReachedAt > good.Step || good.Accuracy < good.Goal-0.05 {
		t.Errorf("good run: %+v", good)
	}
	if st.StepsPerSec <= 0 {
		t.Errorf("training, yet %g steps per second", st.StepsPerSec)
	}
	t.Logf("steps per second (three runs together): %.0f; Go frame time median %.2f ms, p95 %.2f ms, %.0f fps",
		st.StepsPerSec, s.GoFrameMs, s.GoP95Ms, s.FPS)
	p.shot("threelrs-training-1280x800")
	// The caption's numbers are the runs' (it is refreshed within a second).
	p.waitFor(`window.gradlab.state.summary.includes("0.5 reached 95 % in")`, 5*time.Second)
	st = p.threeLRs().State
	for _, want := range []string{
		"0.5 reached 95 % in " + strconv.Itoa(st.Runs[1].ReachedAt) + " steps",
		"30 diverged at step " + strconv.Itoa(st.Runs[2].DivergedAt),
	} {
		if !strings.Contains(st.Summary, want) {
			t.Errorf("summary %q lacks %q", st.Summary, want)
		}
	}
	// A URL with run=1 shares the running state.
	p.waitFor(`location.search.includes("run=1")`, 5*time.Second)
}

// Keys tune the rates, a junk URL is named and replaced, and a phone-sized
// window keeps the controls apart and inside.
func TestPageThreeLRsKeysURLAndPhone(t *testing.T) {
	p := openPage(t, "?scene=three-lrs&lr3=1e9&data=mnist&run=1&steps=400", 360, 640)
	s := p.threeLRs()
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "lr3=") || !strings.Contains(s.Errors[1], "data=") {
		t.Errorf("messages %q", s.Errors)
	}
	if st := s.State; st.Runs[2].LR != 30 || st.Data != "spiral" || st.Limit != 400 {
		t.Errorf("defaults not kept: %+v", st)
	}
	// With 400 steps the small rate runs out of them: slow (orange).
	p.waitFor(`window.gradlab.state.runs[2].status == "diverged" && !window.gradlab.state.playing`, 100*time.Second)
	if st := p.threeLRs().State; st.Runs[0].Status != "slow" || st.Runs[0].Step != 400 || st.Runs[1].Status != "good" {
		t.Errorf("after 400 steps: %+v", st.Runs)
	}
	checkTLFinite(t, p.threeLRs().State)
	area := s.Window
	var rs [][4]float64
	var names []string
	for name, r := range p.threeLRs().Controls {
		if strings.HasPrefix(name, "tab:") || name == "help" {
			continue
		}
		if r[0] < -0.5 || r[1] < -0.5 || r[0]+r[2] > area[0]+0.5 || r[1]+r[3] > area[1]+0.5 {
			t.Errorf("%s %v leaves the window %v", name, r, area)
		}
		rs, names = append(rs, r), append(names, name)
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			a, b := rs[i], rs[j]
			if a[0]+0.5 < b[0]+b[2] && b[0]+0.5 < a[0]+a[2] && a[1]+0.5 < b[1]+b[3] && b[1]+0.5 < a[1]+a[3] {
				t.Errorf("%s %v overlaps %s %v", names[i], a, names[j], b)
			}
		}
	}
	p.key(kb.Escape) // the messages go; the scene shows whole
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	p.shot("threelrs-360x640")

	// E chooses the large rate; ← three times takes it from 30 to 5.
	p.key("e")
	p.waitFor(`window.gradlab.state.selected == 2`, 5*time.Second)
	for range 3 {
		p.hold(kb.ArrowLeft)
	}
	p.waitFor(`window.gradlab.state.runs[2].lr == 5`, 5*time.Second)
	p.waitFor(`location.search.includes("lr3=5")`, 5*time.Second)
	// R resets: every run back at step 0, paused.
	p.key("r")
	p.waitFor(`!window.gradlab.state.playing && window.gradlab.state.runs.every(r => r.step == 0)`, 5*time.Second)
}

// The reviewer's verdicts in the page, 100 steps: η = 3 trains but its
// loss jumps (unstable, with the step), η = 30 overshoots (diverged at the
// end of the run, never "crawled"), η = 100 explodes and the loss it cites
// is the status's loss; the caption names one step.
func TestPageThreeLRsVerdicts(t *testing.T) {
	p := openPage(t, "?scene=three-lrs&lr1=3&lr2=30&lr3=100&steps=100&run=1", 1280, 800)
	p.waitFor(`window.gradlab.state.runs && !window.gradlab.state.playing && window.gradlab.state.runs[0].step == 100`, 100*time.Second)
	st := p.threeLRs().State
	checkTLFinite(t, st)
	unst, div, exp := st.Runs[0], st.Runs[1], st.Runs[2]
	if unst.Status != "unstable" || unst.JumpAt <= 0 || !strings.Contains(unst.Why, "at step "+strconv.Itoa(unst.JumpAt)) {
		t.Errorf("η 3: %+v", unst)
	}
	if div.Status != "diverged" || div.DivergedAt != 100 || strings.Contains(st.Summary, "crawled") {
		t.Errorf("η 30: %+v; %q", div, st.Summary)
	}
	if exp.Status != "diverged" || !strings.Contains(exp.Line, "loss "+widgets.Num(exp.Loss)) {
		t.Errorf("η 100: %+v", exp)
	}
	if !strings.HasPrefix(st.Summary, "After all the steps: 3 is unstable") {
		t.Errorf("summary %q", st.Summary)
	}
	t.Log(st.Summary)
}

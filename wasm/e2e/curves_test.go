//go:build e2e

package e2e

import (
	"strings"
	"testing"
	"time"

	"gradlab/scenes/curves"
	"gradlab/scenes/kit"
)

type cvStatus = kit.Published[curves.Status]

func (p *page) cvStatus() cvStatus {
	p.t.Helper()
	return eval[cvStatus](p, "window.gradlab")
}

// The scene opens by URL, trains live, and the doctor names the scenario's
// condition with numbers and marks; the URL carries the scenario.
func TestPageCurvesDiagnosesOverfitting(t *testing.T) {
	p := openPage(t, "?scene=curves&scenario=overfit&seed=1", 1280, 800)
	s := p.cvStatus()
	if s.Scene != "curves" || s.State.Scenario != "overfit" || len(s.Errors) != 0 {
		t.Fatalf("landing: %s %+v %q", s.Scene, s.State.Scenario, s.Errors)
	}
	// It trains while we watch: the epoch grows from tick to tick.
	p.waitFor(`window.gradlab.state.epoch > 5`, 20*time.Second)
	p.shot("curves-training-1280x800")
	// F finishes the run; the doctor's last reading is on the whole run.
	p.key("f")
	p.waitFor(`window.gradlab.state.done && window.gradlab.state.diagnosedAt == window.gradlab.state.points`, 20*time.Second)
	st := p.cvStatus().State
	if st.Diagnosis != "overfit" || !strings.Contains(st.Evidence, "validation loss rose") || len(st.Marks) == 0 || !st.Shown {
		t.Errorf("diagnosis %s (%s), %d marks", st.Diagnosis, st.Evidence, len(st.Marks))
	}
	t.Logf("%s: %s", st.Diagnosis, st.Evidence)
	p.shot("curves-overfit-1280x800")
	frame := p.cvStatus()
	t.Logf("Go frame time after the run: median %.2f ms, p95 %.2f ms, %.0f fps", frame.GoFrameMs, frame.GoP95Ms, frame.FPS)
}

// A live run to its diagnosis without F, by scenario button: the verdict
// appears as the curves grow.
func TestPageCurvesLiveToTheVerdict(t *testing.T) {
	p := openPage(t, "?scene=curves", 1280, 800)
	p.clickControl("scenario:bad-init")
	p.waitFor(`window.gradlab.state.scenario == "bad-init" && location.search.includes("scenario=bad-init")`, 5*time.Second)
	time.Sleep(1500 * time.Millisecond)
	s := p.cvStatus()
	t.Logf("Go frame time while training: median %.2f ms, p95 %.2f ms, %.0f fps, epoch %.1f", s.GoFrameMs, s.GoP95Ms, s.FPS, s.State.Epoch)
	p.waitFor(`window.gradlab.state.diagnosis == "bad-init"`, 90*time.Second)
	if st := p.cvStatus().State; !strings.Contains(st.Evidence, "ln 3") {
		t.Errorf("evidence %q", st.Evidence)
	}
	p.shot("curves-bad-init-1280x800")
}

// Mystery mode by key: the name and verdict are hidden, a guess by button
// reveals them and scores.
func TestPageCurvesMystery(t *testing.T) {
	p := openPage(t, "?scene=curves", 360, 640)
	p.key("m")
	p.waitFor(`window.gradlab.state.mystery.on && !window.gradlab.state.shown`, 5*time.Second)
	// A guess before a quarter of the run is on screen asks to wait.
	p.key("r")
	p.key("u")
	p.waitFor(`window.gradlab.state.mystery.wait != ""`, 5*time.Second)
	if m := p.cvStatus().State.Mystery; m.Revealed || m.Asked != 0 {
		t.Errorf("an early guess counted: %+v", m)
	}
	p.key("f")
	p.waitFor(`window.gradlab.state.done`, 30*time.Second)
	p.shot("curves-mystery-360x640")
	// Mysteries start from the clock, so this one is any scenario and
	// seed: guess what the doctor read, or "healthy" where it cannot tell.
	want := p.cvStatus().State.Diagnosis
	if want == "unknown" {
		want = "healthy"
	}
	ctl := "guess:" + want
	if _, ok := p.cvStatus().Controls[ctl]; !ok {
		// On a small screen the guess may sit on another page of the strip.
		for range 4 {
			if _, ok := p.cvStatus().Controls[ctl]; ok {
				break
			}
			p.clickControl("more")
			time.Sleep(200 * time.Millisecond)
		}
	}
	p.clickControl(ctl)
	p.waitFor(`window.gradlab.state.mystery.revealed`, 5*time.Second)
	m := p.cvStatus().State.Mystery
	if m.Asked != 1 || m.Guess != want || !p.cvStatus().State.Shown {
		t.Errorf("mystery %+v, wanted guess %s", m, want)
	}
	t.Logf("mystery %d: %s, score %d/%d", m.Number, p.cvStatus().State.Scenario, m.Right, m.Asked)
	p.shot("curves-mystery-revealed-360x640")
}

// Junk in the URL is named and replaced: seeds run 1 … 9999, mystery
// codes 1 … 999999.
func TestPageCurvesBadURL(t *testing.T) {
	p := openPage(t, "?scene=curves&scenario=nope&seed=0&mystery=0", 1280, 800)
	s := p.cvStatus()
	if len(s.Errors) != 3 || s.State.Scenario != "healthy" || s.State.Seed != 1 || s.State.Mystery.On {
		t.Errorf("errors %q, state %s %d", s.Errors, s.State.Scenario, s.State.Seed)
	}
}

//go:build e2e

package e2e

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/kit"
	"gradlab/scenes/schedules"
	"gradlab/sim"
)

type schedStatus = kit.Published[schedules.Status]

func (p *page) schedules() schedStatus {
	p.t.Helper()
	return eval[schedStatus](p, "window.gradlab")
}

// raceSchedule is the race's schedule of kind k for 100 epochs, as the
// scene says it uses it (multi-step drops at 30, 60 and 90).
func raceSchedule(id string) sim.Schedule {
	k, _ := sim.ParseScheduleKind(id)
	s := sim.DefaultSchedule(k, 100)
	if k == sim.MultiStep {
		s.Milestones = []int{30, 60, 90}
	}
	return s
}

func checkSchedFinite(t *testing.T, st schedules.Status) {
	t.Helper()
	for _, r := range st.Runs {
		for _, v := range []float64{r.Loss, r.Accuracy, r.LastLR, r.Peak, r.Start} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("non-finite number in %+v", r)
			}
		}
		if strings.Contains(r.Line, "NaN") || strings.Contains(r.Line, "Inf") {
			t.Errorf("%s shows %q", r.Kind, r.Line)
		}
	}
}

// The scene opens by its key; Space trains one network per shown schedule
// live; every run trains at the rate the race's schedule gives for its
// epoch; step decay's loss drops after epoch 30 and the restarts' jumps
// after theirs, and the caption says so with the runs' numbers.
func TestPageSchedulesTrainsLive(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("7")
	p.waitFor(`window.gradlab.scene == "schedules"`, 10*time.Second)
	s := p.schedules()
	st := s.State
	if st.Base != 0.3 || st.Playing || len(st.Runs) != 5 || len(s.Errors) != 0 {
		t.Fatalf("landing: %+v errors %q", st, s.Errors)
	}
	for _, name := range []string{"run", "reset", "kind", "onoff", "knob", "knobslider", "base", "axis", "seed",
		"legend:constant", "legend:restarts", "setting:gamma", "setting:every"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	// The chosen schedule's rates are the race's.
	sel := st.Runs[1]
	if sel.Kind != "step" || len(sel.LRs) != 100 {
		t.Fatalf("selected run %+v", sel)
	}
	race := raceSchedule("step")
	for e, lr := range sel.LRs {
		if want := race.LR(0.3, e); math.Abs(lr-want) > 1e-15 {
			t.Errorf("step decay epoch %d: %g, the race's schedule %g", e, lr, want)
		}
	}
	p.shot("schedules-ready-1280x800")
	p.close()

	// Two schedules train faster than five on a busy machine's
	// software-rendered page (the training budget is per frame); run=1
	// starts them as the page opens.
	p = openPage(t, "?scene=schedules&show=step,restarts&run=1", 1280, 800)
	p.waitFor(`window.gradlab.state.playing && window.gradlab.state.runs.length == 2`, 10*time.Second)
	// Mid-run, each run's last step used its schedule's rate for that epoch.
	p.waitFor(`window.gradlab.state.epoch >= 12`, 300*time.Second)
	for _, r := range p.schedules().State.Runs {
		if r.Steps == 0 {
			t.Errorf("%s has not trained", r.Kind)
			continue
		}
		rs := raceSchedule(r.Kind)
		if want := rs.LR(0.3, (r.Steps-1)/10); r.LastLR != want {
			t.Errorf("%s step %d trained at %g, the race's schedule says %g", r.Kind, r.Steps, r.LastLR, want)
		}
	}
	s = p.schedules()
	t.Logf("training: %.0f steps per second (all runs), Go frame median %.2f ms, p95 %.2f ms, %.0f fps",
		s.State.StepsPerSec, s.GoFrameMs, s.GoP95Ms, s.FPS)
	if s.State.StepsPerSec <= 0 {
		t.Errorf("training, yet %g steps per second", s.State.StepsPerSec)
	}
	p.shot("schedules-training-1280x800")
	// Three epochs past the first drop and the second restart (a loaded
	// machine's software-rendered page trains slowly: the budget is per
	// frame).
	p.waitFor(`window.gradlab.state.runs.every(r => r.epoch >= 33)`, 600*time.Second)
	if p.schedules().State.Playing {
		p.key(" ")
		p.waitFor(`!window.gradlab.state.playing`, 10*time.Second)
	}
	st = p.schedules().State
	checkSchedFinite(t, st)
	for _, r := range st.Runs {
		if r.Diverged || r.BlewAt >= 0 {
			t.Errorf("%s after training: %+v", r.Kind, r)
		}
		for _, ev := range r.Events {
			if ev.Epoch > 30 {
				continue
			}
			t.Logf("%s %s at %d: loss %.4f → %.4f", r.Kind, ev.Kind, ev.Epoch, ev.Before, ev.After)
			switch {
			case ev.Kind == "drop" && ev.Epoch == 30 && !(ev.After < 0.5*ev.Before):
				t.Errorf("step decay's drop at 30: %.4f → %.4f", ev.Before, ev.After)
			case ev.Kind == "restart" && ev.Epoch == 30 && !(ev.After > 2*ev.Before):
				t.Errorf("the restart at 30: %.4f → %.4f", ev.Before, ev.After)
			}
		}
	}
	if !strings.HasPrefix(st.Summary, "Paused at epoch") && !strings.HasPrefix(st.Summary, "After 100 epochs") {
		t.Errorf("summary %q", st.Summary)
	}
	for _, want := range []string{"step decay: the loss went from", "cosine restarts: the loss jumped"} {
		if !strings.Contains(st.Summary, want) {
			t.Errorf("summary %q lacks %q", st.Summary, want)
		}
	}
	// The read-out follows the pointer over the plots.
	if err := chromedp.Do(p.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, 400, 400)); err != nil {
		t.Fatal(err)
	}
	p.waitFor(`window.gradlab.state.hover >= 0`, 5*time.Second)
	p.shot("schedules-paused-hover-1280x800")
	p.waitFor(`location.search.includes("show=step,restarts")`, 5*time.Second)
}

// The caption's first try, through the keys: B twice raises the base rate
// to 1, and constant and cosine spike in the first epoch (then go on)
// while warmup + cosine does not. On a phone-sized window the controls
// stay apart and inside, and V switches between the plots and the legend
// with the settings.
func TestPageSchedulesSpikeTryAndPhone(t *testing.T) {
	p := openPage(t, "?scene=schedules&base=1e9&show=cosine,zzz&seed=2&multistep.drops=60,30", 360, 640)
	s := p.schedules()
	if len(s.Errors) != 3 || !strings.Contains(s.Errors[0], "base=") || !strings.Contains(s.Errors[1], "show=") ||
		!strings.Contains(s.Errors[2], "in order without repeats: using 30,60") {
		t.Errorf("messages %q", s.Errors)
	}
	if st := s.State; st.Base != 0.3 || len(st.Runs) != 5 || st.Seed != 2 || !st.Compact || st.View != "plots" {
		t.Errorf("defaults not kept: %+v", st)
	}
	p.key(kb.Escape)
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	area := s.Window
	var rs [][4]float64
	var names []string
	for name, r := range p.schedules().Controls {
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
	p.shot("schedules-360x640")
	p.hold("b")
	p.waitFor(`window.gradlab.state.base == 0.5`, 5*time.Second)
	p.hold("b")
	p.waitFor(`window.gradlab.state.base == 1`, 5*time.Second)
	p.key(" ")
	p.waitFor(`window.gradlab.state.epoch >= 12`, 300*time.Second)
	st := p.schedules().State
	checkSchedFinite(t, st)
	for _, r := range st.Runs {
		t.Logf("η₀ = 1 %s: spiked at %d, peak %.1f× at epoch %d", r.Kind, r.BlewAt, r.Peak, r.PeakAt)
		switch r.Kind {
		case "constant", "cosine":
			if r.BlewAt != 1 || r.Diverged || !strings.Contains(r.Line, "spiked in epoch 1") {
				t.Errorf("%s: %+v", r.Kind, r)
			}
		case "warmup":
			if r.BlewAt >= 0 || r.Peak >= 3 {
				t.Errorf("warmup + cosine: %+v", r)
			}
		}
	}
	if !strings.Contains(st.Summary, "spiked over 3× their start loss") || !strings.Contains(st.Summary, "warmup + cosine peaked at") {
		t.Errorf("summary %q", st.Summary)
	}
	p.shot("schedules-360x640-spike")
	// V: the legend, a row for every schedule, and the settings.
	p.key("v")
	p.waitFor(`window.gradlab.state.view == "runs" && window.gradlab.state.shown.includes("legend:warmup") && window.gradlab.state.shown.includes("settings")`, 5*time.Second)
	p.shot("schedules-360x640-runs")
	p.key("v")
	p.waitFor(`window.gradlab.state.view == "plots" && window.gradlab.state.shown.includes("accuracy")`, 5*time.Second)
	// T hides the chosen schedule (step decay) and the URL follows.
	p.key("t")
	p.waitFor(`window.gradlab.state.runs.length == 4`, 5*time.Second)
	p.waitFor(`location.search.includes("show=constant,cosine,warmup,restarts")`, 5*time.Second)
}

// The warm-up set-up (W): at η₀ = 0.5 the runs without a warm-up diverge
// in epoch 1 and stop, saying so, while warmup + cosine trains on; the URL
// carries it.
func TestPageSchedulesWarmupDecides(t *testing.T) {
	p := openPage(t, "?scene=schedules&show=constant,cosine,warmup", 1280, 800)
	p.key("w")
	p.waitFor(`window.gradlab.state.setup == "warmup" && window.gradlab.state.base == 0.5`, 5*time.Second)
	p.waitFor(`location.search.includes("setup=warmup")`, 5*time.Second)
	p.key(" ")
	p.waitFor(`window.gradlab.state.runs.find(r => r.kind == "warmup").epoch >= 10`, 300*time.Second)
	st := p.schedules().State
	checkSchedFinite(t, st)
	for _, r := range st.Runs {
		t.Logf("%s: %s", r.Kind, r.Line)
		switch r.Kind {
		case "constant", "cosine":
			if !r.Diverged || r.Epoch > 1 || !strings.HasPrefix(r.Line, "diverged at epoch 1 (loss ") {
				t.Errorf("%s: %+v", r.Kind, r)
			}
		case "warmup":
			if r.Diverged || r.Accuracy < 0.6 {
				t.Errorf("warmup + cosine: %+v", r)
			}
		}
	}
	if !strings.Contains(st.Summary, "constant and cosine: diverged at epoch 1 (loss ") || !strings.Contains(st.Summary, "warmup + cosine at the same peak rate:") {
		t.Errorf("summary %q", st.Summary)
	}
	p.shot("schedules-warmup-1280x800")
}

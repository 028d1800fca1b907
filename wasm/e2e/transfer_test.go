//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/kit"
	"gradlab/scenes/transfer"
)

type trStatus = kit.Published[transfer.Status]

func (p *page) transfer() trStatus {
	p.t.Helper()
	return eval[trStatus](p, "window.gradlab")
}

// checkTRFinite fails on a status number that is not finite or a word that
// stands for one.
func checkTRFinite(t *testing.T, st transfer.Status) {
	t.Helper()
	for _, v := range []float64{st.Similarity, st.Pretrain, st.SourceAcc, st.ZeroShot, st.Fine, st.Scratch, st.Gain} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("non-finite number in %+v", st)
		}
	}
	for _, w := range []string{"NaN", "Inf", "undefined"} {
		if strings.Contains(st.Summary, w) {
			t.Errorf("summary shows %q: %s", w, st.Summary)
		}
	}
}

// The scene opens by its key and trains at once: the pretraining stage
// shows its progress, then both target runs train live; fine-tuning beats
// scratch on the default, the frozen layers are measured unchanged, and
// the caption states the run's numbers.
func TestPageTransferTrainsLive(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("0")
	p.waitFor(`window.gradlab.scene == "transfer"`, 10*time.Second)
	s := p.transfer()
	st := s.State
	if st.PerClass != 10 || st.Freeze != "all-but-head" || st.Similarity != 0.9 || !st.Playing || len(s.Errors) != 0 {
		t.Fatalf("landing: %+v errors %q", st, s.Errors)
	}
	for _, name := range []string{"run", "view", "restart", "finish", "freeze", "seed", "examples", "sim", "regions:fine", "regions:scratch"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	p.waitFor(`window.gradlab.state.stage == "pretraining" && window.gradlab.state.pretrain > 0.2`, 60*time.Second)
	p.shot("transfer-pretraining-1280x800")
	p.waitFor(`window.gradlab.state.stage == "training" && window.gradlab.state.step > 50`, 120*time.Second)
	s = p.transfer()
	t.Logf("while training: Go frame time median %.2f ms, p95 %.2f ms, %.0f fps", s.GoFrameMs, s.GoP95Ms, s.FPS)
	p.shot("transfer-training-1280x800")
	p.waitFor(`window.gradlab.state.stage == "done"`, 120*time.Second)
	p.waitFor(`window.gradlab.state.summary.startsWith("After 300 steps")`, 5*time.Second)
	st = p.transfer().State
	checkTRFinite(t, st)
	if st.Verdict != "helped" || !(st.Fine > st.Scratch+0.05) {
		t.Errorf("default: fine %.3f scratch %.3f verdict %q", st.Fine, st.Scratch, st.Verdict)
	}
	if len(st.Layers) != 3 || st.Layers[0].Changed != 0 || st.Layers[1].Changed != 0 || st.Layers[0].MaxDelta != 0 || st.Layers[2].Changed == 0 {
		t.Errorf("layers %+v", st.Layers)
	}
	for _, want := range []string{"fine-tuned " + trPct(st.Fine), "from scratch " + trPct(st.Scratch), "transfer helped by"} {
		if !strings.Contains(st.Summary, want) {
			t.Errorf("summary %q lacks %q", st.Summary, want)
		}
	}
	time.Sleep(3 * time.Second) // the region views finish their last pictures
	p.shot("transfer-done-1280x800")

	// F unfreezes everything; the pretraining is kept (no new stage).
	p.key("f")
	p.waitFor(`window.gradlab.state.freeze == "none" && window.gradlab.state.stage != "pretraining"`, 5*time.Second)
	p.waitFor(`location.search.includes("freeze=none")`, 5*time.Second)
	p.close()

	// The caption's try, by URL (arrow keys held at a few frames a second
	// are missed): at similarity 0 scratch wins; X finishes at once.
	p = openPage(t, "?scene=transfer&sim=0", 1280, 800)
	p.key("x")
	p.waitFor(`window.gradlab.state.stage == "done"`, 60*time.Second)
	p.waitFor(`window.gradlab.state.summary.startsWith("After 300 steps")`, 5*time.Second)
	if st := p.transfer().State; st.Verdict != "hurt" || !strings.Contains(st.Summary, "transfer hurt: scratch is") {
		t.Errorf("at similarity 0: %+v", st)
	}
	time.Sleep(3 * time.Second)
	p.shot("transfer-mirror-1280x800")
}

func trPct(v float64) string { return fmt.Sprintf("%.1f %%", 100*v) }

// A junk URL is named and replaced; a phone-sized window keeps the
// controls apart and inside.
func TestPageTransferURLAndPhone(t *testing.T) {
	p := openPage(t, "?scene=transfer&examples=500&freeze=everything&sim=0.5&seed=3", 360, 640)
	s := p.transfer()
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "examples=") || !strings.Contains(s.Errors[1], "freeze=") {
		t.Errorf("messages %q", s.Errors)
	}
	if st := s.State; st.PerClass != 10 || st.Freeze != "all-but-head" || st.Similarity != 0.5 || st.Seed != 3 {
		t.Errorf("state %+v", st)
	}
	p.key(kb.Escape)
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	area := s.Window
	var rs [][4]float64
	var names []string
	for name, r := range p.transfer().Controls {
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
	p.waitFor(`window.gradlab.state.stage == "training"`, 120*time.Second)
	p.shot("transfer-360x640")
	p.key("x")
	p.waitFor(`window.gradlab.state.stage == "done"`, 30*time.Second)
	checkTRFinite(t, p.transfer().State)
	time.Sleep(3 * time.Second)
	p.shot("transfer-done-360x640")
	// The view button shows each layer's change and the weight maps on a
	// phone; the URL keeps the page.
	p.clickControl("view")
	p.waitFor(`window.gradlab.state.view == "weights" && location.search.includes("view=weights")`, 5*time.Second)
	time.Sleep(time.Second)
	p.shot("transfer-weights-360x640")
	p.close()

	p = openPage(t, "?scene=transfer&view=sideways", 640, 360)
	if s := p.transfer(); s.State.View != "maps" || len(s.Errors) != 1 || !strings.Contains(s.Errors[0], "view=") {
		t.Errorf("view=sideways: %q, messages %q", s.State.View, s.Errors)
	}
}

//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/ensemble"
	"gradlab/scenes/kit"
)

type ensStatus = kit.Published[ensemble.Status]

func (p *page) ensemble() ensStatus {
	p.t.Helper()
	return eval[ensStatus](p, "window.gradlab")
}

// checkEnsFinite fails on a number of the status outside [0, 1] where an
// accuracy belongs, or a word that stands for a non-finite one.
func checkEnsFinite(t *testing.T, st ensemble.Status) {
	t.Helper()
	acc := append([]float64{st.Mean, st.Best, st.Ensemble, st.SnapEnsemble, st.SnapLast, st.Polyak, st.PolyakBase, st.Disagree}, st.Members...)
	for _, v := range append(acc, st.VsK...) {
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Errorf("accuracy %g in %+v", v, st)
		}
	}
	for _, w := range []string{"NaN", "Inf", "undefined"} {
		if strings.Contains(st.Summary, w) {
			t.Errorf("summary shows %q: %s", w, st.Summary)
		}
	}
}

// The scene opens by its key and trains K = 5 networks live: the step
// grows, the region pictures render; F finishes; the caption's numbers are
// the status's, and the gains are the measured differences.
func TestPageEnsembleTrainsLive(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("9")
	p.waitFor(`window.gradlab.scene == "ensemble"`, 10*time.Second)
	s := p.ensemble()
	if st := s.State; st.Data != "spiral" || st.K != 5 || !st.Playing || len(s.Errors) != 0 {
		t.Fatalf("landing: %+v errors %q", st, s.Errors)
	}
	for _, name := range []string{"run", "view", "restart", "finish", "members", "data", "noise", "seed"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	p.waitFor(`window.gradlab.state.step > 100 && window.gradlab.state.renders > 8`, 60*time.Second)
	s = p.ensemble()
	if s.State.StepsPerSec <= 0 {
		t.Errorf("training, yet %g steps per second", s.State.StepsPerSec)
	}
	t.Logf("while training: step %d, %.0f steps per second (6 runs together); Go frame median %.2f ms, p95 %.2f ms, %.0f fps",
		s.State.Step, s.State.StepsPerSec, s.GoFrameMs, s.GoP95Ms, s.FPS)
	p.shot("ensemble-training-1280x800")

	p.key("f")
	p.waitFor(`window.gradlab.state.done && !window.gradlab.state.playing`, 20*time.Second)
	st := p.ensemble().State
	checkEnsFinite(t, st)
	if st.Step != st.Steps || st.Snapshots != st.Cycles || st.PolyakN != st.PolyakM || len(st.Members) != 5 || len(st.VsK) != 5 {
		t.Errorf("finished: %+v", st)
	}
	if math.Abs(st.GainMean-(st.Ensemble-st.Mean)) > 1e-9 || math.Abs(st.GainBest-(st.Ensemble-st.Best)) > 1e-9 ||
		math.Abs(st.VsK[0]-st.Mean) > 1e-9 || math.Abs(st.VsK[4]-st.Ensemble) > 1e-9 {
		t.Errorf("gains: %+v", st)
	}
	for _, want := range []string{
		fmt.Sprintf("the average of 5 members scores %.1f %%", 100*st.Ensemble),
		fmt.Sprintf("(member %d, %.1f %%)", st.BestMember, 100*st.Best),
		fmt.Sprintf("scores %.1f %%, its last network alone %.1f %%", 100*st.SnapEnsemble, 100*st.SnapLast),
	} {
		if !strings.Contains(st.Summary, want) {
			t.Errorf("summary %q lacks %q", st.Summary, want)
		}
	}
	t.Logf("measured on seed %d: members %v, mean %.3f, best %.3f, ensemble %.3f, snapshots %.3f, Polyak %.3f (member 1 %.3f)",
		st.Seed, st.Members, st.Mean, st.Best, st.Ensemble, st.SnapEnsemble, st.Polyak, st.PolyakBase)
	p.shot("ensemble-done-1280x800")
}

// Keys change the members, the data and the seed, the URL follows, a
// junk URL is named and replaced, and a phone keeps the controls apart.
func TestPageEnsembleKeysURLAndPhone(t *testing.T) {
	p := openPage(t, "?scene=ensemble&k=99&data=mnist&seed=3", 360, 640)
	s := p.ensemble()
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "data=") || !strings.Contains(s.Errors[1], "k=") {
		t.Errorf("messages %q", s.Errors)
	}
	if st := s.State; st.K != 5 || st.Data != "spiral" || st.Seed != 3 {
		t.Errorf("defaults not kept: %+v", st)
	}
	area := s.Window
	var rs [][4]float64
	var names []string
	for name, r := range s.Controls {
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
	p.key(kb.Escape)
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	p.waitFor(`window.gradlab.state.renders > 6`, 60*time.Second)
	p.shot("ensemble-360x640")

	// The view button pages a phone to the snapshot and Polyak maps and to
	// the accuracy-against-K plot; the URL keeps the page.
	p.clickControl("view")
	p.waitFor(`window.gradlab.state.view == "snapshot+Polyak" && location.search.includes("view=snapshots")`, 5*time.Second)
	p.waitFor(`window.gradlab.state.renders > 8`, 30*time.Second)
	p.shot("ensemble-snapshots-360x640")
	p.clickControl("view")
	p.waitFor(`window.gradlab.state.view == "accuracy vs K" && location.search.includes("view=plot")`, 5*time.Second)
	p.shot("ensemble-plot-360x640")
	p.key("v")
	p.waitFor(`window.gradlab.state.view == "members" && !location.search.includes("view=")`, 5*time.Second)

	p.key("k")
	p.waitFor(`window.gradlab.state.k == 6 && location.search.includes("k=6")`, 5*time.Second)
	p.key("d")
	p.waitFor(`window.gradlab.state.data == "moons" && location.search.includes("data=moons")`, 5*time.Second)
	p.key("n")
	p.waitFor(`location.search.includes("noise=0.35")`, 5*time.Second)
	p.key("f")
	p.waitFor(`window.gradlab.state.done`, 20*time.Second)
	st := p.ensemble().State
	checkEnsFinite(t, st)
	if len(st.Members) != 6 || len(st.VsK) != 6 || st.Noise != 0.35 {
		t.Errorf("after K, D, N, F: %+v", st)
	}
	// Space when done trains again from the start.
	p.key(" ")
	p.waitFor(`window.gradlab.state.playing && !window.gradlab.state.done`, 5*time.Second)
	p.shot("ensemble-moons-360x640")
}

// Ten members on a landscape phone: the maps and the table share the
// window, and the run finishes with every number finite.
func TestPageEnsembleTenMembersLandscape(t *testing.T) {
	p := openPage(t, "?scene=ensemble&k=10&data=moons&view=plot", 640, 360)
	if st := p.ensemble(); st.State.View != "accuracy vs K" || len(st.Errors) != 0 {
		t.Errorf("view=plot: %q, messages %q", st.State.View, st.Errors)
	}
	p.key("f")
	p.waitFor(`window.gradlab.state.done && window.gradlab.state.members.length == 10`, 30*time.Second)
	checkEnsFinite(t, p.ensemble().State)
	p.shot("ensemble-k10-plot-640x360")
	p.key("v") // from the plot back to the members' maps
	p.waitFor(`window.gradlab.state.view == "members"`, 5*time.Second)
	p.waitFor(`window.gradlab.state.renders >= 11`, 30*time.Second)
	p.shot("ensemble-k10-640x360")
}

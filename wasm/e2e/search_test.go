//go:build e2e

package e2e

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"gradlab/scenes/kit"
	"gradlab/scenes/search"
)

type srStatus = kit.Published[search.Status]

func (p *page) srStatus() srStatus {
	p.t.Helper()
	return eval[srStatus](p, "window.gradlab")
}

// checkSearchFinite fails on a number of the scene's status that is not
// finite or a word that stands for one.
func checkSearchFinite(t *testing.T, st search.Status) {
	t.Helper()
	for _, tr := range append(st.Search.Trials, st.Search.Final) {
		for _, v := range []float64{tr.LogLR, tr.LogReg, tr.ValAcc, tr.TrainAcc} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("non-finite number in %+v", tr)
			}
		}
	}
	for _, w := range []string{st.Summary, st.Search.Warning} {
		if strings.Contains(w, "NaN") || strings.Contains(w, "Inf") || strings.Contains(w, "undefined") {
			t.Errorf("the scene shows %q", w)
		}
	}
}

// The scene opens by its key on the comparison: the grid tries 5 values of
// the important axis where random and Halton search try 25; a click on the
// map resamples, the arrows change the budget and the ratio, and the tally
// finishes with the grid behind.
func TestPageSearchCompare(t *testing.T) {
	p := openPage(t, "?scene=race", 1280, 800)
	p.key("8")
	p.waitFor(`window.gradlab.scene == "search"`, 10*time.Second)
	s := p.srStatus()
	st := s.State
	if st.Mode != "compare" || st.Budget != 25 || st.Ratio != 10 || len(st.Compare) != 3 || len(s.Errors) != 0 {
		t.Fatalf("landing: %+v errors %q", st, s.Errors)
	}
	for i, want := range []int{5, 25, 25} {
		if c := st.Compare[i]; c.DistinctX != want || c.Trials != []int{25, 25, 25}[i] {
			t.Errorf("%s: %+v", c.Method, c)
		}
	}
	for _, name := range []string{"map", "mode:compare", "mode:sampling", "mode:network", "resample", "method:grid", "method:random", "method:halton", "budget", "ratio", "seed", "legend:1"} {
		if r, ok := s.Controls[name]; !ok || r[2] <= 0 || r[3] <= 0 {
			t.Errorf("control %q missing: %v", name, s.Controls)
		}
	}
	p.waitFor(`window.gradlab.state.tally.done == 1000`, 60*time.Second)
	tl := p.srStatus().State.Tally
	t.Logf("tally over 1000 resamples: wins %v, ties %d, mean best %.3f", tl.Wins, tl.Ties, tl.Mean)
	if tl.Wins[0] > 250 || tl.Mean[2] < tl.Mean[0] || tl.Mean[1] < tl.Mean[0] {
		t.Errorf("at ratio 10 the grid should rarely win: %+v", tl)
	}
	p.shot("search-compare-1280x800")

	random := st.Compare[1].BestAt
	p.clickControl("map")
	p.waitFor(`window.gradlab.state.draw == 1`, 5*time.Second)
	if st = p.srStatus().State; st.Compare[1].BestAt == random || st.Compare[0].DistinctX != 5 {
		t.Errorf("a click should draw new random points: %+v", st.Compare)
	}
	p.waitFor(`location.search.includes("draw=1")`, 5*time.Second)
	p.hold(kb.ArrowRight) // the next budget a grid fills exactly: 5×6
	p.waitFor(`window.gradlab.state.budget == 30`, 5*time.Second)
	for _, c := range p.srStatus().State.Compare {
		if c.Trials != 30 {
			t.Errorf("budget 30: %+v", c)
		}
	}
	p.hold(kb.ArrowUp)
	p.waitFor(`window.gradlab.state.ratio == 20`, 5*time.Second)
	p.waitFor(`location.search.includes("budget=30") && location.search.includes("ratio=20")`, 5*time.Second)
	p.key("g") // grid off
	p.waitFor(`window.gradlab.state.methods.join() == "random,halton"`, 5*time.Second)
	p.key("m") // the histograms
	p.waitFor(`window.gradlab.state.mode == "sampling"`, 5*time.Second)
	st = p.srStatus().State
	if st.UniformTop < 0.85 || math.Abs(st.LogDecades[0]-0.25) > 0.06 || math.Abs(st.LogDecades[3]-0.25) > 0.06 {
		t.Errorf("histograms: uniform top %.3f, log-uniform decades %v", st.UniformTop, st.LogDecades)
	}
	p.shot("search-sampling-1280x800")
}

// The network search runs by Space, its trials arrive a few at a time
// while the page keeps its frame rate, Space pauses it, and it ends with
// the choice retrained.
func TestPageSearchNetwork(t *testing.T) {
	p := openPage(t, "?scene=search&mode=network", 1280, 800)
	st := p.srStatus().State
	if st.Search.Playing || st.Search.Phase != "coarse" || len(st.Search.Trials) != 0 {
		t.Fatalf("before Space: %+v", st.Search)
	}
	p.key(" ")
	p.waitFor(`window.gradlab.state.search.playing && window.gradlab.state.search.trials && window.gradlab.state.search.trials.length >= 3`, 60*time.Second)
	p.key(" ")
	p.waitFor(`!window.gradlab.state.search.playing`, 5*time.Second)
	steps := p.srStatus().State.Search.Steps
	time.Sleep(time.Second)
	if got := p.srStatus().State.Search.Steps; got != steps {
		t.Errorf("paused, yet the search went from %d to %d steps", steps, got)
	}
	p.key(" ")
	start := time.Now()
	p.waitFor(`window.gradlab.state.search.phase == "fine"`, 90*time.Second)
	s := p.srStatus()
	t.Logf("training: %.0f steps per second; Go frame time median %.2f ms, p95 %.2f ms, %.0f fps", s.State.Search.StepsPerSec, s.GoFrameMs, s.GoP95Ms, s.FPS)
	p.shot("search-network-fine-1280x800")
	p.waitFor(`window.gradlab.state.search.phase == "done"`, 90*time.Second)
	t.Logf("the rest of the search took %v", time.Since(start).Round(time.Second))
	st = p.srStatus().State
	checkSearchFinite(t, st)
	ss := st.Search
	if len(ss.Trials) != 32 || ss.Final.Epochs != 60 || ss.Final.ValAcc < 0.9 || ss.Warning != "" || ss.Playing {
		t.Errorf("done: %+v", ss)
	}
	fb := ss.Trials[ss.FineBest]
	if fb.Stage != "fine" || fb.Epochs <= ss.Trials[ss.CoarseBest].Epochs || ss.Final.LogLR != fb.LogLR {
		t.Errorf("fine best %+v, coarse best %+v, final %+v", fb, ss.Trials[ss.CoarseBest], ss.Final)
	}
	for _, tr := range ss.Trials {
		b := ss.CoarseBox
		if tr.Stage == "fine" {
			b = ss.FineBox
		}
		if tr.LogLR < b[0]-1e-9 || tr.LogLR > b[1]+1e-9 || tr.LogReg < b[2]-1e-9 || tr.LogReg > b[3]+1e-9 {
			t.Errorf("trial %+v outside its range %v", tr, b)
		}
	}
	if !strings.Contains(st.Summary, "retrained for 60 epochs") {
		t.Errorf("summary %q", st.Summary)
	}
	p.shot("search-network-done-1280x800")
}

// On a phone a junk URL is named and replaced, the controls stay apart and
// inside, and the too-low range ends with the edge warning.
func TestPageSearchPhoneEdgeWarning(t *testing.T) {
	p := openPage(t, "?scene=search&budget=500&methods=sobol&mode=network", 360, 640)
	s := p.srStatus()
	if len(s.Errors) != 2 || !strings.Contains(s.Errors[0], "methods=") && !strings.Contains(s.Errors[1], "methods=") {
		t.Errorf("messages %q", s.Errors)
	}
	if st := s.State; st.Budget != 25 || len(st.Methods) != 3 || st.Mode != "network" {
		t.Errorf("defaults not kept: %+v", st)
	}
	p.key(kb.Escape)
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	area := p.srStatus().Window
	var rs [][4]float64
	var names []string
	for name, r := range p.srStatus().Controls {
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
	// L twice: η from 1e-7 to 1e-3, which starts the search; F runs it
	// fast. Its coarse best is the largest rate tried, on the edge.
	p.key("l")
	p.waitFor(`window.gradlab.state.range == "lesson"`, 5*time.Second) // two presses in one tick would count once
	p.key("l")
	p.waitFor(`window.gradlab.state.range == "low" && window.gradlab.state.search.playing`, 5*time.Second)
	p.key("f")
	p.waitFor(`window.gradlab.state.search.fast`, 5*time.Second)
	p.waitFor(`window.gradlab.state.search.phase != "coarse"`, 90*time.Second)
	st := p.srStatus().State
	checkSearchFinite(t, st)
	if !strings.Contains(st.Search.Warning, "learning rate is at the top of its range") || st.Search.FineBox[1] != -3 {
		t.Errorf("no edge warning: %+v", st.Search)
	}
	p.shot("search-edge-360x640")
}

// On a small phone not every side panel fits: the view switch is on the
// strip, and V (or a tap on it) brings each panel in turn, the tally and
// the notes included; a URL budget no grid fills goes to the nearest one
// that does, with a message.
func TestPageSearchPhoneViews(t *testing.T) {
	p := openPage(t, "?scene=search&budget=27", 320, 480)
	s := p.srStatus()
	if st := s.State; st.Budget != 25 || len(s.Errors) != 1 || !strings.Contains(s.Errors[0], "using 25") {
		t.Errorf("budget=27: %d, messages %q", st.Budget, s.Errors)
	}
	for _, c := range s.State.Compare {
		if c.Trials != 25 {
			t.Errorf("%+v", c)
		}
	}
	p.key(kb.Escape)
	if st := s.State; !st.ViewSwitch || s.Controls["view"][2] <= 0 {
		t.Fatalf("no view switch: %+v, controls %v", st.Panels, s.Controls)
	}
	seen := map[string]bool{}
	for range 3 {
		for _, name := range p.srStatus().State.Panels {
			seen[name] = true
		}
		before := p.srStatus().State.Panel
		p.clickControl("view")
		p.waitFor(`window.gradlab.state.panel != "`+before+`"`, 5*time.Second)
	}
	for _, name := range []string{"best per method", "tally", "notes"} {
		if !seen[name] {
			t.Errorf("the %s panel never showed: %v", name, seen)
		}
	}
	p.key("v")
	p.waitFor(`window.gradlab.state.panel == "tally" && window.gradlab.state.panels.includes("tally")`, 5*time.Second)
	p.shot("search-tally-320x480")
}

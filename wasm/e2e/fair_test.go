//go:build e2e

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"gradlab/sim"
	"gradlab/surfaces"
)

// The fair race: Z searches each optimizer's rate in the page while it
// stays responsive; the rates found are those the same search finds
// natively, and a copied URL finds them again.
func TestPageRaceFairRace(t *testing.T) {
	p := openPage(t, "?surface=bowl&speed=3000", 1280, 800)
	p.key("z")
	p.waitFor(`window.gradlab.state.rates == "searched" && window.gradlab.state.search`, 5*time.Second)
	if s := p.status().State.Search; s.Total != 3*(sim.DefaultTrials+1) {
		t.Errorf("search %+v", s)
	}
	time.Sleep(1500 * time.Millisecond)
	if s := p.status(); !s.State.Search.Done {
		t.Logf("while searching (%d of %d trial races): Go frame median %.2f ms, p95 %.2f ms, %.0f fps",
			s.State.Search.Finished, s.State.Search.Total, s.GoFrameMs, s.GoP95Ms, s.FPS)
	}
	p.waitFor(`window.gradlab.state.search.done`, 60*time.Second)
	p.waitFor(`window.gradlab.state.step > 0 && !window.gradlab.state.playing`, 30*time.Second)
	p.waitFor(`location.search.includes("fair=1")`, 5*time.Second)
	p.shot("race-fair")
	st := p.status().State
	if st.Search.Finished != st.Search.Total || len(st.Search.Results) != 3 {
		t.Fatalf("search %+v", st.Search)
	}
	bowl := surfaces.NewBowl(surfaces.DefaultBowl)
	pre := sim.PresetFor("bowl")
	for i, res := range st.Search.Results {
		k := sim.Kind(res.Kind)
		nat := sim.Tune(sim.Search{Surface: bowl, Start: bowl.Start(), Schedule: sim.DefaultSchedule(sim.Constant, pre.Limit),
			Limit: pre.Limit, Tol: sim.DefaultTol, Kind: k, Hyper: pre.Spec(k).Hyper, Trials: sim.DefaultTrials, Seed: 1,
			Ref: sim.SharedLR("bowl")})
		b, _ := nat.Best()
		// The page's math.Exp and math.Log may differ from the native
		// assembly in the last bit; nothing more.
		if math.Abs(res.LR/b.LR-1) > 1e-12 || res.Best.At != b.Score.At || res.Best.Status != b.Score.Status.String() {
			t.Errorf("%s: page found η %v (%+v), native %v (%+v)", k, res.LR, res.Best, b.LR, b.Score)
		}
		if r := st.Runners[i]; r.LR != res.LR || r.Status != res.Best.Status || r.At != res.Best.At {
			t.Errorf("%s races at %v, %s at %d; search found %v, %+v", r.Kind, r.LR, r.Status, r.At, res.LR, res.Best)
		}
	}
	search := eval[string](p, "location.search")
	p.close()

	q := openPage(t, search, 1280, 800)
	q.waitFor(`window.gradlab.state.search && window.gradlab.state.search.done`, 60*time.Second)
	got := q.status().State
	for i, res := range got.Search.Results {
		if res != st.Search.Results[i] {
			t.Errorf("reopening %s: %+v, was %+v", search, res, st.Search.Results[i])
		}
	}
	if !strings.Contains(search, "fair=1") {
		t.Errorf("URL %s", search)
	}
}

// A long search (seven optimizers, 200 rates each, 20000 steps) runs in
// slices: the page keeps drawing and answering keys while it counts up,
// and the race waits for it.
func TestPageRaceFairSearchStaysResponsive(t *testing.T) {
	p := openPage(t, "?surface=rosenbrock&opt=sgd,momentum,nesterov,rmsprop,adam,adagrad,adamw&steps=20000&trials=200&fair=1", 1280, 800)
	p.waitFor(`window.gradlab.state.search && window.gradlab.state.search.finished > 0`, 20*time.Second)
	time.Sleep(2 * time.Second)
	s := p.status()
	if s.State.Search.Done {
		t.Skip("the search ended before it could be watched")
	}
	t.Logf("while searching (%d of %d trial races): Go frame median %.2f ms, p95 %.2f ms, %.0f fps",
		s.State.Search.Finished, s.State.Search.Total, s.GoFrameMs, s.GoP95Ms, s.FPS)
	if s.State.Step != 0 {
		t.Errorf("the race ran %d steps before its rates were found", s.State.Step)
	}
	p.shot("race-fair-searching")
	p.key("x") // keys still work mid-search
	p.waitFor(`window.gradlab.state.arrows`, 5*time.Second)
	n := s.State.Search.Finished
	p.waitFor(fmt.Sprintf(`window.gradlab.state.search.finished > %d`, n), 10*time.Second)
}

// With all seven optimizers the standings are on screen without the help
// overlay: at 1280×800 the legend has a row per racer and the caption its
// panel; on a phone the caption's button, on the strip's first page, says
// "standings". Each place in the status is the one the legend shows.
func TestPageFairStandings(t *testing.T) {
	const q = "?scene=race&surface=rosenbrock&opt=sgd,momentum,nesterov,rmsprop,adam,adagrad,adamw&fair=1"
	for _, sz := range [][2]int{{1280, 800}, {360, 640}, {640, 360}} {
		p := openPage(t, q, sz[0], sz[1])
		p.waitFor(`window.gradlab.state.search && window.gradlab.state.search.done`, 90*time.Second)
		s := p.status()
		places := map[int]bool{}
		for _, r := range s.State.Search.Results {
			if r.Place < 1 || r.Place > 7 || r.SharedPlace < 1 || r.SharedPlace > 7 || r.LR <= 0 {
				t.Errorf("%v: %+v", sz, r)
			}
			places[r.Place] = true
		}
		if len(s.State.Search.Results) != 7 || !places[1] {
			t.Errorf("%v: results %+v", sz, s.State.Search.Results)
		}
		legend := 0
		for name := range s.Controls {
			if strings.HasPrefix(name, "legend:") {
				legend++
			}
		}
		notes, ok := s.Controls["notes"]
		if sz[0] == 1280 && legend != 7 {
			t.Errorf("1280×800: %d legend rows", legend)
		}
		if legend < 7 && (!ok || notes[2] <= 0) {
			t.Errorf("%v: %d legend rows and no standings button (%v)", sz, legend, s.Controls)
		}
		p.shot(fmt.Sprintf("race-fair-standings-%dx%d", sz[0], sz[1]))
		p.close()
	}
}

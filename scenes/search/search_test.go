package search

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
)

func TestDefaultsAndURL(t *testing.T) {
	s := New()
	if q := query(s); q != "scene=search&mode=compare&methods=grid,random,halton&budget=25&ratio=10&seed=1&range=wide" {
		t.Errorf("default query %s", q)
	}
	b := New()
	if msgs := apply(b, "?mode=network&methods=halton,Grid&budget=36&ratio=3&seed=4&draw=7&range=low&run=1"); len(msgs) != 0 {
		t.Fatalf("refused: %q", msgs)
	}
	st := status(b)
	if st.Mode != "network" || !reflect.DeepEqual(st.Methods, []string{"grid", "halton"}) || st.Budget != 36 || st.Ratio != 3 ||
		st.Seed != 4 || st.Draw != 7 || st.Range != "low" || !st.Search.Playing || st.Search.CoarseBox != [4]float64{-7, -3, -6, 0} {
		t.Errorf("state %+v", st)
	}
	for _, bad := range []string{"budget=3", "budget=101", "ratio=0.5", "methods=sobol", "methods=grid,grid", "mode=dance", "range=huge", "draw=-1"} {
		c := New()
		if msgs := apply(c, "?"+bad); len(msgs) != 1 || query(c) != query(New()) {
			t.Errorf("%s: messages %q, state %s", bad, msgs, query(c))
		}
	}
}

func TestKeysTuneTheComparison(t *testing.T) {
	s := New()
	press(t, s, "→", false)
	press(t, s, "→", false)
	if s.budget != 36 || len(s.results[0].Points) != 36 || len(s.results[1].Points) != 36 {
		t.Errorf("budget %d: grid %d, random %d points", s.budget, len(s.results[0].Points), len(s.results[1].Points))
	}
	press(t, s, "←", false)
	if s.budget != 30 || s.results[0].DistinctX != 6 || s.results[0].DistinctY != 5 || !strings.Contains(s.summary(), "the grid is 6×5") {
		t.Errorf("← from 36: budget %d, grid %d×%d; %s", s.budget, s.results[0].DistinctX, s.results[0].DistinctY, s.summary())
	}
	press(t, s, "B", false)
	if s.budget != 36 || s.results[0].DistinctX != 6 {
		t.Errorf("B: budget %d, grid's x values %d", s.budget, s.results[0].DistinctX)
	}
	press(t, s, "B", true)
	press(t, s, "B", true)
	if s.budget != 16 {
		t.Errorf("Shift+B twice from 36: %d", s.budget)
	}
	for range 200 {
		press(t, s, "←", false)
	}
	if s.budget != budgetMin {
		t.Errorf("budget floor %d", s.budget)
	}
	press(t, s, "↑", false)
	if s.ratio != 20 || s.obj.Ratio != 20 {
		t.Errorf("↑ from 10: %g", s.ratio)
	}
	for range 20 {
		press(t, s, "↓", false)
	}
	if s.ratio != 1 {
		t.Errorf("ratio floor %g", s.ratio)
	}
	press(t, s, "G", false)
	press(t, s, "U", false)
	if !reflect.DeepEqual(s.methods, []hs.Method{hs.Halton}) {
		t.Errorf("methods %v", s.methods)
	}
	press(t, s, "Q", false) // the last method stays
	press(t, s, "G", false)
	if !reflect.DeepEqual(s.methods, []hs.Method{hs.Grid, hs.Halton}) || len(s.results) != 2 || s.tally.Done != 0 {
		t.Errorf("methods %v, %d results, tally %d", s.methods, len(s.results), s.tally.Done)
	}
	press(t, s, "M", false)
	press(t, s, "M", false)
	press(t, s, "M", false)
	if s.mode != compareMode {
		t.Errorf("three M's: mode %d", s.mode)
	}
	press(t, s, "M", true)
	if s.mode != networkMode {
		t.Errorf("Shift+M from compare: mode %d", s.mode)
	}
}

// Every budget the keys, the slider and the URL allow gives every method
// exactly that many trials, in the comparison, the tally and the status.
func TestEveryMethodGetsTheSameBudget(t *testing.T) {
	s := New()
	for range 30 {
		press(t, s, "←", false)
	}
	var seen []int
	for {
		seen = append(seen, s.budget)
		st := status(s)
		for _, m := range st.Compare {
			if m.Trials != s.budget {
				t.Errorf("budget %d: %s has %d trials", s.budget, m.Method, m.Trials)
			}
		}
		if s.tally.Budget != s.budget || !strings.Contains(s.summary(), fmt.Sprintf("Each method gets the same %d trials", s.budget)) {
			t.Errorf("budget %d: tally %d; %s", s.budget, s.tally.Budget, s.summary())
		}
		before := s.budget
		press(t, s, "→", false)
		if s.budget == before {
			break
		}
	}
	if !reflect.DeepEqual(seen, budgetStops) || seen[0] != budgetMin || seen[len(seen)-1] != budgetMax {
		t.Errorf("→ walks %v, stops %v", seen, budgetStops)
	}
	// The slider and the URL land on the same stops; a URL's budget a grid
	// cannot fill goes to the nearest stop, with a message.
	for n := budgetMin; n <= budgetMax; n++ {
		s.setBudget(n)
		for _, r := range s.results {
			if len(r.Points) != s.budget {
				t.Fatalf("slider at %d: budget %d, %s has %d points", n, s.budget, r.Method, len(r.Points))
			}
		}
		c := New()
		msgs := apply(c, fmt.Sprintf("?budget=%d", n))
		if c.budget != s.budget || (len(msgs) == 0) != (n == c.budget) {
			t.Errorf("URL budget=%d: budget %d (slider %d), messages %q", n, c.budget, s.budget, msgs)
		}
	}
}

func TestResampleByKeyAndClick(t *testing.T) {
	s := New()
	c := ctx()
	s.Update(c)
	grid, rnd := s.results[0].Points, s.results[1].Points
	lr := s.lgu.Draws[0]
	press(t, s, "R", false)
	if s.draw != 1 || !reflect.DeepEqual(s.results[0].Points, grid) || reflect.DeepEqual(s.results[1].Points, rnd) || s.lgu.Draws[0] == lr {
		t.Errorf("R: draw %d; the grid should stay and the random points and rates change", s.draw)
	}
	if !strings.Contains(query(s), "draw=1") {
		t.Errorf("the draw is not in the URL: %s", query(s))
	}
	m := s.ui.mapR
	if m.W <= 0 {
		t.Fatal("no map laid out")
	}
	c.In.X, c.In.Y, c.In.Pressed, c.In.Down = m.X+m.W/2, m.Y+m.H/2, true, true
	s.Update(c)
	if s.draw != 2 {
		t.Errorf("a click on the map left the draw at %d", s.draw)
	}
	// The same URL gives the same points.
	b := New()
	apply(b, "?"+query(s))
	if !reflect.DeepEqual(b.results, s.results) {
		t.Error("the URL does not reproduce the points")
	}
}

// The caption says ↓ down to 1 makes both axes matter alike and the grid
// wins more often: on three seeds its share of the tally grows (measured:
// from about 18 % to about 33 %), and its mean best passes random search's.
func TestCaptionClaimRatioOne(t *testing.T) {
	for seed := 1; seed <= 3; seed++ {
		s := New()
		apply(s, fmt.Sprintf("?seed=%d", seed))
		s.finishTally()
		before := status(s).Tally
		if !strings.Contains(s.summary(), "↓ down to 1 makes both axes matter alike, and the grid wins more often") {
			t.Fatalf("caption changed: %s", s.summary())
		}
		for range 4 {
			press(t, s, "↓", false)
		}
		if s.ratio != 1 {
			t.Fatalf("ratio %g", s.ratio)
		}
		s.finishTally()
		after := status(s).Tally
		t.Logf("seed %d: ratio 10: wins %v, mean best %.3f; ratio 1: wins %v, mean best %.3f", seed, before.Wins, before.Mean, after.Wins, after.Mean)
		if after.Wins[0] <= before.Wins[0] {
			t.Errorf("seed %d: grid won %d of 1000 at ratio 10, %d at ratio 1", seed, before.Wins[0], after.Wins[0])
		}
		if after.Wins[0] < before.Wins[0]*3/2 || before.Mean[0] > before.Mean[1] || after.Mean[0] < after.Mean[1] {
			t.Errorf("seed %d: ratio 10 %+v, ratio 1 %+v", seed, before, after)
		}
	}
}

func TestNetworkSearchThroughKeys(t *testing.T) {
	s := New()
	press(t, s, "Space", false)
	if s.mode != networkMode || !s.playing {
		t.Fatalf("Space: mode %d, playing %v", s.mode, s.playing)
	}
	c := ctx()
	for range 30 {
		s.Update(c)
		s.drawn.frames++ // as Draw would
	}
	steps := s.srch.Steps
	if steps == 0 {
		t.Fatal("no training")
	}
	press(t, s, "Space", false) // pause
	for range 30 {
		s.Update(c)
		s.drawn.frames++
	}
	if s.srch.Steps != steps || s.playing {
		t.Errorf("paused, yet the search went from %d to %d steps", steps, s.srch.Steps)
	}
	press(t, s, "Space", false)
	s.finishSearch()
	st := status(s).Search
	if st.Phase != "done" || st.Final.Epochs != 60 || st.Final.ValAcc < 0.9 || st.Warning != "" || len(st.Trials) != 32 {
		t.Errorf("search %+v", st)
	}
	if !strings.Contains(s.summary(), "retrained for 60 epochs it reaches "+pct1(st.Final.ValAcc)) {
		t.Errorf("caption %q", s.summary())
	}
	// L: the lesson's range 1e-5 … 1e-1 is too low for Adam with five
	// epochs: the best sits at its top, and the caption warns.
	press(t, s, "L", false)
	if s.srch.Phase != hs.Coarse || !s.playing || status(s).Range != "lesson" {
		t.Fatalf("L did not start a new search on the lesson's range")
	}
	s.finishSearch()
	st = status(s).Search
	if len(st.Edges) == 0 || !strings.Contains(st.Warning, "learning rate is at the top") || !strings.Contains(s.summary(), "Warning") {
		t.Errorf("no edge warning: %+v", st)
	}
	t.Logf("lesson's range: %s", st.Warning)
	// R searches again: same seed, same trials.
	first := st.Trials
	press(t, s, "R", false)
	s.finishSearch()
	if !reflect.DeepEqual(status(s).Search.Trials, first) {
		t.Error("the same settings gave other trials")
	}
}

func TestStatusIsFiniteAndDecodes(t *testing.T) {
	s := New()
	s.Rebuild()
	s.finishSearch()
	b, err := json.Marshal(s.Status())
	if err != nil {
		t.Fatal(err)
	}
	var p kit.Published[Status]
	if err := json.Unmarshal(b, &p.State); err != nil {
		t.Fatal(err)
	}
	if p.State.Search.Final.ValAcc <= 0 || math.IsNaN(p.State.Tally.Mean[0]) || len(p.State.LogDecades) != 4 {
		t.Errorf("decoded %+v", p.State)
	}
}

// The caption on screen follows the search to its end: the text drawn is
// the text its lines were wrapped from, and it names the retrained result.
func TestCaptionDrawnFollowsTheSearch(t *testing.T) {
	s := New()
	apply(s, "?mode=network&run=1")
	s.fast = true
	c := ctx()
	dst := ebiten.NewImage(1280, 800)
	for i := 0; i < 2000 && (s.srch.Phase != hs.Done || i%10 != 0); i++ {
		s.Update(c)
		s.Draw(dst, c)
	}
	s.Update(c)
	s.Draw(dst, c)
	if s.srch.Phase != hs.Done || s.drawn.caption != s.ui.caption.Text || !strings.Contains(s.drawn.caption, "retrained for 60 epochs") {
		t.Errorf("phase %v; drawn caption %q", s.srch.Phase, s.drawn.caption)
	}
}

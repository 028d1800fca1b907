package race

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/sim"
	"gradlab/surfaces"
	"gradlab/widgets"
)

// finishSearch runs the fair race's search to its end, as the ticks would.
func finishSearch(s *Scene) {
	for s.searching() {
		s.searchWork(time.Hour)
	}
}

// The fair race gives each racer the rate its search found: the same one
// sim.Tune finds for that race, and the race at it ends as its best trial.
func TestFairRaceRacesAtTheSearchedRates(t *testing.T) {
	s := New()
	press(t, s, "Z", false)
	if !s.searching() || s.rates != searchedRates {
		t.Fatal("Z did not start the search")
	}
	st := s.Status().(Status)
	if st.Search == nil || st.Search.Done || st.Search.Total != 3*(sim.DefaultTrials+1) {
		t.Fatalf("search status %+v", st.Search)
	}
	v := s.race.Step()
	s.Update(ctx())
	if s.race.Step() != v {
		t.Error("the race ran before its rates were found")
	}
	finishSearch(s)
	st = s.Status().(Status)
	if !st.Search.Done || len(st.Search.Results) != 3 {
		t.Fatalf("search status %+v", st.Search)
	}
	rs := finish(s)
	for i, res := range st.Search.Results {
		k := sim.Kind(res.Kind)
		want := sim.Tune(s.search(k))
		b, _ := want.Best()
		r := rs[k]
		if res.LR != b.LR || r.BaseLR != b.LR || st.Runners[i].LR != b.LR {
			t.Errorf("%s: status %g, race %g, sim.Tune %g", k, res.LR, r.BaseLR, b.LR)
		}
		if r.Status.String() != res.Best.Status || r.At != res.Best.At {
			t.Errorf("%s: race %v at %d, its best trial %+v", k, r.Status, r.At, res.Best)
		}
		if !strings.Contains(s.paramText(r), fmt.Sprintf("searched, best of %d", sim.DefaultTrials)) {
			t.Errorf("legend %q", s.paramText(r))
		}
	}
	// The caption states the standings under both kinds of rate.
	c := s.captionText()
	if !strings.HasPrefix(c, "Fair race, each at its own searched η: Adam at η ") || !strings.Contains(c, "All at one shared η = 0.005: ") {
		t.Errorf("caption %q", c)
	}
}

// Toggling away and back finds the search done; another seed searches
// again; the URL carries all of it and a copy finds the same rates.
func TestFairRaceCachesAndTravelsInTheURL(t *testing.T) {
	a := New()
	apply(a, "surface=bowl&opt=sgd,momentum")
	a.toggleFair()
	finishSearch(a)
	lr := a.race.Runners[0].BaseLR
	a.toggleFair()
	if a.rates != ownRates || a.race.Runners[0].BaseLR != sim.PresetFor("bowl").LR[sim.SGD] {
		t.Fatalf("off again: %v at %g", a.rates, a.race.Runners[0].BaseLR)
	}
	a.toggleFair()
	if a.searching() || a.race.Runners[0].BaseLR != lr {
		t.Errorf("back on: searching %v, SGD at %g, was %g", a.searching(), a.race.Runners[0].BaseLR, lr)
	}
	press(t, a, "Z", true)
	if !a.searching() || a.fair.seed != 2 {
		t.Fatalf("Shift+Z: searching %v, seed %d", a.searching(), a.fair.seed)
	}
	finishSearch(a)
	q := query(a)
	if !strings.Contains(q, "fair=1") || !strings.Contains(q, "fairseed=2") {
		t.Fatalf("query %s", q)
	}
	b := New()
	if msgs := apply(b, "?"+q+"&trials=40"); len(msgs) != 0 {
		t.Fatalf("messages %q", msgs)
	}
	finishSearch(b)
	for i, r := range a.race.Runners {
		if b.race.Runners[i].BaseLR != r.BaseLR {
			t.Errorf("%s: copy at %g, original %g", r.Kind, b.race.Runners[i].BaseLR, r.BaseLR)
		}
	}
	// Old links keep their meaning: shared= is the same η for all.
	c := New()
	apply(c, "shared=0.002")
	if c.rates != sharedRates || c.race.Runners[1].BaseLR != 0.002 {
		t.Errorf("shared=0.002: %v at %g", c.rates, c.race.Runners[1].BaseLR)
	}
	if msgs := apply(New(), "fair=2&fairseed=0&trials=1000"); len(msgs) != 3 {
		t.Errorf("bad fair values: %q", msgs)
	}
}

// The rate keys and slider leave the searched rates alone; settings that
// change the race search again.
func TestFairRaceFollowsTheSettings(t *testing.T) {
	s := New()
	s.toggleFair()
	finishSearch(s)
	lr := s.lrOf(sim.SGD)
	press(t, s, "→", false)
	if s.lrOf(sim.SGD) != lr || s.searching() {
		t.Errorf("→ changed a searched rate: %g → %g", lr, s.lrOf(sim.SGD))
	}
	s.setTol(1e-3)
	if !s.searching() {
		t.Error("a new finish line should search again")
	}
	finishSearch(s)
	s.setStart(surfaces.Point{X: 2, Y: 1})
	if !s.searching() {
		t.Error("a new start should search again")
	}
	s.toggleKind(sim.RMSProp)
	if n := len(s.fair.need); n != 4 {
		t.Errorf("%d searches for four racers", n)
	}
}

// A diverging search never shows NaN: an AdamW search on a tiny budget.
func TestFairRaceStatusIsFinite(t *testing.T) {
	s := New()
	apply(s, "fair=1&trials=4&opt=sgd,adamw&noise=10")
	finishSearch(s)
	st := s.Status().(Status)
	for _, r := range st.Search.Results {
		for _, x := range []float64{r.LR, r.Best.Gap, r.Shared.Gap} {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				t.Errorf("%+v", r)
			}
		}
	}
	if c := s.captionText(); strings.Contains(c, "NaN") || strings.Contains(c, "Inf") {
		t.Errorf("caption %q", c)
	}
}

// The legend repaints as the search counts up, although the race's step
// stands still.
func TestFairLegendCountsTheSearch(t *testing.T) {
	s := New()
	apply(s, "fair=1&surface=rosenbrock&steps=20000&trials=200")
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	s.Update(c)
	s.Draw(dst, c)
	first := s.drawn.sideStep
	tu := s.fair.need[0]
	for n := tu.Finished(); tu.Finished() == n; {
		tu.Work(workChunk)
	}
	time.Sleep(120 * time.Millisecond) // past the side panels' repaint interval
	s.Draw(dst, c)
	if !s.searching() || s.drawn.sideStep == first {
		t.Errorf("searching %v; the legend last drew the count at %d, then %d", s.searching(), first, s.drawn.sideStep)
	}
	if !strings.Contains(s.ui.legend.Title, "trial races") {
		t.Errorf("legend title %q", s.ui.legend.Title)
	}
}

// With all seven optimizers at 1280×800 the fair race's standings are on
// screen: each legend row leads with the racer's place at its searched rate
// and at the shared one, beside its searched η, and the caption panel (the
// standings in words, with each rate) is kept before the update rule. On
// phones the legend rows carry the same, and where a row does not fit the
// caption's button, on the strip's first page, says "standings".
func TestFairStandingsOnScreen(t *testing.T) {
	for _, sz := range [][2]float64{{1280, 800}, {360, 640}, {640, 360}} {
		s := New()
		apply(s, "surface=rosenbrock&opt=sgd,momentum,nesterov,rmsprop,adam,adagrad,adamw&fair=1")
		finishSearch(s)
		c := ctx()
		c.Theme = widgets.NewTheme(math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1))
		tab := math.Round(c.Theme.S(36))
		c.Area = widgets.Rect{Y: tab, W: sz[0], H: sz[1] - tab}
		s.Update(c)
		s.Update(c) // the caption's button follows the first layout
		pl := s.fairPlaces()
		if len(pl) != 7 {
			t.Fatalf("places %v", pl)
		}
		first := 0
		for _, row := range s.ui.legend.Rows[:len(s.ui.legend.Hits())] {
			if !strings.Contains(row.Detail, "searched, best of 40") || !strings.HasPrefix(row.Detail, "η ") {
				t.Errorf("%v: %s's rate %q", sz, row.Name, row.Detail)
			}
			if !strings.Contains(row.Line, "(shared η: ") {
				t.Errorf("%v: %s's line %q", sz, row.Name, row.Line)
			}
			if strings.HasPrefix(row.Line, "1st ") {
				first++
			}
		}
		if first < 1 {
			t.Errorf("%v: no racer is first", sz)
		}
		cap := s.ui.caption.Rect
		if sz[0] == 1280 {
			if len(s.ui.legend.Hits()) != 7 || cap.H < c.Theme.S(100) {
				t.Errorf("1280×800: %d legend rows, caption panel %v", len(s.ui.legend.Hits()), cap)
			}
		} else if len(s.ui.legend.Hits()) < 7 && (s.ui.caption.Button.Label != "standings (I)" || s.ui.caption.Button.Rect.W <= 0) {
			t.Errorf("%v: caption %v, button %q at %v", sz, cap, s.ui.caption.Button.Label, s.ui.caption.Button.Rect)
		}
		if !strings.HasPrefix(s.ui.caption.Text, "Fair race, each at its own searched η: ") {
			t.Errorf("caption %q", s.ui.caption.Text)
		}
		t.Logf("%v: %d of 7 legend rows, caption %v; first row %q / %q", sz, len(s.ui.legend.Hits()), cap, s.ui.legend.Rows[0].Detail, s.ui.legend.Rows[0].Line)
	}
	if got := []string{ordinal(1), ordinal(2), ordinal(3), ordinal(4), ordinal(11), ordinal(22)}; strings.Join(got, ",") != "1st,2nd,3rd,4th,11th,22nd" {
		t.Errorf("ordinals %v", got)
	}
}

// The caption drawn follows the search's end: the standings replace
// "searching" on screen, not only in the text.
func TestFairCaptionDrawnAfterTheSearch(t *testing.T) {
	s := New()
	apply(s, "surface=bowl&fair=1")
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	for i := 0; i < 5000 && (s.searching() || i%5 != 0); i++ {
		s.Update(c)
		s.Draw(dst, c)
	}
	s.Update(c)
	s.Draw(dst, c)
	if s.searching() || !strings.HasPrefix(s.drawn.caption, "Fair race, each at its own searched η: ") {
		t.Errorf("searching %v; caption drawn %q", s.searching(), s.drawn.caption)
	}
}

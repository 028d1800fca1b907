package ensemble

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gradlab/sim/ensemble"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// finished returns a scene with the settings changed by set, trained to the
// end with the finish key.
func finished(t *testing.T, set func(s *Scene)) *Scene {
	s := New()
	if set != nil {
		set(s)
		s.Rebuild()
	}
	press(t, s, "F", false)
	return s
}

// The scene trains live and ends where the finish key ends: the networks
// do not depend on how the frames sliced the training.
func TestLiveTrainingEqualsFinish(t *testing.T) {
	s := New()
	c := ctx()
	if !s.playing {
		t.Fatal("the scene should train as it opens")
	}
	for tick := 0; tick < 5000 && !s.done(); tick++ {
		s.Update(c)
		s.drawn.frames++ // as Draw would
	}
	if !s.done() || s.playing {
		t.Fatalf("not done after the ticks: %d of %d steps", s.exp.Steps(), s.exp.Total())
	}
	f := finished(t, nil)
	if s.res.Ensemble != f.res.Ensemble || !slices.Equal(s.res.Members, f.res.Members) || s.res.Polyak != f.res.Polyak || s.res.SnapEnsemble != f.res.SnapEnsemble {
		t.Errorf("live %+v\nfinish %+v", s.res, f.res)
	}
	if s.summary() != f.summary() {
		t.Errorf("captions differ:\n%s\n%s", s.summary(), f.summary())
	}
}

// The caption's numbers are the run's, and it says plainly whether the
// ensemble beat the mean and the best member.
func TestCaptionStatesWhatWasMeasured(t *testing.T) {
	for seed := 1; seed <= 4; seed++ {
		s := finished(t, func(s *Scene) { s.seed = seed })
		r, sum := s.res, s.summary()
		t.Logf("seed %d: %s", seed, sum)
		for _, want := range []string{
			fmt.Sprintf("the average of 5 members scores %s", pct(r.Ensemble)),
			fmt.Sprintf("(member %d, %s)", r.BestAt+1, pct(r.Best)),
			fmt.Sprintf("snapshot ensemble (5 of 5 cycles of one run) scores %s", pct(r.SnapEnsemble)),
			fmt.Sprintf("last 10 checkpoints score %s, member 1 itself %s", pct(r.Polyak), pct(r.PolyakBase)),
		} {
			if !strings.Contains(sum, want) {
				t.Errorf("seed %d: caption lacks %q", seed, want)
			}
		}
		beatBest := strings.Contains(sum, "it beats the best member")
		if beatBest != (r.Ensemble > r.Best+same) {
			t.Errorf("seed %d: ensemble %g best %g, caption %q", seed, r.Ensemble, r.Best, sum)
		}
		if strings.Contains(sum, "did not help") != (r.Ensemble <= r.Mean+same) {
			t.Errorf("seed %d: ensemble %g mean %g, caption %q", seed, r.Ensemble, r.Mean, sum)
		}
	}
}

// Where the ensemble loses, the caption and the table say so: the wording
// on made-up measurements of each kind.
func TestCaptionWhenTheEnsembleDidNotHelp(t *testing.T) {
	s := finished(t, nil)
	for _, c := range []struct {
		members  []float64
		ensemble float64
		want     []string
		color    string
	}{
		{[]float64{0.9, 0.8}, 0.8, []string{"5.0 points below the mean member (85.0 %): on this seed the ensemble did not help", "does not beat the best member (member 1, 90.0 %), 10.0 points short"}, "bad"},
		{[]float64{0.9, 0.8}, 0.85, []string{"the same as the mean member (85.0 %): on this seed the ensemble did not help"}, "bad"},
		{[]float64{0.9, 0.8}, 0.88, []string{"3.0 points above the mean member", "2.0 points short"}, "slow"},
		{[]float64{0.9, 0.8}, 0.9, []string{"ties the best member (member 1, 90.0 %)"}, "good"},
		{[]float64{0.8, 0.9}, 0.95, []string{"beats the best member (member 2, 90.0 %) by 5.0 points"}, "good"},
	} {
		s.res.Summary = ensemble.Summary{Members: c.members, Ensemble: c.ensemble}
		for i, a := range c.members {
			s.res.Mean += a / float64(len(c.members))
			if a > s.res.Best {
				s.res.Best, s.res.BestAt = a, i
			}
		}
		sum := s.summary()
		for _, w := range c.want {
			if !strings.Contains(sum, w) {
				t.Errorf("%v → %g: %q lacks %q", c.members, c.ensemble, sum, w)
			}
		}
		col := map[string]string{"bad": fmt.Sprint(gainColor(&s.res) == widgetsBad), "slow": fmt.Sprint(gainColor(&s.res) == widgetsSlow), "good": fmt.Sprint(gainColor(&s.res) == widgetsGood)}
		if col[c.color] != "true" {
			t.Errorf("%v → %g: the table's gain line is not %s", c.members, c.ensemble, c.color)
		}
	}
}

// The keys change what they say, and the URL follows.
func TestKeysAndURL(t *testing.T) {
	s := New()
	if q := query(s); q != "scene=ensemble&data=spiral&k=5&seed=1" {
		t.Errorf("default query %s", q)
	}
	press(t, s, "K", false)
	press(t, s, "N", false)
	press(t, s, "S", false)
	if q := query(s); q != "scene=ensemble&data=spiral&k=6&noise=0.45&seed=2" {
		t.Errorf("after K N S: %s", q)
	}
	if len(s.exp.Members) != 6 || s.exp.Cfg.Noise != 0.45 || s.exp.Cfg.Seed != 2 {
		t.Errorf("experiment %+v", s.exp.Cfg)
	}
	// Another data set starts at its own default noise.
	press(t, s, "D", false)
	if q := query(s); q != "scene=ensemble&data=moons&k=6&seed=2" || s.noise != ensemble.DefaultNoise("moons") {
		t.Errorf("after D: %s, noise %g", q, s.noise)
	}
	for range 20 {
		press(t, s, "K", true)
		press(t, s, "N", true)
	}
	if s.k != kMin || s.noise != noiseMin {
		t.Errorf("K and noise should stop at %d and %g: %d %g", kMin, noiseMin, s.k, s.noise)
	}
	b := New()
	if msgs := apply(b, "?"+query(s)); len(msgs) != 0 || query(b) != query(s) {
		t.Errorf("round trip: %q → %q %q", query(s), query(b), msgs)
	}
	// Space pauses and resumes; R restarts at step 0, training.
	c := ctx()
	for range 10 {
		b.Update(c)
		b.drawn.frames++
	}
	press(t, b, "Space", false)
	steps := b.exp.Steps()
	for range 10 {
		b.Update(c)
		b.drawn.frames++
	}
	if b.playing || b.exp.Steps() != steps || steps == 0 {
		t.Errorf("paused yet %d → %d steps", steps, b.exp.Steps())
	}
	press(t, b, "R", false)
	if !b.playing || b.exp.Steps() != 0 {
		t.Errorf("after R: playing %v, %d steps", b.playing, b.exp.Steps())
	}
	for _, bad := range []string{"?k=11", "?k=1", "?noise=2", "?data=circles", "?seed=0"} {
		if msgs := apply(New(), bad); len(msgs) != 1 {
			t.Errorf("%s: %q", bad, msgs)
		}
	}
}

// What the caption tells people to try does what it says: S gives another
// seed and other numbers; K one member more, and the plot one point more;
// N noisier data.
func TestTryThis(t *testing.T) {
	a := finished(t, nil)
	press(t, a, "S", false)
	press(t, a, "F", false)
	b := finished(t, nil)
	if a.seed != 2 || a.res.Ensemble == b.res.Ensemble && slices.Equal(a.res.Members, b.res.Members) {
		t.Errorf("S: seed %d, results %+v and %+v", a.seed, a.res.Summary, b.res.Summary)
	}
	press(t, a, "K", false)
	press(t, a, "F", false)
	if len(a.res.VsK) != 6 || len(a.res.Members) != 6 {
		t.Errorf("K: %d points on the curve", len(a.res.VsK))
	}
	n := a.noise
	press(t, a, "N", false)
	if a.noise <= n || a.exp.Cfg.Noise != a.noise {
		t.Errorf("N: noise %g → %g", n, a.noise)
	}
}

// The status encodes, finite, and matches the measurement.
func TestStatus(t *testing.T) {
	s := finished(t, nil)
	s.Update(ctx())
	b, err := json.Marshal(s.Status())
	if err != nil {
		t.Fatal(err)
	}
	var st Status
	json.Unmarshal(b, &st)
	if !st.Done || st.Playing || st.Step != 2000 || st.Snapshots != 5 || st.Cycles != 5 || st.PolyakN != 10 ||
		len(st.VsK) != 5 || math.Abs(st.VsK[4]-st.Ensemble) > 1e-12 || math.Abs(st.VsK[0]-st.Mean) > 1e-12 || st.ValPoints != 150 {
		t.Errorf("status %+v", st)
	}
}

// The layout at every size: the views inside the grid panel and apart,
// their labels fitting, and on a large screen every panel shown.
func TestLayouts(t *testing.T) {
	for _, sz := range [][2]float64{{320, 240}, {360, 640}, {640, 360}, {800, 600}, {1280, 800}, {1920, 1080}, {5120, 2880}} {
		for _, k := range []int{2, 5, 10} {
			sc := math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1)
			th := widgets.NewTheme(sc)
			c := ctx()
			c.Theme, c.Area = th, widgets.Rect{Y: th.S(36), W: sz[0], H: sz[1] - th.S(36)}
			s := New()
			s.setK(k)
			s.Update(c)
			s.Update(c)
			u := &s.ui
			where := fmt.Sprintf("%g×%g K=%d", sz[0], sz[1], k)
			for i, v := range u.views {
				if v.g.Rect.W <= 0 {
					continue
				}
				p := v.g.Plot()
				if p.X < u.grid.X || p.Right() > u.grid.Right() || p.Y < u.grid.Y || p.Bottom() > u.grid.Bottom() {
					t.Errorf("%s: view %d %+v outside the grid %+v", where, i, p, u.grid)
				}
				for _, w := range u.views[i+1:] {
					if q := w.g.Plot(); w.g.Rect.W > 0 && p.X < q.Right() && q.X < p.Right() && p.Y < q.Bottom() && q.Y < p.Bottom() {
						t.Errorf("%s: views overlap", where)
					}
				}
				if th.Width(v.label, widgets.Small, true) > v.box.W+0.5 {
					t.Errorf("%s: label %q too wide", where, v.label)
				}
			}
			if sz[0] >= 1280 && (u.views[0].g.Rect.W == 0 || u.legend.Rect.H == 0 || u.plot.H == 0 || u.caption.Rect.H == 0) {
				t.Errorf("%s: a panel was dropped on a large screen", where)
			}
			if sz == [2]float64{360, 640} && (u.views[0].g.Rect.W == 0 || u.legend.Rect.H == 0) {
				t.Errorf("%s: a phone should show the views and the table", where)
			}
			t.Logf("%s: views %.0f px, table %v, plot %v, caption %v", where, u.views[0].g.Plot().W, u.legend.Rect.H > 0, u.plot.H > 0, u.caption.Rect.H > 0)
		}
	}
}

// A run that diverges is named in the caption with its step and reason,
// and nothing shown is NaN (the rate is fixed, so it is forced here).
func TestDivergedRunIsNamed(t *testing.T) {
	s := New()
	m := s.exp.Members[1]
	m.Config.LR = 1e6
	for range 50 {
		m.Step(1)
	}
	if m.Status != train.Diverged {
		t.Skipf("member 2 did not diverge at rate 1e6: %v", m.Status)
	}
	press(t, s, "F", false)
	s.Update(ctx())
	sum := s.summary()
	if !strings.Contains(sum, fmt.Sprintf("Member 2 stopped at step %d: %s", m.At, m.Why)) {
		t.Errorf("caption %q", sum)
	}
	b, err := json.Marshal(s.Status())
	if err != nil || strings.Contains(string(b), "NaN") {
		t.Errorf("status %s %v", b, err)
	}
}

package threelrs

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// finished returns a scene with the settings changed by set, run to the end.
func finished(set func(s *Scene)) *Scene {
	s := New()
	if set != nil {
		set(s)
	}
	s.Rebuild()
	s.finish()
	return s
}

func verdicts(s *Scene) string {
	var v []string
	for _, r := range s.runs {
		v = append(v, r.v.String())
	}
	return strings.Join(v, " ")
}

// The default rates do what the scene promises: 0.01 crawls, 0.5 trains
// well, 30 diverges, on the default spiral and seed and on the next seeds.
func TestDefaultRatesCrawlTrainDiverge(t *testing.T) {
	for seed := 1; seed <= 8; seed++ {
		s := finished(func(s *Scene) { s.seed = seed })
		if got := verdicts(s); got != "slow good diverged" {
			t.Errorf("seed %d: %s", seed, got)
		}
		for _, r := range s.runs {
			t.Logf("seed %d η %-5s %s", seed, fmtLR(r.lr), r.line())
		}
		// "crawls": the small rate is far from the goal, its loss still
		// well above the good run's.
		slow, ok := s.runs[0], s.runs[1]
		if slow.last().TrainAcc > 0.85 || lastLoss(slow) < 3*lastLoss(ok) {
			t.Errorf("seed %d: the small rate got to %s, loss %g (good: %g)", seed, pct(slow.last().TrainAcc), lastLoss(slow), lastLoss(ok))
		}
	}
}

// The rule, on curves made up to test each branch.
func TestClassificationRule(t *testing.T) {
	mk := func(loss []float64, accs []float64, st train.Status) *run {
		tr := &train.Trainer{Loss: loss, Status: st}
		for i, a := range accs {
			tr.Evals = append(tr.Evals, train.Eval{Step: i * evalEvery, TrainAcc: a})
		}
		r := &run{lr: 1, tr: tr}
		r.judge()
		return r
	}
	falling := make([]float64, 300)
	for i := range falling {
		falling[i] = math.Exp(-float64(i) / 100)
	}
	// Still training, far from the goal: running (orange).
	if r := mk(falling, []float64{0.3, 0.5}, train.Running); r.v != running || r.v.color() != slow.color() {
		t.Errorf("running: %v", r.v)
	}
	// Reached the goal: good, at the first measurement that did.
	if r := mk(falling, []float64{0.3, 0.5, 0.96, 0.94, 0.97}, train.Running); r.v != good || r.reachedAt != 2*evalEvery {
		t.Errorf("good: %v at %d", r.v, r.reachedAt)
	}
	// All steps without the goal: slow.
	if r := mk(falling, []float64{0.3, 0.9}, train.Done); r.v != slow {
		t.Errorf("slow: %v", r.v)
	}
	// Stopped by the trainer: diverged at its step, in its words.
	tr := &train.Trainer{Loss: falling[:5], Status: train.Diverged, At: 5, Why: "the loss became NaN", Evals: []train.Eval{{}}}
	r := &run{lr: 1, tr: tr}
	r.judge()
	if r.v != diverged || r.stopAt != 5 || r.why != "the loss became NaN" {
		t.Errorf("trainer diverged: %v at %d %q", r.v, r.stopAt, r.why)
	}
	// Climbed above its start and stayed: diverged where the mean of the
	// last climbWindow steps first passes the start.
	up := make([]float64, 400)
	for i := range up {
		up[i] = 1
		if i >= 3 {
			up[i] = 1.5
		}
	}
	r = mk(up, []float64{0.3}, train.Running)
	// The window k−99 … k averages 0.03·1 + 0.97·1.5 > 1 from k = 100 on.
	if r.v != diverged || r.stopAt != climbWindow+1 || len(r.loss()) != climbWindow+1 || !strings.Contains(r.why, "rose above its start") {
		t.Errorf("climbed: %v at %d (%d points) %q", r.v, r.stopAt, len(r.loss()), r.why)
	}
	// A short spike that comes back down is not divergence, but it makes
	// a good run unstable, citing the jump (one, over five steps).
	spike := append([]float64(nil), falling...)
	for i := 150; i < 155; i++ {
		spike[i] = 8
	}
	if r := mk(spike, []float64{0.3, 0.96}, train.Running); r.v != unstable || r.jumps != 1 || r.jumpAt != 150 ||
		!strings.Contains(r.why, "jumped 35× at step 150 (0.225 → 8)") {
		t.Errorf("spike: %v %d jumps at %d %q", r.v, r.jumps, r.jumpAt, r.why)
	}
	// A rise under jumpFactor times the low is not a jump.
	bump := append([]float64(nil), falling...)
	bump[150] = 3.9 * falling[149]
	if r := mk(bump, []float64{0.3, 0.96}, train.Running); r.v != good {
		t.Errorf("bump: %v %q", r.v, r.why)
	}
	// Diverged beats good.
	r = mk(append(append([]float64(nil), falling[:50]...), up...), []float64{0.96}, train.Running)
	if r.v != diverged {
		t.Errorf("good then climbing: %v", r.v)
	}
	cols := []verdict{good, slow, diverged, unstable}
	for i := range cols {
		for j := range i {
			if cols[i].color() == cols[j].color() {
				t.Errorf("%v and %v share a colour", cols[i], cols[j])
			}
		}
	}
}

// A rate that overflows stops cleanly: a finite curve, a step and a
// reason, and a status with no NaN or infinity anywhere.
func TestDivergenceHasNoNaN(t *testing.T) {
	for _, lr := range []float64{30, 100} {
		s := finished(func(s *Scene) { s.lrs[2] = lr })
		r := s.runs[2]
		if r.v != diverged || r.stopAt <= 0 || r.why == "" {
			t.Fatalf("η %g: %v at %d %q", lr, r.v, r.stopAt, r.why)
		}
		for k, v := range r.loss() {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("η %g: loss[%d] = %v drawn", lr, k, v)
			}
		}
		js, err := json.Marshal(s.Status())
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"NaN", "Inf", "∞", "undefined"} {
			if strings.Contains(string(js), bad) {
				t.Errorf("η %g: %q in %s", lr, bad, js)
			}
		}
		st := s.Status().(Status)
		if st.Runs[2].DivergedAt != r.stopAt || st.Runs[2].Status != "diverged" || st.Runs[2].Why != r.why {
			t.Errorf("η %g: status %+v", lr, st.Runs[2])
		}
		t.Logf("η %g: %s", lr, r.line())
	}
	// η = 100 is stopped by the trainer itself (the loss exploded).
	s := finished(func(s *Scene) { s.lrs[2] = 100 })
	if s.runs[2].tr.Status != train.Diverged || !strings.Contains(s.runs[2].tr.Why, "exploded") || !strings.Contains(s.runs[2].why, "over 1000×") {
		t.Errorf("η 100: %v %q", s.runs[2].tr.Status, s.runs[2].why)
	}
	// The region view of an overflowed network keeps its last finite
	// weights: classify never sees an infinity.
	c := nn.Classifier{Net: s.runs[2].tr.Net}
	c.Snap()
	probs := make([]float64, 3)
	for _, p := range [][2]float64{{0, 0}, {0.5, -0.5}, {-1, 1}} {
		k := c.Classify(p[0], p[1], probs)
		if k < -1 || k > 2 {
			t.Errorf("class %d", k)
		}
	}
}

// The caption's first paragraph is computed from the runs: its numbers are
// theirs.
func TestCaptionNumbersMatchTheRuns(t *testing.T) {
	s := finished(nil)
	sum := s.summary()
	slowR, goodR, divR := s.runs[0], s.runs[1], s.runs[2]
	for _, want := range []string{
		fmt.Sprintf("0.5 reached 95 %% in %d steps", goodR.reachedAt),
		fmt.Sprintf("30 diverged at step %d", divR.stopAt),
		fmt.Sprintf("0.01 crawled to %s in all %d steps", pct(slowR.last().TrainAcc), s.limit),
	} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary %q lacks %q", sum, want)
		}
	}
	// The good run's step is where the measured accuracy first reached
	// 95 %.
	for _, e := range goodR.tr.Evals {
		if e.TrainAcc >= goalAcc {
			if e.Step != goodR.reachedAt {
				t.Errorf("reached at %d, evals say %d", goodR.reachedAt, e.Step)
			}
			break
		}
	}
	if st := s.Status().(Status); st.Summary != sum || st.Runs[1].ReachedAt != goodR.reachedAt {
		t.Errorf("status %q %+v", st.Summary, st.Runs[1])
	}
	t.Log(sum)
	if sum := New().summary(); !strings.Contains(sum, "press run") {
		t.Errorf("before running: %q", sum)
	}
}

// Every "try" of the caption, done with the keys it names.
func TestCaptionTries(t *testing.T) {
	base := finished(nil)
	// "η₁ (Q) up to 0.1 (→): it turns green too, later than 0.5"
	s := New()
	press(t, s, "Q", false)
	for s.lrs[0] < 0.1 {
		press(t, s, "→", false)
	}
	s.finish()
	if s.lrs[0] != 0.1 || s.runs[0].v != good || s.runs[0].reachedAt <= base.runs[1].reachedAt {
		t.Errorf("0.1: η %g %v at %d (0.5 at %d)", s.lrs[0], s.runs[0].v, s.runs[0].reachedAt, base.runs[1].reachedAt)
	}
	// "η₃ (E) down to 3 (←): it gets to 95 % first, then its loss jumps:
	// unstable; at 2 it is the fastest and steady"
	s = New()
	press(t, s, "E", false)
	for s.lrs[2] > 3 {
		press(t, s, "←", false)
	}
	s.finish()
	if r := s.runs[2]; s.lrs[2] != 3 || r.v != unstable || r.reachedAt < 0 || r.reachedAt >= s.runs[1].reachedAt || r.jumpAt <= r.reachedAt {
		t.Errorf("3: η %g %v at %d, jump at %d (0.5 at %d)", s.lrs[2], r.v, r.reachedAt, r.jumpAt, s.runs[1].reachedAt)
	}
	press(t, s, "←", false)
	s.finish()
	if s.lrs[2] != 2 || s.runs[2].v != good || s.runs[2].reachedAt >= s.runs[1].reachedAt {
		t.Errorf("2: η %g %v at %d (0.5 at %d)", s.lrs[2], s.runs[2].v, s.runs[2].reachedAt, s.runs[1].reachedAt)
	}
	tr := New().tries()
	if !strings.Contains(tr, "(Q) up to 0.1 (→)") || !strings.Contains(tr, "(E) down to 3 (←): it gets to 95 % first, then its loss jumps: unstable; at 2 it is the fastest") {
		t.Errorf("the tries changed: update this test: %q", tr)
	}
	// From every data set, the D presses the tries name land where they
	// say, with the outcome they promise.
	for _, from := range data.Kinds {
		tr := onData(from).tries()
		for _, to := range []data.Kind{data.Circles, data.Spiral} {
			if to == from {
				continue
			}
			how := pressesTo(from, to)
			if !strings.Contains(tr, how) {
				t.Errorf("on %s the tries do not say %q: %q", from, how, tr)
				continue
			}
			s := onData(from)
			n := 1
			switch {
			case strings.HasSuffix(how, "once"):
			case strings.HasSuffix(how, "twice"):
				n = 2
			default:
				fmt.Sscanf(strings.TrimPrefix(how, "press D "), "%d", &n)
			}
			for range n {
				press(t, s, "D", false)
			}
			s.finish()
			switch got := verdicts(s); {
			case s.kind != to:
				t.Errorf("from %s, %s lands on %s", from, how, s.kind)
			case to == data.Circles && s.runs[0].v != good:
				t.Errorf("circles: 0.01 is %v", s.runs[0].v)
			case to == data.Spiral && got != "slow good diverged":
				t.Errorf("spiral: %s", got)
			}
		}
		if from != data.Spiral && strings.Contains(tr, "(Q)") {
			t.Errorf("on %s the rate tries (made on the spiral) show: %q", from, tr)
		}
		t.Logf("%s: %s", from, tr)
	}
}

// onData is a fresh scene on data set k, reached with the D key.
func onData(k data.Kind) *Scene {
	s := New()
	for s.kind != k {
		s.cycleData(1)
	}
	return s
}

// The live path: ticks with the frame's budget train the runs to the same
// verdicts, steps and numbers as running them through at once.
func TestLiveTicksMatchTheFinish(t *testing.T) {
	want := finished(func(s *Scene) { s.limit = 600 })
	s := New()
	s.setLimit(600)
	s.togglePlay()
	c := ctx()
	for tick := 0; tick < 60*120 && s.active(); tick++ {
		s.Update(c)
		s.drawn.frames++ // as Draw would
	}
	if s.active() || s.playing {
		t.Fatalf("still training after the ticks: %s", verdicts(s))
	}
	for i, r := range s.runs {
		w := want.runs[i]
		if r.v != w.v || r.steps() != w.steps() || r.reachedAt != w.reachedAt || r.stopAt != w.stopAt || lastLoss(r) != lastLoss(w) {
			t.Errorf("run %d live: %s; at once: %s", i, r.line(), w.line())
		}
		// The same network, to the last bit: its regions look the same.
		if !slices.Equal(r.tr.Net.Theta, w.tr.Net.Theta) && !(r.v == diverged && sameNaN(r.tr.Net.Theta, w.tr.Net.Theta)) {
			t.Errorf("run %d: the live network's weights differ", i)
		}
	}
	if st := s.Status().(Status); st.StepsPerSec != 0 {
		t.Errorf("idle, yet %g steps/s", st.StepsPerSec)
	}
}

func TestQueryRoundTrips(t *testing.T) {
	a := New()
	a.setLR(0, 0.002)
	a.setLR(2, 5)
	a.cycleData(3)
	a.nextSeed(6)
	a.setHidden(64)
	a.setLimit(5000)
	a.togglePlay()
	q := query(a)
	want := "scene=three-lrs&lr1=0.002&lr2=0.5&lr3=5&data=xor&seed=7&hidden=64&steps=5000&run=1"
	if q != want {
		t.Errorf("query %s, want %s", q, want)
	}
	b := New()
	if msgs := apply(b, q); len(msgs) != 0 {
		t.Fatalf("%s: %q", q, msgs)
	}
	if got := query(b); got != q || !b.playing {
		t.Errorf("round trip:\n%s\n%s", q, got)
	}
	// The same URL trains the same networks.
	a.finish()
	b.finish()
	for i := range a.runs {
		if a.runs[i].line() != b.runs[i].line() {
			t.Errorf("run %d: %q vs %q", i, a.runs[i].line(), b.runs[i].line())
		}
	}
}

func TestBadQueryValuesFallBackWithMessages(t *testing.T) {
	s := New()
	def := query(s)
	msgs := apply(s, "lr1=0&lr2=NaN&lr3=1000&data=mnist&seed=0&hidden=3&steps=50&run=maybe&extra=1")
	if len(msgs) != 9 {
		t.Errorf("want a message per bad value, got %d: %q", len(msgs), msgs)
	}
	for _, m := range msgs {
		t.Log(m)
	}
	if got := query(s); got != def {
		t.Errorf("bad values changed the state:\n%s\n%s", got, def)
	}
	s = New()
	if msgs := apply(s, "data=Moons&lr1=0.00015&run=0"); len(msgs) != 0 || s.kind != data.Moons || s.lrs[0] != 0.00015 || s.playing {
		t.Errorf("ids in any case, any rate in range: %q", msgs)
	}
}

// The keys do what the help says, within their ranges.
func TestKeys(t *testing.T) {
	s := New()
	press(t, s, "E", false)
	if s.sel != 2 {
		t.Errorf("E selects %d", s.sel)
	}
	press(t, s, "Tab", false)
	if s.sel != 0 {
		t.Errorf("Tab wraps to %d", s.sel)
	}
	press(t, s, "Tab", true)
	press(t, s, "W", false)
	press(t, s, "→", false)
	if s.lrs[1] != 1 {
		t.Errorf("→ from 0.5: %g", s.lrs[1])
	}
	press(t, s, "←", false)
	press(t, s, "←", false)
	if s.lrs[1] != 0.3 {
		t.Errorf("← twice from 1: %g", s.lrs[1])
	}
	for range 40 {
		press(t, s, "→", false)
	}
	if s.lrs[1] != lrMax {
		t.Errorf("→ stops at %g", s.lrs[1])
	}
	for range 40 {
		press(t, s, "←", false)
	}
	if s.lrs[1] != lrMin {
		t.Errorf("← stops at %g", s.lrs[1])
	}
	press(t, s, "D", true)
	if s.kind != data.Kinds[len(data.Kinds)-1] {
		t.Errorf("Shift+D from the spiral: %s", s.kind)
	}
	press(t, s, "S", false)
	if s.seed != 2 {
		t.Errorf("S: seed %d", s.seed)
	}
	press(t, s, "N", false)
	press(t, s, "N", false)
	press(t, s, "N", false)
	if s.hidden != hiddenMax {
		t.Errorf("N three times from 32: %d", s.hidden)
	}
	press(t, s, "L", true)
	if s.limit != stepsDef/2 {
		t.Errorf("Shift+L: %d", s.limit)
	}
	press(t, s, "Space", false)
	if !s.playing {
		t.Error("Space did not start")
	}
	c := ctx()
	for range 5 {
		s.Update(c)
		s.drawn.frames++
	}
	if s.runs[0].steps() == 0 {
		t.Error("no steps while running")
	}
	press(t, s, "Space", false)
	n := s.runs[0].steps()
	for range 5 {
		s.Update(c)
		s.drawn.frames++
	}
	if s.playing || s.runs[0].steps() != n {
		t.Error("Space did not pause")
	}
	press(t, s, "R", false)
	if s.playing || s.runs[0].steps() != 0 {
		t.Error("R did not reset")
	}
	// Changing one rate restarts only its run.
	s.togglePlay()
	for range 5 {
		s.Update(c)
		s.drawn.frames++
	}
	r0 := s.runs[0]
	press(t, s, "E", false)
	press(t, s, "←", false)
	if s.runs[0] != r0 || s.runs[2].steps() != 0 {
		t.Error("a new rate for E restarted the wrong run")
	}
}

// Everything the scene writes is drawable in the embedded font.
func TestGlyphs(t *testing.T) {
	var texts []string
	for _, set := range []func(*Scene){nil, func(s *Scene) { s.lrs[2] = 100 }, func(s *Scene) { s.limit = 100 }} {
		s := finished(set)
		c := ctx()
		s.Update(c)
		texts = append(texts, s.summary(), explanation, s.tries(), s.ui.legend.Title, s.ui.caption.Title)
		for i, r := range s.runs {
			texts = append(texts, r.line(), r.sentence(), r.why, s.ui.labels[i], s.ui.sliders[i].Label)
		}
		texts = append(texts, s.ui.run.Label, s.ui.data.Label, s.ui.seed.Label, s.ui.hidden.Label)
	}
	texts = append(texts, "training loss (log scale) against step", "decision regions of each network over the data (paler: less sure)")
	for _, k := range New().Keys() {
		texts = append(texts, k.Label, k.Help, k.Group)
	}
	for _, x := range texts {
		if m := widgets.MissingGlyphs(x); len(m) > 0 {
			t.Errorf("%q uses %q, which the font cannot draw", x, string(m))
		}
	}
}

// sameNaN compares weights that may hold NaN (a NaN equals a NaN here).
func sameNaN(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

package sanity

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	"gradlab/widgets"
)

func ctx() *kit.Ctx {
	return &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
}

func query(s *Scene) string { return kit.EncodeQuery("sanity", s.Params()) }

func apply(s *Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
}

// withBug returns a finished scene with bug b and n examples.
func withBug(b nn.Bug, n int) *Scene {
	s := New()
	s.bug, s.examples = b, n
	s.Rebuild()
	s.finish()
	return s
}

// finished is withBug(b, 5), made once per bug for the tests that only
// read it (full training is the slow part, in WebAssembly especially).
func finished(b nn.Bug) *Scene {
	doneMu.Lock()
	defer doneMu.Unlock()
	if s, ok := done[b]; ok {
		return s
	}
	s := withBug(b, 5)
	done[b] = s
	return s
}

var (
	doneMu sync.Mutex
	done   = map[nn.Bug]*Scene{}
)

// overfitOnly returns a scene with bug b and n examples whose overfit run
// is finished (and nothing else).
func overfitOnly(b nn.Bug, n int) *Scene {
	s := New()
	s.bug, s.examples = b, n
	s.Rebuild()
	s.finishOverfit()
	return s
}

func verdicts(s *Scene) []string {
	var out []string
	for _, r := range s.checklist() {
		out = append(out, r.Verdict.String())
	}
	return out
}

// The cs231n numbers: a fresh softmax classifier's loss is ln C, 1.0986
// for 3 classes and 2.3026 for 10.
func TestInitialLossIsLnC(t *testing.T) {
	for _, tc := range []struct {
		c    int
		want float64
	}{{3, 1.0986}, {10, 2.3026}} {
		s := New()
		s.setClasses(tc.c)
		s.finishInitial()
		sm := s.init.summary()
		if sm.n != seeds {
			t.Fatalf("C = %d: %d networks measured", tc.c, sm.n)
		}
		for k, p := range s.init.at[tc.c] {
			if math.Abs(p.NoReg-tc.want) > 0.05 {
				t.Errorf("C = %d network %d: initial loss %.4f, want %.4f ± 0.05", tc.c, k, p.NoReg, tc.want)
			}
		}
		if math.Abs(math.Log(float64(tc.c))-tc.want) > 1e-4 {
			t.Errorf("ln %d = %g", tc.c, math.Log(float64(tc.c)))
		}
		if r := s.checklist()[0]; r.Verdict != pass || !strings.Contains(r.Expected, fmt.Sprintf("%.4f", tc.want)) {
			t.Errorf("C = %d: row %+v", tc.c, r)
		}
	}
	// The whole sweep sits on ln C: computed at every class count, not typed.
	s := New()
	s.finishInitial()
	st := s.Status().(Status)
	if len(st.Sweep) != len(sweepCs) {
		t.Errorf("sweep measured at %d class counts, want %d", len(st.Sweep), len(sweepCs))
	}
	for _, p := range st.Sweep {
		if p.Nets != seeds || math.Abs(p.NoReg-math.Log(float64(p.C))) > lnCTol {
			t.Errorf("C = %d: %d networks, mean %.4f, ln C %.4f", p.C, p.Nets, p.NoReg, math.Log(float64(p.C)))
		}
	}
}

// Regularisation raises the initial loss by exactly ½λΣW², more for a
// larger λ and for more weights.
func TestRegularisationRaisesTheInitialLoss(t *testing.T) {
	rise := func(c int, reg float64) summary {
		s := New()
		s.setClasses(c)
		s.setReg(reg)
		s.finishInitial()
		return s.init.summary()
	}
	a, b, big := rise(3, 1), rise(3, 10), rise(100, 1)
	if !(a.riseLo > 0) || math.Abs(a.rise-a.expected) > 1e-9 {
		t.Errorf("λ = 1: rise %g, ½λΣW² %g", a.rise, a.expected)
	}
	if math.Abs(b.rise/a.rise-10) > 1e-6 {
		t.Errorf("λ = 10 raised it by %g, λ = 1 by %g: want 10 times", b.rise, a.rise)
	}
	if !(big.rise > 10*a.rise) {
		t.Errorf("100 classes (more weights) raised it by %g, 3 classes by %g", big.rise, a.rise)
	}
	// "slightly": small next to ln C at the default λ.
	if a.rise > 0.05*math.Log(3) {
		t.Errorf("λ = 1 raised the loss by %g, not slightly", a.rise)
	}
	s := New()
	s.finishInitial()
	if r := s.checklist()[1]; r.Verdict != pass {
		t.Errorf("row %+v", r)
	}
	// λ = 0: nothing to check, said so.
	s.setReg(0)
	s.finishInitial()
	if r := s.checklist()[1]; r.Verdict != off || !strings.Contains(r.Words, "λ is 0") {
		t.Errorf("λ = 0: row %+v", r)
	}
}

// The dead-regularisation warning is computed from the measured losses:
// it shows when λ > 0 does not raise the loss (the wrong sign, or a
// regularisation term that is not in the loss), and never otherwise.
func TestRegularisationWarning(t *testing.T) {
	for _, b := range bugs {
		for _, reg := range []float64{0, 1e-3, 1, 100} {
			s := New()
			s.bug = b
			s.reg = reg
			s.Rebuild()
			s.finishInitial()
			w := s.warning()
			want := b == nn.BugRegSign && reg > 0
			if (w != "") != want {
				t.Errorf("bug %s, λ %g: warning %q", bugID(b), reg, w)
			}
			if want {
				sm := s.init.summary()
				if !strings.Contains(w, "lowered it by "+widgets.Num(-sm.rise)) || !strings.Contains(w, widgets.Num(sm.expected)) {
					t.Errorf("warning %q does not give the measured %g and the expected %g", w, sm.rise, sm.expected)
				}
				if st := s.Status().(Status); st.Warning != w || st.Checks[1].Verdict != "fail" {
					t.Errorf("status %q, %+v", st.Warning, st.Checks[1])
				}
			}
		}
	}
	// No bug of sim/nn leaves the regularisation out of the forward pass
	// (no-reg-grad drops only its gradient, which this check cannot see);
	// the check is on the measured numbers, so a dead term — a rise of 0 —
	// fails it too.
	dead := summary{n: seeds, rise: 0, riseLo: 0, riseHi: 0, expected: 0.0255, finiteRg: true}
	if v, w := judgeReg(1, dead); v != fail || !strings.Contains(w, "did not change it") {
		t.Errorf("a dead regularisation: %v %q", v, w)
	}
	half := summary{n: seeds, rise: 0.01, riseLo: 0.01, riseHi: 0.01, expected: 0.0255, finiteRg: true}
	if v, _ := judgeReg(1, half); v != fail {
		t.Errorf("a rise of 0.01 where ½λΣW² is 0.0255 passed")
	}
}

// Overfitting: every example right and the loss near zero without a bug;
// failed with each bug that sim/nn's own overfit check catches
// (checks_test.go: no-mean, sign, softmax-axis), and in words.
func TestOverfit(t *testing.T) {
	for _, n := range []int{5, 12, 20} {
		s := overfitOnly(nn.NoBug, n)
		v, w := judgeOverfit(s.over)
		if v != pass || s.over.correct != n || !(s.over.loss < overfitPass) {
			t.Errorf("no bug, %d examples: %v %q", n, v, w)
		}
		if want := fmt.Sprintf("%d/%d correct after %d steps", n, n, s.over.steps()); !strings.Contains(w, want) {
			t.Errorf("words %q, want %q", w, want)
		}
		if st := s.Status().(Status); st.Overfit.Accuracy != 1 || st.Overfit.Status != "done" || st.Overfit.Step != s.over.steps() {
			t.Errorf("status %+v", st.Overfit)
		}
	}
	for _, b := range []nn.Bug{nn.BugNoMean, nn.BugSign, nn.BugSoftmaxAxis} {
		s := overfitOnly(b, 5)
		v, w := judgeOverfit(s.over)
		if v != fail {
			t.Errorf("%s: overfit %v (%q)", b, v, w)
		}
		t.Logf("%-13s %s", b, w)
	}
	// The softmax over the batch overflows: said in words, no NaN or Inf.
	s := overfitOnly(nn.BugSoftmaxAxis, 5)
	if r := s.checklist()[2]; !strings.Contains(r.Words, "diverged at step") || !strings.Contains(r.Measured, "diverged") {
		t.Errorf("row %+v", r)
	}
	// The examples are spread: none of another class within apart.
	set := data.MakeSpiral(100, 3, 0.2, 1).Shuffled(1)
	idx := pick(set, 20)
	for a, i := range idx {
		for _, j := range idx[a+1:] {
			p, q := set.Row(i), set.Row(j)
			if set.Y[i] != set.Y[j] && math.Hypot(p[0]-q[0], p[1]-q[1]) < apart {
				t.Errorf("examples %d and %d of different classes %g apart", i, j, math.Hypot(p[0]-q[0], p[1]-q[1]))
			}
		}
	}
}

// The checklist's verdicts for every bug: the table the scene teaches
// from. no-reg-grad and no-max pass all four (the gradient check and a
// large-scores check catch them); every other bug fails at least one.
func TestChecklistVerdicts(t *testing.T) {
	want := map[nn.Bug]string{
		nn.NoBug:          "pass pass pass pass",
		nn.BugNoMask:      "pass pass pass fail",
		nn.BugNoMean:      "pass pass fail fail",
		nn.BugNoRegGrad:   "pass pass pass pass",
		nn.BugSign:        "pass pass fail fail",
		nn.BugTranspose:   "pass pass pass fail",
		nn.BugSoftmaxAxis: "fail pass fail fail",
		nn.BugNoMax:       "pass pass pass pass",
		nn.BugRegSign:     "pass fail pass fail",
	}
	for _, b := range bugs {
		s := finished(b)
		got := strings.Join(verdicts(s), " ")
		if got != want[b] {
			t.Errorf("%s: %s, want %s", bugID(b), got, want[b])
		}
		for _, r := range s.checklist() {
			t.Logf("%-13s %-26s %-9s %s", bugID(b), r.Check, r.Verdict, r.Words)
		}
	}
	// Before anything ran, the checks are running (orange), not passed.
	s := New()
	for i, v := range verdicts(s) {
		if v != "running" {
			t.Errorf("row %d %s before any measurement", i, v)
		}
	}
	if verdictColor(running) != verdictColor(running) || verdictColor(pass) == verdictColor(fail) || verdictColor(running) == verdictColor(pass) {
		t.Error("verdict colours do not tell pass, running and fail apart")
	}
}

// The full run's verdict comes from its curve: a correct network on every
// data set falls steadily; a rise, a plateau or a negative loss fails.
func TestFullTrainingVerdict(t *testing.T) {
	for _, k := range data.Kinds {
		s := New()
		s.kind = k
		s.Rebuild()
		s.finish()
		if v, w := judgeFull(s.full); v != pass {
			t.Errorf("%s: %v %q", k, v, w)
		}
	}
	down := make([]float64, 1000)
	for i := range down {
		down[i] = 1.1 * math.Exp(-float64(i)/300)
	}
	if c := readCurve(down, 1000); c.rises != 0 || c.negAt >= 0 || c.last > 0.5*c.first {
		t.Errorf("a falling curve read as %+v", c)
	}
	bump := slices.Clone(down)
	for i := 500; i < 600; i++ {
		bump[i] *= 1.5
	}
	if c := readCurve(bump, 1000); c.rises != 1 {
		t.Errorf("a curve with a bump: %d rises", c.rises)
	}
}

// Every number on screen is computed and finite: the status after every
// bug, and after random keys mid-run, encodes without NaN or Inf.
func TestStatusIsFinite(t *testing.T) {
	for _, b := range bugs {
		s := finished(b)
		js, err := json.Marshal(s.Status())
		if err != nil {
			t.Fatalf("%s: %v", bugID(b), err)
		}
		if strings.Contains(string(js), "NaN") || strings.Contains(string(js), "Inf") {
			t.Errorf("%s: %s", bugID(b), js)
		}
		for _, r := range s.checklist() {
			cells := r.cells()
			for _, x := range append(cells[:], r.Words) {
				if strings.Contains(x, "NaN") || strings.Contains(x, "Inf") || strings.Contains(x, "∞") {
					t.Errorf("%s: %q on screen", bugID(s.bug), x)
				}
			}
		}
	}
}

// The live path: ticks at 60 per second bring the overfit run to 100 %
// with the page's budget, the region view following it.
func TestLiveTicksReachTheGoal(t *testing.T) {
	s := New()
	c := ctx()
	for tick := 0; tick < 60*30 && s.over.active(); tick++ {
		s.Update(c)
	}
	if v, w := judgeOverfit(s.over); v != pass {
		t.Fatalf("after live ticks: %v %q", v, w)
	}
	// It stops on the same step as a run done at once: the picture does
	// not depend on how the steps fell into ticks.
	if f := overfitOnly(nn.NoBug, 5); f.over.steps() != s.over.steps() || f.over.loss != s.over.loss {
		t.Errorf("live: %d steps, loss %g; at once: %d steps, loss %g", s.over.steps(), s.over.loss, f.over.steps(), f.over.loss)
	}
	if !s.ui.regions.Pending() {
		t.Error("the region view was not told that its network changed")
	}
}

func TestQueryRoundTrips(t *testing.T) {
	a := New()
	a.cycleData(2)
	a.setClasses(17)
	a.setReg(0.05)
	a.setExamples(13)
	a.cycleBug(3)
	a.nextSeed(41)
	a.toggleView()
	q := query(a)
	b := New()
	if msgs := apply(b, q); len(msgs) != 0 {
		t.Fatalf("%s: %q", q, msgs)
	}
	if got := query(b); got != q {
		t.Errorf("round trip:\n%s\n%s", q, got)
	}
	// The URL reproduces the picture: the same measurements and runs.
	a.finish()
	b.finish()
	sa, sb := a.Status().(Status), b.Status().(Status)
	sa.Restarts, sb.Restarts = 0, 0
	ja, _ := json.Marshal(sa)
	jb, _ := json.Marshal(sb)
	if string(ja) != string(jb) {
		t.Errorf("same URL, different results:\n%s\n%s", ja, jb)
	}
	want := "scene=sanity&data=circles&classes=17&reg=0.05&examples=13&bug=no-reg-grad&seed=42&view=full"
	if q != want {
		t.Errorf("query %s, want %s", q, want)
	}
}

func TestBadQueryValuesFallBackWithMessages(t *testing.T) {
	s := New()
	def := query(s)
	msgs := apply(s, "data=mnist&classes=1&reg=1e-9&examples=50&bug=typo&seed=0&view=side&extra=1")
	if len(msgs) != 8 {
		t.Errorf("want a message per bad value, got %d: %q", len(msgs), msgs)
	}
	for _, m := range msgs {
		t.Log(m)
	}
	if got := query(s); got != def {
		t.Errorf("bad values changed the state:\n%s\n%s", got, def)
	}
	s = New()
	if msgs := apply(s, "data=Moons&bug=NO-MEAN&reg=0&view=FULL"); len(msgs) != 0 || s.kind != data.Moons || s.bug != nn.BugNoMean || s.reg != 0 {
		t.Errorf("ids in any case and λ = 0 should be accepted: %q", msgs)
	}
}

// The keys do what the help says, within their ranges.
func TestKeys(t *testing.T) {
	s := New()
	press(t, s, "B", false)
	if s.bug != nn.Bugs[0] {
		t.Errorf("B: bug %q", s.bug)
	}
	press(t, s, "B", true)
	press(t, s, "B", true)
	if s.bug != nn.Bugs[len(nn.Bugs)-1] {
		t.Errorf("Shift+B from none: %q", s.bug)
	}
	for range 200 {
		press(t, s, "→", false)
	}
	if s.classes != classesMax {
		t.Errorf("→ stops at %d", s.classes)
	}
	press(t, s, "←", true)
	if s.classes != classesMax/2 {
		t.Errorf("Shift+← halves to %d", s.classes)
	}
	s.setReg(1)
	press(t, s, "↑", false)
	if s.reg != 10 {
		t.Errorf("↑ from 1: %g", s.reg)
	}
	for range 6 {
		press(t, s, "↓", false)
	}
	if s.reg != 0 {
		t.Errorf("↓ to the bottom: %g", s.reg)
	}
	press(t, s, "↑", false)
	press(t, s, "↑", false)
	if s.reg != 0.01 {
		t.Errorf("↑ twice from 0: %g", s.reg)
	}
	for range 30 {
		press(t, s, "E", false)
	}
	if s.examples != examplesMax {
		t.Errorf("E stops at %d", s.examples)
	}
	v := s.view
	press(t, s, "V", false)
	if s.view == v {
		t.Error("V did not switch the view")
	}
	press(t, s, "Space", false)
	if s.playing {
		t.Error("Space did not pause")
	}
	steps := s.full.steps()
	c := ctx()
	for range 10 {
		s.Update(c)
	}
	if s.full.steps() != steps {
		t.Error("paused runs moved")
	}
}

// press runs the key-table row whose label starts with label.
func press(t *testing.T, s *Scene, label string, shift bool) {
	t.Helper()
	for _, k := range s.Keys() {
		if strings.HasPrefix(k.Label, label) {
			k.Do(shift)
			return
		}
	}
	t.Fatalf("no key %q", label)
}

// The region view's classifier is the network's own prediction.
func TestClassifierMatchesTheNetwork(t *testing.T) {
	s := finished(nn.NoBug)
	for _, r := range []*run{s.over, s.full} {
		c := nn.Classifier{Net: r.tr.Net}
		c.Snap()
		pred := r.tr.Net.Predict(nil, s.set.X)
		probs := make([]float64, s.set.Classes)
		want := r.tr.Net.Probs(nil, s.set.X)
		for i := range s.set.N() {
			p := s.set.Row(i)
			if got := c.Classify(p[0], p[1], probs); got != pred[i] {
				t.Fatalf("point %d: class %d, the network says %d", i, got, pred[i])
			}
			for j, v := range probs {
				if math.Abs(v-want[i*s.set.Classes+j]) > 1e-12 {
					t.Fatalf("point %d class %d: p %g, the network says %g", i, j, v, want[i*s.set.Classes+j])
				}
			}
		}
	}
}

// The layout at every size: panels inside the area and apart, the
// checklist's text within its columns.
func TestLayoutsKeepPanelsApart(t *testing.T) {
	sizes := [][2]float64{{320, 240}, {360, 640}, {568, 320}, {800, 600}, {1280, 800}, {1920, 1080}, {5120, 2880}}
	for _, sz := range sizes {
		for _, dpr := range []float64{1, 2} {
			sc := dpr * math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1)
			th := widgets.NewTheme(sc)
			c := &kit.Ctx{Theme: th, In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: th.S(36), W: sz[0] * dpr, H: sz[1]*dpr - th.S(36)},
				Changed: func() {}, Notify: func(string) {}}
			s := New()
			s.Update(c)
			s.Update(c)
			u := &s.ui
			where := fmt.Sprintf("%g×%g×%g", sz[0], sz[1], dpr)
			rs := []widgets.Rect{u.table, u.lnPanel, u.overPanel, u.fullPanel, u.regionsPanel, u.caption.Rect, u.strip.Rect}
			for i, a := range rs {
				if a.W <= 0 || a.H <= 0 {
					continue
				}
				if a.X < c.Area.X-0.5 || a.Y < c.Area.Y-0.5 || a.Right() > c.Area.Right()+0.5 || a.Bottom() > c.Area.Bottom()+0.5 {
					t.Errorf("%s: panel %d %+v leaves %+v", where, i, a, c.Area)
				}
				for j, b := range rs[i+1:] {
					if b.W > 0 && b.H > 0 && a.X+0.5 < b.Right() && b.X+0.5 < a.Right() && a.Y+0.5 < b.Bottom() && b.Y+0.5 < a.Bottom() {
						t.Errorf("%s: panels %d %+v and %d %+v overlap", where, i, a, i+1+j, b)
					}
				}
			}
			if u.table.H <= 0 {
				t.Errorf("%s: no checklist", where)
			}
			if !u.cols[0] || !u.cols[3] {
				t.Errorf("%s: check or verdict column hidden", where)
			}
			for i := range 4 {
				if u.cols[i] && u.colX[i]+u.colW[i] > u.table.Right()-th.S(8)+0.5 {
					t.Errorf("%s: column %d ends at %g past the panel %g", where, i, u.colX[i]+u.colW[i], u.table.Right())
				}
			}
			if sz[0] >= 1280 && (u.lnPanel.H == 0 || u.overPanel.H == 0 || u.fullPanel.H == 0 || u.regionsPanel.H == 0) {
				t.Errorf("%s: a panel was dropped on a large screen", where)
			}
			t.Logf("%s: table %v words %v, plots %v %v %v, regions %v", where, u.cols, u.words, u.lnPanel.H > 0, u.overPanel.H > 0, u.fullPanel.H > 0, u.regionsPanel.H > 0)
		}
	}
}

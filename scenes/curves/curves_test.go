package curves

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
	"gradlab/widgets"
)

func ctx() *kit.Ctx {
	t := widgets.NewTheme(1)
	return &kit.Ctx{Theme: t, In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}}
}

func status(s *Scene) Status { return s.Status().(Status) }

// press runs the key row that has key k.
func press(t *testing.T, s *Scene, k ebiten.Key, shift bool) {
	t.Helper()
	for _, row := range s.Keys() {
		for _, x := range row.Keys {
			if x == k {
				row.Do(shift)
				return
			}
		}
	}
	t.Fatalf("no key %v", k)
}

func index(id string) int {
	for i, sc := range diagnose.Scenarios {
		if sc.ID == id {
			return i
		}
	}
	panic(id)
}

func TestDefaultsAndTraining(t *testing.T) {
	s := New()
	st := status(s)
	if st.Scenario != "healthy" || st.Seed != 1 || st.Steps != 0 || st.Points != 1 || st.Mystery.On {
		t.Fatalf("defaults %+v", st)
	}
	c := ctx()
	for range 5 {
		s.Update(c)
	}
	if status(s).Steps == 0 {
		t.Error("five ticks trained nothing")
	}
	s.finish()
	st = status(s)
	if !st.Done || st.Diagnosis != "healthy" || st.Epoch != 60 || !strings.Contains(st.Evidence, "%") {
		t.Errorf("finished: %+v", st)
	}
	if _, err := json.Marshal(s.Status()); err != nil {
		t.Error(err)
	}
}

// Every scenario, trained to its end as the scene trains it, gets the
// diagnosis it was built to cause.
func TestEveryScenarioIsDiagnosedAtTheEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("trains seven networks")
	}
	s := New()
	for i, sc := range diagnose.Scenarios {
		s.setScenario(i)
		// Train in slices, as the page does, so the re-reading happens on
		// the way.
		for !s.run.Done() {
			s.run.T.Step(s.run.PerEpoch)
			s.refresh(false)
		}
		s.refresh(false)
		st := status(s)
		if st.Diagnosis != sc.Want.ID() || st.DiagnosedAt != st.Points || len(st.Marks) == 0 {
			t.Errorf("%s: %s on %d of %d points (%s)", sc.ID, st.Diagnosis, st.DiagnosedAt, st.Points, st.Evidence)
		}
		t.Logf("%-9s %s", sc.ID, st.Evidence)
	}
}

func TestKeysChangeTheState(t *testing.T) {
	s := New()
	press(t, s, ebiten.KeyS, false)
	if status(s).Scenario != diagnose.Scenarios[1].ID {
		t.Error("S")
	}
	press(t, s, ebiten.KeyS, true)
	press(t, s, ebiten.KeyS, true)
	if status(s).Scenario != diagnose.Scenarios[len(diagnose.Scenarios)-1].ID {
		t.Error("Shift+S wraps")
	}
	press(t, s, ebiten.KeyN, false)
	if status(s).Seed != 2 {
		t.Error("N")
	}
	press(t, s, ebiten.KeyN, true)
	press(t, s, ebiten.KeyN, true)
	if status(s).Seed != seedMax {
		t.Errorf("Shift+N from 1 wraps to %d, not %d", status(s).Seed, seedMax)
	}
	press(t, s, ebiten.KeyN, false)
	if status(s).Seed != 1 {
		t.Error("N from the last seed wraps to 1")
	}
	press(t, s, ebiten.KeySpace, false)
	s.Update(ctx())
	if st := status(s); !st.Paused || st.Steps != 0 {
		t.Errorf("paused yet trained: %+v", st)
	}
	press(t, s, ebiten.KeyF, false)
	if !status(s).Done {
		t.Error("F")
	}
	v := status(s).Version
	press(t, s, ebiten.KeyR, false)
	if st := status(s); st.Steps != 0 || st.Version != v+1 {
		t.Error("R")
	}
}

func TestURLRoundTrip(t *testing.T) {
	a := New()
	a.setScenario(index("overfit"))
	a.setSeed(42)
	q := kit.EncodeQuery("curves", a.Params())
	if q != "scene=curves&scenario=overfit&seed=42" {
		t.Errorf("query %s", q)
	}
	b := New()
	pq, _ := kit.ParseQuery(q)
	if msgs := kit.Apply(b, pq); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	a.finish()
	b.finish()
	ca, cb := a.cur, b.cur
	if len(ca.TrainLoss) != len(cb.TrainLoss) || ca.ValLoss[len(ca.ValLoss)-1] != cb.ValLoss[len(cb.ValLoss)-1] {
		t.Error("the same URL gave other curves")
	}
	m := New()
	msgs := kit.Apply(m, map[string]string{"scenario": "LR-HIGH", "seed": "-3"})
	if len(msgs) != 1 || !strings.Contains(msgs[0], "seed") || status(m).Scenario != "lr-high" {
		t.Errorf("%q %+v", msgs, status(m))
	}
	// A mystery's URL names its code, not its scenario or seed, and a new
	// visit asks the same mystery.
	msgs = kit.Apply(m, map[string]string{"mystery": "77"})
	q = kit.EncodeQuery("curves", m.Params())
	if len(msgs) != 0 || q != "scene=curves&mystery=77" || !status(m).Mystery.On || status(m).Shown || status(m).Mystery.Number != 1 {
		t.Errorf("mystery URL %q %q %+v", q, msgs, status(m).Mystery)
	}
	n := New()
	pq, _ = kit.ParseQuery(q)
	kit.Apply(n, pq)
	if status(n).Scenario != status(m).Scenario || status(n).Seed != status(m).Seed {
		t.Errorf("mystery 77 differs between visits: %s/%d against %s/%d", status(n).Scenario, status(n).Seed, status(m).Scenario, status(m).Seed)
	}
	// Seeds run 1 … 9999: 0 is named and the default kept.
	for _, bad := range []string{"0", "10000", "-1"} {
		o := New()
		if msgs := kit.Apply(o, map[string]string{"seed": bad}); len(msgs) != 1 || !strings.Contains(msgs[0], "9999") || status(o).Seed != seedDef {
			t.Errorf("seed=%s: %q, seed %d", bad, msgs, status(o).Seed)
		}
	}
	for _, ok := range []string{"1", "9999"} {
		o := New()
		if msgs := kit.Apply(o, map[string]string{"seed": ok}); len(msgs) != 0 {
			t.Errorf("seed=%s: %q", ok, msgs)
		}
	}
	for _, bad := range []string{"abc", "-1", "0", "1e9", "1000000"} {
		o := New()
		if msgs := kit.Apply(o, map[string]string{"mystery": bad}); len(msgs) != 1 || !strings.Contains(msgs[0], "999999") || status(o).Mystery.On {
			t.Errorf("mystery=%s: %q %+v", bad, msgs, status(o).Mystery)
		}
	}
}

func TestMysteryScoring(t *testing.T) {
	s := New()
	press(t, s, ebiten.KeyM, false)
	st := status(s)
	if !st.Mystery.On || st.Mystery.Number != 1 || st.Shown || st.Mystery.Revealed {
		t.Fatalf("mystery on: %+v", st.Mystery)
	}
	// The run panel and the x axis do not give the scenario away.
	s.Update(ctx())
	for _, l := range s.ui.runLines {
		if strings.Contains(l.text, "learning rate") || strings.Contains(l.text, "epoch") {
			t.Errorf("the mystery's run panel says %q", l.text)
		}
	}
	if s.ui.accPlot.XMax != 1 || s.ui.accPlot.XLabel != "share of the run" {
		t.Errorf("mystery x axis up to %g, %q", s.ui.accPlot.XMax, s.ui.accPlot.XLabel)
	}
	want := s.scenario().Want
	show(s, minShown)
	for i, c := range diagnose.Conditions {
		if c == want {
			press(t, s, guessKeys[i], false)
		}
	}
	st = status(s)
	if !st.Mystery.Revealed || st.Mystery.Right != 1 || st.Mystery.Asked != 1 || !st.Shown || st.Mystery.Guess != want.ID() {
		t.Fatalf("right guess: %+v", st.Mystery)
	}
	// The answer comes with the whole run's evidence: the run was finished.
	if !st.Done || st.DiagnosedAt != st.Points {
		t.Errorf("revealed on an unfinished run: done %v, diagnosed at %d of %d points", st.Done, st.DiagnosedAt, st.Points)
	}
	s.pick(diagnose.Healthy) // a second pick of the same mystery counts for nothing
	if status(s).Mystery.Asked != 1 {
		t.Error("picked twice")
	}
	press(t, s, ebiten.KeyX, false)
	st = status(s)
	if st.Mystery.Number != 2 || st.Mystery.Revealed || st.Shown {
		t.Fatalf("next mystery: %+v", st.Mystery)
	}
	wrong := diagnose.Healthy
	if s.scenario().Want == wrong {
		wrong = diagnose.LRHigh
	}
	show(s, minShown)
	s.pick(wrong)
	st = status(s)
	if st.Mystery.Right != 1 || st.Mystery.Asked != 2 {
		t.Errorf("wrong guess: %+v", st.Mystery)
	}
	// Guess buttons exist only in mystery mode, scenario buttons only out
	// of it, so the highlighted scenario cannot give the answer away.
	c := ctx()
	s.Update(c)
	names := map[string]bool{}
	s.Controls(func(n string, r widgets.Rect) {
		if r.W > 0 {
			names[strings.Split(n, ":")[0]] = true
		}
	})
	if !names["guess"] || names["scenario"] || !names["new-mystery"] {
		t.Errorf("mystery controls %v", names)
	}
	press(t, s, ebiten.KeyM, false)
	s.Update(c)
	names = map[string]bool{}
	s.Controls(func(n string, r widgets.Rect) {
		if r.W > 0 {
			names[strings.Split(n, ":")[0]] = true
		}
	})
	if names["guess"] || !names["scenario"] {
		t.Errorf("normal controls %v", names)
	}
	if status(s).Mystery.Asked != 2 {
		t.Error("the score is for the session")
	}
}

// TestCaptionClaims performs every "Try" of the caption.
func TestCaptionClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("trains three networks")
	}
	lnC := math.Log(3)
	// "press S until overfitting"
	s := New()
	for status(s).Scenario != "overfit" {
		press(t, s, ebiten.KeyS, false)
	}
	if !strings.Contains(caption, `"overfitting"`) || s.scenario().Name != "overfitting" {
		t.Error("the caption names the scenario by its button")
	}
	// "Once validation loss has climbed 15 % above its minimum while
	// training loss still falls, the verdict turns to overfitting and a line
	// marks the epoch of the validation minimum."
	for !s.run.Done() && s.diag.Condition != diagnose.Overfit {
		s.run.T.Step(1)
		s.refresh(false)
	}
	d := s.diag
	if d.Condition != diagnose.Overfit {
		t.Fatal("never overfitting")
	}
	var line *diagnose.Mark
	for i, m := range d.Marks {
		if m.Line {
			line = &d.Marks[i]
		}
	}
	va := d.SmoothVal
	m := 0
	for i := range va {
		if va[i] < va[m] {
			m = i
		}
	}
	if line == nil || line.Index != m || va[len(va)-1] < 1.15*va[m] || d.SmoothTrain[len(va)-1] >= d.SmoothTrain[m] {
		t.Errorf("overfit verdict: line %+v, val min %d, %s", line, m, d.Evidence)
	}
	t.Logf("overfitting named at epoch %g: %s", s.run.T.Epoch(), d.Evidence)
	// "With weights of 0.01 the loss sits at ln 3 ≈ 1.10 … for about 20
	// epochs before it falls."
	s.setScenario(index("bad-init"))
	s.finish()
	c := s.cur
	flat := 0
	for flat < len(c.TrainLoss) && math.Abs(c.TrainLoss[flat]-lnC) < 0.03*lnC {
		flat++
	}
	if !strings.Contains(s.scenario().How, "0.01") || flat < 15 || flat > 25 || c.TrainLoss[len(c.TrainLoss)-1] > 0.75*lnC || s.diag.Condition != diagnose.BadInit {
		t.Errorf("bad init: flat for %d epochs, ends at %g, %s", flat, c.TrainLoss[len(c.TrainLoss)-1], s.diag.Condition)
	}
	// "After 60 epochs the loss has lost only about a fifth of its start
	// and still falls in a straight line."
	s.setScenario(index("lr-low"))
	s.finish()
	c = s.cur
	n := len(c.TrainLoss)
	lost := 1 - c.TrainLoss[n-1]/c.TrainLoss[0]
	if c.Epoch[n-1] != 60 || lost < 0.15 || lost > 0.25 || s.diag.Condition != diagnose.LRLow {
		t.Errorf("LR too low: lost %.2f by epoch %g, %s", lost, c.Epoch[n-1], s.diag.Condition)
	}
	// "press M for a mystery. The name and the verdict are hidden; diagnose
	// it with G, U, L, V, B, D or P, once a quarter of the run is on
	// screen, then see the answer and your score."
	press(t, s, ebiten.KeyM, false)
	s.Update(ctx())
	if st := status(s); st.Shown || !strings.HasPrefix(s.ui.verdictLines[0].text, "Mystery") {
		t.Error("mystery shows the verdict")
	}
	for _, l := range s.ui.runLines {
		if strings.Contains(l.text, s.scenario().How) {
			t.Error("mystery shows the settings")
		}
	}
	for i, k := range "GULVBDP" {
		if guessLabel(i) != string(k) {
			t.Errorf("guess key %d is %s", i, guessLabel(i))
		}
	}
	press(t, s, ebiten.KeyG, false)
	if st := status(s); st.Shown || st.Mystery.Asked != 0 {
		t.Errorf("a guess before a quarter of the run counted: %+v", st.Mystery)
	}
	show(s, 0.25)
	press(t, s, ebiten.KeyG, false)
	s.Update(ctx())
	if st := status(s); !st.Shown || st.Mystery.Asked != 1 || !strings.Contains(s.ui.verdictLines[1].text, "score") {
		t.Errorf("after the guess: %+v %q", st.Mystery, s.ui.verdictLines[1].text)
	}
}

func TestGlyphs(t *testing.T) {
	texts := []string{caption}
	for _, sc := range diagnose.Scenarios {
		texts = append(texts, sc.Name, sc.How)
	}
	for _, c := range diagnose.Conditions {
		texts = append(texts, c.Name())
	}
	s := New()
	for i := range diagnose.Scenarios {
		s.setScenario(i)
		s.Update(ctx())
		for _, l := range append(s.ui.verdictLines, s.ui.runLines...) {
			texts = append(texts, l.text)
		}
	}
	for _, x := range texts {
		if m := widgets.MissingGlyphs(x); len(m) > 0 {
			t.Errorf("%q: the font cannot draw %q", x, string(m))
		}
	}
}

// The evidence of every scenario at its end can be drawn too (the numbers
// and words the doctor writes).
func TestEvidenceGlyphs(t *testing.T) {
	if testing.Short() {
		t.Skip("trains seven networks")
	}
	s := New()
	for i := range diagnose.Scenarios {
		s.setScenario(i)
		s.finish()
		if m := widgets.MissingGlyphs(s.diag.Evidence); len(m) > 0 {
			t.Errorf("%q: %q", s.diag.Evidence, string(m))
		}
	}
}

// When the layout moves (mystery mode's strip takes a second row), the
// scene asks for a full repaint, so no pixels of the old layout stay.
func TestMovedLayoutRepaintsInFull(t *testing.T) {
	s := New()
	c := ctx()
	s.Update(c)
	c.Full = false
	s.Update(c)
	if c.Full {
		t.Fatal("a still layout asks for a full repaint")
	}
	before := s.ui.screen.Strip
	press(t, s, ebiten.KeyM, false)
	s.Update(c)
	if s.ui.screen.Strip == before {
		t.Skip("the strip did not move at this size")
	}
	if !c.Full {
		t.Errorf("the strip moved from %+v to %+v without a full repaint", before, s.ui.screen.Strip)
	}
}

// While the healthy run trains, the doctor reads what it shows so far and
// gives no verdict on how it ends; at its end it says healthy.
func TestNoVerdictOnAHealthyRunInProgress(t *testing.T) {
	s := New()
	for _, epochs := range []int{10, 20, 40, 59} {
		for s.run.T.Epoch() < float64(epochs) {
			s.run.T.Step(s.run.PerEpoch)
			s.refresh(false)
		}
		s.refresh(true)
		s.layout(ctx())
		st := status(s)
		if st.Diagnosis != "unknown" || !strings.Contains(st.Evidence, "reading so far") || strings.Contains(st.Evidence, "levelled") {
			t.Errorf("epoch %d: %s (%s)", epochs, st.Diagnosis, st.Evidence)
		}
		if h := s.ui.verdictLines[0].text; h != "cannot tell yet" {
			t.Errorf("epoch %d: heading %q", epochs, h)
		}
		// The "read at" line names the epoch the evidence names, also once
		// the run has gone on past it.
		if epochs > 50 {
			continue
		}
		s.run.T.Step(s.run.PerEpoch)
		s.refresh(false)
		s.layout(ctx())
		ls := s.ui.verdictLines
		at := strings.TrimPrefix(ls[len(ls)-1].text, "read at epoch ")
		at = strings.Fields(at)[0]
		if !strings.Contains(st.Evidence, "(epoch "+at+")") {
			t.Errorf("epoch %d: read at %s, evidence %s", epochs, at, st.Evidence)
		}
	}
	s.finish()
	if st := status(s); st.Diagnosis != "healthy" {
		t.Errorf("finished: %s (%s)", st.Diagnosis, st.Evidence)
	}
}

// When the run is over the play button no longer offers a pause, and
// Space leaves a finished run alone.
func TestPlayButtonAfterTheRun(t *testing.T) {
	s := New()
	c := ctx()
	s.Update(c)
	if l := s.ui.playBtn.Label; l != "pause (Space)" {
		t.Errorf("training: %q", l)
	}
	press(t, s, ebiten.KeyF, false)
	s.Update(c)
	if l := s.ui.playBtn.Label; strings.Contains(l, "pause") || strings.Contains(l, "resume") {
		t.Errorf("done: %q", l)
	}
	press(t, s, ebiten.KeySpace, false)
	if status(s).Paused {
		t.Error("Space paused a finished run")
	}
}

// Every evidence ring carries its label on the plot, and no label sits on
// the ln 3 label, a ring or another label (the data bug's rings lie on
// the ln 3 line).
func TestEvidenceRingsAreLabelledApart(t *testing.T) {
	for _, id := range []string{"data-bug", "overfit", "lr-drop", "healthy", "bad-init"} {
		for _, size := range [][2]float64{{1280, 800}, {360, 640}} {
			s := New()
			s.setScenario(index(id))
			s.finish()
			c := ctx()
			c.Area = widgets.Rect{Y: 36, W: size[0], H: size[1] - 36}
			s.Update(c)
			dst := ebiten.NewImage(int(size[0]), int(size[1]))
			c.Full = true
			s.Draw(dst, c)
			rings := 0
			for _, m := range s.diag.Marks {
				if !m.Line {
					rings++
				}
			}
			ls := s.drawn.labels
			if len(ls) != rings {
				t.Errorf("%s %v: %d labels for %d rings", id, size, len(ls), rings)
			}
			for i, a := range ls {
				if overlaps(a.box, s.drawn.lnBox) {
					t.Errorf("%s %v: %q on the ln 3 label", id, size, a.text)
				}
				if !inside(a.box, s.ui.lossPlot.Area()) {
					t.Errorf("%s %v: %q outside the plot", id, size, a.text)
				}
				for _, b := range ls[i+1:] {
					if overlaps(a.box, b.box) {
						t.Errorf("%s %v: %q on %q", id, size, a.text, b.text)
					}
				}
			}
			dst.Deallocate()
		}
	}
}

// show trains the run until share of it is on screen.
func show(s *Scene, share float64) {
	for s.shownShare() < share && !s.run.Done() {
		s.run.T.Step(s.run.PerEpoch)
		s.refresh(false)
		s.catchUp(repaintEvery)
	}
}

// A mystery's guess counts only once a quarter of its run is on screen:
// M, X and U at once ask to wait; after a quarter of the run, U counts.
func TestMysteryGuessWaitsForTheCurves(t *testing.T) {
	s := New()
	c := ctx()
	press(t, s, ebiten.KeyM, false)
	press(t, s, ebiten.KeyX, false)
	press(t, s, ebiten.KeyU, false)
	s.Update(c)
	st := status(s)
	if st.Mystery.Revealed || st.Mystery.Asked != 0 || st.Done || !strings.Contains(st.Mystery.Wait, "Wait until 25 %") {
		t.Fatalf("an early guess: %+v, done %v", st.Mystery, st.Done)
	}
	found := false
	for _, l := range s.ui.verdictLines {
		found = found || strings.Contains(l.text, "Too early")
	}
	if !found {
		t.Errorf("the panel does not say to wait: %+v", s.ui.verdictLines)
	}
	for s.shownShare() < minShown {
		s.run.T.Step(s.run.PerEpoch / 2)
		s.refresh(false)
		s.Update(c)
		if s.shownShare() < minShown {
			press(t, s, ebiten.KeyU, false)
			if status(s).Mystery.Revealed {
				t.Fatalf("revealed at %.2f of the run", s.shownShare())
			}
		}
	}
	press(t, s, ebiten.KeyU, false)
	st = status(s)
	if !st.Mystery.Revealed || st.Mystery.Asked != 1 || st.Mystery.Wait != "" {
		t.Errorf("a guess after a quarter of the run: %+v", st.Mystery)
	}
}

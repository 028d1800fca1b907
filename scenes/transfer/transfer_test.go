package transfer

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	tl "gradlab/sim/transfer"
	"gradlab/widgets"
)

func ctx() *kit.Ctx {
	return &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
}

// press runs the key-table row whose label is label or starts with label
// and a space.
func press(t *testing.T, s *Scene, label string, shift bool) {
	t.Helper()
	for _, k := range s.Keys() {
		if k.Label == label || strings.HasPrefix(k.Label, label+" ") {
			k.Do(shift)
			return
		}
	}
	t.Fatalf("no key %q", label)
}

func status(s *Scene) Status { return s.Status().(Status) }

// The scene pretrains first, showing the stage, then compares; the status
// says so in numbers.
func TestStagesAndStatus(t *testing.T) {
	s := New()
	c := ctx()
	dst := ebiten.NewImage(1280, 800)
	s.Update(c)
	s.Draw(dst, c)
	st := status(s)
	if st.Stage != "pretraining" || !strings.HasPrefix(s.ui.text.stage, "pretraining on the 4-arm spiral: ") {
		t.Fatalf("stage %q, text %q", st.Stage, s.ui.text.stage)
	}
	for range 30 {
		s.Update(c)
		s.Draw(dst, c)
	}
	if p := status(s).Pretrain; !(p > 0) {
		t.Errorf("no pretraining progress after 30 ticks: %g", p)
	}
	press(t, s, "X", false)
	s.Update(c)
	s.Draw(dst, c)
	st = status(s)
	if st.Stage != "done" || st.Step != tl.TargetSteps || st.Verdict != "helped" {
		t.Fatalf("after finish: stage %q step %d verdict %q", st.Stage, st.Step, st.Verdict)
	}
	if len(st.Layers) != 3 || !st.Layers[0].Frozen || !st.Layers[1].Frozen || st.Layers[2].Frozen {
		t.Fatalf("layers %+v", st.Layers)
	}
	for i, l := range st.Layers[:2] {
		if l.Changed != 0 || l.MaxDelta != 0 {
			t.Errorf("frozen layer %d changed: %+v", i, l)
		}
	}
	if st.Layers[2].Changed == 0 {
		t.Error("the head did not change")
	}
	if !strings.Contains(st.Summary, "transfer helped by") {
		t.Errorf("summary %q", st.Summary)
	}
	if _, err := json.Marshal(kit.Published[Status]{State: st}); err != nil {
		t.Error(err)
	}
}

// The caption's "try": similarity down to 0 with ← and scratch wins.
func TestCaptionTry(t *testing.T) {
	s := New()
	for range 25 {
		press(t, s, "←", false)
	}
	if s.sim != 0 {
		t.Fatalf("similarity %g after ← ×25", s.sim)
	}
	press(t, s, "X", false)
	s.Update(ctx())
	st := status(s)
	if st.Verdict != "hurt" || !(st.Scratch > st.Fine) {
		t.Errorf("at similarity 0: verdict %q, fine %.2f scratch %.2f", st.Verdict, st.Fine, st.Scratch)
	}
	if !strings.Contains(explanation, "Try: similarity down to 0 (←)") {
		t.Error("the caption no longer says what this test tries")
	}
}

// Changing the target keeps the pretraining: one per seed, built once.
func TestPretrainingIsCached(t *testing.T) {
	s := New()
	s.finish()
	pre := s.pre
	press(t, s, "F", false)
	press(t, s, "↑", false)
	press(t, s, "→", false)
	if s.pre != pre || s.cmp == nil {
		t.Fatal("a target setting pretrained again")
	}
	press(t, s, "S", false)
	if s.pre == pre || s.cmp != nil {
		t.Fatal("a new seed did not start a new pretraining")
	}
	press(t, s, "S", true)
	if s.pre != pre || s.cmp == nil {
		t.Fatal("going back to seed 1 pretrained again")
	}
	if s.perClass != 15 || s.freeze != tl.FreezeNone || s.sim != 0.95 {
		t.Errorf("settings %d %v %g", s.perClass, s.freeze, s.sim)
	}
}

func TestURLRoundTrip(t *testing.T) {
	s := New()
	q, _ := kit.ParseQuery("examples=25&freeze=first&sim=0.35&seed=7&run=0")
	if msgs := kit.Apply(s, q); len(msgs) > 0 {
		t.Fatal(msgs)
	}
	if got := kit.EncodeQuery("transfer", s.Params()); got != "scene=transfer&examples=25&freeze=first&sim=0.35&seed=7&run=0" {
		t.Errorf("query %s", got)
	}
	for _, bad := range []string{"examples=4", "freeze=all", "sim=0.33", "sim=NaN", "seed=0"} {
		s := New()
		q, _ := kit.ParseQuery(bad)
		if msgs := kit.Apply(s, q); len(msgs) != 1 {
			t.Errorf("%s: messages %v", bad, msgs)
		}
		if got := kit.EncodeQuery("transfer", s.Params()); got != "scene=transfer&examples=10&freeze=all-but-head&sim=0.9&seed=1" {
			t.Errorf("%s left %s", bad, got)
		}
	}
}

// The per-tick cost while the networks train: Update and Draw, natively.
// Printed, not asserted: a slow or busy machine must not fail a test.
func TestTickCost(t *testing.T) {
	s := New()
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var tot []float64
	pretrainTicks := 0
	for tick := 0; tick < 400 && s.active(); tick++ {
		if s.cmp == nil {
			pretrainTicks++
		}
		t0 := time.Now()
		s.Update(c)
		s.Draw(dst, c)
		c.Full = false
		if tick >= 30 {
			tot = append(tot, float64(time.Since(t0).Microseconds())/1000)
		}
	}
	med, p95 := kit.Percentiles(slices.Clone(tot))
	t.Logf("while training: Update+Draw median %.2f ms, p95 %.2f ms over %d ticks; pretraining took %d ticks; budget %v; stage %s",
		med, p95, len(tot), pretrainTicks, tickBudget, status(s).Stage)
	if s.pre.Steps() == 0 {
		t.Error("no training")
	}
}

package sanity

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while both runs train: Update (with its computing
// budget) and Draw, natively. Printed, not asserted: a slow or busy
// machine must not fail a test. What is asserted is the behaviour that
// keeps a tick short: the computing stays near its budget.
func TestTickCost(t *testing.T) {
	s := New()
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var upd, drw, tot []float64
	for tick := 0; tick < 240; tick++ {
		t0 := time.Now()
		s.Update(c)
		t1 := time.Now()
		s.Draw(dst, c)
		t2 := time.Now()
		c.Full = false
		if tick >= 60 && (s.over.active() || s.full.active()) {
			upd = append(upd, float64(t1.Sub(t0).Microseconds())/1000)
			drw = append(drw, float64(t2.Sub(t1).Microseconds())/1000)
			tot = append(tot, float64(t2.Sub(t0).Microseconds())/1000)
		}
	}
	med := func(xs []float64) (float64, float64) { return kit.Percentiles(slices.Clone(xs)) }
	um, up := med(upd)
	dm, dp := med(drw)
	tm, tp := med(tot)
	t.Logf("while training (%d ticks): Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), both %.2f (p95 %.2f); budget %v",
		len(tot), um, up, dm, dp, tm, tp, tickBudget)
}

func BenchmarkUpdateDrawWhileTraining(b *testing.B) {
	s := New()
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	for range 30 {
		s.Update(c)
		s.Draw(dst, c)
	}
	for b.Loop() {
		if !s.full.active() {
			s.Rebuild()
		}
		s.Update(c)
		s.Draw(dst, c)
	}
}

package ensemble

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-frame cost while K = 5 members and the snapshot run train:
// Update (with its training slice and measuring) and Draw (with the region
// renders), natively. Printed, not asserted: a slow or busy machine must
// not fail a test. What is asserted is that training moves.
func TestTickCost(t *testing.T) {
	s := New()
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var upd, drw, tot []float64
	for tick := 0; tick < 400 && !s.done(); tick++ {
		t0 := time.Now()
		s.Update(c)
		t1 := time.Now()
		s.Draw(dst, c)
		t2 := time.Now()
		c.Full = false
		if tick >= 30 {
			upd = append(upd, float64(t1.Sub(t0).Microseconds())/1000)
			drw = append(drw, float64(t2.Sub(t1).Microseconds())/1000)
			tot = append(tot, float64(t2.Sub(t0).Microseconds())/1000)
		}
	}
	med := func(xs []float64) (float64, float64) { return kit.Percentiles(slices.Clone(xs)) }
	um, up := med(upd)
	dm, dp := med(drw)
	tm, tp := med(tot)
	t.Logf("while training: Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), both %.2f (p95 %.2f, max %.2f); budget %v; %d of %d steps after %d frames",
		um, up, dm, dp, tm, tp, slices.Max(tot), tickBudget, s.exp.Steps(), s.exp.Total(), s.drawn.frames)
	if s.exp.Steps() == 0 {
		t.Error("no training")
	}
}

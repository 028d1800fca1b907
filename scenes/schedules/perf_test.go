package schedules

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while the runs train: Update (with its training slice)
// and Draw, natively, with the pointer over the plots so the read-out is
// drawn too. Printed, not asserted: a slow or busy machine must not fail a
// test. What is asserted is that training moves.
func TestTickCost(t *testing.T) {
	s := New()
	s.playing = true
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var upd, drw, tot []float64
	for tick := 0; tick < 300; tick++ {
		c.In.X, c.In.Y = 100+float64(tick%500), 420
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
	t.Logf("while training: Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), both %.2f (p95 %.2f); budget %v; %d epochs trained in 300 ticks",
		um, up, dm, dp, tm, tp, tickBudget, s.trained())
	if s.trained() == 0 {
		t.Error("no training")
	}
}

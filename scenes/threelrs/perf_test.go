package threelrs

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while the three runs train: Update (with its training
// slice) and Draw, natively. Printed, not asserted: a slow or busy machine
// must not fail a test. What is asserted is that training moves.
func TestTickCost(t *testing.T) {
	s := New()
	s.setLimit(20000)
	s.playing = true
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	c.Full = true
	var upd, drw, tot []float64
	for tick := 0; tick < 300; tick++ {
		t0 := time.Now()
		s.Update(c)
		t1 := time.Now()
		s.Draw(dst, c)
		t2 := time.Now()
		c.Full = false
		if tick >= 60 {
			upd = append(upd, float64(t1.Sub(t0).Microseconds())/1000)
			drw = append(drw, float64(t2.Sub(t1).Microseconds())/1000)
			tot = append(tot, float64(t2.Sub(t0).Microseconds())/1000)
		}
	}
	med := func(xs []float64) (float64, float64) { return kit.Percentiles(slices.Clone(xs)) }
	um, up := med(upd)
	dm, dp := med(drw)
	tm, tp := med(tot)
	steps := 0
	for _, r := range s.runs {
		steps += r.steps()
	}
	t.Logf("%.1f steps a tick: %.0f steps per second at 60 ticks a second", float64(steps)/300, float64(steps)/300*60)
	t.Logf("while training: Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), both %.2f (p95 %.2f); budget %v; steps %d %d %d",
		um, up, dm, dp, tm, tp, tickBudget, s.runs[0].steps(), s.runs[1].steps(), s.runs[2].steps())
	if s.runs[0].steps() == 0 {
		t.Error("no training")
	}
}

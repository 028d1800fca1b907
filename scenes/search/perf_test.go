package search

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while the search trains (fast, so every tick trains
// for its whole budget) and while the tally runs: Update and Draw,
// natively, over the ticks that computed. Printed, not asserted: a slow or busy machine must not fail a
// test. What is asserted is that the work moves.
func TestTickCost(t *testing.T) {
	for _, m := range []mode{networkMode, compareMode} {
		s := New()
		s.mode = m
		if m == networkMode {
			s.playing, s.fast = true, true
		}
		dst := ebiten.NewImage(1280, 800)
		c := ctx()
		c.Full = true
		var upd, drw, tot []float64
		for tick := 0; tick < 240; tick++ {
			if m == compareMode && tick%60 == 0 {
				s.resample() // a click: the map repaints
				s.recompare()
			}
			busy := s.playing || !s.tally.Finished()
			t0 := time.Now()
			s.Update(c)
			t1 := time.Now()
			s.Draw(dst, c)
			t2 := time.Now()
			c.Full = false
			if tick >= 5 && busy {
				upd = append(upd, float64(t1.Sub(t0).Microseconds())/1000)
				drw = append(drw, float64(t2.Sub(t1).Microseconds())/1000)
				tot = append(tot, float64(t2.Sub(t0).Microseconds())/1000)
			}
		}
		med := func(xs []float64) (float64, float64) { return kit.Percentiles(slices.Clone(xs)) }
		um, up := med(upd)
		dm, dp := med(drw)
		tm, tp := med(tot)
		t.Logf("%s, %d busy ticks: Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), both %.2f (p95 %.2f); budget %v; search %d steps, %d trials, phase %v; tally %d",
			modeIDs[m], len(tot), um, up, dm, dp, tm, tp, tickBudget, s.srch.Steps, len(s.srch.Trials), s.srch.Phase, s.tally.Done)
		if m == networkMode && s.srch.Steps == 0 || m == compareMode && s.tally.Done == 0 {
			t.Error("no work done")
		}
	}
}

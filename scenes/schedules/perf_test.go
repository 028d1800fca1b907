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

// A frame where nothing changed paints nothing, and while training the
// plots and words are repainted at their paces (plotEvery, textEvery), not
// every frame: the paints over a fast loop of ticks stay within what the
// elapsed time allows.
func TestIdleFramesPaintNothing(t *testing.T) {
	s := New()
	dst := ebiten.NewImage(1280, 800)
	c := ctx()
	for range 3 {
		s.Update(c)
		s.Draw(dst, c)
	}
	before := s.drawn.paints
	for range 50 {
		s.Update(c)
		s.Draw(dst, c)
	}
	if s.drawn.paints != before {
		t.Errorf("idle: %d parts painted in 50 frames", s.drawn.paints-before)
	}
	press(t, s, "Space", false)
	s.Update(c)
	s.Draw(dst, c)
	before = s.drawn.paints
	t0 := time.Now()
	const frames = 200
	for range frames {
		s.Update(c)
		s.Draw(dst, c)
	}
	el := time.Since(t0)
	// At most the plots every plotEvery and legend, caption and strip
	// every textEvery (plus one of each for the end of the runs).
	most := int(el/plotEvery) + 3*int(el/textEvery) + 8
	t.Logf("training: %d parts painted in %d frames over %v (at most %d allowed)", s.drawn.paints-before, frames, el, most)
	if got := s.drawn.paints - before; got > most || got >= frames {
		t.Errorf("training: %d paints in %d frames over %v", got, frames, el)
	}
}

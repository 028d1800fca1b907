package curves

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while a run trains, natively, for every scenario:
// printed, not asserted (a busy machine must not fail a test). Asserted:
// training moves.
func TestTickCost(t *testing.T) {
	for i, sc := range []string{"overfit", "healthy", "bad-init", "lr-drop"} {
		s := New()
		s.setScenario(index(sc))
		dst := ebiten.NewImage(1280, 800)
		c := ctx()
		c.Full = true
		var upd, drw []float64
		for tick := 0; tick < 240; tick++ {
			t0 := time.Now()
			s.Update(c)
			t1 := time.Now()
			s.Draw(dst, c)
			t2 := time.Now()
			c.Full = false
			if tick >= 30 {
				upd = append(upd, float64(t1.Sub(t0).Microseconds())/1000)
				drw = append(drw, float64(t2.Sub(t1).Microseconds())/1000)
			}
		}
		um, up := kit.Percentiles(slices.Clone(upd))
		dm, dp := kit.Percentiles(slices.Clone(drw))
		t.Logf("%-8s shown %d drawn %d; Update median %.2f ms (p95 %.2f), Draw %.2f (p95 %.2f), %d steps in 240 ticks", sc, s.shownPts, s.drawn.pts, um, up, dm, dp, s.run.T.Steps())
		if s.run.T.Steps() == 0 {
			t.Errorf("%s (%d): no training", sc, i)
		}
	}
}

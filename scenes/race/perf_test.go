package race

import (
	"slices"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// The per-tick cost while the fair race searches and then races: Update
// (with its search slice) and Draw, natively. Printed, not asserted: a slow
// or busy machine must not fail a test. What is asserted is that the search
// moves and ends.
func TestTickCost(t *testing.T) {
	for _, q := range []string{"fair=1&trials=200&steps=5000&speed=600", "fair=1&surface=rosenbrock&opt=sgd,momentum,nesterov,rmsprop,adam,adagrad,adamw&steps=5000&speed=3000"} {
		s := New()
		apply(s, q)
		dst := ebiten.NewImage(1280, 800)
		c := ctx()
		c.Full = true
		var search, race []float64
		for tick := 0; tick < 3000 && (s.searching() || len(race) < 300); tick++ {
			searching := s.searching()
			t0 := time.Now()
			s.Update(c)
			s.Draw(dst, c)
			ms := float64(time.Since(t0).Microseconds()) / 1000
			c.Full = false
			if tick < 1 {
				continue
			}
			if searching {
				search = append(search, ms)
			} else {
				race = append(race, ms)
			}
		}
		if s.searching() || len(search) == 0 {
			t.Fatalf("%s: the search did not end in %d ticks", q, len(search))
		}
		sm, sp := kit.Percentiles(slices.Clone(search))
		rm, rp := kit.Percentiles(slices.Clone(race))
		d, n := s.progress()
		t.Logf("%s: searching %d ticks (%d trial races), Update+Draw median %.2f ms (p95 %.2f); racing median %.2f ms (p95 %.2f); budget %v",
			q, len(search), n, sm, sp, rm, rp, tickBudget)
		if d != n {
			t.Errorf("%d of %d trials", d, n)
		}
	}
}

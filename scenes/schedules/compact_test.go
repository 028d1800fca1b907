package schedules

import (
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/widgets"
)

// On phone-sized screens nothing is dropped for good: V (or its button)
// switches between the three plots and the legend (a row for every shown
// schedule with its settings and outcome) with the chosen schedule's
// settings; on a large screen everything is there at once and there is no
// switch.
func TestEveryPieceReachableOnPhones(t *testing.T) {
	for _, sz := range [][2]float64{{360, 640}, {640, 360}, {320, 480}, {1280, 800}} {
		s := New()
		c := ctx()
		c.Area = widgets.Rect{Y: 36, W: sz[0], H: sz[1] - 36}
		dst := ebiten.NewImage(int(sz[0]), int(sz[1]))
		seen := map[string]bool{}
		for range 2 {
			s.Update(c)
			s.Draw(dst, c)
			for _, p := range s.shownParts() {
				seen[p] = true
			}
			if sz[0] == 1280 {
				if s.ui.compact || s.ui.view.Rect.W > 0 {
					t.Errorf("1280×800 is compact")
				}
				break
			}
			if !s.ui.compact || s.ui.view.Rect.W <= 0 {
				t.Fatalf("%v: not compact or no view button", sz)
			}
			t.Logf("%v %s view: %s", sz, [...]string{"plots", "runs"}[s.view], strings.Join(s.shownParts(), " "))
			press(t, s, "V", false)
		}
		want := []string{"lr", "loss", "accuracy", "settings", "legend"}
		for i, k := range sim.ScheduleKinds {
			if s.on[i] {
				want = append(want, "legend:"+string(k))
			}
		}
		for _, w := range want {
			if !seen[w] {
				t.Errorf("%v: %s never shown (%v)", sz, w, seen)
			}
		}
		if sz[0] != 1280 && !slices.ContainsFunc(s.keys, func(k kit.Key) bool { return k.Label == "V" }) {
			t.Errorf("no V in the key table")
		}
	}
}

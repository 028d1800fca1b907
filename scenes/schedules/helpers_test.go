package schedules

import (
	"strings"
	"testing"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim"
	"gradlab/widgets"
)

func ctx() *kit.Ctx {
	return &kit.Ctx{Theme: widgets.NewTheme(1), In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: 36, W: 1280, H: 764},
		Changed: func() {}, Notify: func(string) {}, Dt: time.Second / 60}
}

func query(s *Scene) string { return kit.EncodeQuery("schedules", s.Params()) }

func apply(s *Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
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

// tabTo presses Tab until kind k is chosen.
func tabTo(t *testing.T, s *Scene, k sim.ScheduleKind) {
	t.Helper()
	for range nk {
		if sim.ScheduleKinds[s.sel] == k {
			return
		}
		press(t, s, "Tab", false)
	}
	t.Fatalf("Tab never reached %s", k)
}

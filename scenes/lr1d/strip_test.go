package lr1d

import (
	"testing"

	"gradlab/widgets"
)

// controls is where every strip control is.
func controls(s *Scene) map[string]widgets.Rect {
	m := map[string]widgets.Rect{}
	s.Controls(func(n string, r widgets.Rect) { m[n] = r })
	return m
}

// Toggling play ↔ pause moves no control, so a click on a slider (which
// restarts a finished run) releases on the track it pressed: a press and
// release at the right end of each slider sets its maximum.
func TestStripStaysPutWhenPlayToggles(t *testing.T) {
	for _, name := range []string{"x0", "L", "lr", "speed"} {
		s := New()
		if msgs := apply(s, "lr=20"); len(msgs) != 0 {
			t.Fatal(msgs)
		}
		c := ctx()
		finish(s)
		s.Update(c)
		if s.ui.play.Label != "play" {
			t.Fatalf("finished run shows %q", s.ui.play.Label)
		}
		before := controls(s)
		s.togglePlay()
		s.Update(c)
		if s.ui.play.Label != "pause" {
			t.Fatalf("replaying shows %q", s.ui.play.Label)
		}
		for n, r := range controls(s) {
			if before[n] != r {
				t.Errorf("%s moved from %+v to %+v when play became pause", n, before[n], r)
			}
		}
		finish(s)
		s.Update(c)
		sl := map[string]*widgets.Slider{"x0": &s.ui.x0, "L": &s.ui.l, "lr": &s.ui.lr, "speed": &s.ui.speed}[name]
		r := sl.Rect
		c.In.X, c.In.Y = r.Right()-c.Theme.S(3), r.Y+r.H*0.7
		c.In.Down, c.In.Pressed = true, true
		s.Update(c)
		c.In.Down, c.In.Pressed, c.In.Released = false, false, true
		s.Update(c)
		c.In.Released, c.In.Captured = false, nil
		s.Update(c)
		got := map[string]float64{"x0": s.x0, "L": s.L, "lr": s.lr, "speed": float64(s.speedIdx)}[name]
		want := map[string]float64{"x0": x0Max, "L": lMax, "lr": lrMax, "speed": float64(len(speeds) - 1)}[name]
		if got != want {
			t.Errorf("%s: a click at its right end set %g, want the max %g", name, got, want)
		}
	}
}

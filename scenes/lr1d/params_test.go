package lr1d

import (
	"strings"
	"testing"

	"gradlab/widgets"
)

// A URL copied after X doubled x₀ to its cap 10 and Shift+X halved it nine
// times (to 0.01953125, which six digits would write as 0.0195312) gives
// back exactly that x₀.
func TestURLKeepsEveryDigit(t *testing.T) {
	s := New()
	for range 4 {
		press(t, s, "X / Shift+X", false)
	}
	for range 9 {
		press(t, s, "X / Shift+X", true)
	}
	if s.x0 != 0.01953125 {
		t.Fatalf("x₀ %v after the presses", s.x0)
	}
	q := query(s)
	if !strings.Contains(q, "x0=0.01953125") {
		t.Errorf("URL %q", q)
	}
	r := New()
	if msgs := apply(r, strings.TrimPrefix(q, "?")); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	if r.x0 != s.x0 || query(r) != q {
		t.Errorf("read back x₀ %v from %q (want %v)", r.x0, q, s.x0)
	}
}

// The switches take 1/0, true/false, on/off, yes/no; anything else is
// named in a message and leaves the switch as it was.
func TestSwitchesReadStrictly(t *testing.T) {
	for _, c := range []struct {
		url       string
		log, two  bool
		msgs      int
		msgHasLog bool
	}{
		{"log=yes&two=on", true, true, 0, false},
		{"log=1&two=true", true, true, 0, false},
		{"log=no&two=0", false, false, 0, false},
		{"log=maybe", false, false, 1, true},
		{"log=2&two=x", false, false, 2, true},
	} {
		s := New()
		msgs := apply(s, c.url)
		if s.logAxis != c.log || s.two != c.two || len(msgs) != c.msgs || c.msgHasLog && !strings.Contains(strings.Join(msgs, " "), "log") {
			t.Errorf("%s: log %v two %v, messages %q", c.url, s.logAxis, s.two, msgs)
		}
	}
}

// The η slider shows its value on the right like the others, its ticks'
// labels between its name and its value; the chart's top line says what
// its f is.
func TestRateSliderAndTopLabel(t *testing.T) {
	for _, url := range []string{"", "L=0.1", "L=10", "two=1", "two=1&L2=100"} {
		s := New()
		if msgs := apply(s, url); len(msgs) != 0 {
			t.Fatal(msgs)
		}
		c := ctx()
		s.Update(c)
		sl := &s.ui.lr
		if strings.Contains(sl.Label, widgets.Num(s.lr)) || sl.Format != nil {
			t.Errorf("%s: the η slider reads %q with its own format", url, sl.Label)
		}
		th := c.Theme
		name := sl.Rect.X + th.Width(sl.Label, widgets.Small, false)
		value := sl.Rect.Right() - th.Width(widgets.Num(sl.Value), widgets.Small, false)
		labelled := 0
		for _, m := range s.tickMarks(th) {
			if !m.labelled {
				continue
			}
			labelled++
			if w := th.Width(m.label, widgets.Small, false); m.lx < name || m.lx+w > value {
				t.Errorf("%s: tick label %q at %g…%g over the name (to %g) or the value (from %g)", url, m.label, m.lx, m.lx+w, name, value)
			}
		}
		if url == "" && labelled != 2 {
			t.Errorf("default: %d of the ticks 1/L, 2/L labelled", labelled)
		}
		for _, v := range s.ui.curves {
			if !strings.HasPrefix(v.topLabel(), "top: f = ") {
				t.Errorf("%s: the chart's top reads %q", url, v.topLabel())
			}
		}
	}
}

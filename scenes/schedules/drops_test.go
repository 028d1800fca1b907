package schedules

import (
	"slices"
	"strings"
	"testing"

	"gradlab/sim"
)

// Multi-step's drops from the URL are sorted and their repeats dropped,
// with a message; values outside 1 … 99 or not numbers keep the default,
// with a message.
func TestDropsFromTheURL(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
		msg  string
	}{
		{"multistep.drops=20,50", []int{20, 50}, ""},
		{"multistep.drops=90,30,60", []int{30, 60, 90}, "in order without repeats: using 30,60,90"},
		{"multistep.drops=40,40,10", []int{10, 40}, "using 10,40"},
		{"multistep.drops=0,50", []int{30, 60, 90}, "from 1 to 99"},
		{"multistep.drops=-5", []int{30, 60, 90}, "from 1 to 99"},
		{"multistep.drops=30,100", []int{30, 60, 90}, "from 1 to 99"},
		{"multistep.drops=30,x", []int{30, 60, 90}, "from 1 to 99"},
		{"multistep.drops=", []int{30, 60, 90}, "from 1 to 99"},
		{"multistep.drops=1,2,3,4,5,6,7", []int{30, 60, 90}, "at most 6"},
	} {
		s := New()
		msgs := apply(s, "?"+c.q)
		got := s.sched[slices.Index(sim.ScheduleKinds, sim.MultiStep)].Milestones
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: drops %v, want %v", c.q, got, c.want)
		}
		switch {
		case c.msg == "" && len(msgs) != 0, c.msg != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], c.msg)):
			t.Errorf("%s: messages %q, want one with %q", c.q, msgs, c.msg)
		}
		if len(msgs) > 0 {
			t.Logf("%s → %v: %s", c.q, got, msgs[0])
		}
	}
	// The URL writes back the list as kept, and reads it again silently.
	s := New()
	apply(s, "?multistep.drops=90,30,30&show=multistep")
	q := query(s)
	if !strings.Contains(q, "multistep.drops=30,90") {
		t.Errorf("query %s", q)
	}
	if msgs := apply(New(), "?"+q); len(msgs) != 0 {
		t.Errorf("round trip: %q", msgs)
	}
}

// The keys move one drop at a time; moving it onto another's epoch passes
// over that one, the drops stay in order, the keys keep moving the same
// drop, and a message says so.
func TestDropKeysKeepOrder(t *testing.T) {
	s := New()
	var notes []string
	c := ctx()
	c.Notify = func(m string) { notes = append(notes, m) }
	tabTo(t, s, sim.MultiStep)
	press(t, s, "↓", false) // drop 1
	ms := func() []int { return s.sched[s.sel].Milestones }
	for range 29 {
		press(t, s, "→", false)
	}
	if !slices.Equal(ms(), []int{59, 60, 90}) || s.knob != 1 {
		t.Fatalf("drops %v, knob %d", ms(), s.knob)
	}
	press(t, s, "→", false) // 59 would land on 60: it passes to 61
	s.Update(c)
	if !slices.Equal(ms(), []int{60, 61, 90}) || s.knob != 2 || len(notes) != 1 || !strings.Contains(notes[0], "now at epochs 60, 61, 90") {
		t.Fatalf("drops %v, knob %d, notes %q", ms(), s.knob, notes)
	}
	press(t, s, "→", false) // the same drop goes on: 62
	if !slices.Equal(ms(), []int{60, 62, 90}) {
		t.Fatalf("drops %v", ms())
	}
	// Pressed on to the end, it passes 90 and stops at 99.
	for range 60 {
		press(t, s, "→", false)
	}
	s.Update(c)
	if !slices.Equal(ms(), []int{60, 90, 99}) || s.knob != 3 {
		t.Fatalf("drops %v, knob %d", ms(), s.knob)
	}
	// X puts them back.
	press(t, s, "X", false)
	if !slices.Equal(ms(), []int{30, 60, 90}) {
		t.Fatalf("after X: %v", ms())
	}
	// Moving onto the last drop passes it.
	if got := moveOK(t, []int{10, 20}, 0, 20, 1); !slices.Equal(got, []int{20, 21}) {
		t.Errorf("move onto the last: %v", got)
	}
}

func moveOK(t *testing.T, ms []int, i, v, dir int) []int {
	t.Helper()
	out, _, ok := moveDrop(ms, i, v, dir)
	if !ok {
		t.Fatalf("move %v %d → %d refused", ms, i, v)
	}
	return out
}

// The log LR axis spans whole decades around the rates shown, no more
// than lrDecadesMax below its top.
func TestLRAxisFollowsTheRates(t *testing.T) {
	for _, c := range []struct {
		q      string
		lo, hi float64
	}{
		{"show=constant", -1, 0},                       // 0.3 only
		{"show=constant&base=1", -1, 0},                // exactly 10⁰: one decade under it
		{"show=step", -4, 0},                           // 0.3 down to 3e-4
		{"show=constant,warmup&warmup.min=0.5", -2, 0}, // from 0.03 at the start
		{"show=exp&exp.gamma=0.8&base=10", -6, 1},      // 2.5e-9 floored at 7 decades
	} {
		s := New()
		if msgs := apply(s, "?logy=1&"+c.q); len(msgs) != 0 {
			t.Fatalf("%s: %q", c.q, msgs)
		}
		lo, hi := s.lrDecades()
		if lo != c.lo || hi != c.hi {
			t.Errorf("%s: decades %g … %g, want %g … %g", c.q, lo, hi, c.lo, c.hi)
		}
	}
}

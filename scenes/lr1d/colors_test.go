package lr1d

import (
	"math"
	"strings"
	"testing"
)

// With two curvatures each coordinate keeps one colour: its path on its
// own parabola, its headline and readout line, and its name in the time
// plot's title; y's start is labelled y₀.
func TestTwoCurvaturesOneColourPerCoordinate(t *testing.T) {
	s := New()
	if msgs := apply(s, "lr=0.0749894&two=1"); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	s.Update(ctx())
	finish(s)
	if xColor == yColor {
		t.Fatal("x and y share a colour")
	}
	title := s.plotTitle()
	for _, d := range s.dirs() {
		c := pathColor(d.name)
		if got := s.lineColor(d); got != c {
			t.Errorf("%s (%s): headline and readout in %v, its path in %v", d.name, d.regime.Name(), got, c)
		}
		if want := d.name + "(t) (" + colorNames[c] + ")"; colorNames[c] == "" || !strings.Contains(title, want) {
			t.Errorf("plot title %q does not name %s's colour as %q", title, d.name, want)
		}
	}
	found := 0
	for _, l := range s.readout() {
		for _, d := range s.dirs() {
			if strings.HasPrefix(l.text, d.name+" (") {
				found++
				if l.c != pathColor(d.name) {
					t.Errorf("readout %q in %v, %s's path in %v", l.text, l.c, d.name, pathColor(d.name))
				}
			}
		}
	}
	if found != 2 {
		t.Errorf("%d direction lines in the readout", found)
	}
	for i, want := range []string{"x₀", "y₀"} {
		if v := &s.ui.curves[i]; v.startLabel() != want || pathColor(v.name) != []any{xColor, yColor}[i] {
			t.Errorf("view %d: start %q, path colour %v", i, v.startLabel(), pathColor(v.name))
		}
	}
}

// The time plot's axis follows the values shown so far: early in a run
// where y diverges, its steps fill a good part of the plot instead of
// sitting on the zero line of an axis sized for 10⁶.
func TestPlotAxisFollowsTheShownSteps(t *testing.T) {
	s := New()
	if msgs := apply(s, "two=1"); len(msgs) != 0 { // η 0.316: y diverges
		t.Fatal(msgs)
	}
	if s.run.diverged < 0 || s.run.divDir != "y" {
		t.Fatalf("y does not diverge: %+v", s.run.diverged)
	}
	for _, logAxis := range []bool{false, true} {
		s.logAxis = logAxis
		prev := 0.0
		for sh := 0; sh <= s.run.last(); sh++ {
			s.shown = sh
			lo, hi := s.plotRange()
			m := 0.0
			for i := 0; i <= sh; i++ {
				m = math.Max(m, math.Max(math.Abs(s.run.xs[i]), math.Abs(s.run.ys[i])))
			}
			if logAxis {
				if math.Log10(m) > hi || hi > math.Log10(m)+1.5 || lo >= math.Log10(s.run.xs[0])-3 {
					t.Errorf("log, step %d: axis %g … %g for values up to %g", sh, lo, hi, m)
				}
				continue
			}
			if hi < m || hi > 2.5*m || lo != -hi {
				t.Errorf("step %d: axis ±%g for values up to %g", sh, hi, m)
			}
			if hi < prev {
				t.Errorf("step %d: axis shrank from %g to %g", sh, prev, hi)
			}
			prev = hi
		}
	}
}

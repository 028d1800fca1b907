package lr1d

import (
	"strings"
	"testing"
)

// The readout's closed-form line reads right at its edges: factor 0 lands
// in one step without a log of 0, factor −1 and a start already within the
// threshold show no formula, and an ordinary rate shows the ratio.
func TestFormulaLineAtItsEdges(t *testing.T) {
	for _, c := range []struct {
		url      string
		x0       float64 // forced past the URL's range when set
		has, not []string
	}{
		{url: "lr=1", has: []string{"does not apply", "exactly one step", "iterating agrees: 1 step"}, not: []string{"= 0, rounded", "log(", "Inf", "NaN"}},
		{url: "lr=2", has: []string{"never below"}, not: []string{"log(", "rounded up", "Inf", "NaN"}},
		{url: "lr=0.5", has: []string{"log(0.001/|x₀|) / log|1 − ηL| = 9.97", "iterating agrees: 10 steps"}},
		{url: "lr=1.5", has: []string{"= 9.97, rounded up"}},
		{url: "lr=0.5", x0: 0.0005, has: []string{"starts within 0.001"}, not: []string{"log(", "rounded up"}},
	} {
		s := New()
		if msgs := apply(s, c.url); len(msgs) != 0 {
			t.Fatal(msgs)
		}
		if c.x0 > 0 {
			s.x0 = c.x0
			s.recompute()
		}
		st := finish(s)
		all := strings.Join(st.Lines, " ")
		for _, w := range c.has {
			if !strings.Contains(all, w) {
				t.Errorf("%s x0 %g: no %q in %q", c.url, c.x0, w, all)
			}
		}
		for _, w := range c.not {
			if strings.Contains(all, w) {
				t.Errorf("%s x0 %g: %q in %q", c.url, c.x0, w, all)
			}
		}
	}
}

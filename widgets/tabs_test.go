package widgets

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

var tenScenes = []Tab{
	{"1", "three-lrs", "three learning rates", "3 LRs"}, {"2", "gradcheck", "gradient check", "grad"},
	{"3", "sanity", "sanity checks", "sanity"}, {"4", "curves", "loss-curve doctor", "curves"},
	{"5", "lr-1d", "learning rate in 1-D", "1-D"}, {"6", "race", "optimizer race", "race"},
	{"7", "schedules", "LR schedules", "sched"}, {"8", "search", "hyperparameter search", "search"},
	{"9", "ensemble", "ensembles", "ens"}, {"0", "transfer", "transfer learning", "transfer"},
}

// Ten tabs fit every window from 320×240 to 5120×2880: the current tab is
// always visible with its name, no tab leaves the bar or sits under the
// help button.
func TestTenTabsFitEveryWidth(t *testing.T) {
	for _, w := range []float64{320, 360, 400, 568, 800, 1024, 1280, 1920, 5120} {
		for _, dpr := range []float64{1, 2} {
			s := dpr * math.Min(math.Max(w/1000, 0.8), 1)
			th := NewTheme(s)
			for _, active := range []string{"three-lrs", "race", "transfer"} {
				tb := TabBar{Rect: Rect{W: w * dpr, H: th.S(36)}, Tabs: tenScenes, Active: active}
				tb.layout(th)
				where := fmt.Sprintf("%g×%g active %s", w, dpr, active)
				var prev Rect
				for i, b := range tb.tabs {
					r := b.Rect
					if tb.Tabs[i].ID == active && (r.W == 0 || !strings.Contains(tb.labels[i], tb.Tabs[i].Short) && !strings.Contains(tb.labels[i], tb.Tabs[i].Title)) {
						t.Errorf("%s: the current tab is hidden or unnamed (%q)", where, tb.labels[i])
					}
					if r.W == 0 {
						continue
					}
					if r.X < 0 || r.Right() > tb.help.Rect.X || r.X < prev.Right() {
						t.Errorf("%s: tab %d %+v overlaps help %+v or its neighbour", where, i, r, tb.help.Rect)
					}
					if th.Width(tb.labels[i], Body, true) > r.W {
						t.Errorf("%s: label %q is wider than its tab", where, tb.labels[i])
					}
					prev = r
				}
				if tb.help.Rect.Right() > tb.Rect.Right() || tb.help.Rect.X < 0 {
					t.Errorf("%s: help %+v leaves the bar", where, tb.help.Rect)
				}
			}
		}
	}
	// A wide window shows every full title.
	th := NewTheme(1)
	tb := TabBar{Rect: Rect{W: 2560, H: 36}, Tabs: tenScenes, Active: "race"}
	tb.layout(th)
	if !strings.Contains(tb.labels[0], "three learning rates") {
		t.Errorf("at 2560 the first tab reads %q", tb.labels[0])
	}
}

func TestFitShortensWithAnEllipsis(t *testing.T) {
	th := NewTheme(1)
	s := "converged at step 205 (f − f* < 10⁻⁶)"
	if got := th.Fit(s, Small, false, 1000); got != s {
		t.Errorf("fitting text changed: %q", got)
	}
	got := th.Fit(s, Small, false, 60)
	if !strings.HasSuffix(got, "…") || th.Width(got, Small, false) > 60 {
		t.Errorf("got %q, %g wide", got, th.Width(got, Small, false))
	}
	if th.Fit(s, Small, false, 1) != "" {
		t.Error("nothing fits in 1 px")
	}
}

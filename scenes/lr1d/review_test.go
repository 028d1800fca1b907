package lr1d

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// On phones and small windows x(t) still has a panel, clear of the
// others and above the strip, in one and two dimensions.
func TestSmallScreensKeepThePlot(t *testing.T) {
	for _, sz := range [][2]float64{{360, 640}, {640, 360}, {320, 480}, {480, 320}, {1280, 800}} {
		for _, two := range []bool{false, true} {
			s := New()
			if two {
				s.toggleTwo()
			}
			c := ctx()
			c.Theme = widgets.NewTheme(math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1))
			c.Area = widgets.Rect{Y: 36, W: sz[0], H: sz[1] - 36}
			s.Update(c)
			u := &s.ui
			where := strconv.Itoa(int(sz[0])) + "×" + strconv.Itoa(int(sz[1])) + " two=" + strconv.FormatBool(two)
			if u.plotP.H < c.Theme.S(70) {
				t.Errorf("%s: no x(t) panel: %+v", where, u.plotP)
			}
			rs := []widgets.Rect{u.mainPanel, u.plotP, u.readP, u.caption.Rect}
			for i, a := range rs {
				if a.H <= 0 {
					continue
				}
				if a.Bottom() > u.screen.Strip.Y+0.5 || a.Y < c.Area.Y {
					t.Errorf("%s: panel %d %+v outside the area above the strip at %g", where, i, a, u.screen.Strip.Y)
				}
				for _, b := range rs[i+1:] {
					if b.H > 0 && a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom() {
						t.Errorf("%s: panels %+v and %+v overlap", where, a, b)
					}
				}
			}
			for _, v := range u.curves {
				if v.area.H < c.Theme.S(40) {
					t.Errorf("%s: a parabola squeezed to %+v", where, v.area)
				}
			}
			t.Logf("%s: main %v plot %v read %v caption %v strip %g", where, u.mainPanel, u.plotP, u.readP, u.caption.Rect, u.screen.Strip.Y)
		}
	}
}

// A narrow view's headline shortens but keeps its number.
func TestHeadlinesKeepTheirNumber(t *testing.T) {
	th := widgets.NewTheme(0.8)
	s := New()
	s.toggleTwo() // η = 0.316: x converges in 19 steps, y diverges at step 9
	s.shown = s.run.last()
	for _, d := range s.dirs() {
		hs := s.headlines(d)
		num := strconv.Itoa(d.steps)
		if s.run.divDir == d.name {
			num = "step " + strconv.Itoa(s.run.diverged)
		}
		for _, w := range []float64{1000, 300, 190, 150} {
			h := headline(th, hs, w)
			if !strings.Contains(h, num) || strings.Contains(h, "…") {
				t.Errorf("%s at %g px: %q lost %q", d.name, w, h, num)
			}
		}
	}
}

// The update factor is written with the digits that tell it from 1.
func TestFactorTextShowsTheChange(t *testing.T) {
	for _, c := range []struct {
		f    float64
		want string
	}{{0.9999, "0.9999"}, {0.684, "0.684"}, {1 - 1e-6, "0.999999"}, {-1.0002, "−1.0002"}, {0, "0"}, {1, "1"}, {-1, "−1"}, {0.5, "0.5"}} {
		if got := factorText(c.f); got != c.want {
			t.Errorf("factor %g reads %q, want %q", c.f, got, c.want)
		}
	}
	s := New()
	if msgs := apply(s, "L=0.1&lr=0.001&x0=10"); len(msgs) != 0 {
		t.Fatal(msgs)
	}
	for _, x := range texts(s) {
		if strings.Contains(x, "= 1·x") {
			t.Errorf("%q hides the factor 0.9999", x)
		}
	}
}

// The start is always drawn (it carries the x₀ label) and the last
// iterates with it; those off the chart are marked, not dropped.
func TestTrailKeepsTheStart(t *testing.T) {
	for _, etaL := range []float64{0.05, 2.5} {
		s := New()
		if msgs := apply(s, "lr="+kit.Num(etaL)); len(msgs) != 0 {
			t.Fatal(msgs)
		}
		finish(s)
		xr := 1.3 * s.x0
		tr := trail(s.run.xs, s.shown, xr)
		if tr[0].i != 0 || tr[0].off {
			t.Errorf("ηL %g: trail starts %+v", etaL, tr[0])
		}
		if last := tr[len(tr)-1]; last.i != s.shown || last.off != (math.Abs(s.run.xs[s.shown]) > xr) {
			t.Errorf("ηL %g: trail ends %+v at shown %d", etaL, last, s.shown)
		}
		if len(tr) > maxOld+fade+1 {
			t.Errorf("ηL %g: %d marks", etaL, len(tr))
		}
		if etaL > 2 && !tr[len(tr)-1].off {
			t.Errorf("diverged but the last iterate %g is on the chart", s.run.xs[s.shown])
		}
	}
}

// A narrow parabola (two side by side on a phone) labels more than its
// middle: ±1.3 at two ticks asked once rounded to the single tick 0.
func TestNarrowViewHasTicks(t *testing.T) {
	s := New()
	s.toggleTwo()
	c := ctx()
	c.Theme = widgets.NewTheme(0.8)
	c.Area = widgets.Rect{Y: 36, W: 360, H: 604}
	s.Update(c)
	for _, v := range s.ui.curves {
		if xt := v.xTicks(c.Theme); len(xt) < 2 {
			t.Errorf("view %.0f px wide: ticks %v", v.area.W, xt)
		}
	}
}

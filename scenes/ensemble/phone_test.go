package ensemble

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// phoneCtx is a context of the shell's size and theme scale for a window.
func phoneCtx(w, h float64) *kit.Ctx {
	sc := math.Min(math.Max(math.Min(w/1000, h/640), 0.8), 1)
	th := widgets.NewTheme(sc)
	c := ctx()
	c.Theme, c.Area = th, widgets.Rect{Y: th.S(36), W: w, H: h - th.S(36)}
	return c
}

var phones = [][2]float64{{360, 640}, {640, 360}, {320, 480}, {480, 320}}

// Every piece of evidence is reachable on a phone: the view button stands
// on the strip's first page, and paging with it shows the snapshot and
// Polyak maps and the accuracy-against-K plot; the table stays on every
// page.
func TestPhonesReachEveryPanel(t *testing.T) {
	for _, sz := range append(phones, [2]float64{1280, 800}) {
		for _, k := range []int{5, 10} {
			c := phoneCtx(sz[0], sz[1])
			s := New()
			s.setK(k)
			dst := ebiten.NewImage(int(sz[0]), int(sz[1]))
			s.Update(c)
			s.Draw(dst, c)
			where := fmt.Sprintf("%g×%g K=%d", sz[0], sz[1], k)
			var snap, polyak, plot bool
			for range pages {
				if s.ui.view.Rect.W <= 0 || s.ui.strip.Page() != 0 {
					t.Fatalf("%s: the view button is not on the strip's first page: %+v", where, s.ui.view.Rect)
				}
				if s.ui.legend.Rect.H <= 0 {
					t.Errorf("%s, %s: no table", where, pageNames[s.page])
				}
				n := len(s.exp.Members)
				snap = snap || s.ui.views[n+1].g.Rect.W > 0
				polyak = polyak || s.ui.views[n+2].g.Rect.W > 0
				plot = plot || s.ui.plot.H > t0(c)
				// The button, as a user would: press and release over it.
				b := s.ui.view.Rect
				c.In.X, c.In.Y = b.X+b.W/2, b.Y+b.H/2
				c.In.Down, c.In.Pressed = true, true
				s.Update(c)
				c.In.Down, c.In.Pressed, c.In.Released = false, false, true
				s.Update(c)
				c.In.Released = false
				s.Update(c)
				s.Draw(dst, c)
			}
			if !snap || !polyak || !plot {
				t.Errorf("%s: snapshot map %v, Polyak map %v, plot %v over the pages", where, snap, polyak, plot)
			}
			if s.page != pageMembers {
				t.Errorf("%s: %d presses of the view button end on page %d", where, pages, s.page)
			}
		}
	}
}

// t0 is the least useful height of the plot.
func t0(c *kit.Ctx) float64 { return c.Theme.S(100) }

// Labels and titles are worded to fit their boxes, never cut with "…", at
// every size and on every page; at K = 10 on a phone too.
func TestLabelsAndTitlesFit(t *testing.T) {
	for _, sz := range append(phones, [2]float64{800, 600}, [2]float64{1280, 800}, [2]float64{1920, 1080}) {
		for _, k := range []int{2, 5, 10} {
			c := phoneCtx(sz[0], sz[1])
			th := c.Theme
			s := New()
			s.setK(k)
			s.finish()
			for p := range pages {
				s.page = p
				s.Update(c)
				where := fmt.Sprintf("%g×%g K=%d %s", sz[0], sz[1], k, pageNames[p])
				for _, v := range s.ui.views {
					if v.box.W <= 0 {
						continue
					}
					if strings.Contains(v.label, "…") || v.label == "" || th.Width(v.label, widgets.Small, true) > v.box.W {
						t.Errorf("%s: label %q in a box %.0f wide", where, v.label, v.box.W)
					}
				}
				if lg := &s.ui.legend; lg.Rect.H > 0 {
					if strings.Contains(lg.Title, "…") || th.Width(lg.Title, widgets.Small, false) > lg.Rect.W-th.S(16) {
						t.Errorf("%s: table title %q", where, lg.Title)
					}
					for _, r := range lg.Rows {
						if strings.Contains(r.Line+r.Detail, "…") || th.Width(r.Line, widgets.Small, false) > lg.Rect.W-th.S(36) {
							t.Errorf("%s: table row %q / %q in %.0f", where, r.Detail, r.Line, lg.Rect.W)
						}
					}
				}
				for _, tt := range []struct {
					title string
					r     widgets.Rect
				}{{s.ui.gridTitle, s.ui.grid}, {s.ui.plotTitle, s.ui.plot}} {
					if tt.r.H <= 0 {
						continue
					}
					if strings.Contains(tt.title, "…") || th.Width(tt.title, widgets.Small, false) > tt.r.W-th.S(16) {
						t.Errorf("%s: title %q in a panel %.0f wide", where, tt.title, tt.r.W)
					}
				}
			}
		}
	}
}

// The words name series by their markers, not by colours that the
// palette may draw otherwise (the snapshots' "purple" is pink).
func TestNoColourNames(t *testing.T) {
	s := New()
	c := ctx()
	s.finish()
	for p := range pages {
		s.page = p
		s.Update(c)
		words := []string{s.ui.gridTitle, s.ui.plotTitle, s.ui.caption.Text, s.ui.legend.Title}
		for _, r := range s.ui.legend.Rows {
			words = append(words, r.Name, r.Detail, r.Line)
		}
		for _, w := range words {
			for _, col := range []string{"purple", "pink", "yellow", "grey", "gray", "blue", "green", "orange"} {
				if strings.Contains(strings.ToLower(w), col) {
					t.Errorf("%q names the colour %s", w, col)
				}
			}
		}
	}
}

// While the networks train, the caption reports the numbers and the step
// and concludes nothing; the comparison comes when training ends.
func TestNoVerdictWhileTraining(t *testing.T) {
	s := New()
	c := ctx()
	dst := ebiten.NewImage(1280, 800)
	for range 20 {
		s.Update(c)
		s.Draw(dst, c)
	}
	if s.done() {
		t.Fatal("done after 20 frames")
	}
	sum := s.summary()
	if !strings.HasPrefix(sum, fmt.Sprintf("Training: step %d of %d", s.res.Steps, s.exp.Cfg.Steps)) {
		t.Errorf("while training: %q", sum)
	}
	for _, w := range []string{"did not help", "beats", "above the mean", "below the mean", "ties"} {
		if strings.Contains(sum, w) {
			t.Errorf("while training the caption concludes (%q): %q", w, sum)
		}
	}
	s.finish()
	if sum := s.summary(); !strings.HasPrefix(sum, "After 2000 steps each") {
		t.Errorf("when done: %q", sum)
	}
}

package search

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// sizes are the windows the layout must serve, phones included.
var sizes = [][2]float64{{1280, 800}, {360, 640}, {640, 360}, {320, 480}, {320, 240}, {1920, 1080}}

// sized is a context for a w×h window, at the scale the shell picks there.
func sized(w, h float64) *kit.Ctx {
	c := ctx()
	c.Theme = widgets.NewTheme(math.Min(math.Max(math.Min(w/1000, h/640), 0.8), 1))
	tab := math.Round(c.Theme.S(36))
	c.Area = widgets.Rect{Y: tab, W: w, H: h - tab}
	return c
}

func overlaps(a, b widgets.Rect) bool {
	return a.W > 0 && b.W > 0 && a.H > 0 && b.H > 0 &&
		a.X+0.5 < b.Right() && b.X+0.5 < a.Right() && a.Y+0.5 < b.Bottom() && b.Y+0.5 < a.Bottom()
}

// Every side panel of every mode is on screen at some press of V, at every
// size from a phone up: the evidence never needs the help overlay. On a
// screen where all fit, the switch stays out of the strip.
func TestEveryPanelReachable(t *testing.T) {
	for _, sz := range sizes {
		for m := range modeIDs {
			s := New()
			s.setMode(m)
			c := sized(sz[0], sz[1])
			s.Update(c)
			seen := map[string]bool{}
			for range panelNames[m] {
				for _, p := range s.shownPanels() {
					seen[p] = true
				}
				press(t, s, "V", false)
				s.Update(c)
			}
			var missing []string
			for _, p := range panelNames[m] {
				if !seen[p] {
					missing = append(missing, p)
				}
			}
			st := status(s)
			all := len(st.Panels) == len(panelNames[m])
			t.Logf("%gx%g %s: shown %v, switch %v", sz[0], sz[1], modeIDs[m], st.Panels, st.ViewSwitch)
			if sz[1] >= 480 && len(missing) > 0 {
				t.Errorf("%gx%g %s: %v never shown", sz[0], sz[1], modeIDs[m], missing)
			}
			if st.ViewSwitch == all && !(all && st.ViewSwitch && s.focus() != 0) {
				t.Errorf("%gx%g %s: switch %v with panels %v", sz[0], sz[1], modeIDs[m], st.ViewSwitch, st.Panels)
			}
			if st.ViewSwitch && s.ui.view.Rect.W <= 0 && sz[1] >= 480 {
				t.Errorf("%gx%g %s: the switch is not on the strip's page", sz[0], sz[1], modeIDs[m])
			}
		}
	}
}

// The main view keeps its evidence on phones: the map with both bands of
// projections, both histograms, the search's plot.
func TestMainViewOnPhones(t *testing.T) {
	for _, sz := range sizes[:4] {
		s := New()
		c := sized(sz[0], sz[1])
		s.Update(c)
		if s.ui.mapR.W < 100 || s.ui.xrug.H <= 0 || s.ui.yrug.W <= 0 {
			t.Errorf("%gx%g: map %v, rugs %v %v", sz[0], sz[1], s.ui.mapR, s.ui.xrug, s.ui.yrug)
		}
		press(t, s, "M", false)
		s.Update(c)
		for i, r := range s.ui.hist {
			if g := layoutHist(c.Theme, r, s.uni); g.area.W <= 0 {
				t.Errorf("%gx%g: histogram %d has no room in %v", sz[0], sz[1], i, r)
			}
		}
		press(t, s, "M", false)
		s.Update(c)
		if s.ui.plot.W < 100 || s.ui.plot.H < 80 {
			t.Errorf("%gx%g: the search's plot %v", sz[0], sz[1], s.ui.plot)
		}
	}
}

// No bar reaches a share's label or a decade's label, and no two labels
// touch, however tall the tallest bar, at every size.
func TestHistogramBarsMissTheLabels(t *testing.T) {
	for _, sz := range sizes {
		s := New()
		s.setMode(int(samplingMode))
		c := sized(sz[0], sz[1])
		s.Update(c)
		for i, hist := range []hs.Hist{s.uni, s.lgu} {
			r := s.ui.hist[i]
			g := layoutHist(c.Theme, r, hist)
			if g.area.W <= 0 {
				if sz[1] >= 480 {
					t.Errorf("%gx%g: histogram %d not drawn", sz[0], sz[1], i)
				}
				continue
			}
			labels := append(slices.Clone(g.shares), g.labels...)
			labels = append(labels, g.name)
			for _, b := range g.bars {
				if b.Y < g.area.Y-0.01 || b.Bottom() > g.area.Bottom()+0.01 {
					t.Errorf("%gx%g: bar %v leaves its area %v", sz[0], sz[1], b, g.area)
				}
				for _, l := range labels {
					if overlaps(b, l) {
						t.Errorf("%gx%g: bar %v runs into label %v", sz[0], sz[1], b, l)
					}
				}
			}
			for a := range labels {
				if labels[a].X < r.X-0.5 || labels[a].Right() > r.Right()+0.5 || labels[a].Bottom() > r.Bottom()+0.5 {
					t.Errorf("%gx%g: label %v leaves the box %v", sz[0], sz[1], labels[a], r)
				}
				for b := a + 1; b < len(labels); b++ {
					if overlaps(labels[a], labels[b]) {
						t.Errorf("%gx%g: labels %v and %v overlap", sz[0], sz[1], labels[a], labels[b])
					}
				}
			}
		}
	}
}

// The edge warning has a band of its own above the plot: it covers no
// trial, at every size.
func TestEdgeWarningCoversNothing(t *testing.T) {
	s := New()
	press(t, s, "L", false) // the lesson's range: the best on its top edge
	s.finishSearch()
	if s.warning() == "" {
		t.Fatal("no warning")
	}
	for _, sz := range sizes {
		c := sized(sz[0], sz[1])
		s.Update(c)
		u := &s.ui
		if u.plot.W <= 0 {
			continue
		}
		if len(u.warnLines) == 0 {
			if sz[1] >= 480 {
				t.Errorf("%gx%g: no room for the warning over %v", sz[0], sz[1], u.plot)
			}
			continue
		}
		in := u.main.Inset(c.Theme.S(1))
		if overlaps(u.warn, u.plot) || u.warn.Bottom() > u.plot.Y || u.warn.Y < in.Y || u.warn.Right() > in.Right() {
			t.Errorf("%gx%g: warning %v, plot %v, panel %v", sz[0], sz[1], u.warn, u.plot, u.main)
		}
		for _, l := range u.warnLines {
			if w := c.Theme.Width(l, widgets.Small, false); w > u.warn.W-c.Theme.S(6) {
				t.Errorf("%gx%g: line %q is %.0f wide in %v", sz[0], sz[1], l, w, u.warn)
			}
		}
		t.Log(fmt.Sprintf("%gx%g: warning in %d lines", sz[0], sz[1], len(u.warnLines)))
	}
}

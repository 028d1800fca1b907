package threelrs

import (
	"fmt"
	"math"
	"testing"

	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// The layout at every size: panels inside the area and apart, the region
// views inside their panel, and on a large screen everything shown.
func TestLayoutsKeepPanelsApart(t *testing.T) {
	sizes := [][2]float64{{320, 240}, {360, 640}, {568, 320}, {800, 600}, {800, 1280}, {1280, 800}, {1920, 1080}, {5120, 2880}}
	for _, sz := range sizes {
		for _, dpr := range []float64{1, 2} {
			sc := dpr * math.Min(math.Max(math.Min(sz[0]/1000, sz[1]/640), 0.8), 1)
			th := widgets.NewTheme(sc)
			c := &kit.Ctx{Theme: th, In: &widgets.Input{Pinch: 1}, Area: widgets.Rect{Y: th.S(36), W: sz[0] * dpr, H: sz[1]*dpr - th.S(36)},
				Changed: func() {}, Notify: func(string) {}}
			s := New()
			s.togglePlay()
			s.Update(c)
			s.Update(c)
			u := &s.ui
			where := fmt.Sprintf("%g×%g×%g", sz[0], sz[1], dpr)
			rs := []widgets.Rect{u.plot, u.regions, u.legend.Rect, u.caption.Rect, u.strip.Rect}
			for i, a := range rs {
				if a.W <= 0 || a.H <= 0 {
					continue
				}
				if a.X < c.Area.X-0.5 || a.Y < c.Area.Y-0.5 || a.Right() > c.Area.Right()+0.5 || a.Bottom() > c.Area.Bottom()+0.5 {
					t.Errorf("%s: panel %d %+v leaves %+v", where, i, a, c.Area)
				}
				for j, b := range rs[i+1:] {
					if b.W > 0 && b.H > 0 && a.X+0.5 < b.Right() && b.X+0.5 < a.Right() && a.Y+0.5 < b.Bottom() && b.Y+0.5 < a.Bottom() {
						t.Errorf("%s: panels %d %+v and %d %+v overlap", where, i, a, i+1+j, b)
					}
				}
			}
			for i, g := range u.views {
				if g.Rect.W <= 0 {
					continue
				}
				p, in := g.Plot(), u.regions
				if p.X < in.X || p.Right() > in.Right() || p.Y < in.Y || p.Bottom() > in.Bottom() {
					t.Errorf("%s: view %d %+v outside its panel %+v", where, i, p, in)
				}
				if w := th.Width(u.labels[i], widgets.Small, true); w > u.viewBox[i].W-th.S(14)+0.5 {
					t.Errorf("%s: label %q too wide", where, u.labels[i])
				}
			}
			if u.plot.H <= 0 {
				t.Errorf("%s: no loss plot", where)
			}
			if sz[0] >= 1280 && (u.regions.H == 0 || u.legend.Rect.H == 0 || u.caption.Rect.H == 0) {
				t.Errorf("%s: a panel was dropped on a large screen", where)
			}
			t.Logf("%s: plot %.0f×%.0f, views %v, legend %v, caption %v", where, u.plot.W, u.plot.H, u.regions.H > 0, u.legend.Rect.H > 0, u.caption.Rect.H > 0)
		}
	}
}

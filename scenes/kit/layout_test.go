package kit

import (
	"testing"

	"gradlab/widgets"
)

func TestStripPagesWhenControlsDoNotFit(t *testing.T) {
	th := widgets.NewTheme(1)
	bs := make([]widgets.Button, 30)
	var st Strip
	fill := func() {
		st.Begin()
		for i := range bs {
			st.Button(th, &bs[i], "button with a long label")
		}
	}
	fill()
	area := widgets.Rect{W: 400, H: 600}
	r := st.Layout(th, area, 120)
	if r.H > 120 || st.Pages() < 2 || st.More().W == 0 {
		t.Fatalf("strip %+v, %d pages, more %+v", r, st.Pages(), st.More())
	}
	shown := func() (n int) {
		for _, b := range bs {
			if b.Rect.W > 0 {
				n++
				if b.Rect.Y < r.Y || b.Rect.Bottom() > r.Bottom() || b.Rect.Right() > st.More().X {
					t.Errorf("button %+v outside the strip %+v or under more %+v", b.Rect, r, st.More())
				}
			}
		}
		return n
	}
	total := 0
	for p := 0; p < st.Pages(); p++ {
		total += shown()
		in := &widgets.Input{X: st.More().X + 2, Y: st.More().Y + 2, Pressed: true, Down: true}
		st.Update(in)
		in.Pressed, in.Down, in.Released = false, false, true
		if !st.Update(in) {
			t.Fatal("more did not turn the page")
		}
		fill()
		st.Layout(th, area, 120)
	}
	if total != len(bs) {
		t.Errorf("%d buttons over all pages, want %d", total, len(bs))
	}
	fill()
	if st.Layout(th, area, 2000); st.Pages() != 1 || st.More().W != 0 {
		t.Errorf("everything fits, yet %d pages", st.Pages())
	}
}

func TestLayoutGivesTheMainViewHalf(t *testing.T) {
	th := widgets.NewTheme(0.8)
	specs := []PanelSpec{{Min: 58, Want: 126}, {Min: 90, Want: 110, Drop: 2}, {Min: 90, Want: 200, Drop: 1}, {Min: 70, Grow: true, Drop: 3}}
	for _, sz := range [][2]float64{{400, 600}, {710, 400}, {1280, 800}, {800, 1280}, {400, 300}} {
		var st Strip
		bs := make([]widgets.Button, 12)
		st.Begin()
		for i := range bs {
			st.Button(th, &bs[i], "control")
		}
		area := widgets.Rect{Y: 29, W: sz[0], H: sz[1] - 29}
		sc := Layout(th, area, &st, 1, specs)
		if sc.Wide && sc.Main.W < area.W/2 || !sc.Wide && sc.Main.H < area.H/2-1 {
			t.Errorf("%v: main %+v in %+v (wide %v)", sz, sc.Main, area, sc.Wide)
		}
		for i, p := range sc.Panels {
			if p.W > 0 && (p.Bottom() > sc.Strip.Y || p.Right() > area.Right() || overlaps(p, sc.Main)) {
				t.Errorf("%v: panel %d %+v", sz, i, p)
			}
		}
	}
}

func overlaps(a, b widgets.Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

func TestScreenSame(t *testing.T) {
	a := Screen{Main: widgets.Rect{W: 10, H: 10}, Panels: []widgets.Rect{{Y: 10, W: 10, H: 5}}, Strip: widgets.Rect{Y: 15, W: 10, H: 3}}
	b := a
	b.Panels = append([]widgets.Rect(nil), a.Panels...)
	if !a.Same(b) {
		t.Error("equal layouts differ")
	}
	b.Panels[0].H = 4
	if a.Same(b) {
		t.Error("a moved panel is the same")
	}
	b = a
	b.Strip.H = 6
	if a.Same(b) || a.Same(Screen{}) {
		t.Error("a grown strip is the same")
	}
}

// A click on "more" places the next page's controls in the same tick: a
// scene that repaints its strip that frame draws the page it hit-tests.
func TestStripTurnPlacesTheNewPageAtOnce(t *testing.T) {
	th := widgets.NewTheme(1)
	bs := make([]widgets.Button, 12)
	var st Strip
	st.Begin()
	for i := range bs {
		st.Button(th, &bs[i], "button with a long label")
	}
	st.Layout(th, widgets.Rect{W: 400, H: 600}, 60)
	if st.Pages() < 2 || bs[0].Rect.W == 0 {
		t.Fatalf("want page 1 of several showing the first button; %d pages", st.Pages())
	}
	in := &widgets.Input{X: st.More().X + 2, Y: st.More().Y + 2, Pressed: true, Down: true}
	st.Update(in)
	in.Pressed, in.Down, in.Released = false, false, true
	if !st.Update(in) {
		t.Fatal("more did not turn the page")
	}
	if bs[0].Rect.W != 0 {
		t.Errorf("after the turn the first page's button still has %+v", bs[0].Rect)
	}
	on := 0
	for _, b := range bs {
		if b.Rect.W > 0 {
			on++
		}
	}
	if on == 0 {
		t.Error("no button placed on the new page")
	}
}

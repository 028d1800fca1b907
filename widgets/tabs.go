package widgets

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// Tab is one entry of the tab bar: its key, id, title and a short title for
// narrow windows.
type Tab struct {
	Key, ID, Title, Short string
}

// TabBar is the row of scenes along the top, with the help button at its
// right end. However narrow the window, every tab keeps at least its digit
// and the current one its name: the bar tries full titles, then short ones,
// then digits with the current tab named, then a run of digits around the
// current tab.
type TabBar struct {
	Rect   Rect
	Tabs   []Tab
	Active string
	tabs   []Button
	labels []string
	help   Button
	brand  bool
}

// Update returns the id of a clicked tab, or "?" for the help button, or "".
func (tb *TabBar) Update(in *Input, t *Theme) string {
	tb.layout(t)
	for i := range tb.tabs {
		if tb.tabs[i].Rect.W > 0 && tb.tabs[i].Update(in) {
			return tb.Tabs[i].ID
		}
	}
	if tb.help.Update(in) {
		return "?"
	}
	return ""
}

// Controls names the tabs and the help button with their rectangles.
func (tb *TabBar) Controls(add func(string, Rect)) {
	for i, tab := range tb.Tabs {
		if i < len(tb.tabs) {
			add("tab:"+tab.ID, tb.tabs[i].Rect)
		}
	}
	add("help", tb.help.Rect)
}

func (tb *TabBar) tabWidth(t *Theme, label string) float64 {
	return t.Width(label, Body, true) + t.S(16)
}

func (tb *TabBar) layout(t *Theme) {
	n := len(tb.Tabs)
	if len(tb.tabs) != n {
		tb.tabs = make([]Button, n)
		tb.labels = make([]string, n)
	}
	tb.help.Label = "? help"
	if tb.Rect.W < t.S(560) {
		tb.help.Label = "?"
	}
	hw := tb.help.Width(t)
	tb.help.Rect = Rect{tb.Rect.Right() - hw - t.S(6), tb.Rect.Y + t.S(5), hw, tb.Rect.H - t.S(10)}
	avail := tb.help.Rect.X - t.S(8) - (tb.Rect.X + t.S(6))
	active := 0
	for i, tab := range tb.Tabs {
		if tab.ID == tb.Active {
			active = i
		}
	}
	modes := []func(i int, tab Tab) string{
		func(_ int, tab Tab) string { return tab.Key + "  " + tab.Title },
		func(_ int, tab Tab) string { return tab.Key + " " + tab.Short },
		func(i int, tab Tab) string {
			if i == active {
				return tab.Key + " " + tab.Short
			}
			return tab.Key
		},
	}
	lo, hi := 0, n
	fits := n == 0
	for _, m := range modes {
		total := 0.0
		for i, tab := range tb.Tabs {
			tb.labels[i] = m(i, tab)
			total += tb.tabWidth(t, tb.labels[i])
		}
		if total <= avail {
			fits = true
			break
		}
	}
	if !fits {
		// A run of tabs around the current one, as many as fit.
		lo, hi = active, active+1
		total := tb.tabWidth(t, tb.labels[active])
		for grew := true; grew; {
			grew = false
			if hi < n && total+tb.tabWidth(t, tb.labels[hi]) <= avail {
				total += tb.tabWidth(t, tb.labels[hi])
				hi, grew = hi+1, true
			}
			if lo > 0 && total+tb.tabWidth(t, tb.labels[lo-1]) <= avail {
				total += tb.tabWidth(t, tb.labels[lo-1])
				lo, grew = lo-1, true
			}
		}
	}
	x := tb.Rect.X + t.S(6)
	for i := range tb.Tabs {
		tb.tabs[i].Rect = Rect{}
		if i < lo || i >= hi {
			continue
		}
		w := tb.tabWidth(t, tb.labels[i])
		tb.tabs[i].Rect = Rect{x, tb.Rect.Y, w, tb.Rect.H}
		x += w
	}
	tb.brand = x+t.Width("gradlab", Body, true)+t.S(12) < tb.help.Rect.X-t.S(12)
}

// Draw draws the bar, with the brand name when there is room, tabs and the
// help button.
func (tb *TabBar) Draw(dst *ebiten.Image, t *Theme) {
	tb.layout(t)
	FillRect(dst, tb.Rect, assets.Panel)
	FillRect(dst, Rect{tb.Rect.X, tb.Rect.Bottom() - max(1, t.S(1)), tb.Rect.W, max(1, t.S(1))}, assets.Border)
	for i, tab := range tb.Tabs {
		r := tb.tabs[i].Rect
		if r.W == 0 {
			continue
		}
		c := assets.Dim
		if tab.ID == tb.Active {
			c = assets.Text
			FillRect(dst, Rect{r.X, r.Bottom() - t.S(3), r.W, t.S(3)}, assets.Accent)
		}
		t.TextMid(dst, tb.labels[i], r.X+t.S(8), r.Y+r.H/2, Body, true, c, Left)
	}
	if tb.brand {
		t.TextMid(dst, "gradlab", tb.help.Rect.X-t.S(12), tb.Rect.Y+tb.Rect.H/2, Body, true, assets.Accent, Right)
	}
	tb.help.Draw(dst, t)
}

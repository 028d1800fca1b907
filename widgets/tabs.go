package widgets

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// Tab is one entry of the tab bar: a key, an id and a title.
type Tab struct {
	Key, ID, Title string
}

// TabBar is the row of scenes along the top, with the help button at its
// right end.
type TabBar struct {
	Rect   Rect
	Tabs   []Tab
	Active string
	tabs   []Button
	help   Button
}

// Update returns the id of a clicked tab, or "?" for the help button, or "".
func (tb *TabBar) Update(in *Input, t *Theme) string {
	tb.layout(t)
	for i := range tb.tabs {
		if tb.tabs[i].Update(in) {
			return tb.Tabs[i].ID
		}
	}
	if tb.help.Update(in) {
		return "?"
	}
	return ""
}

func (tb *TabBar) layout(t *Theme) {
	if len(tb.tabs) != len(tb.Tabs) {
		tb.tabs = make([]Button, len(tb.Tabs))
	}
	x := tb.Rect.X + t.S(8)
	for i, tab := range tb.Tabs {
		w := t.Width(tab.Key+"  "+tab.Title, Body, true) + t.S(20)
		tb.tabs[i].Rect = Rect{x, tb.Rect.Y, w, tb.Rect.H}
		x += w
	}
	tb.help.Label = "? help"
	w := tb.help.Width(t)
	tb.help.Rect = Rect{tb.Rect.Right() - w - t.S(8), tb.Rect.Y + t.S(5), w, tb.Rect.H - t.S(10)}
}

// Draw draws the bar, with the brand name, tabs and the help button.
func (tb *TabBar) Draw(dst *ebiten.Image, t *Theme) {
	tb.layout(t)
	FillRect(dst, tb.Rect, assets.Panel)
	FillRect(dst, Rect{tb.Rect.X, tb.Rect.Bottom() - max(1, t.S(1)), tb.Rect.W, max(1, t.S(1))}, assets.Border)
	for i, tab := range tb.Tabs {
		r := tb.tabs[i].Rect
		c := assets.Dim
		if tab.ID == tb.Active {
			c = assets.Text
			FillRect(dst, Rect{r.X, r.Bottom() - t.S(3), r.W, t.S(3)}, assets.Accent)
		}
		t.TextMid(dst, tab.Key, r.X+t.S(10), r.Y+r.H/2, Body, false, assets.Dim, Left)
		t.TextMid(dst, tab.Title, r.X+t.S(10)+t.Width(tab.Key+"  ", Body, false), r.Y+r.H/2, Body, true, c, Left)
	}
	brand := "gradlab"
	bx := tb.help.Rect.X - t.S(12)
	if len(tb.tabs) == 0 || tb.tabs[len(tb.tabs)-1].Rect.Right()+t.Width(brand, Body, true) < bx {
		t.TextMid(dst, brand, bx, tb.Rect.Y+tb.Rect.H/2, Body, true, assets.Accent, Right)
	}
	tb.help.Draw(dst, t)
}

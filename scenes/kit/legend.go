package kit

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/widgets"
)

// LegendRow is one series in a legend: its colour and marker, a name, dim
// details beside the name and a status line under it.
type LegendRow struct {
	Color     color.Color
	Marker    Marker
	Name      string
	Detail    string
	Line      string
	LineColor color.Color
	Selected  bool
}

// Legend is the panel that names the series of a scene, one clickable row
// each. Rows are laid out in Layout (during Update) and only drawn in Draw.
type Legend struct {
	Rect  widgets.Rect
	Title string
	Rows  []LegendRow
	hits  []widgets.Rect
	inner widgets.Rect
}

// LegendHeight is the height a legend of n rows wants.
func LegendHeight(t *widgets.Theme, n int) float64 {
	return t.S(24) + float64(n)*t.S(34)
}

// Layout computes the rows' rectangles; rows that do not fit are left out.
func (l *Legend) Layout(t *widgets.Theme) {
	l.inner = PanelInner(t, l.Rect, true)
	l.hits = l.hits[:0]
	rowH := t.S(34)
	for i := range l.Rows {
		r := widgets.Rect{X: l.inner.X - t.S(4), Y: l.inner.Y + float64(i)*rowH, W: l.inner.W + t.S(8), H: rowH}
		if r.Bottom() > l.Rect.Bottom()+1 {
			break
		}
		l.hits = append(l.hits, r)
	}
}

// Hits are the rows' rectangles this frame.
func (l *Legend) Hits() []widgets.Rect { return l.hits }

// Update returns the row pressed this tick, or −1.
func (l *Legend) Update(in *widgets.Input) int {
	for i := range l.hits {
		if in.Owns(&l.hits[i], l.hits[i]) && in.Pressed {
			return i
		}
	}
	return -1
}

// Draw draws the panel and the rows that fit, shortening text to the width.
func (l *Legend) Draw(dst *ebiten.Image, t *widgets.Theme) {
	title := l.Title
	if n := len(l.Rows) - len(l.hits); n > 0 {
		title += fmt.Sprintf(" · %d more not shown", n)
	}
	Panel(dst, t, l.Rect, title)
	for i, r := range l.hits {
		row := l.Rows[i]
		if row.Selected {
			widgets.FillRect(dst, r, assets.PanelHi)
		}
		DrawMarker(dst, row.Marker, r.X+t.S(12), r.Y+t.S(11), t.S(5.5), row.Color)
		x := r.X + t.S(24)
		w := r.Right() - x - t.S(4)
		name := t.Fit(row.Name, widgets.Body, true, w)
		t.Text(dst, name, x, r.Y+t.S(3), widgets.Body, true, assets.Text, widgets.Left)
		if dx := math.Max(t.Width(name, widgets.Body, true)+t.S(8), t.S(84)); row.Detail != "" && dx < w {
			t.Text(dst, t.Fit(row.Detail, widgets.Small, false, w-dx), x+dx, r.Y+t.S(4), widgets.Small, false, assets.Dim, widgets.Left)
		}
		c := row.LineColor
		if c == nil {
			c = assets.Neutral
		}
		t.Text(dst, t.Fit(row.Line, widgets.Small, false, w), x, r.Y+t.S(18), widgets.Small, false, c, widgets.Left)
	}
}

// PanelInner is the area inside a panel drawn by Panel.
func PanelInner(t *widgets.Theme, r widgets.Rect, titled bool) widgets.Rect {
	in := r.Inset(t.S(8))
	if titled {
		in.Y += t.S(14)
		in.H = math.Max(in.H-t.S(14), 0)
	}
	return in
}

// Panel draws the standard panel with its title shortened to fit, and
// returns the area inside.
func Panel(dst *ebiten.Image, t *widgets.Theme, r widgets.Rect, title string) widgets.Rect {
	return t.Panel(dst, r, t.Fit(title, widgets.Small, false, r.W-t.S(16)))
}

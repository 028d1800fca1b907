package kit

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/widgets"
)

// Strip is the band of controls along the bottom of a scene. Controls flow
// left to right and wrap; when they need more rows than the strip may take
// (small screens), they are split into pages turned by a "more" button, so
// the main view keeps its share of the window.
type Strip struct {
	// Rect is where the strip is this frame.
	Rect  widgets.Rect
	page  int
	pages int
	more  widgets.Button
	items []stripItem
	// laid holds the last Layout's arguments, to place the next page at
	// once when "more" turns it.
	laid struct {
		t    *widgets.Theme
		area widgets.Rect
		maxH float64
	}
}

type stripItem struct {
	w      float64
	tall   bool // a slider: label above the track, the full row height
	gap    bool // extra space before it
	brk    bool // starts a new row
	button *widgets.Button
	slider *widgets.Slider
}

// Begin starts a new layout pass; add the controls in reading order.
func (s *Strip) Begin() { s.items = s.items[:0] }

// Button adds a button with its label.
func (s *Strip) Button(t *widgets.Theme, b *widgets.Button, label string) {
	b.Label = label
	s.items = append(s.items, stripItem{w: b.Width(t), button: b})
}

// Slider adds a slider of width w (design units).
func (s *Strip) Slider(t *widgets.Theme, sl *widgets.Slider, w float64) {
	s.items = append(s.items, stripItem{w: t.S(w), tall: true, slider: sl})
}

// Hide takes a slider out of this layout (it gets an empty rectangle).
func (s *Strip) Hide(sl *widgets.Slider) { sl.Rect = widgets.Rect{} }

// Gap puts extra space before the next control, separating groups.
func (s *Strip) Gap() {
	if n := len(s.items); n > 0 {
		s.items = append(s.items, stripItem{gap: true})
	}
}

// Break starts a new row with the next control.
func (s *Strip) Break() { s.items = append(s.items, stripItem{brk: true}) }

// Pages is the number of pages the controls take; Page is the one shown.
func (s *Strip) Pages() int { return max(s.pages, 1) }
func (s *Strip) Page() int  { return s.page }

// More is the page-turning button (empty when everything fits).
func (s *Strip) More() widgets.Rect { return s.more.Rect }

// Layout places the strip along the bottom of area, at most maxH tall, and
// gives every control its rectangle: controls on other pages get an empty
// one, so they can neither be clicked nor drawn.
func (s *Strip) Layout(t *widgets.Theme, area widgets.Rect, maxH float64) widgets.Rect {
	s.laid.t, s.laid.area, s.laid.maxH = t, area, maxH
	pad, gap, rowH := math.Round(t.S(8)), t.S(4), math.Round(t.S(34))
	rowsFit := max(int((maxH-2*pad+gap)/(rowH+gap)), 1)
	s.more.Label = "more › 8/8"
	moreW := s.more.Width(t) + gap
	rows := s.flow(t, area.W-2*pad, nil)
	if rows > rowsFit {
		rows = s.flow(t, area.W-2*pad-moreW, nil)
	}
	s.pages = (rows + rowsFit - 1) / rowsFit
	s.page = min(s.page, s.pages-1)
	shown := min(rows, rowsFit)
	h := 2*pad + float64(shown)*rowH + float64(shown-1)*gap
	s.Rect = widgets.Rect{X: area.X, Y: area.Bottom() - h, W: area.W, H: h}
	y0 := s.Rect.Y + pad
	s.place(t, area.X+pad, y0, area.W-2*pad-map[bool]float64{true: moreW}[s.pages > 1], rowsFit, rowH, gap)
	s.more.Rect = widgets.Rect{}
	if s.pages > 1 {
		s.more.Label = fmt.Sprintf("more › %d/%d", s.page+1, s.pages)
		w := s.more.Width(t)
		s.more.Rect = widgets.Rect{X: s.Rect.Right() - pad - w, Y: y0 + t.S(4), W: w, H: rowH - t.S(8)}
	}
	return s.Rect
}

// flow lays the controls out in rows of width w, calling at with each
// control's row and x offset, and returns the number of rows.
func (s *Strip) flow(t *widgets.Theme, w float64, at func(it stripItem, row int, x float64)) int {
	x, row := 0.0, 0
	for _, it := range s.items {
		switch {
		case it.brk:
			if x > 0 {
				x, row = 0, row+1
			}
			continue
		case it.gap:
			if x > 0 {
				x += t.S(8)
			}
			continue
		}
		if x > 0 && x+it.w > w {
			x, row = 0, row+1
		}
		if at != nil {
			at(it, row, x)
		}
		x += it.w + s.spacing(t, it)
	}
	return row + 1
}

func (s *Strip) spacing(t *widgets.Theme, it stripItem) float64 {
	if it.tall {
		return t.S(16)
	}
	return t.S(4)
}

// place repeats the flow, giving rectangles to the controls on the current
// page.
func (s *Strip) place(t *widgets.Theme, x0, y0, w float64, perPage int, rowH, gap float64) {
	s.flow(t, w, func(it stripItem, row int, x float64) {
		var r widgets.Rect
		if row/perPage == s.page {
			y := y0 + float64(row%perPage)*(rowH+gap)
			if it.tall {
				r = widgets.Rect{X: x0 + x, Y: y, W: it.w, H: rowH}
			} else {
				r = widgets.Rect{X: x0 + x, Y: y + t.S(4), W: it.w, H: rowH - t.S(8)}
			}
		}
		if it.button != nil {
			it.button.Rect = r
		} else {
			it.slider.Rect = r
		}
	})
}

// Update turns the page when "more" is clicked and reports it. The new
// page's controls get their rectangles at once: drawn and hit-tested in
// this very frame, not after the scene's next layout (a repaint keyed on
// the page would otherwise show the old page over the new one's hit areas).
func (s *Strip) Update(in *widgets.Input) bool {
	if s.pages > 1 && s.more.Update(in) {
		s.page = (s.page + 1) % s.pages
		if s.laid.t != nil {
			s.Layout(s.laid.t, s.laid.area, s.laid.maxH)
		}
		return true
	}
	return false
}

// Draw draws the strip's background and the page button; the scene draws
// its own controls (skipping those with an empty rectangle).
func (s *Strip) Draw(dst *ebiten.Image, t *widgets.Theme) {
	widgets.FillRect(dst, s.Rect, assets.Panel)
	widgets.FillRect(dst, widgets.Rect{X: s.Rect.X, Y: s.Rect.Y, W: s.Rect.W, H: math.Max(1, t.S(1))}, assets.Border)
	if s.more.Rect.W > 0 {
		s.more.Draw(dst, t)
	}
}

// DrawButtons and DrawSliders draw the controls that are on the page.
func DrawButtons(dst *ebiten.Image, t *widgets.Theme, bs ...*widgets.Button) {
	for _, b := range bs {
		if b.Rect.W > 0 {
			b.Draw(dst, t)
		}
	}
}

func DrawSliders(dst *ebiten.Image, t *widgets.Theme, ss ...*widgets.Slider) {
	for _, s := range ss {
		if s.Rect.W > 0 {
			s.Draw(dst, t)
		}
	}
}

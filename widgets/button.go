package widgets

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// Button is a clickable label. Active draws it as selected; Swatch, when
// set, puts a colour dot before the label (optimizer chips).
type Button struct {
	Rect   Rect
	Label  string
	Active bool
	Swatch color.Color
	hover  bool
}

// Update reports whether the button was clicked (released inside after a
// press that started on it).
func (b *Button) Update(in *Input) bool {
	b.hover = b.Rect.Contains(in.X, in.Y)
	if !in.Owns(b, b.Rect) {
		return false
	}
	return in.Released && b.hover
}

// Width is the width the label needs at theme t.
func (b *Button) Width(t *Theme) float64 {
	w := t.Width(b.Label, Body, false) + t.S(16)
	if b.Swatch != nil {
		w += t.S(14)
	}
	return w
}

// Draw draws the button.
func (b *Button) Draw(dst *ebiten.Image, t *Theme) {
	bg := assets.PanelHi
	fg := assets.Neutral
	switch {
	case b.Active:
		bg, fg = color.RGBA{0x2F, 0x4A, 0x63, 0xff}, assets.Text
	case b.hover:
		bg = color.RGBA{0x30, 0x37, 0x42, 0xff}
	}
	FillRect(dst, b.Rect, bg)
	border := assets.Border
	if b.Active {
		border = assets.Accent
	}
	StrokeRect(dst, b.Rect, max(1, t.S(1)), border)
	x := b.Rect.X + t.S(8)
	cy := b.Rect.Y + b.Rect.H/2
	if b.Swatch != nil {
		if b.Active {
			Circle(dst, x+t.S(4), cy, t.S(4.5), b.Swatch)
		} else {
			Ring(dst, x+t.S(4), cy, t.S(4), t.S(1.5), b.Swatch)
		}
		x += t.S(14)
	}
	t.TextMid(dst, b.Label, x, cy, Body, false, fg, Left)
}

package kit

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/widgets"
)

// Caption is a scene's short text: what to try, what to notice, why it
// matters. It shows in its panel when there is room; when the panel is too
// small or missing, the full text opens over the scene (key I, a click on
// the panel, or the strip's "notes" button), so it is always reachable.
type Caption struct {
	Title string
	Text  string
	// Rect is the panel the layout gave it (may be empty).
	Rect widgets.Rect
	// Button is the strip's "notes" button, for scenes to place when
	// NeedsButton says the panel cannot show the text.
	Button widgets.Button

	open    bool
	lines   []string
	shown   int
	short   bool // the panel shows part of the text or none
	box     widgets.Rect
	wasOpen bool
}

// NeedsButton reports whether the last layout could not show the whole text
// in the panel, so the strip should offer the "notes" button.
func (c *Caption) NeedsButton() bool { return c.short }

// Open reports whether the full text is open over the scene.
func (c *Caption) Open() bool { return c.open }

// Toggle opens or closes the full text.
func (c *Caption) Toggle() { c.open = !c.open }

// Close closes the full text.
func (c *Caption) Close() { c.open = false }

// Key is the caption's row for a scene's key table.
func (c *Caption) Key() Key {
	return Key{Keys: []ebiten.Key{ebiten.KeyI}, Label: "I", Help: "read the caption in full (click or any key closes it)", Do: func(bool) { c.Toggle() }}
}

// Update lays the text out in its panel and over area, and handles clicks:
// a click on a shortened panel or the button opens the text, any click
// closes it. It asks for a full repaint when the overlay goes away.
func (c *Caption) Update(ctx *Ctx) {
	t, in := ctx.Theme, ctx.In
	inner := PanelInner(t, c.Rect, true)
	c.lines, c.shown = nil, 0
	if c.Rect.H > t.S(40) && inner.W > t.S(60) {
		c.lines = t.Wrap(c.Text, widgets.Body, inner.W)
		lh := t.LineH(widgets.Body) * 1.15
		c.shown = min(len(c.lines), int(inner.H/lh))
	}
	c.short = c.shown < len(c.lines) || len(c.lines) == 0
	w := math.Min(t.S(560), ctx.Area.W-t.S(24))
	lines := t.Wrap(c.Text, widgets.Body, w-t.S(32))
	h := math.Min(float64(len(lines))*t.LineH(widgets.Body)*1.15+t.S(48), ctx.Area.H-t.S(16))
	c.box = widgets.Rect{X: ctx.Area.X + (ctx.Area.W-w)/2, Y: ctx.Area.Y + (ctx.Area.H-h)/2, W: w, H: h}
	switch {
	case c.open && in.Pressed:
		c.open = false
		in.Captured = c // the click closes the text and does nothing else
	case !c.open && c.short && c.shown > 0 && in.Owns(c, c.Rect) && in.Pressed:
		c.open = true
	case c.Button.Rect.W > 0 && c.Button.Update(in):
		c.open = true
	}
	if c.wasOpen && !c.open {
		ctx.Full = true
	}
	c.wasOpen = c.open
	if c.open {
		ctx.Modal = c
	}
}

// Draw draws the panel: as many lines as fit, the last one saying where the
// rest is when the text is cut short.
func (c *Caption) Draw(dst *ebiten.Image, t *widgets.Theme) {
	if c.shown == 0 {
		return
	}
	in := Panel(dst, t, c.Rect, c.Title)
	lh := t.LineH(widgets.Body) * 1.15
	for i := 0; i < c.shown; i++ {
		l := c.lines[i]
		if i == c.shown-1 && c.short {
			l = t.Fit(l+" …", widgets.Body, false, in.W-t.Width("  (I: read all)", widgets.Small, false))
			t.Text(dst, "(I: read all)", in.Right(), in.Y+float64(i)*lh+t.S(1), widgets.Small, false, assets.Accent, widgets.Right)
		}
		t.Text(dst, l, in.X, in.Y+float64(i)*lh, widgets.Body, false, assets.Neutral, widgets.Left)
	}
}

// DrawOverlay draws the full text over the scene when it is open; call it
// last in Draw.
func (c *Caption) DrawOverlay(dst *ebiten.Image, t *widgets.Theme) {
	if !c.open {
		return
	}
	r := c.box
	widgets.FillRect(dst, r, color.RGBA{0x1B, 0x1F, 0x26, 0xf8})
	widgets.StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Accent)
	t.Text(dst, c.Title, r.X+t.S(16), r.Y+t.S(12), widgets.Body, true, assets.Text, widgets.Left)
	t.Paragraph(dst, c.Text, r.X+t.S(16), r.Y+t.S(36), r.W-t.S(32), widgets.Body, assets.Neutral)
}

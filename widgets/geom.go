// Package widgets is gradlab's small immediate-ish UI kit on Ebitengine:
// rectangles, text, buttons, sliders, tabs, plots and the contour map. All
// coordinates are device pixels; Theme.Scale converts design sizes.
package widgets

import (
	"image"
	"math"
)

// Rect is a rectangle in device pixels.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether (x, y) is inside r.
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inset shrinks r by d on every side (never below zero size).
func (r Rect) Inset(d float64) Rect {
	return Rect{r.X + d, r.Y + d, max(r.W-2*d, 0), max(r.H-2*d, 0)}
}

// Right is r's right edge; Bottom its bottom edge.
func (r Rect) Right() float64  { return r.X + r.W }
func (r Rect) Bottom() float64 { return r.Y + r.H }

// SplitTop cuts a strip of height h off the top of r.
func (r Rect) SplitTop(h float64) (top, rest Rect) {
	h = min(h, r.H)
	return Rect{r.X, r.Y, r.W, h}, Rect{r.X, r.Y + h, r.W, r.H - h}
}

// SplitLeft cuts a strip of width w off the left of r.
func (r Rect) SplitLeft(w float64) (left, rest Rect) {
	w = min(w, r.W)
	return Rect{r.X, r.Y, w, r.H}, Rect{r.X + w, r.Y, r.W - w, r.H}
}

// Input is one tick's pointer state, gathered once by the game from mouse and
// touch so widgets need not know which it was.
type Input struct {
	X, Y     float64 // pointer position
	Down     bool    // primary button or one finger held
	Pressed  bool    // went down this tick
	Released bool    // went up this tick
	Alt      bool    // secondary button or Shift held: pan instead of pick
	Wheel    float64 // scroll lines this tick, positive away from the user
	// Pinch is the ratio of the two-finger spread to last tick's (1: none),
	// centred at X, Y.
	Pinch float64
	// Captured is set by the widget that owns the current press, so others
	// ignore it until release.
	Captured any
}

// Owns reports whether w may act on the current press: nobody captured it yet
// (and w takes it), or w already did.
func (in *Input) Owns(w any, r Rect) bool {
	if in.Captured == w {
		return true
	}
	if in.Captured == nil && in.Pressed && r.Contains(in.X, in.Y) {
		in.Captured = w
		return true
	}
	return false
}

// Image is r as an image.Rectangle, rounded outwards.
func (r Rect) Image() image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
}

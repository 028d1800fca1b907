// Package kit is the scene kit: the contract every gradlab scene implements
// (Scene, Key, Param, Ctx) and the chrome scenes compose from it (the
// side-panel layout, the control strip, the caption panel and the legend),
// so a new scene is one folder that fills in the contract.
package kit

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/widgets"
)

// Scene is one lesson screen. The shell calls, each tick, the scene's keys
// (from its table) and Update; each frame, Draw; and once after reading a
// URL, Params' Write functions followed by Rebuild.
type Scene interface {
	// Update is the only place the scene's state advances. It also lays out
	// and computes every hit rectangle, so Draw never decides anything.
	Update(c *Ctx)
	// Draw draws what Update decided. With c.Full false the screen still
	// holds the last frame, and a scene repaints only what changed.
	Draw(dst *ebiten.Image, c *Ctx)
	// Keys is the scene's key table: the shell dispatches keys from it and
	// writes the help overlay from it, so the two cannot disagree. Return
	// the same table every call.
	Keys() []Key
	// Params declares the scene's part of the URL, in the order values are
	// applied.
	Params() []Param
	// Rebuild runs once after URL values were written, so a scene restarts
	// its computation once however many values changed.
	Rebuild()
	// Status is the scene's own part of the status object: a JSON-tagged
	// value that page tests decode with the same Go type.
	Status() any
	// Controls names the clickable controls with their rectangles in device
	// pixels, for tests and page tests; hidden controls are left out.
	Controls(add func(name string, r widgets.Rect))
}

// Ctx is what a scene gets each tick and frame.
type Ctx struct {
	Theme *widgets.Theme
	In    *widgets.Input
	// Area is the scene's part of the screen, below the tab bar.
	Area widgets.Rect
	// Chars are the characters typed this tick.
	Chars []rune
	// Tapped are keys pressed since the last tick, however briefly: on a
	// slow page a quick tap can go down and up between two ticks, where
	// polling the keyboard would miss it.
	Tapped []ebiten.Key
	// Dt is the wall time since the previous tick, for paces set in real
	// time (a slow page then shows the same motion, in fewer frames).
	Dt time.Duration
	// Notify shows a message to the user and records it in the status.
	Notify func(string)
	// Changed marks the URL state stale.
	Changed func()
	// Full asks Draw to repaint everything; a scene's Update may set it when
	// something drawn on top (an overlay) goes away.
	Full bool
	// Active reports input this tick (pointer, wheel, keys): hover and
	// pressed states may have changed, so controls should be repainted.
	Active bool
	// Modal is a caption open over the scene (set by its Update): the next
	// key closes it instead of acting on the scene behind it.
	Modal *Caption
}

// Typed reports whether r was typed this tick.
func (c *Ctx) Typed(r rune) bool {
	for _, x := range c.Chars {
		if x == r {
			return true
		}
	}
	return false
}

// Shift reports whether a Shift key is held.
func Shift() bool { return ebiten.IsKeyPressed(ebiten.KeyShift) }

package main

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"gradlab/scenes/kit"
)

// inputState is what input reading remembers between ticks.
type inputState struct {
	spread       float64 // last two-finger distance, for pinch
	lastX, lastY float64
	keys         []ebiten.Key
	touches      []ebiten.TouchID
	chars        []rune
}

// wheelNotch bounds the wheel to one notch per tick. Browsers report a notch
// as 100 pixels, 3 lines or 1 page depending on delta mode, and trackpads as
// many small deltas; a bounded step keeps one notch one zoom step.
func wheelNotch(w float64) float64 {
	if math.IsNaN(w) {
		return 0
	}
	return math.Max(-1, math.Min(1, w))
}

// readInput folds mouse and touch into one pointer, and two fingers into a
// pinch.
func (g *Game) readInput() {
	in, st := &g.in, &g.input
	if !in.Down {
		in.Captured = nil
	}
	st.chars = ebiten.AppendInputChars(st.chars[:0])
	g.ctx.Chars = st.chars
	g.ctx.Tapped = append(takeTappedKeys(g.ctx.Tapped[:0]), g.injected...)
	g.injected = g.injected[:0]
	_, wy := ebiten.Wheel()
	in.Wheel, in.Pinch = wheelNotch(wy), 1
	st.touches = ebiten.AppendTouchIDs(st.touches[:0])
	left := ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	right := ebiten.IsMouseButtonPressed(ebiten.MouseButtonRight)
	switch n := len(st.touches); {
	case n >= 2:
		x1, y1 := ebiten.TouchPosition(st.touches[0])
		x2, y2 := ebiten.TouchPosition(st.touches[1])
		in.X, in.Y = float64(x1+x2)/2, float64(y1+y2)/2
		d := math.Hypot(float64(x1-x2), float64(y1-y2))
		if st.spread > 0 && d > 0 {
			in.Pinch = d / st.spread
		}
		st.spread = d
	case n == 1:
		x, y := ebiten.TouchPosition(st.touches[0])
		in.X, in.Y = float64(x), float64(y)
		st.spread = 0
	case !in.Down || left || right:
		// A lifted finger keeps its last position for the release.
		x, y := ebiten.CursorPosition()
		in.X, in.Y = float64(x), float64(y)
	}
	down := len(st.touches) > 0 || left || right
	in.Pressed, in.Released = down && !in.Down, !down && in.Down
	if in.Pressed {
		in.Alt = right || kit.Shift()
	}
	if len(st.touches) >= 2 {
		in.Alt = true // two fingers pan and zoom, never pick
	} else {
		st.spread = 0
	}
	in.Down = down
}

// inputActive reports any pointer, wheel or key activity this tick.
func (g *Game) inputActive() bool {
	in, st := &g.in, &g.input
	moved := in.X != st.lastX || in.Y != st.lastY
	st.lastX, st.lastY = in.X, in.Y
	return moved || in.Down || in.Released || in.Wheel != 0 || len(st.chars) > 0 || len(g.ctx.Tapped) > 0 ||
		len(inpututil.AppendPressedKeys(st.keys[:0])) > 0 || len(inpututil.AppendJustReleasedKeys(st.keys[:0])) > 0
}

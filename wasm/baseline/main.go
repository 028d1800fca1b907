//go:build js

// Command baseline is the bare Ebitengine page gradlab is measured against:
// a fill, one line of text and the same status object, nothing else.
package main

import (
	"fmt"
	"image/color"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/ebitenutil"
)

type game struct{ frame int }

func (g *game) Update() error { return nil }

func (g *game) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0x12, 0x15, 0x1a, 0xff})
	ebitenutil.DebugPrint(screen, fmt.Sprintf("baseline frame %d", g.frame))
	g.frame++
	s := js.Global().Get("gradlab")
	s.Set("ready", true)
	s.Set("scene", "baseline")
	s.Set("frame", g.frame)
	s.Set("fps", ebiten.ActualFPS())
}

func (g *game) LayoutF(w, h float64) (float64, float64) {
	k := ebiten.Monitor().DeviceScaleFactor()
	return w * k, h * k
}

func (g *game) Layout(w, h int) (int, int) { return w, h }

func main() {
	js.Global().Set("gradlab", js.Global().Get("Object").New())
	if err := ebiten.RunGame(&game{}); err != nil {
		panic(err)
	}
}

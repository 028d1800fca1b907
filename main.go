// gradlab is an interactive lesson on making neural networks actually train.
// The same program runs as a WebAssembly page and as a desktop window.
package main

import (
	"log"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	opts := platformOptions()
	ebiten.SetWindowTitle("gradlab — making neural networks train")
	ebiten.SetWindowSize(opts.width, opts.height)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetWindowSizeLimits(320, 240, -1, -1)
	// Scenes repaint only what changed; under software WebGL a full repaint
	// of every layer each frame costs most of the frame rate.
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(newGame(opts)); err != nil && err != ebiten.Termination {
		log.Fatal(err)
	}
}

package ensemble

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "pause / resume the training (when it is done: train again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V / Shift+V", Help: "view: the members' maps, the snapshot and Polyak maps, accuracy against K (and back)", Do: func(sh bool) { s.cyclePage(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "restart: every network again from its starting weights", Do: func(bool) { s.restart() }},
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F", Help: "finish: train every network to the end at once", Do: func(bool) { s.finish() }},
		{Keys: []ebiten.Key{ebiten.KeyK}, Label: "K / Shift+K", Help: "one member more / fewer (2 to 10)", Do: func(sh bool) { s.setK(s.k + kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyD}, Label: "D / Shift+D", Help: "next / previous data set (noisy spiral, moons)", Do: func(sh bool) { s.cycleData(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyN}, Label: "N / Shift+N", Help: "more / less noise in the data, by 0.05", Do: func(sh bool) { s.nudgeNoise(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new data, new starting weights", Do: func(sh bool) { s.nextSeed(kit.Dir(sh)) }},
		s.ui.caption.Key(),
	}
}

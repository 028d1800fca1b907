package search

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	const methodGroup = "add / remove grid (G), random (U) or quasi-random Halton (Q) search"
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeyM}, Label: "M / Shift+M", Help: "next / previous mode: grid vs random, log-uniform sampling, searching a network", Do: func(sh bool) { s.setMode(int(s.mode) + kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "resample the points and learning rates (or click the map); in the network mode, search again", Do: func(bool) { s.resample() }},
		{Keys: []ebiten.Key{ebiten.KeyG}, Label: "G", Help: "grid", Group: methodGroup, Do: func(bool) { s.toggleMethod(hs.Grid) }},
		{Keys: []ebiten.Key{ebiten.KeyU}, Label: "U", Help: "random", Group: methodGroup, Do: func(bool) { s.toggleMethod(hs.Random) }},
		{Keys: []ebiten.Key{ebiten.KeyQ}, Label: "Q", Help: "Halton", Group: methodGroup, Do: func(bool) { s.toggleMethod(hs.Halton) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "a bigger budget, one a grid fills exactly: 4, 6, 9, 12 … 90, 100 (k×k or k×(k+1))", Repeat: true, Do: func(bool) { s.stepBudget(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "a smaller budget (down to 4)", Repeat: true, Do: func(bool) { s.stepBudget(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyB}, Label: "B / Shift+B", Help: "budget to the next / previous square (16, 25, 36 …), where the grid is square", Do: func(sh bool) { s.nextSquare(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "x matters more than y: 1, 2, 3, 5, 10 … 100 times as much", Do: func(bool) { s.nudgeRatio(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "x matters less (down to as much as y)", Do: func(bool) { s.nudgeRatio(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: a new objective, new draws, new data for the network", Do: func(sh bool) { s.nextSeed(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "run / pause the network search and show it (a finished one starts again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyL}, Label: "L / Shift+L", Help: "the network search's range: wide, the lesson's 1e-5 to 1e-1, or too low", Do: func(sh bool) { s.nextPreset(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F", Help: "fast: train the search as fast as the frame allows, not at a watchable pace", Do: func(bool) { s.toggleFast() }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V / Shift+V", Help: "on a small screen, the next / previous side panel to show (best per method, tally, notes; stages, regions, trials)", Do: func(sh bool) { s.nextPanel(kit.Dir(sh)) }},
		s.ui.caption.Key(),
		{Mouse: true, Label: "click the map", Help: "resample the points"},
	}
}

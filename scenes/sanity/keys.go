package sanity

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	dir := func(shift bool) int {
		if shift {
			return -1
		}
		return 1
	}
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "pause / resume the two training runs (a finished pair runs again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "measure and train again from fresh networks", Do: func(bool) { s.restart() }},
		{Keys: []ebiten.Key{ebiten.KeyB}, Label: "B / Shift+B", Help: "next / previous bug to inject (none first), to see which check catches it", Do: func(sh bool) { s.cycleBug(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyD}, Label: "D / Shift+D", Help: "next / previous data set to train on", Do: func(sh bool) { s.cycleData(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→ / Shift+→", Help: "one class more / twice the classes, for the initial-loss check", Repeat: true, Do: func(sh bool) {
			if sh {
				s.setClasses(s.classes * 2)
			} else {
				s.setClasses(s.classes + 1)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "← / Shift+←", Help: "one class fewer / half the classes", Repeat: true, Do: func(sh bool) {
			if sh {
				s.setClasses(s.classes / 2)
			} else {
				s.setClasses(s.classes - 1)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "λ of the initial-loss check × 10 (from 0 to 0.001)", Do: func(bool) { s.nudgeReg(true) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "λ ÷ 10 (below 0.001 it is 0)", Do: func(bool) { s.nudgeReg(false) }},
		{Keys: []ebiten.Key{ebiten.KeyE}, Label: "E / Shift+E", Help: "one example more / fewer to overfit (5 to 20)", Repeat: true, Do: func(sh bool) { s.setExamples(s.examples + dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new data and new networks", Do: func(sh bool) { s.nextSeed(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V", Help: "decision regions of the overfit net or the full-training net (or click them)", Do: func(bool) { s.toggleView() }},
		s.ui.caption.Key(),
	}
}

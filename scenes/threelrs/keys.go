package threelrs

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "run / pause the three trainings (finished runs start again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "reset: the three runs back to step 0 from the same fresh network", Do: func(bool) { s.reset() }},
		{Keys: []ebiten.Key{ebiten.KeyQ}, Label: "Q", Help: "choose η₁ (the first run)", Group: "choose η₁, η₂ or η₃, the rate ← / → tune (or click its row)", Do: func(bool) { s.selectSlot(0) }},
		{Keys: []ebiten.Key{ebiten.KeyW}, Label: "W", Help: "choose η₂ (the second run)", Group: "choose η₁, η₂ or η₃, the rate ← / → tune (or click its row)", Do: func(bool) { s.selectSlot(1) }},
		{Keys: []ebiten.Key{ebiten.KeyE}, Label: "E", Help: "choose η₃ (the third run)", Group: "choose η₁, η₂ or η₃, the rate ← / → tune (or click its row)", Do: func(bool) { s.selectSlot(2) }},
		{Keys: []ebiten.Key{ebiten.KeyTab}, Label: "Tab / Shift+Tab", Help: "choose the next / previous rate", Do: func(sh bool) { s.selectSlot(s.sel + kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "the chosen rate up one stop (1, 2, 3, 5 per decade); its run starts again", Repeat: true, Do: func(bool) { s.nudgeLR(s.sel, 1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "the chosen rate down one stop", Repeat: true, Do: func(bool) { s.nudgeLR(s.sel, -1) }},
		{Keys: []ebiten.Key{ebiten.KeyD}, Label: "D / Shift+D", Help: "next / previous data set", Do: func(sh bool) { s.cycleData(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new data and a new starting network", Do: func(sh bool) { s.nextSeed(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyN}, Label: "N / Shift+N", Help: "twice / half the hidden units (4 to 128)", Do: func(sh bool) {
			if sh {
				s.setHidden(s.hidden / 2)
			} else {
				s.setHidden(s.hidden * 2)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyL}, Label: "L / Shift+L", Help: "twice / half the steps each run takes (100 to 20000)", Do: func(sh bool) {
			if sh {
				s.setLimit(s.limit / 2)
			} else {
				s.setLimit(s.limit * 2)
			}
		}},
		s.ui.caption.Key(),
	}
}

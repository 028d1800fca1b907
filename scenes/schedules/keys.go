package schedules

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "train / pause the runs (finished runs start again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "reset: every run back to epoch 0 from the same fresh network", Do: func(bool) { s.reset() }},
		{Keys: []ebiten.Key{ebiten.KeyTab}, Label: "Tab / Shift+Tab", Help: "choose the next / previous schedule to edit (or click its legend row)", Do: func(sh bool) { s.selectKind(s.sel + kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyT}, Label: "T", Help: "show and train the chosen schedule, or hide it", Do: func(bool) { s.toggle(s.sel) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "the chosen schedule's next setting", Do: func(bool) { s.selectKnob(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "its previous setting", Do: func(bool) { s.selectKnob(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "the setting up one step; that schedule's run starts again", Repeat: true, Do: func(bool) { s.nudgeKnob(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "the setting down one step", Repeat: true, Do: func(bool) { s.nudgeKnob(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyX}, Label: "X", Help: "the chosen schedule's settings back to their defaults", Do: func(bool) { s.resetKnobs() }},
		{Keys: []ebiten.Key{ebiten.KeyB}, Label: "B / Shift+B", Help: "base rate η₀ up / down one stop (1, 2, 3, 5 per decade); every run starts again", Repeat: true, Do: func(sh bool) { s.nudgeBase(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyL}, Label: "L", Help: "linear / log scale for the learning-rate plot", Do: func(bool) { s.toggleLog() }},
		{Keys: []ebiten.Key{ebiten.KeyW}, Label: "W", Help: "set-up: the default (Adam, 2-32-3 tanh, η₀ 0.3) or the warm-up one (plain SGD, 2-32-32-32-3 ReLU, weights 3× too large, η₀ 0.5)", Do: func(bool) { s.toggleSetup() }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V", Help: "on a small screen: show the plots, or the legend with each run's outcome and the settings", Do: func(bool) { s.toggleView() }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new data, a new starting network", Do: func(sh bool) { s.nextSeed(kit.Dir(sh)) }},
		{Mouse: true, Label: "hover", Help: "read every schedule's rate, loss and accuracy at the epoch under the pointer"},
		s.ui.caption.Key(),
	}
}

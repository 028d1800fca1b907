package transfer

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "pause / resume (when finished: run the comparison again)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V", Help: "view: the decision regions, or each layer's change since pretraining with the weight maps", Do: func(sh bool) { s.cyclePage(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "restart both target runs from the pretrained network", Do: func(bool) { s.restart() }},
		{Keys: []ebiten.Key{ebiten.KeyX}, Label: "X", Help: "finish: pretrain and train both runs to the end at once", Do: func(bool) { s.finish() }},
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F / Shift+F", Help: "frozen layers: none, the first, all but the head (and back)", Do: func(sh bool) { s.cycleFreeze(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "target more like the source (similarity + 0.05)", Repeat: true, Do: func(bool) { s.setSim(s.sim + simStep) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "target less like the source (similarity − 0.05)", Repeat: true, Do: func(bool) { s.setSim(s.sim - simStep) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "5 more examples per class (up to 50)", Repeat: true, Do: func(bool) { s.nudgePerClass(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "5 fewer examples per class (down to 5)", Repeat: true, Do: func(bool) { s.nudgePerClass(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new data, a new pretraining (kept for when you come back)", Do: func(sh bool) { s.nextSeed(kit.Dir(sh)) }},
		s.ui.caption.Key(),
	}
}

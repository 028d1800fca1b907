package curves

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
)

// Keys is the scene's key table.
func (s *Scene) Keys() []kit.Key { return s.keys }

// guessKeys are the keys that name a diagnosis in mystery mode, in the
// order of diagnose.Conditions: G good, U up (too high), L low, V
// validation turns up, B bad init, D data bug, P plateau then the cut.
var guessKeys = []ebiten.Key{ebiten.KeyG, ebiten.KeyU, ebiten.KeyL, ebiten.KeyV, ebiten.KeyB, ebiten.KeyD, ebiten.KeyP}

func guessLabel(i int) string { return string(rune('A' + guessKeys[i] - ebiten.KeyA)) }

func (s *Scene) keyTable() []kit.Key {
	t := []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous scenario (leaves mystery mode)", Do: func(sh bool) {
			s.setMystery(false)
			s.setScenario(s.sc + kit.Dir(sh))
		}},
		{Keys: []ebiten.Key{ebiten.KeyN}, Label: "N / Shift+N", Help: "next / previous seed: new data, weights and batches", Do: func(sh bool) { s.setSeed(s.seed + kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "train again from the start", Do: func(bool) { s.restart() }},
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "pause / resume training", Do: func(bool) { s.togglePause() }},
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F", Help: "finish: train to the last epoch at once", Do: func(bool) { s.finish() }},
		{Keys: []ebiten.Key{ebiten.KeyM}, Label: "M", Help: "mystery mode on / off: the scenario is hidden until you diagnose it", Do: func(bool) { s.setMystery(!s.mystery) }},
		{Keys: []ebiten.Key{ebiten.KeyX}, Label: "X", Help: "a new mystery: a random scenario and seed", Do: func(bool) { s.newMystery() }},
	}
	for i, c := range diagnose.Conditions {
		t = append(t, kit.Key{Keys: []ebiten.Key{guessKeys[i]}, Label: guessLabel(i), Help: "mystery: diagnose it as " + c.Name(),
			Group: "mystery: your diagnosis, once a quarter of the run is on screen (G healthy, U LR too high, L LR too low, V overfitting, B bad init, D data bug, P plateau then LR ÷ 10)",
			Do:    func(bool) { s.pick(c) }})
	}
	return append(t, s.ui.caption.Key())
}

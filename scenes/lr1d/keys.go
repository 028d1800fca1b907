package lr1d

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	return []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "learning rate η × 10^(1/8)", Repeat: true, Do: func(bool) { s.setLR(onGrid(s.lr, 1)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "learning rate η ÷ 10^(1/8)", Repeat: true, Do: func(bool) { s.setLR(onGrid(s.lr, -1)) }},
		{Keys: []ebiten.Key{ebiten.KeyM}, Label: "M / Shift+M", Help: "η to the next / previous landmark: ηL = 0.05, 0.5, 1, 1.5, 2, 2.5", Do: func(sh bool) { s.stepLandmark(kit.Dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "curvature L × 10^(1/8) (η stays: watch ηL cross 1 and 2)", Repeat: true, Do: func(bool) { s.setL(onGrid(s.L, 1)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "curvature L ÷ 10^(1/8)", Repeat: true, Do: func(bool) { s.setL(onGrid(s.L, -1)) }},
		{Keys: []ebiten.Key{ebiten.KeyX}, Label: "X / Shift+X", Help: "start x₀ × 2 / ÷ 2", Do: func(sh bool) {
			if sh {
				s.setX0(s.x0 / 2)
			} else {
				s.setX0(s.x0 * 2)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyT}, Label: "T", Help: "a second curvature: f(x, y) = (L₁x² + L₂y²)/2 with one η for both", Do: func(bool) { s.toggleTwo() }},
		{Keys: []ebiten.Key{ebiten.KeyK}, Label: "K / Shift+K", Help: "second curvature L₂ × / ÷ 10^(1/8) (switches it on)", Repeat: true, Do: func(sh bool) {
			if !s.two {
				s.toggleTwo()
			}
			s.setL2(onGrid(s.L2, kit.Dir(sh)))
		}},
		{Keys: []ebiten.Key{ebiten.KeyA}, Label: "A", Help: "|x| on a log axis (steady rates become straight lines) / x on a linear one", Do: func(bool) { s.toggleLog() }},
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "pause / play (replays a finished run)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "replay the steps from x₀", Do: func(bool) { s.replay() }},
		{Keys: []ebiten.Key{ebiten.KeyPeriod}, Label: ". (period)", Help: "one step (pauses)", Repeat: true, Do: func(bool) { s.stepOnce() }},
		{Chars: "]", Label: "]", Help: "faster (up to 300 steps per second)", Do: func(bool) { s.setSpeed(s.speedIdx + 1) }},
		{Chars: "[", Label: "[", Help: "slower (down to 1 step per second)", Do: func(bool) { s.setSpeed(s.speedIdx - 1) }},
		s.ui.caption.Key(),
	}
}

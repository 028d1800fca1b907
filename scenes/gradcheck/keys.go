package gradcheck

import (
	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

// Keys is the scene's key table: it dispatches the keys and writes the
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
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F / Shift+F", Help: "next / previous function: smooth, cubic, ReLU kink, |x| kink, network loss", Do: func(sh bool) { s.setFn(s.fn + dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "larger step: h × 10^¼ (or drag on the plot)", Repeat: true, Do: func(bool) { s.nudgeH(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "smaller step: h ÷ 10^¼", Repeat: true, Do: func(bool) { s.nudgeH(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R", Help: "h back to 10⁻⁵, the usual choice for centered differences", Do: func(bool) { s.setH(hDefault) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑ / Shift+↑", Help: "network: next parameter / first parameter of the next block (W1, b1, W2, b2)", Repeat: true, Do: func(sh bool) {
			if sh {
				s.jumpBlock(1)
			} else {
				s.setParam(s.param + 1)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓ / Shift+↓", Help: "network: previous parameter / first parameter of the previous block", Repeat: true, Do: func(sh bool) {
			if sh {
				s.jumpBlock(-1)
			} else {
				s.setParam(s.param - 1)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyC}, Label: "C", Help: "check every parameter of the network at the current h", Do: func(bool) { s.chk.start(s) }},
		{Keys: []ebiten.Key{ebiten.KeyB}, Label: "B / Shift+B", Help: "inject the next / previous bug into the network (none first)", Do: func(sh bool) { s.setBug(s.bugI + dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous seed: new spiral points and starting weights", Do: func(sh bool) { s.setSeed(s.seed + dir(sh)) }},
		s.ui.caption.Key(),
	}
}

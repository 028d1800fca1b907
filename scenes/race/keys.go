package race

import (
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
	"gradlab/sim"
)

// kindKeys are the keys that toggle each optimizer.
var kindKeys = map[sim.Kind]ebiten.Key{sim.SGD: ebiten.KeyG, sim.Momentum: ebiten.KeyM,
	sim.Nesterov: ebiten.KeyN, sim.RMSProp: ebiten.KeyP, sim.Adam: ebiten.KeyA,
	sim.AdaGrad: ebiten.KeyD, sim.AdamW: ebiten.KeyW}

// Keys is the race's key table: it both dispatches the keys and writes the
// help overlay.
func (s *Scene) Keys() []kit.Key { return s.keys }

func (s *Scene) keyTable() []kit.Key {
	dir := kit.Dir
	zoom := func(k float64) {
		p := s.m.Plot()
		s.m.ZoomAt(p.X+p.W/2, p.Y+p.H/2, k)
	}
	t := []kit.Key{
		{Keys: []ebiten.Key{ebiten.KeySpace}, Label: "Space", Help: "play / pause (replays a finished race)", Do: func(bool) { s.togglePlay() }},
		{Keys: []ebiten.Key{ebiten.KeyPeriod}, Label: ". (period)", Help: "one step", Repeat: true, Do: func(bool) { s.stepOnce() }},
		{Keys: []ebiten.Key{ebiten.KeyR}, Label: "R / Shift+R", Help: "restart the race / restore this surface's preset rates and settings", Do: func(sh bool) {
			if sh {
				s.restorePreset()
				return
			}
			s.restart()
			s.playing = true
		}},
		{Keys: []ebiten.Key{ebiten.KeyS}, Label: "S / Shift+S", Help: "next / previous surface: bowl, Rosenbrock, Beale (each keeps its own tuned rates)", Do: func(sh bool) { s.cycleSurface(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyTab}, Label: "Tab / Shift+Tab", Help: "choose which optimizer the sliders tune (or click its legend row)", Do: func(sh bool) { s.selectNext(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowRight}, Label: "→", Help: "its learning rate × 10^¼ (the shared one with E on; none in the fair race, where the search sets them)", Repeat: true, Do: func(bool) { s.setLR(s.sel, s.lrOf(s.sel)*math.Pow(10, 0.25)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowLeft}, Label: "←", Help: "its learning rate ÷ 10^¼", Repeat: true, Do: func(bool) { s.setLR(s.sel, s.lrOf(s.sel)/math.Pow(10, 0.25)) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowUp}, Label: "↑", Help: "its hyperparameter up (μ, α, β₁, β₂, ε or λ: Q picks which)", Repeat: true, Do: func(bool) { s.nudgeHyper(1) }},
		{Keys: []ebiten.Key{ebiten.KeyArrowDown}, Label: "↓", Help: "its hyperparameter down", Repeat: true, Do: func(bool) { s.nudgeHyper(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyQ}, Label: "Q / Shift+Q", Help: "which of its hyperparameters ↑ / ↓ and the slider tune", Do: func(sh bool) { s.cycleHyper(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyE}, Label: "E", Help: "same η for all: every optimizer at one rate, so the method makes the difference (E again: their own rates)", Do: func(bool) { s.toggleShared() }},
		{Keys: []ebiten.Key{ebiten.KeyZ}, Label: "Z / Shift+Z", Help: "fair race: each optimizer at the best η a random search found for it on this race (Z again: their own rates) / search again with the next seed", Do: func(sh bool) {
			if sh {
				s.reseedSearch()
				return
			}
			s.toggleFair()
		}},
		{Keys: []ebiten.Key{ebiten.KeyC}, Label: "C / Shift+C", Help: "next / previous LR schedule", Do: func(sh bool) { s.cycleSchedule(dir(sh)) }},
		{Keys: []ebiten.Key{ebiten.KeyK}, Label: "K", Help: "the schedule's parameter up", Repeat: true, Do: func(bool) { s.nudgeSchedParam(1) }},
		{Keys: []ebiten.Key{ebiten.KeyJ}, Label: "J", Help: "the schedule's parameter down", Repeat: true, Do: func(bool) { s.nudgeSchedParam(-1) }},
		{Keys: []ebiten.Key{ebiten.KeyL}, Label: "L / Shift+L", Help: "double / halve the step limit", Do: func(sh bool) {
			if sh {
				s.setLimit(s.tun.limit / 2)
			} else {
				s.setLimit(s.tun.limit * 2)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyO}, Label: "O / Shift+O", Help: "gradient noise σ × 2 / ÷ 2 (as from minibatches; below 0.001 it is off)", Do: func(sh bool) { s.nudgeNoise(!sh) }},
		{Keys: []ebiten.Key{ebiten.KeyU}, Label: "U", Help: "new noise: the next seed", Do: func(bool) { s.reseed() }},
		{Keys: []ebiten.Key{ebiten.KeyF}, Label: "F / Shift+F", Help: "convergence threshold ÷ 10 / × 10 (the finish line for f − f*)", Do: func(sh bool) {
			if sh {
				s.setTol(s.tol * 10)
			} else {
				s.setTol(s.tol / 10)
			}
		}},
		{Keys: []ebiten.Key{ebiten.KeyX}, Label: "X", Help: "arrows at each head: the downhill direction −grad f and the step taken", Do: func(bool) { s.arrows = !s.arrows }},
		{Chars: "]", Label: "]", Help: "faster (up to 3000 steps per second)", Do: func(bool) { s.setSpeed(s.speedIdx + 1) }},
		{Chars: "[", Label: "[", Help: "slower (down to 1 step per second)", Do: func(bool) { s.setSpeed(s.speedIdx - 1) }},
		{Chars: "+=", Label: "+", Help: "zoom in (or the wheel, a pinch)", Do: func(bool) { zoom(0.8) }},
		{Chars: "-", Label: "−", Help: "zoom out", Do: func(bool) { zoom(1.25) }},
		{Keys: []ebiten.Key{ebiten.KeyV}, Label: "V", Help: "reset the view (and the 3-D surface's angle)", Do: func(bool) { s.m.View = s.surf.View(); s.s3.Reset() }},
		{Keys: []ebiten.Key{ebiten.KeyT}, Label: "T", Help: "3-D surface instead of the contour map (drag to turn it)", Do: func(bool) { s.toggle3D() }},
		{Keys: []ebiten.Key{ebiten.KeyY}, Label: "Y / Shift+Y", Help: "turn the 3-D surface by 15° / back", Repeat: true, Do: func(sh bool) {
			s.s3.Rotate(float64(dir(sh))*math.Pi/12, 0)
		}},
		{Keys: []ebiten.Key{ebiten.KeyB}, Label: "B / Shift+B", Help: "tilt the 3-D surface up / down by 10°", Repeat: true, Do: func(sh bool) {
			s.s3.Rotate(0, float64(dir(sh))*math.Pi/18)
		}},
		s.ui.caption.Key(),
		{Mouse: true, Label: "click, drag", Help: "on the map: set the start point; in 3-D: turn the surface"},
		{Mouse: true, Label: "right-drag", Help: "on the map (or Shift-drag, two fingers): pan"},
		{Mouse: true, Label: "wheel, pinch", Help: "zoom, one bounded step per notch"},
		{Mouse: true, Label: "hover", Help: "read f and its gradient on the map, each optimizer's f − f* on the plots"},
	}
	for _, k := range sim.Kinds {
		if key, ok := kindKeys[k]; ok {
			t = append(t, kit.Key{Keys: []ebiten.Key{key}, Label: strings.TrimPrefix(key.String(), "Key"),
				Help: "race " + k.Name() + " or not", Group: "toggle " + groupNames(), Do: func(bool) { s.toggleKind(k) }})
		}
	}
	return t
}

func (s *Scene) nudgeSchedParam(n int) {
	if _, lo, hi, p, ok := s.sched.Param(); ok {
		sl := s.ui.schedP
		sl.Min, sl.Max, sl.Value, sl.Log = lo, hi, *p, false
		s.setSchedParam(sl.Nudge(n))
	}
}

// groupNames lists the optimizers that have a toggle key, in key order.
func groupNames() string {
	var names []string
	for _, k := range sim.Kinds {
		if _, ok := kindKeys[k]; ok {
			names = append(names, k.Name())
		}
	}
	return strings.Join(names, ", ")
}

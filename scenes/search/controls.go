package search

import (
	"math"

	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// updateControls handles the strip, the caption, and a click on the map.
func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	u.captionLaid = u.caption.Text // the text the caption's lines were wrapped from
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	for i := range u.modes {
		if u.modes[i].Rect.W > 0 && u.modes[i].Update(in) {
			s.setMode(i)
		}
	}
	if u.view.Rect.W > 0 && u.view.Update(in) {
		s.nextPanel(1)
	}
	if u.resmp.Rect.W > 0 && u.resmp.Update(in) {
		s.resample()
	}
	for i, m := range hs.Methods {
		if u.meth[i].Rect.W > 0 && u.meth[i].Update(in) {
			s.toggleMethod(m)
		}
	}
	if u.seed.Rect.W > 0 && u.seed.Update(in) {
		s.nextSeed(1)
	}
	if u.run.Rect.W > 0 && u.run.Update(in) {
		s.togglePlay()
	}
	if u.rng.Rect.W > 0 && u.rng.Update(in) {
		s.nextPreset(1)
	}
	if u.fast.Rect.W > 0 && u.fast.Update(in) {
		s.toggleFast()
	}
	if u.bud.Rect.W > 0 && u.bud.Update(in, t) {
		s.setBudget(int(math.Round(u.bud.Value)))
	}
	if u.rat.Rect.W > 0 && u.rat.Update(in, t) {
		s.setRatio(ratioStops[nearestRatio(u.rat.Value)])
	}
	if s.mode == compareMode && u.mapR.W > 0 && in.Owns(&u.mapR, u.mapR) && in.Pressed {
		s.resample()
	}
}

// Controls names the clickable controls for tests.
func (s *Scene) Controls(add func(string, widgets.Rect)) {
	u := &s.ui
	for i := range u.modes {
		add("mode:"+modeIDs[i], u.modes[i].Rect)
	}
	add("view", u.view.Rect)
	add("resample", u.resmp.Rect)
	for i, m := range hs.Methods {
		add("method:"+string(m), u.meth[i].Rect)
	}
	add("seed", u.seed.Rect)
	add("run", u.run.Rect)
	add("range", u.rng.Rect)
	add("fast", u.fast.Rect)
	add("budget", u.bud.Rect)
	add("ratio", u.rat.Rect)
	add("more", u.strip.More())
	add("notes", u.caption.Button.Rect)
	if s.mode == compareMode {
		add("map", u.mapR)
	}
	for i, h := range u.legend.Hits() {
		add("legend:"+string(rune('1'+i)), h)
	}
}

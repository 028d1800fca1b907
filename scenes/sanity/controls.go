package sanity

import (
	"math"

	"gradlab/scenes/kit"
)

// updateControls handles the strip, the caption and a click on the region
// view (which switches between the two networks).
func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	if u.restart.Update(in) {
		s.restart()
	}
	if u.play.Update(in) {
		s.togglePlay()
	}
	if u.bug.Update(in) {
		s.cycleBug(1)
	}
	if u.data.Update(in) {
		s.cycleData(1)
	}
	if u.seed.Update(in) {
		s.nextSeed(1)
	}
	if u.view.Update(in) {
		s.toggleView()
	}
	if u.classes.Update(in, t) {
		s.setClasses(int(math.Round(u.classes.Value)))
	}
	if u.reg.Update(in, t) {
		s.setReg(regValue(u.reg.Value))
	}
	if u.examples.Update(in, t) {
		s.setExamples(int(math.Round(u.examples.Value)))
	}
	if p := u.regions.Plot(); u.regions.Rect.W > 0 && in.Owns(&u.regions, p) && in.Pressed {
		s.toggleView()
	}
}

package transfer

import "gradlab/scenes/kit"

// updateControls handles the strip and the caption.
func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	u.captionLaid = u.caption.Text // what the caption's lines were made from
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	if u.run.Update(in) {
		s.togglePlay()
	}
	if u.view.Update(in) {
		s.cyclePage(1)
	}
	if u.restart.Update(in) {
		s.restart()
	}
	if u.finish.Update(in) {
		s.finish()
	}
	if u.freeze.Update(in) {
		s.cycleFreeze(1)
	}
	if u.seed.Update(in) {
		s.nextSeed(1)
	}
	if u.examples.Rect.W > 0 && u.examples.Update(in, t) {
		s.setPerClass(snapPerClass(u.examples.Value))
	}
	if u.sim.Rect.W > 0 && u.sim.Update(in, t) {
		s.setSim(u.sim.Value)
	}
}

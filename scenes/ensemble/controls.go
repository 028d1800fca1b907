package ensemble

import "gradlab/scenes/kit"

// updateControls handles the strip and the caption.
func (s *Scene) updateControls(c *kit.Ctx) {
	u, in := &s.ui, c.In
	u.caption.Update(c)
	u.captionLaid = u.caption.Text // what the caption's lines were made from
	if u.strip.Update(in) {
		c.Full = true // another page of controls: repaint the strip
	}
	switch {
	case u.run.Update(in):
		s.togglePlay()
	case u.view.Update(in):
		s.cyclePage(1)
	case u.restart.Update(in):
		s.restart()
	case u.finish.Update(in):
		s.finish()
	case u.members.Update(in):
		if s.k == kMax {
			s.setK(kMin)
		} else {
			s.setK(s.k + 1)
		}
	case u.data.Update(in):
		s.cycleData(1)
	case u.noise.Update(in):
		if s.noise >= noiseMax-1e-9 {
			s.noise, s.noiseSet = noiseMin, true
			s.Rebuild()
		} else {
			s.nudgeNoise(1)
		}
	case u.seed.Update(in):
		s.nextSeed(1)
	}
}

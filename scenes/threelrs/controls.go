package threelrs

import "gradlab/scenes/kit"

// updateControls handles the strip, the caption, the legend's rows and a
// click on a region view (both choose the rate the arrows tune).
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
	if u.reset.Update(in) {
		s.reset()
	}
	if u.data.Update(in) {
		s.cycleData(1)
	}
	if u.seed.Update(in) {
		s.nextSeed(1)
	}
	if u.hidden.Update(in) {
		h := s.hidden * 2
		if h > hiddenMax {
			h = hiddenMin
		}
		s.setHidden(h)
	}
	for i := range u.sliders {
		sl := &u.sliders[i]
		if sl.Rect.W > 0 && sl.Update(in, t) {
			if s.sel != i {
				s.selectSlot(i)
			}
			s.setLR(i, sl.Value)
		}
	}
	if i := u.legend.Update(in); i >= 0 {
		s.selectSlot(i)
	}
	for i := range u.views {
		if p := u.views[i].Plot(); u.views[i].Rect.W > 0 && in.Owns(&u.views[i], p) && in.Pressed {
			s.selectSlot(i)
		}
	}
}

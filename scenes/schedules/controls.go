package schedules

import "gradlab/scenes/kit"

// updateControls handles the strip, the caption, the legend's rows (a click
// chooses that schedule) and the settings' rows (a click chooses that
// setting).
func (s *Scene) updateControls(c *kit.Ctx) {
	u, in, t := &s.ui, c.In, c.Theme
	u.caption.Update(c)
	u.captionLaid = u.caption.Text // what the caption's lines were wrapped from
	u.captionFor = u.caption.Rect  // and the panel they were wrapped for
	if u.strip.Update(in) {
		c.Full = true
	}
	if u.run.Update(in) {
		s.togglePlay()
	}
	if u.reset.Update(in) {
		s.reset()
	}
	if u.kind.Update(in) {
		s.selectKind(s.sel + 1)
	}
	if u.onoff.Update(in) {
		s.toggle(s.sel)
	}
	if u.knob.Rect.W > 0 && u.knob.Update(in) {
		s.selectKnob(1)
	}
	if u.knobSl.Rect.W > 0 && u.knobSl.Update(in, t) {
		s.setKnob(u.knobSl.Value)
	}
	if u.baseSl.Rect.W > 0 && u.baseSl.Update(in, t) {
		s.setBase(u.baseSl.Value)
	}
	if u.axis.Update(in) {
		s.toggleLog()
	}
	if u.seed.Update(in) {
		s.nextSeed(1)
	}
	if u.setup.Update(in) {
		s.toggleSetup()
	}
	if r := u.legend.Update(in); r >= 0 && r < len(u.rowKind) && u.rowKind[r] != s.sel {
		s.selectKind(u.rowKind[r])
	}
	if u.view.Rect.W > 0 && u.view.Update(in) {
		s.toggleView()
	}
	for i := range u.knobHits {
		if in.Owns(&u.knobHits[i], u.knobHits[i]) && in.Pressed && s.knob != i {
			s.knob = i
			s.version++
		}
	}
}

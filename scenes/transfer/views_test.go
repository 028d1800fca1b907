package transfer

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// Finishing during pretraining shows both finished networks: each view
// renders again with its own run's network.
func TestViewsFollowFinish(t *testing.T) {
	s := New()
	c := ctx()
	dst := ebiten.NewImage(1280, 800)
	for range 5 {
		s.Update(c)
		s.Draw(dst, c)
	}
	before := [views]int{s.ui.views[0].Renders(), s.ui.views[1].Renders()}
	press(t, s, "X", false)
	for range 60 {
		s.Update(c)
		s.Draw(dst, c)
	}
	for i := range s.ui.views {
		if s.ui.views[i].Renders() == before[i] || s.ui.views[i].Pending() {
			t.Errorf("view %d: renders %d then %d, pending %v", i, before[i], s.ui.views[i].Renders(), s.ui.views[i].Pending())
		}
		want, _ := s.viewNet(i)
		if s.ui.cls[i].Net != want {
			t.Errorf("view %d classifies another network", i)
		}
	}
}

// The caption on screen follows the words: after a run ends, the panel is
// drawn again from the finished summary.
func TestCaptionDrawnAfterTheRunEnds(t *testing.T) {
	s := New()
	c := ctx()
	dst := ebiten.NewImage(1280, 800)
	for s.active() {
		s.Update(c)
		s.Draw(dst, c)
	}
	for range 3 {
		s.Update(c)
		s.Draw(dst, c)
	}
	if s.drawn.caption != s.ui.caption.Text || !strings.HasPrefix(s.drawn.caption, "After 300 steps") {
		t.Errorf("caption drawn from %.40q, words are %.40q", s.drawn.caption, s.ui.caption.Text)
	}
}

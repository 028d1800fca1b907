//go:build e2e

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// One notch of a real mouse (deltaY 100 in Chromium) zooms by one bounded
// step, not by orders of magnitude.
func TestPageWheelNotchZoomsOneStep(t *testing.T) {
	p := openPage(t, "?speed=1", 1280, 800)
	v := p.status().State.View
	w0 := v[2] - v[0]
	m := mapRect(p.status())
	cx, cy := m[0]+m[2]/2, m[1]+m[3]/2
	notch := func(ev *input.DispatchMouseEventParams) { ev.DeltaX, ev.DeltaY = 1e-3, -100 } // both are required
	if err := chromedp.Do(p.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, cx, cy),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, cx, cy, notch)); err != nil {
		t.Fatal(err)
	}
	p.waitFor(fmt.Sprintf(`window.gradlab.state.view[2] - window.gradlab.state.view[0] < %g`, w0*0.99), 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	v = p.status().State.View
	if k := w0 / (v[2] - v[0]); k > 1.5 || k < 1.05 {
		t.Errorf("one notch zoomed by %.3g×, want one bounded step (about 1.18×)", k)
	}
}

// A bad URL's message goes away on a click, and the click does not reach
// the map under it.
func TestPageMessageDismissedByClick(t *testing.T) {
	p := openPage(t, "?speed=1&surface=nowhere", 1280, 800)
	s := p.status()
	r, ok := s.Controls["message:0"]
	if s.Messages != 1 || !ok {
		t.Fatalf("messages %d, controls %v", s.Messages, s.Controls)
	}
	start := s.State.Start
	p.click(r[0]+r[2]/2, r[1]+r[3]/2)
	p.waitFor(`window.gradlab.messages == 0`, 5*time.Second)
	if got := p.status().State.Start; got != start {
		t.Errorf("the click on the message moved the start point %v → %v", start, got)
	}
}

// Phones in portrait and landscape: the map gets its share, controls stay
// inside the window without overlapping, and the caption is reachable.
func TestPagePhoneLayouts(t *testing.T) {
	for _, sz := range [][2]int{{320, 480}, {320, 568}, {568, 320}, {360, 640}, {640, 360}} {
		p := openPage(t, "", sz[0], sz[1])
		s := p.status()
		m := mapRect(s)
		if m[2]*m[3] < 0.2*float64(sz[0]*sz[1]) {
			t.Errorf("%v: the map %v gets under a fifth of the window", sz, m)
		}
		for name, r := range s.Controls {
			if r[0] < -0.5 || r[1] < -0.5 || r[0]+r[2] > float64(sz[0])+0.5 || r[1]+r[3] > float64(sz[1])+0.5 {
				t.Errorf("%v: %s %v leaves the window", sz, name, r)
			}
			for other, q := range s.Controls {
				if other > name && r[0]+0.5 < q[0]+q[2] && q[0]+0.5 < r[0]+r[2] && r[1]+0.5 < q[1]+q[3] && q[1]+0.5 < r[1]+r[3] {
					t.Errorf("%v: %s %v overlaps %s %v", sz, name, r, other, q)
				}
			}
		}
		img := p.shot(fmt.Sprintf("phone-%dx%d", sz[0], sz[1]))
		if ok, why := looksLikeRace(img, region(img, m, 1)); !ok {
			t.Errorf("%v: %s", sz, why)
		}
		p.key("i")
		time.Sleep(400 * time.Millisecond)
		p.shot(fmt.Sprintf("phone-%dx%d-notes", sz[0], sz[1]))
		p.close()
	}
}

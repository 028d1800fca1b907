//go:build e2e

package e2e

import (
	"fmt"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// designScenes are the ten planned scene ids with their keys; the tests
// open those that are registered.
var designScenes = []struct{ key, id string }{
	{"1", "three-lrs"}, {"2", "gradcheck"}, {"3", "sanity"}, {"4", "curves"}, {"5", "lr-1d"},
	{"6", "race"}, {"7", "schedules"}, {"8", "search"}, {"9", "ensemble"}, {"0", "transfer"},
}

func TestPageLoadsAndRuns(t *testing.T) {
	p := openPage(t, "", 1280, 800)
	s := p.status()
	if s.Scene != "race" || s.State.Surface != "beale" {
		t.Errorf("landing: scene %q surface %q, want race on beale", s.Scene, s.State.Surface)
	}
	var kinds []string
	for _, r := range s.State.Runners {
		kinds = append(kinds, r.Kind)
	}
	if strings.Join(kinds, ",") != "sgd,momentum,adam" {
		t.Errorf("racers %v", kinds)
	}
	f0, step0 := s.Frame, s.State.Step
	time.Sleep(2 * time.Second)
	s = p.status()
	if s.Frame <= f0 || s.State.Step <= step0 {
		t.Errorf("not running: frame %d → %d, step %d → %d", f0, s.Frame, step0, s.State.Step)
	}
	if len(s.Errors) != 0 {
		t.Errorf("errors shown on a clean load: %q", s.Errors)
	}
	p.waitFor(`window.gradlab.goFrameMs > 0 && window.gradlab.heapBytes > 0 && window.gradlab.fps > 0 && window.gradlab.tps > 0`, 10*time.Second)
	img := p.shot("race-landing")
	if ok, why := looksLikeRace(img, region(img, mapRect(s), 1)); !ok {
		t.Errorf("landing screenshot: %s", why)
	}
}

func TestPageScenesOpenByQueryAndKey(t *testing.T) {
	// Scenes not built yet must be refused in words, falling back to the race.
	p := openPage(t, "?scene=transfer-learning-someday", 1280, 800)
	s := p.shell()
	if s.Scene != "race" || len(s.Errors) == 0 || !strings.Contains(s.Errors[0], "transfer-learning") {
		t.Errorf("unknown scene: scene %q, errors %q", s.Scene, s.Errors)
	}
	exist := s.Scenes
	p.close()
	t.Logf("scenes that exist: %v", exist)
	if !slices.Contains(exist, "race") {
		t.Error("the race scene is missing")
	}
	for _, sc := range designScenes {
		if !slices.Contains(exist, sc.id) {
			continue
		}
		p := openPage(t, "?scene="+sc.id, 1280, 800)
		s := p.shell()
		if s.Scene != sc.id {
			t.Errorf("?scene=%s opened %q", sc.id, s.Scene)
		}
		img := p.shot("scene-" + sc.id)
		if sc.id == "race" {
			if ok, why := looksLikeRace(img, region(img, s.Controls["map"], 1)); !ok {
				t.Errorf("scene %s: %s", sc.id, why)
			}
		}
		// Every existing scene also opens by its key from every other one.
		for _, other := range exist {
			if other == sc.id {
				continue
			}
			p.key(keyOf(other))
			p.waitFor(fmt.Sprintf(`window.gradlab.scene == %q`, other), 5*time.Second)
			p.key(sc.key)
			p.waitFor(fmt.Sprintf(`window.gradlab.scene == %q`, sc.id), 5*time.Second)
		}
		p.key(sc.key)
		time.Sleep(300 * time.Millisecond)
		if got := p.shell().Scene; got != sc.id {
			t.Errorf("key %s left scene %s for %q", sc.key, sc.id, got)
		}
		p.close()
	}
}

func keyOf(id string) string {
	for _, sc := range designScenes {
		if sc.id == id {
			return sc.key
		}
	}
	return ""
}

func TestPageSurfaceSwitchesByKeyAndMouse(t *testing.T) {
	p := openPage(t, "?speed=3000", 1280, 800)
	prev := p.shot("surface-beale")
	for _, step := range []struct {
		surface string
		act     func()
	}{
		{"bowl", func() { p.key("s") }},
		{"rosenbrock", func() { p.clickControl("surface:rosenbrock") }},
	} {
		step.act()
		p.waitFor(fmt.Sprintf(`window.gradlab.state.surface == %q`, step.surface), 5*time.Second)
		time.Sleep(time.Second)
		s := p.status()
		img := p.shot("surface-" + step.surface)
		if f := changed(prev, img, region(img, mapRect(s), 1)); f < 0.3 {
			t.Errorf("switching to %s changed only %.0f%% of the map", step.surface, 100*f)
		}
		if ok, why := looksLikeRace(img, region(img, mapRect(s), 1)); !ok {
			t.Errorf("%s: %s", step.surface, why)
		}
		p.waitFor(fmt.Sprintf(`location.search.includes("surface=%s")`, step.surface), 5*time.Second)
		prev = img
	}
}

func TestPageClickSetsStartPoint(t *testing.T) {
	p := openPage(t, "", 1280, 800)
	s := p.status()
	// Aim at data point (-2, -2) on Beale.
	want := [2]float64{-2, -2}
	v, m := s.State.View, mapRect(s)
	x := m[0] + (want[0]-v[0])/(v[2]-v[0])*m[2]
	y := m[1] + m[3] - (want[1]-v[1])/(v[3]-v[1])*m[3]
	p.click(x, y)
	p.waitFor(`Math.abs(window.gradlab.state.start[0] + 2) < 0.1`, 5*time.Second)
	s = p.status()
	perPixel := (v[2] - v[0]) / m[2]
	if math.Abs(s.State.Start[0]-want[0]) > 2*perPixel || math.Abs(s.State.Start[1]-want[1]) > 2*perPixel {
		t.Errorf("start %v after clicking at %v", s.State.Start, want)
	}
	p.waitFor(`location.search.includes("start=-2")`, 5*time.Second)
	p.shot("start-moved")
}

func TestPageBadURLShowsMessagesAndKeepsRunning(t *testing.T) {
	p := openPage(t, "?scene=race&surface=saddle&lr=adam:-1&start=abc&speed=NaN&steps=-5", 1280, 800)
	s := p.status()
	if len(s.Errors) < 5 {
		t.Errorf("want a message for each bad value, got %q", s.Errors)
	}
	if s.State.Surface != "beale" {
		t.Errorf("fallback surface %q", s.State.Surface)
	}
	f := s.Frame
	time.Sleep(time.Second)
	if p.status().Frame <= f {
		t.Error("the canvas froze after bad input")
	}
	p.shot("bad-url")
}

func TestPageDivergenceIsShownNotCrashed(t *testing.T) {
	p := openPage(t, "?surface=bowl&opt=sgd,adam&lr=sgd:0.5,adam:0.1&speed=1500", 1280, 800)
	p.waitFor(`window.gradlab.state.runners[0].status == "diverged"`, 20*time.Second)
	s := p.status()
	for _, r := range s.State.Runners {
		if math.IsNaN(r.Gap) || math.IsInf(r.Gap, 0) {
			t.Errorf("%s reports f − f* = %g", r.Kind, r.Gap)
		}
	}
	p.shot("diverged")
}

func TestPageTinyAndHugeWindows(t *testing.T) {
	for _, sz := range [][2]int{{320, 240}, {2560, 1440}, {600, 900}} {
		p := openPage(t, "", sz[0], sz[1])
		f := p.status().Frame
		time.Sleep(time.Second)
		if p.status().Frame <= f {
			t.Errorf("%v: frames stopped", sz)
		}
		p.shot(fmt.Sprintf("window-%dx%d", sz[0], sz[1]))
		p.close()
	}
}

func TestPageHelpOverlayListsKeys(t *testing.T) {
	p := openPage(t, "", 1280, 800)
	before := p.shot("help-closed")
	p.key("?")
	p.waitFor(`window.gradlab.help`, 5*time.Second)
	time.Sleep(300 * time.Millisecond)
	s := p.status()
	open := p.shot("help-open")
	if f := changed(before, open, open.Bounds()); f < 0.5 {
		t.Errorf("the help overlay changed only %.0f%% of the page", 100*f)
	}
	// Any key turns the page, and closes the overlay after the last one.
	for i := 0; i < 3 && p.status().Help; i++ {
		p.key("x")
		time.Sleep(400 * time.Millisecond)
	}
	p.waitFor(`!window.gradlab.help`, 5*time.Second)
	if s.Scene != "race" {
		t.Errorf("scene %q", s.Scene)
	}
	// The help button in the tab bar opens it too.
	p.clickControl("help")
	p.waitFor(`window.gradlab.help`, 5*time.Second)
}

func TestPageURLReproducesTheRace(t *testing.T) {
	p := openPage(t, "?surface=rosenbrock&opt=sgd,adam", 1280, 800)
	p.key("n") // add Nesterov
	p.waitFor(`location.search.includes("nesterov")`, 5*time.Second)
	search := eval[string](p, "location.search")
	want := p.status()
	p.close()

	q := openPage(t, search, 1280, 800)
	got := q.status()
	kinds := func(s status) string {
		var k []string
		for _, r := range s.State.Runners {
			k = append(k, r.Kind)
		}
		return strings.Join(k, ",")
	}
	if got.State.Surface != want.State.Surface || kinds(got) != kinds(want) || got.State.Start != want.State.Start {
		t.Errorf("reopening %s gave %s %s %v, want %s %s %v", search,
			got.State.Surface, kinds(got), got.State.Start, want.State.Surface, kinds(want), want.State.Start)
	}
	if kinds(got) != "sgd,nesterov,adam" {
		t.Errorf("racers %s", kinds(got))
	}
}

func TestPageZoomsByKeyAndWheel(t *testing.T) {
	p := openPage(t, "", 1280, 800)
	width := func() float64 { v := p.status().State.View; return v[2] - v[0] }
	w0 := width()
	p.key("+")
	p.waitFor(fmt.Sprintf(`window.gradlab.state.view[2] - window.gradlab.state.view[0] < %g`, w0*0.9), 5*time.Second)
	w1 := width()
	m := mapRect(p.status())
	cx, cy := m[0]+m[2]/2, m[1]+m[3]/2
	// Scrolling towards the user zooms out.
	wheel := func(ev *input.DispatchMouseEventParams) { ev.DeltaX, ev.DeltaY = 1e-3, 300 } // both are required
	if err := chromedp.Do(p.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, cx, cy),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, cx, cy, wheel)); err != nil {
		t.Fatal(err)
	}
	p.waitFor(fmt.Sprintf(`window.gradlab.state.view[2] - window.gradlab.state.view[0] > %g`, w1*1.05), 5*time.Second)
	p.key("v")
	p.waitFor(fmt.Sprintf(`Math.abs(window.gradlab.state.view[2] - window.gradlab.state.view[0] - %g) < 1e-9`, w0), 5*time.Second)
	p.shot("zoomed-back")
}

func TestPageTapSetsStartPoint(t *testing.T) {
	p := openPage(t, "", 1280, 800)
	s := p.status()
	v, m := s.State.View, mapRect(s)
	// Tap at data point (-3, 2).
	x := m[0] + (-3-v[0])/(v[2]-v[0])*m[2]
	y := m[1] + m[3] - (2-v[1])/(v[3]-v[1])*m[3]
	p.touch(x, y, 150*time.Millisecond)
	p.waitFor(`Math.abs(window.gradlab.state.start[0] + 3) < 0.1 && Math.abs(window.gradlab.state.start[1] - 2) < 0.1`, 5*time.Second)
}

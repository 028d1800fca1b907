//go:build e2e

package e2e

import (
	"fmt"

	"github.com/chromedp/chromedp/kb"
	"strings"
	"testing"
	"time"
)

// When a race ends by itself the play button reads "play" at once.
func TestPageRacePlayLabelAfterTheEnd(t *testing.T) {
	p := openPage(t, "?surface=bowl&steps=10&speed=3000", 1280, 800)
	p.waitFor(`!window.gradlab.state.playing`, 20*time.Second)
	time.Sleep(300 * time.Millisecond)
	if got := p.status().State.PlayLabel; got != "play" {
		t.Errorf("after the race ended the button reads %q", got)
	}
	p.shot("race-ended")
}

// A copied URL reproduces a tuned race: Momentum's μ goes into the URL.
func TestPageRaceTunedMomentumSurvivesTheURL(t *testing.T) {
	p := openPage(t, "?surface=bowl&speed=3000", 1280, 800)
	p.key(kb.Tab) // select Momentum
	p.waitFor(`window.gradlab.state.selected == "momentum"`, 5*time.Second)
	p.key(kb.ArrowUp)
	p.key(kb.ArrowUp)
	p.waitFor(`location.search.includes("hyper=momentum.mu")`, 5*time.Second)
	p.key("r") // run the tuned race (it had finished before the tuning)
	p.waitFor(`window.gradlab.state.step > 0 && !window.gradlab.state.playing`, 30*time.Second)
	time.Sleep(600 * time.Millisecond) // the address bar follows at most a few times a second
	search := eval[string](p, "location.search")
	want := p.status().State.Runners
	p.close()
	q := openPage(t, search, 1280, 800)
	q.waitFor(`window.gradlab.state.step > 0 && !window.gradlab.state.playing`, 30*time.Second)
	got := q.status().State.Runners
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reopening %s:\n got %v\nwant %v", search, got, want)
	}
	if !strings.Contains(search, "hyper=momentum.mu%3A") && !strings.Contains(search, "hyper=momentum.mu:") {
		t.Errorf("URL %s", search)
	}
}

// Keys added for the learner: same η, arrows, noise; each shows in the state
// and the URL.
func TestPageRaceLearnerKeys(t *testing.T) {
	p := openPage(t, "?surface=rosenbrock", 1280, 800)
	p.key("e")
	p.key("x")
	p.key("o")
	p.waitFor(`window.gradlab.state.shared && window.gradlab.state.arrows && window.gradlab.state.noise > 0`, 5*time.Second)
	p.waitFor(`location.search.includes("shared=") && location.search.includes("arrows=1") && location.search.includes("noise=")`, 5*time.Second)
	time.Sleep(time.Second)
	p.shot("race-learner-keys")
	s := p.status()
	lr := s.State.Runners[0].LR
	for _, r := range s.State.Runners {
		if r.LR != lr {
			t.Errorf("same η: %s races at %g, %s at %g", s.State.Runners[0].Kind, lr, r.Kind, r.LR)
		}
	}
}

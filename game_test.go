package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes"
	"gradlab/scenes/kit"
	"gradlab/scenes/race"
)

func testGame(t *testing.T, query string, w, h float64) *Game {
	t.Helper()
	g := newGame(options{query: query})
	g.w, g.h = w, h
	return g
}

// Only the open scene is built at start.
func TestScenesAreBuiltOnFirstVisit(t *testing.T) {
	g := testGame(t, "?scene=race", 1280, 800)
	if strings.Join(g.status.Built, ",") != "race" || len(g.built) != 1 {
		t.Errorf("built at start: %v", g.status.Built)
	}
	g.open("race")
	if len(g.status.Built) != 1 {
		t.Errorf("reopening built again: %v", g.status.Built)
	}
	if len(g.built) > len(scenes.All) {
		t.Error("more scenes built than exist")
	}
}

func TestUnknownSceneIsNamed(t *testing.T) {
	g := testGame(t, "?scene=warp&surface=bowl", 1280, 800)
	if g.cur.ID != scenes.Default || len(g.status.Errors) != 1 || !strings.Contains(g.status.Errors[0], `"warp"`) {
		t.Errorf("scene %s, errors %q", g.cur.ID, g.status.Errors)
	}
}

func TestWheelIsOneNotchPerTick(t *testing.T) {
	for in, want := range map[float64]float64{100: 1, -100: -1, 3: 1, -0.25: -0.25, 0: 0} {
		if got := wheelNotch(in); got != want {
			t.Errorf("wheel %g → %g, want %g", in, got, want)
		}
	}
	if wheelNotch(math.NaN()) != 0 {
		t.Error("NaN wheel")
	}
}

// A click on a message dismisses it and does nothing else.
func TestClickDismissesAMessage(t *testing.T) {
	g := testGame(t, "?start=zzz", 1280, 800)
	g.updateToasts()
	if len(g.toasts) != 1 {
		t.Fatalf("%d messages", len(g.toasts))
	}
	r := g.toasts[0].rect
	if r.Right() > g.w || r.X < 0 {
		t.Errorf("message %+v leaves the window", r)
	}
	g.in.X, g.in.Y, g.in.Pressed, g.in.Down = r.X+r.W/2, r.Y+r.H/2, true, true
	g.updateToasts()
	if len(g.toasts) != 0 || g.in.Captured == nil {
		t.Errorf("messages %d, press captured %v", len(g.toasts), g.in.Captured != nil)
	}
	g.notify("again")
	g.dismiss()
	if len(g.toasts) != 0 {
		t.Error("Esc did not dismiss")
	}
}

// A long bad value is shortened in its message.
func TestLongValuesAreShortenedInMessages(t *testing.T) {
	g := testGame(t, "?surface="+strings.Repeat("x", 500), 1280, 800)
	if len(g.status.Errors) != 1 || len(g.status.Errors[0]) > 200 {
		t.Errorf("message %q", g.status.Errors)
	}
}

// On a short window the help splits into pages; every key is on one.
func TestHelpPagesHoldEveryKey(t *testing.T) {
	for _, sz := range [][2]float64{{320, 240}, {1280, 800}} {
		g := testGame(t, "", sz[0], sz[1])
		g.layoutHelp()
		want := len(kit.Help(g.keys, g.scene.Keys()))
		if len(g.help.rows) != want {
			t.Errorf("%v: %d help rows, want %d", sz, len(g.help.rows), want)
		}
		if g.help.rect.Bottom() > g.h || g.help.rect.Right() > g.w {
			t.Errorf("%v: help %+v leaves the window", sz, g.help.rect)
		}
		if sz[1] == 240 && g.help.pages < 2 {
			t.Errorf("%v: %d pages", sz, g.help.pages)
		}
	}
}

// The published status decodes into the same Go types the page tests use.
func TestStatusDecodesIntoTheSceneType(t *testing.T) {
	g := testGame(t, "?surface=bowl", 1280, 800)
	var st kit.Published[race.Status]
	if err := json.Unmarshal(g.statusJSON(), &st); err != nil {
		t.Fatal(err)
	}
	if st.State.Surface != "bowl" || len(st.State.Runners) != 3 {
		t.Errorf("decoded %+v", st.State)
	}
}

// A URL with many bad values names every one: four messages show at once,
// the rest wait their turn. A message's time starts when it is first drawn
// and lasts at least toastFrames frames, so a slow start-up does not use it
// up unseen.
func TestEveryBadValueGetsItsTurn(t *testing.T) {
	g := testGame(t, "?scene=three-lrs&lr1=abc&lr2=1e999&lr3=-5&data=zzz&seed=-5&hidden=0&steps=1e9&run=maybe", 1280, 800)
	if len(g.toasts) != 8 {
		t.Fatalf("%d messages queued, want 8: %q", len(g.toasts), g.status.Errors)
	}
	dst := ebiten.NewImage(1280, 800)
	seen := map[string]bool{}
	for round := 0; round < 3; round++ {
		g.updateToasts()
		if len(g.toasts) == 0 {
			break
		}
		if g.visibleToasts() > toastShown {
			t.Fatalf("%d messages on screen", g.visibleToasts())
		}
		for i := 0; i < g.visibleToasts(); i++ {
			if g.toasts[i].rect.W == 0 {
				t.Errorf("message %d on screen without a place", i)
			}
			seen[g.toasts[i].msg] = true
		}
		for i := g.visibleToasts(); i < len(g.toasts); i++ {
			if g.toasts[i].rect.W != 0 {
				t.Errorf("waiting message %d has a place", i)
			}
		}
		// Unseen, the shown messages do not expire however long ago they
		// were posted; drawn for their frames and time, they do.
		g.updateToasts()
		if len(g.toasts) == 0 {
			t.Fatal("messages expired before being drawn")
		}
		for f := 0; f < toastFrames; f++ {
			g.drawToasts(dst)
		}
		for i := 0; i < g.visibleToasts(); i++ {
			g.toasts[i].shown = g.toasts[i].shown.Add(-toastLife)
		}
	}
	g.updateToasts()
	if len(seen) != 8 || len(g.toasts) != 0 {
		t.Errorf("saw %d of 8 messages, %d left", len(seen), len(g.toasts))
	}
}

// A URL naming no scene opens the default one, and the message says which.
func TestBadSceneNamesTheSceneShown(t *testing.T) {
	g := testGame(t, "?scene=foo", 1280, 800)
	e, _ := scenes.ByID(scenes.Default)
	if g.cur.ID != scenes.Default || len(g.status.Errors) != 1 || !strings.Contains(g.status.Errors[0], e.Title) {
		t.Errorf("scene %q, messages %q", g.cur.ID, g.status.Errors)
	}
}

// With a scene's caption open over it (key I), the next key closes the
// caption and does nothing else: the scene behind keeps its state.
func TestKeyClosesTheCaptionOnly(t *testing.T) {
	for _, e := range scenes.All {
		g := testGame(t, "?scene="+e.ID, 1280, 800)
		g.status.Frame = 1
		tick := func(keys ...ebiten.Key) {
			g.injected = keys
			if err := g.Update(); err != nil {
				t.Fatal(err)
			}
		}
		tick()
		tick(ebiten.KeyI)
		if g.ctx.Modal == nil || !g.ctx.Modal.Open() {
			t.Errorf("%s: I did not open the caption", e.ID)
			continue
		}
		before := kit.EncodeQuery(e.ID, g.scene.Params())
		// Any scene key but I: it must not reach the scene.
		var k ebiten.Key = -1
		for _, row := range g.scene.Keys() {
			if len(row.Keys) > 0 && row.Keys[0] != ebiten.KeyI && row.Keys[0] != ebiten.KeySpace {
				k = row.Keys[0]
				break
			}
		}
		if k < 0 {
			continue
		}
		tick(k)
		if g.ctx.Modal != nil && g.ctx.Modal.Open() {
			t.Errorf("%s: %v left the caption open", e.ID, k)
		}
		if after := kit.EncodeQuery(e.ID, g.scene.Params()); after != before {
			t.Errorf("%s: %v acted behind the caption: %s → %s", e.ID, k, before, after)
		}
	}
}

package main

import (
	"encoding/json"
	"runtime"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// frameClock collects Go-side frame times and summarises them once a second.
type frameClock struct {
	samples []float64
	since   time.Time
	acc     time.Duration
}

func (c *frameClock) add(d time.Duration) { c.acc += d }

// frameEnd closes one frame's measurement and, once a second, refreshes the
// summary figures in s. Heap is read then too: ReadMemStats stops the world.
func (c *frameClock) frameEnd(s *kit.Status, now time.Time) float64 {
	ms := float64(c.acc.Microseconds()) / 1000
	c.samples = append(c.samples, ms)
	c.acc = 0
	if c.since.IsZero() {
		c.since = now
	}
	if now.Sub(c.since) < time.Second {
		return ms
	}
	s.GoFrameMs, s.GoP95Ms = kit.Percentiles(c.samples)
	c.samples = c.samples[:0]
	c.since = now
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.HeapBytes = m.HeapAlloc
	return ms
}

// report updates the status at the end of a frame and publishes it.
func (g *Game) report(drawStart time.Time) {
	s := &g.status
	s.Frame++
	s.Ready = true
	s.Scene = g.cur.ID
	s.Help = g.help.open
	s.Debug = g.debug
	s.Messages = len(g.toasts)
	s.FPS, s.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	s.Window = [2]float64{g.w / g.dpr, g.h / g.dpr}
	if s.Scenes == nil {
		for _, e := range scenes.All {
			s.Scenes = append(s.Scenes, e.ID)
		}
	}
	if s.Controls == nil {
		s.Controls = map[string][4]float64{}
	}
	clear(s.Controls)
	add := func(name string, r widgets.Rect) {
		if r.W > 0 && r.H > 0 {
			s.Controls[name] = [4]float64{r.X / g.dpr, r.Y / g.dpr, r.W / g.dpr, r.H / g.dpr}
		}
	}
	g.tabs.Controls(add)
	for i, t := range g.toasts {
		add("message:"+string(rune('0'+min(i, 9))), t.rect)
	}
	if !g.small {
		g.scene.Controls(add)
	}
	if s.Frame == 1 {
		s.FirstDrawMs = float64(time.Since(drawStart).Microseconds()) / 1000
		s.StartMs = float64(time.Since(processStart).Microseconds()) / 1000
	}
	ms := g.clock.frameEnd(s, time.Now())
	if g.opts.stats && s.Frame > 30 { // skip start-up frames
		g.frameMs = append(g.frameMs, ms)
	}
	publishStatus(g.statusJSON)
}

// statusJSON is the whole status object, the scene's part under "state".
// Encoding fails on a non-finite number; that is reported, not hidden.
func (g *Game) statusJSON() []byte {
	b, err := json.Marshal(kit.Published[any]{Status: g.status, State: g.scene.Status()})
	if err != nil {
		g.notify("internal: the status could not be encoded (" + err.Error() + ")")
		b, _ = json.Marshal(kit.Published[any]{Status: g.status})
	}
	return b
}

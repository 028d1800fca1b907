package main

import (
	"runtime"
	"slices"
	"time"
)

// Status is what the running program says about itself: the page publishes
// it as window.gradlab each frame, the desktop build shows it on F3, and
// tests and benchmarks read it instead of a mock.
type Status struct {
	Ready     bool
	Scene     string
	Surface   string
	Frame     int
	FPS, TPS  float64
	GoFrameMs float64 // median Go-side Update+Draw time over the last second
	GoP95Ms   float64
	HeapBytes uint64
	// StartMs is the Go-side time from main to the end of the first frame;
	// FirstDrawMs is that first Draw alone.
	StartMs, FirstDrawMs float64
	Errors               []string
	Help                 bool // the help overlay is open
	// Scene-specific facts that tests use: the race's step, start point,
	// view, and where the map is on the page in CSS pixels.
	Playing bool
	Step    int
	Start   [2]float64
	View    [4]float64
	MapRect [4]float64
	Runners []RunnerStatus
	// Scenes lists the scene ids that exist; Controls names the clickable
	// controls of the current scene with their rectangles, for page tests.
	Scenes   []string
	Controls map[string][4]float64
}

// RunnerStatus is one optimizer's place in a race.
type RunnerStatus struct {
	Kind   string
	Status string
	At     int
	Gap    float64
	X, Y   float64
}

// frameClock collects Go-side frame times and summarises them once a second.
type frameClock struct {
	samples []float64
	since   time.Time
	acc     time.Duration
}

func (c *frameClock) add(d time.Duration) { c.acc += d }

// frameEnd closes one frame's measurement and, once a second, refreshes the
// summary figures in s. Heap is read then too: ReadMemStats stops the world.
func (c *frameClock) frameEnd(s *Status, now time.Time) {
	c.samples = append(c.samples, float64(c.acc.Microseconds())/1000)
	c.acc = 0
	if c.since.IsZero() {
		c.since = now
	}
	if now.Sub(c.since) < time.Second || len(c.samples) == 0 {
		return
	}
	slices.Sort(c.samples)
	s.GoFrameMs = c.samples[len(c.samples)/2]
	s.GoP95Ms = c.samples[min(len(c.samples)-1, len(c.samples)*95/100)]
	c.samples = c.samples[:0]
	c.since = now
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.HeapBytes = m.HeapAlloc
}

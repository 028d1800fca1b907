//go:build !js

package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes/kit"
)

func platformOptions() options {
	q := flag.String("q", "", "URL-style state, e.g. \"surface=rosenbrock&opt=sgd,adam\"")
	shot := flag.String("screenshot", "", "write a PNG of frame -frames to this file, then exit")
	frames := flag.Int("frames", 120, "frame to capture with -screenshot")
	stats := flag.Bool("stats", false, "print Go-side frame times at frame -frames, then exit")
	w := flag.Int("width", 1280, "window width")
	h := flag.Int("height", 800, "window height")
	flag.Parse()
	return options{width: *w, height: *h, query: *q, screenshot: *shot, frames: *frames, stats: *stats}
}

// The desktop has no address bar; the state is printed on exit instead.
var lastQuery string

func setURLQuery(q string) { lastQuery = q }

// takeTappedKeys has nothing to add on the desktop: the window's key
// events reach Ebitengine's polling at 60 ticks a second.
func takeTappedKeys(dst []ebiten.Key) []ebiten.Key { return dst }

// publishStatus has no page to publish to; the F3 bar shows the numbers.
func publishStatus(func() []byte) {}

func saveScreenshot(screen *ebiten.Image, path string) {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	// Ebitengine's pixels are premultiplied; the screen is opaque, so RGBA
	// and NRGBA agree.
	f, err := os.Create(path)
	if err != nil {
		log.Printf("screenshot: %v", err)
		return
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		log.Printf("screenshot: %v", err)
	}
	log.Printf("screenshot of frame written to %s; state: %s", path, lastQuery)
}

// printFrameStats prints one line the benchmark parses.
func printFrameStats(scene string, ms []float64) {
	if len(ms) == 0 {
		return
	}
	med, p95 := kit.Percentiles(ms)
	fmt.Printf("frame-stats scene=%s frames=%d median_ms=%.3f p95_ms=%.3f\n", scene, len(ms), med, p95)
}

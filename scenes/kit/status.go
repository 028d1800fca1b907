package kit

import "slices"

// Status is the shell's part of what the running program says about itself.
// The page publishes it as window.gradlab each frame, with the open scene's
// own status under "state"; the desktop build shows it in the F3 bar; page
// tests decode it with this same type.
type Status struct {
	Ready bool    `json:"ready"`
	Scene string  `json:"scene"`
	Frame int     `json:"frame"`
	FPS   float64 `json:"fps"`
	TPS   float64 `json:"tps"`
	// GoFrameMs and GoP95Ms are the median and 95th percentile Go-side
	// Update+Draw time over the last second.
	GoFrameMs float64 `json:"goFrameMs"`
	GoP95Ms   float64 `json:"goP95Ms"`
	HeapBytes uint64  `json:"heapBytes"`
	// StartMs is the Go-side time from main to the end of the first frame;
	// FirstDrawMs is that first Draw alone.
	StartMs     float64 `json:"goStartMs"`
	FirstDrawMs float64 `json:"goFirstDrawMs"`
	// Errors are the messages shown to the user, oldest first; Messages is
	// how many are on screen now.
	Errors   []string `json:"errors"`
	Messages int      `json:"messages"`
	Help     bool     `json:"help"`
	Debug    bool     `json:"debug"`
	// Scenes lists every scene id in tab order; Built those constructed so
	// far (scenes are built on their first visit).
	Scenes []string `json:"scenes"`
	Built  []string `json:"built"`
	// Controls are the clickable controls of the chrome and the open scene,
	// with their rectangles [x, y, w, h] in CSS pixels.
	Controls map[string][4]float64 `json:"controls"`
	// Window is the window size in CSS pixels.
	Window [2]float64 `json:"window"`
}

// Published is the whole status object: the shell's part and the scene's
// part under one key, so switching scenes leaves nothing of the last one.
type Published[T any] struct {
	Status
	State T `json:"state"`
}

// Percentiles returns the median and the 95th percentile of xs (sorting xs).
func Percentiles(xs []float64) (median, p95 float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	slices.Sort(xs)
	return xs[len(xs)/2], xs[min(len(xs)-1, len(xs)*95/100)]
}

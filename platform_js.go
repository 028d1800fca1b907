//go:build js

package main

import (
	"maps"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

func platformOptions() options {
	q := js.Global().Get("location").Get("search").String()
	return options{width: 1280, height: 800, query: parseQuery(q)}
}

// setURLQuery keeps the address bar in step with the state, without adding
// history entries, so a copied URL reproduces the picture.
func setURLQuery(q string) {
	js.Global().Get("history").Call("replaceState", nil, "", "?"+q)
}

var (
	statusObj    = js.Global().Get("Object").New()
	lastControls map[string][4]float64
)

func init() { js.Global().Set("gradlab", statusObj) }

// publishStatus writes the status to window.gradlab; positions are converted
// to CSS pixels so page tests can click on them.
func publishStatus(s *Status, scale float64) {
	o := statusObj
	o.Set("ready", s.Ready)
	o.Set("scene", s.Scene)
	o.Set("surface", s.Surface)
	o.Set("frame", s.Frame)
	o.Set("fps", s.FPS)
	o.Set("tps", s.TPS)
	o.Set("goFrameMs", s.GoFrameMs)
	o.Set("goP95Ms", s.GoP95Ms)
	o.Set("heapBytes", float64(s.HeapBytes))
	o.Set("goStartMs", s.StartMs)
	o.Set("goFirstDrawMs", s.FirstDrawMs)
	o.Set("playing", s.Playing)
	o.Set("help", s.Help)
	o.Set("step", s.Step)
	if n := len(s.Errors); o.Get("errors").IsUndefined() || o.Get("errors").Length() != n {
		errs := make([]any, n)
		for i, e := range s.Errors {
			errs[i] = e
		}
		o.Set("errors", errs)
	}
	o.Set("start", []any{s.Start[0], s.Start[1]})
	o.Set("view", []any{s.View[0], s.View[1], s.View[2], s.View[3]})
	o.Set("mapRect", []any{s.MapRect[0] / scale, s.MapRect[1] / scale, s.MapRect[2] / scale, s.MapRect[3] / scale})
	rs := make([]any, len(s.Runners))
	for i, r := range s.Runners {
		rs[i] = map[string]any{"kind": r.Kind, "status": r.Status, "at": r.At, "gap": r.Gap, "x": r.X, "y": r.Y}
	}
	o.Set("runners", rs)
	if o.Get("scenes").IsUndefined() {
		sc := make([]any, len(s.Scenes))
		for i, id := range s.Scenes {
			sc[i] = id
		}
		o.Set("scenes", sc)
	}
	// Controls move only on layout changes: rebuild the JS object then.
	if !maps.Equal(s.Controls, lastControls) {
		lastControls = maps.Clone(s.Controls)
		ctl := map[string]any{}
		for k, r := range s.Controls {
			ctl[k] = []any{r[0] / scale, r[1] / scale, r[2] / scale, r[3] / scale}
		}
		o.Set("controls", ctl)
	}
}

func saveScreenshot(*ebiten.Image, string) {}

func printFrameStats(string, []float64) {}

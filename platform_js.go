//go:build js

package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

func platformOptions() options {
	q := js.Global().Get("location").Get("search").String()
	return options{width: 1280, height: 800, query: q}
}

// setURLQuery keeps the address bar in step with the state, without adding
// history entries, so a copied URL reproduces the picture.
func setURLQuery(q string) {
	js.Global().Get("history").Call("replaceState", nil, "", "?"+q)
}

var jsonParse = js.Global().Get("JSON").Get("parse")

// publishStatus sets window.gradlab to the status object, decoded from the
// same JSON the page tests decode into the same Go types.
func publishStatus(encode func() []byte) {
	js.Global().Set("gradlab", jsonParse.Invoke(string(encode())))
}

func saveScreenshot(*ebiten.Image, string) {}

func printFrameStats(string, []float64) {}

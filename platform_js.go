//go:build js

package main

import (
	"strings"
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

// tapped are the key codes pressed since the last tick, latched from the
// page's own keydown events: a tap shorter than a tick of a slow page goes
// down and up between two polls of the keyboard and would be lost.
var (
	tapped []string
	keyOf  = map[string]ebiten.Key{}
)

func init() {
	for k := ebiten.Key(0); k <= ebiten.KeyMax; k++ {
		keyOf[k.String()] = k
	}
	js.Global().Get("document").Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if e := args[0]; !e.Get("repeat").Bool() && len(tapped) < 64 {
			tapped = append(tapped, e.Get("code").String())
		}
		return nil
	}))
}

// takeTappedKeys appends the keys tapped since the last call to dst.
func takeTappedKeys(dst []ebiten.Key) []ebiten.Key {
	for _, code := range tapped {
		if k, ok := keyOf[code]; ok {
			dst = append(dst, k)
		} else if k, ok := keyOf[strings.TrimPrefix(code, "Key")]; ok {
			dst = append(dst, k)
		}
	}
	tapped = tapped[:0]
	return dst
}

// publishStatus sets window.gradlab to the status object, decoded from the
// same JSON the page tests decode into the same Go types.
func publishStatus(encode func() []byte) {
	js.Global().Set("gradlab", jsonParse.Invoke(string(encode())))
}

func saveScreenshot(*ebiten.Image, string) {}

func printFrameStats(string, []float64) {}

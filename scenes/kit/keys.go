package kit

import (
	"fmt"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Key is one row of a key table: what triggers it, how the help overlay
// shows it, and what it does.
type Key struct {
	// Keys are physical keys that trigger the action.
	Keys []ebiten.Key
	// Chars are typed characters that trigger it: for symbols whose
	// physical key differs between keyboard layouts ('[', '+', '?').
	Chars string
	// Label is how the help overlay shows the keys, e.g. "S / Shift+S".
	Label string
	// Help says what the key does.
	Help string
	// Repeat acts again while the key is held.
	Repeat bool
	// Mouse marks a row that only tells the help overlay about a pointer
	// action (click, drag, wheel); it has no keys and no action.
	Mouse bool
	// Group, when set, joins this row with the others of the same group
	// into one help line reading "labels: Group", so a family of keys
	// (one per optimizer) takes one line.
	Group string
	// Do is the action; shift reports a held Shift key (most keys go
	// backwards with it).
	Do func(shift bool)
}

// Dir is −1 with Shift held and +1 without: most keys go backwards with
// Shift.
func Dir(shift bool) int {
	if shift {
		return -1
	}
	return 1
}

// pressed reports a key press this tick, repeating while held when asked.
func pressed(k ebiten.Key, repeat bool) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || repeat && d > 24 && d%4 == 0
}

// Dispatch runs the actions of the table's keys pressed or typed this tick.
func Dispatch(table []Key, c *Ctx) {
	shift := Shift()
	for _, k := range table {
		hit := false
		for _, key := range k.Keys {
			hit = hit || pressed(key, k.Repeat) || slices.Contains(c.Tapped, key)
		}
		for _, r := range k.Chars {
			hit = hit || c.Typed(r)
		}
		if hit && k.Do != nil {
			k.Do(shift)
		}
	}
}

// Global is the shell's own key table. It lives here, with its actions
// passed in, so the conformance test can check that no scene key collides
// with a global one.
func Global(open func(digit int), help, debug, dismiss func()) []Key {
	var t []Key
	for _, d := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 0} {
		t = append(t, Key{Keys: []ebiten.Key{ebiten.KeyDigit0 + ebiten.Key(d), ebiten.KeyNumpad0 + ebiten.Key(d)},
			Label: fmt.Sprint(d), Group: "open a scene (its digit is on its tab)", Do: func(bool) { open(d) }})
	}
	return append(t,
		Key{Keys: []ebiten.Key{ebiten.KeyH}, Chars: "?", Label: "? or H", Help: "this help; any key or click turns the page or closes it", Do: func(bool) { help() }},
		Key{Keys: []ebiten.Key{ebiten.KeyEscape}, Label: "Esc", Help: "dismiss messages and open panels", Do: func(bool) { dismiss() }},
		Key{Keys: []ebiten.Key{ebiten.KeyF3}, Label: "F3", Help: "debug bar: fps, Go frame time, heap", Do: func(bool) { debug() }},
	)
}

// HelpLine is one line of the help overlay.
type HelpLine struct{ Keys, Help string }

// Help writes the help overlay's lines from key tables, in order; rows of
// one Group share a line.
func Help(tables ...[]Key) []HelpLine {
	var out []HelpLine
	at := map[string]int{}
	for _, t := range tables {
		for _, k := range t {
			if k.Group == "" {
				out = append(out, HelpLine{k.Label, k.Help})
				continue
			}
			if i, ok := at[k.Group]; ok {
				out[i].Keys += " " + k.Label
				continue
			}
			at[k.Group] = len(out)
			out = append(out, HelpLine{k.Label, k.Group})
		}
	}
	return out
}

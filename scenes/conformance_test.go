package scenes_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/scenes"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// The conformance test runs every registered scene through the same table
// of checks, so a new scene gets them by being registered.

func ctxFor(w, h, dpr float64) *kit.Ctx {
	s := dpr * math.Min(math.Max(math.Min(w/1000, h/640), 0.8), 1)
	t := widgets.NewTheme(s)
	tabs := math.Round(t.S(36))
	return &kit.Ctx{Theme: t, In: &widgets.Input{Pinch: 1},
		Area:    widgets.Rect{Y: tabs, W: w * dpr, H: h*dpr - tabs},
		Changed: func() {}, Notify: func(string) {}}
}

func encode(e scenes.Entry, s kit.Scene) string { return kit.EncodeQuery(e.ID, s.Params()) }

func applyRaw(s kit.Scene, raw string) []string {
	q, msgs := kit.ParseQuery(raw)
	return append(msgs, kit.Apply(s, q)...)
}

// randomKeys presses n random keys of the scene's table.
func randomKeys(s kit.Scene, r *rand.Rand, n int) {
	keys := s.Keys()
	for range n {
		k := keys[r.IntN(len(keys))]
		if k.Do != nil {
			k.Do(r.IntN(2) == 0)
		}
	}
}

func TestConformanceURLRoundTrip(t *testing.T) {
	for _, e := range scenes.All {
		for seed := range 8 {
			a := e.New()
			r := rand.New(rand.NewPCG(uint64(seed), 7))
			c := ctxFor(1280, 800, 1)
			a.Update(c)
			randomKeys(a, r, seed*3)
			q := encode(e, a)
			b := e.New()
			if msgs := applyRaw(b, "?"+q); len(msgs) != 0 {
				t.Errorf("%s: its own URL %s was refused: %q", e.ID, q, msgs)
			}
			if got := encode(e, b); got != q {
				t.Errorf("%s: query → apply → query changed the state:\n%s\n%s", e.ID, q, got)
			}
		}
	}
}

var junk = []string{"zzz", "NaN", "-Inf", "1e300", "-1e300", "1e-300", "0x1p-4", "", "a&b=c#d ü", strings.Repeat("9", 300)}

func TestConformanceJunkGetsMessagesAndDefaults(t *testing.T) {
	for _, e := range scenes.All {
		def := encode(e, e.New())
		for _, p := range e.New().Params() {
			for _, v := range junk {
				s := e.New()
				msgs := kit.Apply(s, map[string]string{p.Name: v})
				if len(msgs) == 0 {
					t.Errorf("%s: %s=%q was accepted without a message", e.ID, p.Name, v)
				}
				for _, m := range msgs {
					if len([]rune(m)) > 400 {
						t.Errorf("%s: message too long to read: %q", e.ID, m)
					}
				}
				if got := encode(e, s); got != def {
					t.Errorf("%s: %s=%q left the state at\n%s\nnot the default\n%s", e.ID, p.Name, v, got, def)
				}
			}
		}
	}
}

func TestConformanceEscapingRoundTrips(t *testing.T) {
	for _, v := range []string{"a&b", "x=y", "#frag", "two words", "ünïcödé", "100%", "a+b"} {
		q, msgs := kit.ParseQuery("?" + "k=" + kit.Escape(v))
		if len(msgs) != 0 || q["k"] != v {
			t.Errorf("%q came back as %q (%q)", v, q["k"], msgs)
		}
	}
}

var sizes = [][2]float64{{320, 240}, {320, 480}, {320, 568}, {568, 320}, {360, 640}, {640, 360},
	{800, 600}, {1024, 768}, {1280, 800}, {800, 1280}, {1920, 1080}, {2560, 1440}, {5120, 2880}}

func overlap(a, b widgets.Rect) bool {
	const e = 0.5
	return a.X+e < b.Right() && b.X+e < a.Right() && a.Y+e < b.Bottom() && b.Y+e < a.Bottom()
}

// A scene reports its status and controls from the moment it is built,
// before its first Update (the shell publishes the status every frame).
func TestConformanceStatusBeforeFirstUpdate(t *testing.T) {
	for _, e := range scenes.All {
		s := e.New()
		if _, err := json.Marshal(s.Status()); err != nil {
			t.Errorf("%s: %v", e.ID, err)
		}
		s.Controls(func(string, widgets.Rect) {})
		kit.Help(s.Keys())
		encode(e, s)
	}
}

func TestConformanceLayouts(t *testing.T) {
	for _, e := range scenes.All {
		s := e.New()
		for _, sz := range sizes {
			for _, dpr := range []float64{1, 2} {
				c := ctxFor(sz[0], sz[1], dpr)
				s.Update(c)
				s.Update(c) // a second tick: some chrome follows the first
				type ctl struct {
					name string
					r    widgets.Rect
				}
				var ctls []ctl
				s.Controls(func(name string, r widgets.Rect) {
					if r.W > 0 && r.H > 0 {
						ctls = append(ctls, ctl{name, r})
					}
				})
				where := fmt.Sprintf("%s at %g×%g ×%g", e.ID, sz[0], sz[1], dpr)
				if len(ctls) == 0 {
					t.Errorf("%s: no controls", where)
				}
				a := c.Area
				for i, x := range ctls {
					r := x.r
					if math.IsNaN(r.X+r.Y+r.W+r.H) || r.X < a.X-0.5 || r.Y < a.Y-0.5 || r.Right() > a.Right()+0.5 || r.Bottom() > a.Bottom()+0.5 {
						t.Errorf("%s: %s %+v leaves the area %+v", where, x.name, r, a)
					}
					for _, y := range ctls[i+1:] {
						if overlap(r, y.r) {
							t.Errorf("%s: %s %+v overlaps %s %+v", where, x.name, r, y.name, y.r)
						}
					}
				}
			}
		}
	}
}

// finite walks decoded JSON and reports the path of any non-number where a
// number belongs (encoding/json refuses NaN and Inf, so those fail earlier).
func checkFinite(t *testing.T, where string, v any) {
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Errorf("%s: non-finite %v", where, x)
		}
	case map[string]any:
		for k, y := range x {
			checkFinite(t, where+"."+k, y)
		}
	case []any:
		for i, y := range x {
			checkFinite(t, fmt.Sprintf("%s[%d]", where, i), y)
		}
	}
}

func TestConformanceRandomInputKeepsStatusFinite(t *testing.T) {
	for _, e := range scenes.All {
		s := e.New()
		r := rand.New(rand.NewPCG(42, uint64(len(e.ID))))
		c := ctxFor(1280, 800, 1)
		in := c.In
		for tick := range 600 {
			in.Pressed, in.Released, in.Wheel, in.Pinch = false, false, 0, 1
			switch r.IntN(6) {
			case 0:
				in.X, in.Y = r.Float64()*c.Area.W, c.Area.Y+r.Float64()*c.Area.H
			case 1:
				if !in.Down {
					in.Pressed, in.Down, in.Alt = true, true, r.IntN(4) == 0
				}
			case 2:
				if in.Down {
					in.Released, in.Down = true, false
				}
			case 3:
				in.Wheel = float64(r.IntN(3) - 1)
			case 4:
				randomKeys(s, r, 1)
			case 5:
				in.Pinch = 0.5 + r.Float64()
			}
			if !in.Down && !in.Released {
				in.Captured = nil
			}
			s.Update(c)
			b, err := json.Marshal(s.Status())
			if err != nil {
				t.Fatalf("%s tick %d: status does not encode: %v", e.ID, tick, err)
			}
			var v any
			json.Unmarshal(b, &v)
			checkFinite(t, fmt.Sprintf("%s tick %d", e.ID, tick), v)
			s.Controls(func(name string, r widgets.Rect) {
				if math.IsNaN(r.X+r.Y+r.W+r.H) || math.IsInf(r.X+r.Y+r.W+r.H, 0) {
					t.Errorf("%s tick %d: control %s at %+v", e.ID, tick, name, r)
				}
			})
		}
	}
}

func TestConformanceKeys(t *testing.T) {
	global := kit.Global(func(int) {}, func() {}, func() {}, func() {})
	var gk []ebiten.Key
	var gc string
	for _, k := range global {
		gk = append(gk, k.Keys...)
		gc += k.Chars
	}
	gc += "0123456789"
	for _, e := range scenes.All {
		s := e.New()
		help := kit.Help(s.Keys())
		for _, h := range help {
			if m := widgets.MissingGlyphs(h.Keys + h.Help); len(m) > 0 {
				t.Errorf("%s: help %q uses %q, which the font cannot draw", e.ID, h.Keys+" "+h.Help, string(m))
			}
		}
		for i, k := range s.Keys() {
			if k.Mouse && (k.Do != nil || len(k.Keys) > 0 || k.Chars != "") {
				t.Errorf("%s: mouse row %q has keys or an action", e.ID, k.Label)
			}
			if k.Label == "" || k.Help == "" || !k.Mouse && (k.Do == nil || len(k.Keys) == 0 && k.Chars == "") {
				t.Errorf("%s: key row %d is incomplete: %+v", e.ID, i, k)
			}
			inHelp := false
			for _, h := range help {
				want := k.Help
				if k.Group != "" {
					want = k.Group
				}
				inHelp = inHelp || h.Help == want && slices.Contains(strings.Fields(h.Keys), strings.Fields(k.Label)[0])
			}
			if !inHelp {
				t.Errorf("%s: key %s is not in the help overlay", e.ID, k.Label)
			}
			for _, key := range k.Keys {
				if slices.Contains(gk, key) {
					t.Errorf("%s: key %s collides with a global key", e.ID, key)
				}
			}
			for _, ch := range k.Chars {
				if strings.ContainsRune(gc, ch) {
					t.Errorf("%s: character %q collides with a global key", e.ID, ch)
				}
			}
		}
		for i, a := range s.Keys() {
			for _, b := range s.Keys()[i+1:] {
				for _, key := range a.Keys {
					if slices.Contains(b.Keys, key) {
						t.Errorf("%s: key %s is in two rows (%s, %s)", e.ID, key, a.Label, b.Label)
					}
				}
			}
		}
	}
}

func TestRegistry(t *testing.T) {
	seen := map[int]bool{}
	ids := map[string]bool{}
	for _, e := range scenes.All {
		if seen[e.Digit] || e.Digit < 0 || e.Digit > 9 {
			t.Errorf("digit %d used twice or out of range", e.Digit)
		}
		if ids[e.ID] || e.ID == "" || e.Title == "" || e.Short == "" || e.New == nil {
			t.Errorf("entry %+v incomplete or repeated", e)
		}
		seen[e.Digit], ids[e.ID] = true, true
	}
	if _, ok := scenes.ByID(scenes.Default); !ok {
		t.Errorf("default scene %q is not registered", scenes.Default)
	}
}

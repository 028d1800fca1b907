package main

import (
	"fmt"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"gradlab/assets"
	"gradlab/widgets"
)

// Scene is one lesson screen. Update is the only place its state advances;
// Draw only draws.
type Scene interface {
	ID() string
	Title() string
	// Key is the digit that opens the scene.
	Key() ebiten.Key
	Update(c *Ctx)
	Draw(dst *ebiten.Image, c *Ctx)
	// Help lists the scene's own keys and mouse actions.
	Help() []KeyHelp
	// Query is the scene's part of the URL; Apply reads it back and returns
	// messages about values it could not use.
	Query() [][2]string
	Apply(q map[string]string) []string
	// Report fills the scene's part of the status.
	Report(s *Status)
}

// KeyHelp is one line of the help overlay.
type KeyHelp struct{ Keys, What string }

// Ctx is what a scene gets each tick and frame.
type Ctx struct {
	Theme *widgets.Theme
	In    *widgets.Input
	// Area is the scene's part of the screen, below the tab bar.
	Area widgets.Rect
	// Chars are the characters typed this tick.
	Chars []rune
	// Notify shows a message to the user and records it in the status.
	Notify func(string)
	// Changed marks the URL state stale.
	Changed func()
	// Full asks Draw to repaint everything; otherwise the screen still holds
	// the last frame and a scene repaints only what moves.
	Full bool
	// Active reports input this tick (pointer, wheel, keys): hover and
	// pressed states may have changed, so controls should be repainted.
	Active bool
}

// Pressed reports a key press this tick, repeating while the key is held.
func (c *Ctx) Pressed(k ebiten.Key) bool {
	d := inpututil.KeyPressDuration(k)
	return d == 1 || d > 24 && d%4 == 0
}

// Typed reports whether r was typed this tick.
func (c *Ctx) Typed(r rune) bool {
	for _, x := range c.Chars {
		if x == r {
			return true
		}
	}
	return false
}

// Shift reports whether a Shift key is held.
func Shift() bool { return ebiten.IsKeyPressed(ebiten.KeyShift) }

type options struct {
	width, height int
	query         map[string]string
	screenshot    string
	frames        int
	// stats prints Go-side frame times (median, p95) at frame `frames` and
	// exits: the benchmark's native measurement.
	stats bool
}

var processStart = time.Now()

type toast struct {
	msg   string
	until int
}

// Game owns the scenes, the shared input and layout, and the status.
type Game struct {
	scenes  []Scene
	cur     Scene
	theme   *widgets.Theme
	tabs    widgets.TabBar
	in      widgets.Input
	ctx     Ctx
	status  Status
	clock   frameClock
	w, h    float64
	help    bool
	debug   bool
	toasts  []toast
	urlDirt bool
	lastURL string
	urlTime time.Time
	// lastScreen is the screen image of the last frame.
	lastScreen *ebiten.Image
	opts       options
	shot       bool
	spread     float64 // last two-finger distance, for pinch
	small      bool    // the window is below the smallest usable size
	// hadOverlay: last frame showed help, debug or a message.
	hadOverlay bool
	frameMs    []float64
	lastX      float64
	lastY      float64
	keys       []ebiten.Key
	touches    []ebiten.TouchID
	chars      []rune
}

func newGame(opts options) *Game {
	g := &Game{opts: opts, theme: widgets.NewTheme(1)}
	g.status.Controls = map[string][4]float64{}
	g.scenes = []Scene{newRaceScene()}
	g.ctx = Ctx{Theme: g.theme, In: &g.in, Notify: g.notify, Changed: func() { g.urlDirt = true }}
	g.cur = g.sceneByID("race")
	g.applyQuery(opts.query)
	g.urlDirt = true // show the state in effect, bad values replaced
	return g
}

func (g *Game) sceneByID(id string) Scene {
	for _, s := range g.scenes {
		if s.ID() == id {
			return s
		}
	}
	return nil
}

func (g *Game) applyQuery(q map[string]string) {
	if id, ok := q["scene"]; ok {
		if s := g.sceneByID(id); s != nil {
			g.cur = s
		} else {
			g.notify(fmt.Sprintf("There is no scene %q; showing the optimizer race.", id))
		}
	}
	for _, msg := range g.cur.Apply(q) {
		g.notify(msg)
	}
}

func (g *Game) notify(msg string) {
	g.status.Errors = append(g.status.Errors, msg)
	if len(g.status.Errors) > 20 {
		g.status.Errors = g.status.Errors[len(g.status.Errors)-20:]
	}
	g.toasts = append(g.toasts, toast{msg, g.status.Frame + 60*8})
}

func (g *Game) Update() error {
	t0 := time.Now()
	defer func() { g.clock.add(time.Since(t0)) }()
	if g.shot {
		return ebiten.Termination
	}
	g.readInput()
	g.ctx.Active = g.inputActive() || g.ctx.Active
	if g.help {
		// The overlay is modal: any key, click or tap closes it and does
		// nothing else.
		if len(inpututil.AppendJustPressedKeys(nil)) > 0 || g.in.Pressed {
			g.help = false
			g.in.Captured = &g.help
			g.ctx.Full = true
		}
		return nil
	}
	g.globalKeys()
	if g.small {
		return nil
	}
	g.tabs.Rect = widgets.Rect{W: g.w, H: math.Round(g.theme.S(36))}
	g.tabs.Tabs = g.tabs.Tabs[:0]
	for _, s := range g.scenes {
		g.tabs.Tabs = append(g.tabs.Tabs, widgets.Tab{Key: keyName(s.Key()), ID: s.ID(), Title: s.Title()})
	}
	g.tabs.Active = g.cur.ID()
	switch id := g.tabs.Update(&g.in, g.theme); id {
	case "":
	case "?":
		g.help = !g.help
		g.ctx.Full = true
	default:
		g.switchTo(id)
	}
	g.ctx.Area = widgets.Rect{Y: g.tabs.Rect.H, W: g.w, H: math.Max(g.h-g.tabs.Rect.H, 1)}
	g.ctx.Chars = g.chars
	g.cur.Update(&g.ctx)
	// Browsers throttle rapid history updates (a dragged slider changes the
	// state every tick), so the URL follows at most a few times a second.
	if g.urlDirt && time.Since(g.urlTime) >= 300*time.Millisecond {
		g.urlDirt = false
		g.urlTime = time.Now()
		if q := g.query(); q != g.lastURL {
			g.lastURL = q
			setURLQuery(q)
		}
	}
	return nil
}

func (g *Game) switchTo(id string) {
	if s := g.sceneByID(id); s != nil && s != g.cur {
		g.cur = s
		g.urlDirt = true
		g.ctx.Full = true
	}
}

func keyName(k ebiten.Key) string {
	if k >= ebiten.KeyDigit0 && k <= ebiten.KeyDigit9 {
		return string(rune('0' + k - ebiten.KeyDigit0))
	}
	return k.String()
}

func (g *Game) globalKeys() {
	for _, s := range g.scenes {
		if inpututil.IsKeyJustPressed(s.Key()) || inpututil.IsKeyJustPressed(s.Key()-ebiten.KeyDigit0+ebiten.KeyNumpad0) {
			g.switchTo(s.ID())
		}
	}
	if g.ctx.Typed('?') || inpututil.IsKeyJustPressed(ebiten.KeyH) {
		g.help = !g.help
		g.ctx.Full = true
	}
	if inpututil.IsKeyJustPressed(ebiten.KeyF3) {
		g.debug = !g.debug
		g.ctx.Full = true
	}
}

// readInput folds mouse and touch into one pointer, and two fingers into a
// pinch.
func (g *Game) readInput() {
	in := &g.in
	if !in.Down {
		in.Captured = nil
	}
	g.chars = ebiten.AppendInputChars(g.chars[:0])
	_, wy := ebiten.Wheel()
	in.Wheel, in.Pinch = wy, 1
	g.touches = ebiten.AppendTouchIDs(g.touches[:0])
	left := ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	right := ebiten.IsMouseButtonPressed(ebiten.MouseButtonRight)
	switch n := len(g.touches); {
	case n >= 2:
		x1, y1 := ebiten.TouchPosition(g.touches[0])
		x2, y2 := ebiten.TouchPosition(g.touches[1])
		in.X, in.Y = float64(x1+x2)/2, float64(y1+y2)/2
		d := math.Hypot(float64(x1-x2), float64(y1-y2))
		if g.spread > 0 && d > 0 {
			in.Pinch = d / g.spread
		}
		g.spread = d
	case n == 1:
		x, y := ebiten.TouchPosition(g.touches[0])
		in.X, in.Y = float64(x), float64(y)
		g.spread = 0
	case !in.Down || left || right:
		// A lifted finger keeps its last position for the release.
		x, y := ebiten.CursorPosition()
		in.X, in.Y = float64(x), float64(y)
	}
	down := len(g.touches) > 0 || left || right
	in.Pressed, in.Released = down && !in.Down, !down && in.Down
	if in.Pressed {
		in.Alt = right || Shift()
	}
	if len(g.touches) >= 2 {
		in.Alt = true // two fingers pan and zoom, never pick
	} else {
		g.spread = 0
	}
	in.Down = down
}

// LayoutF renders at device resolution so text and lines stay crisp on
// HiDPI screens.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	if !(dpr > 0) {
		dpr = 1
	}
	// Shrink the whole UI a little on small windows so the controls fit.
	s := dpr * math.Min(math.Max(math.Min(w/1000, h/640), 0.7), 1)
	g.small = w < minW || h < minH
	if s != g.theme.Scale {
		*g.theme = *widgets.NewTheme(s)
	}
	g.w, g.h = math.Max(math.Ceil(w*s), 1), math.Max(math.Ceil(h*s), 1)
	return g.w, g.h
}

func (g *Game) Layout(w, h int) (int, int) {
	// Unused: Ebitengine calls LayoutF when a game has it.
	return w, h
}

func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	// Overlays sit on top of everything, so while one shows, or the frame
	// after it went away, the whole screen is repainted.
	// The debug box is opaque and repainted every frame, so it needs no full
	// repaint (which would distort the very numbers it shows).
	overlay := g.help || len(g.toasts) > 0 || g.small
	// Ebitengine hands Draw a new, blank screen image when it recreates its
	// offscreen (resizes, some of which the layout does not see).
	fresh := screen != g.lastScreen
	g.lastScreen = screen
	if overlay || g.hadOverlay || fresh {
		g.ctx.Full = true
	}
	g.hadOverlay = overlay
	if g.ctx.Full {
		screen.Fill(assets.Backdrop)
	}
	if g.small {
		g.drawTooSmall(screen)
	} else {
		if g.ctx.Full || g.ctx.Active {
			g.tabs.Draw(screen, g.theme)
		}
		if !g.help {
			// Under the help overlay the scene is frozen: draw it once.
			g.cur.Draw(screen, &g.ctx)
		} else if g.ctx.Full {
			g.cur.Draw(screen, &g.ctx)
		}
		g.drawToasts(screen)
		if g.help {
			g.drawHelp(screen)
		}
	}
	g.ctx.Full, g.ctx.Active = false, false
	g.status.Frame++
	g.status.Ready = true
	g.status.Scene = g.cur.ID()
	g.status.Help = g.help
	g.status.FPS, g.status.TPS = ebiten.ActualFPS(), ebiten.ActualTPS()
	g.status.Scenes = g.status.Scenes[:0]
	for _, s := range g.scenes {
		g.status.Scenes = append(g.status.Scenes, s.ID())
	}
	clear(g.status.Controls)
	g.cur.Report(&g.status)
	if g.debug {
		g.drawDebug(screen)
	}
	g.clock.add(time.Since(t0))
	if g.status.Frame == 1 {
		g.status.FirstDrawMs = float64(time.Since(t0).Microseconds()) / 1000
		g.status.StartMs = float64(time.Since(processStart).Microseconds()) / 1000
	}
	if g.opts.stats && g.status.Frame > 30 { // skip start-up frames
		g.frameMs = append(g.frameMs, float64(g.clock.acc.Microseconds())/1000)
	}
	g.clock.frameEnd(&g.status, time.Now())
	publishStatus(&g.status, g.theme.Scale)
	if g.status.Frame >= g.opts.frames && !g.shot && (g.opts.screenshot != "" || g.opts.stats) {
		if g.opts.screenshot != "" {
			saveScreenshot(screen, g.opts.screenshot)
		}
		if g.opts.stats {
			printFrameStats(g.status.Scene, g.frameMs)
		}
		g.shot = true
	}
}

// query is the URL state of the current scene.
func (g *Game) query() string {
	q := "scene=" + g.cur.ID()
	for _, kv := range g.cur.Query() {
		q += "&" + kv[0] + "=" + kv[1]
	}
	return q
}

// inputActive reports any pointer, wheel or key activity this tick.
func (g *Game) inputActive() bool {
	in := &g.in
	moved := in.X != g.lastX || in.Y != g.lastY
	g.lastX, g.lastY = in.X, in.Y
	return moved || in.Down || in.Released || in.Wheel != 0 || len(g.chars) > 0 ||
		len(inpututil.AppendPressedKeys(g.keys[:0])) > 0 || len(inpututil.AppendJustReleasedKeys(g.keys[:0])) > 0
}

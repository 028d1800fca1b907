package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"gradlab/assets"
	"gradlab/scenes"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

type options struct {
	width, height int
	query         string
	screenshot    string
	frames        int
	// stats prints Go-side frame times (median, p95) at frame `frames` and
	// exits: the benchmark's native measurement.
	stats bool
}

var processStart = time.Now()

// Game is the shell: it owns the scene registry's scenes (built on first
// visit), the tab bar, the overlays, input, URL sync and the status.
type Game struct {
	built  map[string]kit.Scene
	cur    scenes.Entry
	scene  kit.Scene
	theme  *widgets.Theme
	tabs   widgets.TabBar
	in     widgets.Input
	ctx    kit.Ctx
	keys   []kit.Key
	status kit.Status
	clock  frameClock
	// injected are keys a test taps, read with the platform's on the next tick.
	injected []ebiten.Key
	opts     options
	// w, h are the screen in device pixels; dpr converts CSS pixels.
	w, h, dpr float64
	small     bool // the window is below the smallest usable size
	help      helpView
	debug     bool
	toasts    []toast
	urlDirt   bool
	lastURL   string
	urlTime   time.Time
	lastTick  time.Time
	// lastScreen is the screen image of the last frame: Ebitengine hands
	// Draw a new, blank one when it recreates its offscreen.
	lastScreen *ebiten.Image
	hadOverlay bool
	shot       bool
	// ticked is set by the first Update that reaches the scene; Ebitengine
	// may draw before it (Draw and Update run at their own rates).
	ticked  bool
	frameMs []float64
	input   inputState
}

// defaultTitle is the title of the scene a URL without a valid scene opens.
func defaultTitle() string {
	e, _ := scenes.ByID(scenes.Default)
	return e.Title
}

func newGame(opts options) *Game {
	g := &Game{opts: opts, theme: widgets.NewTheme(1), built: map[string]kit.Scene{}, dpr: 1}
	g.ctx = kit.Ctx{Theme: g.theme, In: &g.in, Notify: g.notify, Changed: func() { g.urlDirt = true }}
	g.keys = kit.Global(g.openDigit, g.toggleHelp, g.toggleDebug, g.dismiss)
	q, msgs := kit.ParseQuery(opts.query)
	id := scenes.Default
	if v, ok := q["scene"]; ok {
		if e, found := scenes.ByID(strings.ToLower(strings.TrimSpace(v))); found {
			id = e.ID
		} else {
			msgs = append(msgs, fmt.Sprintf("There is no scene %s; showing the %s.", kit.Quote(v), defaultTitle()))
		}
	}
	g.open(id)
	msgs = append(msgs, kit.Apply(g.scene, q)...)
	for _, m := range msgs {
		g.notify(m)
	}
	g.urlDirt = true // show the state in effect, bad values replaced
	return g
}

// open makes scene id current, building it on its first visit.
func (g *Game) open(id string) {
	e, ok := scenes.ByID(id)
	if !ok || (g.scene != nil && e.ID == g.cur.ID) {
		return
	}
	g.ctx.Modal = nil
	s, done := g.built[id]
	if !done {
		s = e.New()
		g.built[id] = s
		g.status.Built = append(g.status.Built, id)
	}
	g.cur, g.scene = e, s
	g.urlDirt = true
	g.ctx.Full = true
}

func (g *Game) openDigit(d int) {
	for _, e := range scenes.All {
		if e.Digit == d {
			g.open(e.ID)
		}
	}
}

func (g *Game) toggleHelp() {
	g.help.open = !g.help.open
	g.help.page = 0
	g.ctx.Full = true
}

func (g *Game) toggleDebug() {
	g.debug = !g.debug
	g.ctx.Full = true
}

// anyKey reports a key pressed this tick.
func (g *Game) anyKey() bool {
	return len(g.ctx.Tapped) > 0 || len(g.ctx.Chars) > 0 || len(inpututil.AppendJustPressedKeys(nil)) > 0
}

// dismiss clears the messages.
func (g *Game) dismiss() {
	if len(g.toasts) > 0 {
		g.toasts = g.toasts[:0]
		g.ctx.Full = true
	}
}

func (g *Game) Update() error {
	t0 := time.Now()
	defer func() { g.clock.add(time.Since(t0)) }()
	if g.shot {
		return ebiten.Termination
	}
	if !g.lastTick.IsZero() {
		g.ctx.Dt = min(t0.Sub(g.lastTick), time.Second)
	}
	g.lastTick = t0
	g.readInput()
	g.ctx.Active = g.inputActive() || g.ctx.Active
	if g.status.Frame == 0 {
		// The first frame is the bare frame of the page (see Draw); the
		// scene's first layout, which is mostly text measuring in freshly
		// compiled WebAssembly, waits for the next tick.
		return nil
	}
	g.ticked = true
	if g.help.open {
		g.updateHelp()
		return nil
	}
	kit.Dispatch(g.keys, &g.ctx)
	if g.small {
		// The scene is not laid out while the window is too small; when it
		// grows again, Draw waits for the scene's next Update rather than
		// drawing a layout made for another size.
		g.ticked = false
		return nil
	}
	if g.help.open {
		return nil
	}
	g.updateToasts()
	g.layoutTabs()
	switch id := g.tabs.Update(&g.in, g.theme); id {
	case "":
	case "?":
		g.toggleHelp()
		return nil
	default:
		g.open(id)
	}
	g.ctx.Area = g.sceneArea()
	if m := g.ctx.Modal; m != nil && m.Open() && g.anyKey() {
		// The caption's full text is open: a key closes it and does
		// nothing else, as a click does.
		m.Close()
		g.ctx.Full = true
	} else {
		kit.Dispatch(g.scene.Keys(), &g.ctx)
	}
	g.ctx.Modal = nil // the scene's Update sets it again while it stays open
	g.scene.Update(&g.ctx)
	// Any input may have changed the state; the query is compared with the
	// last one written before the address bar is touched.
	if g.ctx.Active {
		g.urlDirt = true
	}
	// Browsers throttle rapid history updates (a dragged slider changes the
	// state every tick), so the URL follows at most a few times a second.
	if g.urlDirt && time.Since(g.urlTime) >= 300*time.Millisecond {
		g.urlDirt = false
		g.urlTime = time.Now()
		if q := kit.EncodeQuery(g.cur.ID, g.scene.Params()); q != g.lastURL {
			g.lastURL = q
			setURLQuery(q)
		}
	}
	return nil
}

func (g *Game) layoutTabs() {
	g.tabs.Rect = widgets.Rect{W: g.w, H: math.Round(g.theme.S(36))}
	g.tabs.Tabs = g.tabs.Tabs[:0]
	for _, e := range scenes.All {
		g.tabs.Tabs = append(g.tabs.Tabs, widgets.Tab{Key: fmt.Sprint(e.Digit), ID: e.ID, Title: e.Title, Short: e.Short})
	}
	g.tabs.Active = g.cur.ID
}

// sceneArea is the screen below the tab bar, less the debug bar when shown:
// the debug numbers never cover what is used.
func (g *Game) sceneArea() widgets.Rect {
	a := widgets.Rect{Y: g.tabs.Rect.H, W: g.w, H: math.Max(g.h-g.tabs.Rect.H, 1)}
	if g.debug {
		a.H = math.Max(a.H-g.debugH(), 1)
	}
	return a
}

// The smallest window, in CSS pixels, that the scenes lay out in.
const minW, minH = 320, 240

// LayoutF renders at device resolution so text and lines stay crisp on
// HiDPI screens, and shrinks the design a little on small windows so more
// of it fits.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	dpr := ebiten.Monitor().DeviceScaleFactor()
	if !(dpr > 0) {
		dpr = 1
	}
	g.dpr = dpr
	s := dpr * math.Min(math.Max(math.Min(w/1000, h/640), 0.8), 1)
	g.small = w < minW || h < minH
	if s != g.theme.Scale {
		*g.theme = *widgets.NewTheme(s)
	}
	g.w, g.h = math.Max(math.Ceil(w*dpr), 1), math.Max(math.Ceil(h*dpr), 1)
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
	overlay := g.help.open || len(g.toasts) > 0 || g.small
	fresh := screen != g.lastScreen
	g.lastScreen = screen
	if overlay || g.hadOverlay || fresh {
		g.ctx.Full = true
	}
	g.hadOverlay = overlay
	if g.ctx.Full {
		screen.Fill(assets.Backdrop)
	}
	if !g.ticked {
		// Paint the page's frame at once and everything else from the next
		// frame on: the text, the map and the panels take the first frames
		// of freshly compiled WebAssembly hundreds of milliseconds.
		widgets.FillRect(screen, widgets.Rect{W: g.w, H: math.Round(g.theme.S(36))}, assets.Panel)
		g.ctx.Full = true
		g.clock.add(time.Since(t0))
		g.report(t0)
		return
	}
	if g.small {
		g.drawTooSmall(screen)
	} else {
		if g.ctx.Full || g.ctx.Active {
			g.tabs.Draw(screen, g.theme)
		}
		// Under the help overlay the scene is frozen: draw it once.
		if !g.help.open || g.ctx.Full {
			g.scene.Draw(screen, &g.ctx)
		}
		g.drawToasts(screen)
		if g.help.open {
			g.drawHelp(screen)
		}
		if g.debug {
			g.drawDebug(screen)
		}
	}
	g.ctx.Full, g.ctx.Active = false, false
	g.clock.add(time.Since(t0))
	g.report(t0)
	if g.status.Frame >= g.opts.frames && !g.shot && (g.opts.screenshot != "" || g.opts.stats) {
		if g.opts.screenshot != "" {
			saveScreenshot(screen, g.opts.screenshot)
		}
		if g.opts.stats {
			printFrameStats(g.cur.ID, g.frameMs)
		}
		g.shot = true
	}
}

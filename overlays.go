package main

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// A message stays this long after it first reaches the screen, and for at
// least toastFrames drawn frames, so a page still starting up (a few frames
// in several seconds) does not spend a message's time before anyone sees it.
// At most toastShown show at once; the rest wait their turn (a URL with many
// bad values names every one of them), up to toastQueue.
const (
	toastLife   = 10 * time.Second
	toastFrames = 30
	toastShown  = 4
	toastQueue  = 16
)

type toast struct {
	msg    string
	shown  time.Time // zero until first drawn
	frames int       // frames drawn with it on screen
	rect   widgets.Rect
}

func (g *Game) notify(msg string) {
	g.status.Errors = append(g.status.Errors, msg)
	if len(g.status.Errors) > 20 {
		g.status.Errors = g.status.Errors[len(g.status.Errors)-20:]
	}
	g.toasts = append(g.toasts, toast{msg: msg})
	if len(g.toasts) > toastQueue {
		g.toasts = g.toasts[len(g.toasts)-toastQueue:]
	}
}

// visibleToasts is how many messages are on screen.
func (g *Game) visibleToasts() int { return min(len(g.toasts), toastShown) }

// updateToasts expires messages, lays them out, and lets a click on one
// dismiss it without acting on what lies below.
func (g *Game) updateToasts() {
	t, in, now := g.theme, &g.in, time.Now()
	live := g.toasts[:0]
	for _, m := range g.toasts {
		if m.shown.IsZero() || m.frames < toastFrames || now.Sub(m.shown) < toastLife {
			live = append(live, m)
		} else {
			g.ctx.Full = true
		}
	}
	g.toasts = live
	y := math.Round(t.S(36)) + t.S(8)
	for i := range g.toasts {
		m := &g.toasts[i]
		if i >= toastShown {
			m.rect = widgets.Rect{}
			continue
		}
		w := math.Min(t.Width(m.msg, widgets.Body, false)+t.S(24), g.w-t.S(16))
		lines := t.Wrap(m.msg, widgets.Body, w-t.S(24))
		h := float64(len(lines))*t.LineH(widgets.Body)*1.15 + t.S(12)
		m.rect = widgets.Rect{X: (g.w - w) / 2, Y: y, W: w, H: h}
		y += h + t.S(6)
	}
	for i := 0; i < g.visibleToasts(); i++ {
		if in.Pressed && in.Captured == nil && g.toasts[i].rect.Contains(in.X, in.Y) {
			in.Captured = &g.toasts // the press is the message's, not the map's
			g.toasts = append(g.toasts[:i], g.toasts[i+1:]...)
			g.ctx.Full = true
			break
		}
	}
}

func (g *Game) drawToasts(dst *ebiten.Image) {
	t, now := g.theme, time.Now()
	for i := 0; i < g.visibleToasts(); i++ {
		m := &g.toasts[i]
		if m.shown.IsZero() {
			m.shown = now
		}
		m.frames++
		r := m.rect
		widgets.FillRect(dst, r, color.RGBA{0x4A, 0x1E, 0x18, 0xf0})
		widgets.StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Bad)
		t.Paragraph(dst, m.msg, r.X+t.S(12), r.Y+t.S(6), r.W-t.S(24), widgets.Body, assets.Text)
	}
}

// helpView is the help overlay: every global and scene key, in pages when
// the window is short. Any key or click turns the page, then closes it.
type helpView struct {
	open  bool
	page  int
	pages int
	rect  widgets.Rect
	rows  []helpRow
}

type helpRow struct {
	keys  string
	lines []string
	page  int
	y     float64
}

// layoutHelp wraps the descriptions to the box and splits rows into pages.
func (g *Game) layoutHelp() {
	t, h := g.theme, &g.help
	lh := t.LineH(widgets.Body) * 1.3
	w := math.Min(t.S(660), g.w-t.S(16))
	keyW := math.Min(t.S(170), w*0.36)
	textW := w - keyW - t.S(40)
	top := t.S(12) + lh*1.4
	maxH := g.h - t.S(16)
	foot := lh * 1.2
	h.rows = h.rows[:0]
	items := kit.Help(g.keys, g.scene.Keys())
	y, page, tallest := top, 0, top
	for _, it := range items {
		lines := t.Wrap(it.Help, widgets.Body, textW)
		kl := t.Wrap(it.Keys, widgets.Body, keyW)
		rh := float64(max(len(lines), len(kl))) * lh
		if y+rh+foot > maxH && y > top {
			page++
			y = top
		}
		h.rows = append(h.rows, helpRow{keys: it.Keys, lines: lines, page: page, y: y})
		y += rh
		tallest = math.Max(tallest, y)
	}
	h.pages = page + 1
	bh := math.Min(tallest+foot+t.S(8), maxH)
	h.rect = widgets.Rect{X: math.Round((g.w - w) / 2), Y: math.Round((g.h - bh) / 2), W: w, H: bh}
}

func (g *Game) updateHelp() {
	g.layoutHelp()
	if len(inpututil.AppendJustPressedKeys(nil)) > 0 || len(g.ctx.Tapped) > 0 || g.in.Pressed {
		g.in.Captured = &g.help // the closing click does nothing else
		g.ctx.Full = true
		g.help.page++
		if g.help.page >= g.help.pages {
			g.help.open, g.help.page = false, 0
		}
	}
}

func (g *Game) drawHelp(dst *ebiten.Image) {
	t, h := g.theme, &g.help
	if h.rect.W == 0 {
		g.layoutHelp()
	}
	widgets.FillRect(dst, widgets.Rect{W: g.w, H: g.h}, color.RGBA{0, 0, 0, 0xb0})
	r := h.rect
	widgets.FillRect(dst, r, assets.Panel)
	widgets.StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Accent)
	title := "Keys and mouse — " + g.cur.Title
	t.Text(dst, t.Fit(title, widgets.Body, true, r.W-t.S(32)), r.X+t.S(16), r.Y+t.S(12), widgets.Body, true, assets.Text, widgets.Left)
	lh := t.LineH(widgets.Body) * 1.3
	keyW := math.Min(t.S(170), r.W*0.36)
	for _, row := range h.rows {
		if row.page != h.page {
			continue
		}
		for i, l := range t.Wrap(row.keys, widgets.Body, keyW) {
			t.Text(dst, l, r.X+t.S(16), r.Y+row.y+float64(i)*lh, widgets.Body, true, assets.Accent, widgets.Left)
		}
		for i, l := range row.lines {
			t.Text(dst, l, r.X+t.S(24)+keyW, r.Y+row.y+float64(i)*lh, widgets.Body, false, assets.Text, widgets.Left)
		}
	}
	foot := "any key or click closes this"
	if h.pages > 1 {
		foot = fmt.Sprintf("page %d of %d · any key or click: ", h.page+1, h.pages)
		if h.page+1 < h.pages {
			foot += "next page"
		} else {
			foot += "close"
		}
	}
	t.Text(dst, t.Fit(foot, widgets.Small, false, r.W-t.S(32)), r.X+t.S(16), r.Bottom()-lh, widgets.Small, false, assets.Dim, widgets.Left)
}

// debugH is the height of the debug bar at the bottom of the window.
func (g *Game) debugH() float64 { return math.Round(g.theme.LineH(widgets.Small)*2.4 + g.theme.S(8)) }

// drawDebug draws the F3 bar in its own strip under the scene, so it hides
// nothing that is used.
func (g *Game) drawDebug(dst *ebiten.Image) {
	t, s := g.theme, &g.status
	r := widgets.Rect{Y: g.h - g.debugH(), W: g.w, H: g.debugH()}
	widgets.FillRect(dst, r, color.RGBA{0, 0, 0, 0xff})
	lines := []string{
		fmt.Sprintf("scene %s · frame %d · fps %.1f · tps %.1f", s.Scene, s.Frame, s.FPS, s.TPS),
		fmt.Sprintf("Go frame %.2f ms median, %.2f ms p95 · heap %.1f MB · messages %d", s.GoFrameMs, s.GoP95Ms, float64(s.HeapBytes)/1e6, len(s.Errors)),
	}
	lh := t.LineH(widgets.Small) * 1.2
	for i, l := range lines {
		t.Text(dst, t.Fit(l, widgets.Small, false, r.W-t.S(12)), r.X+t.S(6), r.Y+t.S(4)+float64(i)*lh, widgets.Small, false, assets.Yellow, widgets.Left)
	}
}

func (g *Game) drawTooSmall(dst *ebiten.Image) {
	t := g.theme
	msg := fmt.Sprintf("gradlab needs a window of at least %d × %d pixels. Make this one larger, or rotate the device.", minW, minH)
	t.Paragraph(dst, msg, t.S(10), t.S(10), g.w-t.S(20), widgets.Body, assets.Text)
}

package main

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/widgets"
)

func (g *Game) drawToasts(dst *ebiten.Image) {
	t := g.theme
	live := g.toasts[:0]
	for _, m := range g.toasts {
		if m.until > g.status.Frame {
			live = append(live, m)
		}
	}
	g.toasts = live
	y := g.tabs.Rect.H + t.S(8)
	for _, m := range g.toasts {
		w := math.Min(t.Width(m.msg, widgets.Body, false)+t.S(24), g.w-t.S(16))
		lines := t.Wrap(m.msg, widgets.Body, w-t.S(24))
		h := float64(len(lines))*t.LineH(widgets.Body) + t.S(12)
		r := widgets.Rect{X: (g.w - w) / 2, Y: y, W: w, H: h}
		widgets.FillRect(dst, r, color.RGBA{0x4A, 0x1E, 0x18, 0xf0})
		widgets.StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Bad)
		t.Paragraph(dst, m.msg, r.X+t.S(12), r.Y+t.S(6), w-t.S(24), widgets.Body, assets.Text)
		y += h + t.S(6)
	}
}

var globalHelp = []KeyHelp{
	{"1 … 0", "open a scene (the tabs show which exist)"},
	{"? or H", "this help; any key or click closes it"},
	{"F3", "debug overlay: fps, Go frame time, heap"},
}

func (g *Game) drawHelp(dst *ebiten.Image) {
	t := g.theme
	widgets.FillRect(dst, widgets.Rect{W: g.w, H: g.h}, color.RGBA{0, 0, 0, 0xb0})
	items := append(append([]KeyHelp{}, globalHelp...), g.cur.Help()...)
	lh := t.LineH(widgets.Body) * 1.35
	w := math.Min(t.S(620), g.w-t.S(20))
	h := math.Min(float64(len(items)+2)*lh+t.S(24), g.h-t.S(20))
	r := widgets.Rect{X: (g.w - w) / 2, Y: (g.h - h) / 2, W: w, H: h}
	widgets.FillRect(dst, r, assets.Panel)
	widgets.StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Accent)
	t.Text(dst, "Keys and mouse — "+g.cur.Title(), r.X+t.S(16), r.Y+t.S(12), widgets.Body, true, assets.Text, widgets.Left)
	y := r.Y + t.S(12) + lh*1.4
	kx := r.X + t.S(16)
	dx := r.X + math.Min(t.S(190), w*0.4)
	for _, it := range items {
		if y+lh > r.Bottom() {
			break
		}
		t.Text(dst, it.Keys, kx, y, widgets.Body, true, assets.Accent, widgets.Left)
		t.Text(dst, it.What, dx, y, widgets.Body, false, assets.Text, widgets.Left)
		y += lh
	}
}

func (g *Game) drawDebug(dst *ebiten.Image) {
	t := g.theme
	s := &g.status
	lines := []string{
		fmt.Sprintf("scene %s  surface %s  frame %d", s.Scene, s.Surface, s.Frame),
		fmt.Sprintf("fps %.1f  tps %.1f", s.FPS, s.TPS),
		fmt.Sprintf("Go frame %.2f ms median, %.2f ms p95", s.GoFrameMs, s.GoP95Ms),
		fmt.Sprintf("heap %.1f MB  errors %d", float64(s.HeapBytes)/1e6, len(s.Errors)),
	}
	lh := t.LineH(widgets.Small) * 1.2
	r := widgets.Rect{X: t.S(8), Y: g.h - float64(len(lines))*lh - t.S(16), W: t.S(300), H: float64(len(lines))*lh + t.S(8)}
	widgets.FillRect(dst, r, color.RGBA{0, 0, 0, 0xff})
	for i, l := range lines {
		t.Text(dst, l, r.X+t.S(6), r.Y+t.S(4)+float64(i)*lh, widgets.Small, false, assets.Yellow, widgets.Left)
	}
}

// The smallest window, in CSS pixels, that the scenes lay out in.
const minW, minH = 360, 300

func (g *Game) drawTooSmall(dst *ebiten.Image) {
	t := g.theme
	msg := fmt.Sprintf("gradlab needs a window of at least %d × %d pixels. Make this one larger, or rotate the device.", minW, minH)
	t.Paragraph(dst, msg, t.S(10), t.S(10), g.w-t.S(20), widgets.Body, assets.Text)
}

package widgets

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
)

// Antialiased strokes are drawn as ordinary triangles with a one-pixel band
// along each edge that fades to transparent. Ebitengine's own antialiasing
// draws into a double-resolution offscreen and back, two render-target
// switches per stroke: measured in headless Chromium's software WebGL, that
// took three-lrs from the bare page's GPU time per frame to 1.5× it. Feathered
// triangles join the same batch as the blits and fills around them.

// straight is a colour as vertices take it: like the polylines before them,
// the components are passed through as they come (surface3d's faint trail
// colour relies on that).
type straight struct{ r, g, b, a float32 }

func straightOf(c color.Color) straight {
	r, g, b, a := c.RGBA()
	return straight{float32(r) / 0xffff, float32(g) / 0xffff, float32(b) / 0xffff, float32(a) / 0xffff}
}

// appendSegment appends the segment from (x0, y0) to (x1, y1) of width w,
// extended by ext beyond each end (half the width gives square caps that
// cover a polyline's joints). Across the segment the opaque core ends half a
// pixel inside each edge and the band fades out half a pixel outside it;
// with feathered ends, the ends fade the same way, otherwise they are cut.
func appendSegment(vs []ebiten.Vertex, is []uint16, x0, y0, x1, y1, w, ext float64, featherEnds bool, c straight) ([]ebiten.Vertex, []uint16) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	ux, uy := 1.0, 0.0
	if l > 1e-9 {
		ux, uy = dx/l, dy/l
	}
	nx, ny := -uy, ux
	h := w / 2
	peak := c.a
	if w < 1 { // a hairline covers only part of its pixels
		peak *= float32(w)
	}
	across := [4]float64{-h - 0.5, -math.Max(h-0.5, 0), math.Max(h-0.5, 0), h + 0.5}
	along := []float64{-ext, l + ext}
	if featherEnds {
		along = []float64{-ext - 0.5, -ext + 0.5, l + ext - 0.5, l + ext + 0.5}
		if l+2*ext < 1 { // shorter than its feathering: one soft dot
			m := l / 2
			along = []float64{m - 0.5 - ext, m, m, m + 0.5 + ext}
		}
	}
	base := len(vs)
	for j, t := range along {
		for i, s := range across {
			a := float32(0)
			inside := i == 1 || i == 2
			if featherEnds {
				inside = inside && (j == 1 || j == 2)
			}
			if inside {
				a = peak
			}
			vs = append(vs, ebiten.Vertex{
				DstX: float32(x0 + ux*t + nx*s), DstY: float32(y0 + uy*t + ny*s),
				SrcX: 1, SrcY: 1, ColorR: c.r, ColorG: c.g, ColorB: c.b, ColorA: a,
			})
		}
	}
	for j := 0; j+1 < len(along); j++ {
		for i := 0; i < 3; i++ {
			v := uint16(base + j*4 + i)
			is = append(is, v, v+1, v+4, v+1, v+5, v+4)
		}
	}
	return vs, is
}

var featherOpts = &ebiten.DrawTrianglesOptions{ColorScaleMode: ebiten.ColorScaleModeStraightAlpha}

// drawFeathered draws appended segments in one call.
func drawFeathered(dst *ebiten.Image, vs []ebiten.Vertex, is []uint16) {
	if len(is) > 0 {
		dst.DrawTriangles(vs, is, whitePixel, featherOpts)
	}
}

package widgets

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

var whitePixel = func() *ebiten.Image {
	img := ebiten.NewImage(3, 3)
	img.Fill(color.White)
	return img.SubImage(img.Bounds().Inset(1)).(*ebiten.Image)
}()

// FillRect fills r.
func FillRect(dst *ebiten.Image, r Rect, c color.Color) {
	vector.DrawFilledRect(dst, float32(r.X), float32(r.Y), float32(r.W), float32(r.H), c, false)
}

// StrokeRect outlines r with a line of width w inside it.
func StrokeRect(dst *ebiten.Image, r Rect, w float64, c color.Color) {
	vector.StrokeRect(dst, float32(r.X+w/2), float32(r.Y+w/2), float32(r.W-w), float32(r.H-w), float32(w), c, false)
}

// Line draws one anti-aliased segment.
func Line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.Color) {
	vector.StrokeLine(dst, float32(x0), float32(y0), float32(x1), float32(y1), float32(w), c, true)
}

// Circle fills a disc.
func Circle(dst *ebiten.Image, x, y, r float64, c color.Color) {
	vector.DrawFilledCircle(dst, float32(x), float32(y), float32(r), c, true)
}

// Ring outlines a circle.
func Ring(dst *ebiten.Image, x, y, r, w float64, c color.Color) {
	vector.StrokeCircle(dst, float32(x), float32(y), float32(r), float32(w), c, true)
}

// Stroker draws polylines through DrawTriangles, reusing its buffers between
// calls (Ebitengine 2.8 has no StrokePath).
type Stroker struct {
	path vector.Path
	vs   []ebiten.Vertex
	is   []uint16
}

// Polyline strokes the points xy = x0, y0, x1, y1, … ; closed joins the end
// to the start.
func (s *Stroker) Polyline(dst *ebiten.Image, xy []float32, closed bool, w float64, c color.Color) {
	if len(xy) < 4 {
		return
	}
	// vector.Path indexes with uint16: split long lines into chunks that
	// overlap by one point.
	const chunk = 4000
	for start := 0; start+2 < len(xy); start += chunk * 2 {
		end := min(start+chunk*2+2, len(xy))
		s.path = vector.Path{}
		s.path.MoveTo(xy[start], xy[start+1])
		for i := start + 2; i+1 < end; i += 2 {
			s.path.LineTo(xy[i], xy[i+1])
		}
		if closed && start == 0 && end == len(xy) {
			s.path.Close()
		}
		s.stroke(dst, w, c)
	}
}

func (s *Stroker) stroke(dst *ebiten.Image, w float64, c color.Color) {
	s.vs, s.is = s.path.AppendVerticesAndIndicesForStroke(s.vs[:0], s.is[:0], &vector.StrokeOptions{
		Width: float32(w), LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound})
	r, g, b, a := c.RGBA()
	for i := range s.vs {
		s.vs[i].SrcX, s.vs[i].SrcY = 1, 1
		s.vs[i].ColorR = float32(r) / 0xffff
		s.vs[i].ColorG = float32(g) / 0xffff
		s.vs[i].ColorB = float32(b) / 0xffff
		s.vs[i].ColorA = float32(a) / 0xffff
	}
	dst.DrawTriangles(s.vs, s.is, whitePixel, &ebiten.DrawTrianglesOptions{AntiAlias: true})
}

// WithAlpha returns c with its alpha scaled by a (colours are premultiplied).
func WithAlpha(c color.Color, a float64) color.RGBA {
	r, g, b, al := c.RGBA()
	return color.RGBA{uint8(float64(r>>8) * a), uint8(float64(g>>8) * a), uint8(float64(b>>8) * a), uint8(float64(al>>8) * a)}
}

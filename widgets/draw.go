package widgets

import (
	"image/color"
	"math"

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

// Line draws one antialiased segment with butt ends.
func Line(dst *ebiten.Image, x0, y0, x1, y1, w float64, c color.Color) {
	lineVs, lineIs = appendSegment(lineVs[:0], lineIs[:0], x0, y0, x1, y1, w, 0, true, straightOf(c))
	drawFeathered(dst, lineVs, lineIs)
}

var (
	lineVs []ebiten.Vertex
	lineIs []uint16
)

// Circle fills a disc. Discs and rings are drawn antialiased once into small
// cached sprites and then blitted: Ebitengine batches blits from its atlas,
// while every antialiased vector draw is a separate, costly pass (a big deal
// under software WebGL).
func Circle(dst *ebiten.Image, x, y, r float64, c color.Color) {
	drawSprite(dst, x, y, spriteKey{r: q4(r), c: rgba(c)})
}

// Ring outlines a circle.
func Ring(dst *ebiten.Image, x, y, r, w float64, c color.Color) {
	drawSprite(dst, x, y, spriteKey{r: q4(r), w: q4(w), c: rgba(c)})
}

type spriteKey struct {
	r, w int // quarter pixels; w == 0 means filled
	c    color.RGBA
}

var sprites = map[spriteKey]*ebiten.Image{}

func q4(v float64) int { return max(int(v*4+0.5), 1) }

func rgba(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func drawSprite(dst *ebiten.Image, x, y float64, k spriteKey) {
	img, ok := sprites[k]
	r, w := float64(k.r)/4, float64(k.w)/4
	half := int(r+w/2) + 2
	if !ok {
		img = spriteImage(k.c, r, w, half)
		sprites[k] = img
	}
	Blit(dst, img, x-float64(half), y-float64(half))
}

// spriteImage rasterises a disc (w == 0) or ring on the CPU with analytic
// antialiasing: cheaper than a GPU antialiased draw, which needs an offscreen
// buffer per image.
func spriteImage(c color.RGBA, r, w float64, half int) *ebiten.Image {
	n := 2 * half
	pix := make([]byte, 4*n*n)
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			d := math.Hypot(float64(x)+0.5-float64(half), float64(y)+0.5-float64(half))
			var a float64
			if w == 0 {
				a = r + 0.5 - d
			} else {
				a = w/2 + 0.5 - math.Abs(d-r)
			}
			a = math.Min(math.Max(a, 0), 1)
			o := 4 * (y*n + x)
			pix[o], pix[o+1], pix[o+2], pix[o+3] = uint8(float64(c.R)*a), uint8(float64(c.G)*a), uint8(float64(c.B)*a), uint8(float64(c.A)*a)
		}
	}
	img := ebiten.NewImage(n, n)
	img.WritePixels(pix)
	return img
}

// Stroker draws polylines through DrawTriangles, reusing its buffers. Add
// queues a polyline with its own colour; Flush draws everything queued in one
// call (Ebitengine 2.8 has no StrokePath).
type Stroker struct {
	// Aliased skips antialiasing: thin plot lines look fine without it, at
	// half the vertices.
	Aliased bool

	path vector.Path
	vs   []ebiten.Vertex
	is   []uint16
}

// Polyline strokes the points xy = x0, y0, x1, y1, … at once; closed joins
// the end to the start.
func (s *Stroker) Polyline(dst *ebiten.Image, xy []float32, closed bool, w float64, c color.Color) {
	s.Add(dst, xy, closed, w, c)
	s.Flush(dst)
}

// Add queues a polyline, flushing into dst first if the batch is full.
func (s *Stroker) Add(dst *ebiten.Image, xy []float32, closed bool, w float64, c color.Color) {
	if len(xy) < 4 {
		return
	}
	if !s.Aliased {
		s.addFeathered(dst, xy, closed, w, c)
		return
	}
	// Vertices are indexed with uint16: split long lines into chunks that
	// overlap by one point, and flush before a batch could overflow.
	const chunk = 1000
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
		if len(s.vs) > 30000 {
			s.Flush(dst)
		}
		s.add(w, c)
	}
}

// addFeathered queues the polyline as feathered segments whose ends overlap
// by half the width, which covers the joints as square caps would. Points
// closer than half a pixel to the last one kept add nothing: converged runs
// pile up thousands of steps on one spot.
func (s *Stroker) addFeathered(dst *ebiten.Image, xy []float32, closed bool, w float64, c color.Color) {
	col := straightOf(c)
	n := len(xy) / 2
	px, py := float64(xy[0]), float64(xy[1])
	seg := func(x, y float64) {
		if len(s.vs) > 65535-16 {
			s.Flush(dst)
		}
		s.vs, s.is = appendSegment(s.vs, s.is, px, py, x, y, w, w/2, true, col)
		px, py = x, y
	}
	for i := 1; i < n; i++ {
		x, y := float64(xy[2*i]), float64(xy[2*i+1])
		if math.Hypot(x-px, y-py) < 0.5 && i < n-1 {
			continue
		}
		seg(x, y)
	}
	if closed {
		seg(float64(xy[0]), float64(xy[1]))
	}
}

// Joins are bevelled: at these widths they look like round joins, which cost
// many more vertices per point.
func (s *Stroker) add(w float64, c color.Color) {
	base := len(s.vs)
	s.vs, s.is = s.path.AppendVerticesAndIndicesForStroke(s.vs, s.is, &vector.StrokeOptions{
		Width: float32(w), LineJoin: vector.LineJoinBevel, LineCap: vector.LineCapRound})
	r, g, b, a := c.RGBA()
	for i := base; i < len(s.vs); i++ {
		s.vs[i].SrcX, s.vs[i].SrcY = 1, 1
		s.vs[i].ColorR = float32(r) / 0xffff
		s.vs[i].ColorG = float32(g) / 0xffff
		s.vs[i].ColorB = float32(b) / 0xffff
		s.vs[i].ColorA = float32(a) / 0xffff
	}
}

// Flush draws the queued polylines in one call and empties the queue.
func (s *Stroker) Flush(dst *ebiten.Image) {
	if len(s.is) > 0 {
		if s.Aliased {
			dst.DrawTriangles(s.vs, s.is, whitePixel, nil)
		} else {
			drawFeathered(dst, s.vs, s.is)
		}
	}
	s.vs, s.is = s.vs[:0], s.is[:0]
}

// Blit draws img with its top-left corner at (x, y).
func Blit(dst, img *ebiten.Image, x, y float64) {
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Translate(x, y)
	dst.DrawImage(img, op)
}

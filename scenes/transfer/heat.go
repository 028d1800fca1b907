package transfer

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	tl "gradlab/sim/transfer"
	"gradlab/widgets"
)

// heat shows, under the region views, every weight of the fine-tuned
// network as one cell coloured by how far it moved since pretraining:
// each layer's W as its rows (inputs) by its columns (outputs), one cell
// size for all, so the layers keep their proportions. A weight that has
// not changed by a single bit is drawn in the backdrop's grey, apart from
// the colour map, so a frozen layer reads as one flat block.
type heat struct {
	// area is the strip given by the layout (empty when there is no room);
	// blocks and labels are each layer's map and title line.
	area   widgets.Rect
	blocks []widgets.Rect
	labels []string
	imgs   []*ebiten.Image
	pix    [][]byte
	// drawn is the text generation the pictures were made for.
	drawn int
}

// unchanged is the colour of a weight whose bits did not change.
var unchanged = assets.Border

// layoutHeat places the layers' maps in area with one cell size.
func (h *heat) layout(t *widgets.Theme, area widgets.Rect) {
	h.area = area
	h.blocks = h.blocks[:0]
	if area.H <= 0 {
		return
	}
	lh := t.LineH(widgets.Small) + t.S(4)
	gap := t.S(16)
	layers := len(tl.Sizes) - 1
	cols := 0
	rows := 0
	for l := 0; l < layers; l++ {
		cols += tl.Sizes[l+1]
		rows = max(rows, tl.Sizes[l])
	}
	// Each block is at least as wide as its label needs to be readable.
	minW := t.S(150)
	cell := math.Floor(math.Min((area.H-2*lh)/float64(rows), (area.W-gap*float64(layers-1))/float64(cols)))
	cell = math.Min(cell, math.Round(t.S(5)))
	if cell < 1.5 {
		h.area = widgets.Rect{}
		return
	}
	x := area.X
	for l := 0; l < layers; l++ {
		w, hh := cell*float64(tl.Sizes[l+1]), cell*float64(tl.Sizes[l])
		slot := math.Max(w, minW)
		h.blocks = append(h.blocks, widgets.Rect{X: x, Y: area.Y + lh, W: w, H: hh})
		x += slot + gap
	}
	if x-gap > area.Right()+0.5 {
		// The labels' room does not fit: no strip rather than a squeezed one.
		h.area, h.blocks = widgets.Rect{}, h.blocks[:0]
	}
}

// draw paints the maps from the comparison's weights when the words were
// refreshed (a few times a second), or copies the last ones.
func (h *heat) draw(dst *ebiten.Image, t *widgets.Theme, c *tl.Comparison, gen int, full bool) {
	if h.area.H <= 0 || len(h.blocks) == 0 {
		return
	}
	if !full && gen == h.drawn {
		return
	}
	h.drawn = gen
	widgets.FillRect(dst, h.area, assets.Panel)
	if c == nil {
		t.Text(dst, t.Fit("each weight's change since pretraining shows here once fine-tuning starts", widgets.Small, false, h.area.W),
			h.area.X, h.area.Y, widgets.Small, false, assets.Dim, widgets.Left)
		return
	}
	net, start := c.Fine.Net, c.Start()
	ps := net.Params()
	top := 0.0
	for l := range h.blocks {
		r := ps[2*l]
		for i := r.Lo; i < r.Hi; i++ {
			top = math.Max(top, math.Abs(net.Theta[i]-start[i]))
		}
	}
	if len(h.imgs) != len(h.blocks) {
		h.imgs, h.pix = make([]*ebiten.Image, len(h.blocks)), make([][]byte, len(h.blocks))
	}
	for l, b := range h.blocks {
		r := ps[2*l]
		if h.imgs[l] == nil {
			h.imgs[l] = ebiten.NewImage(r.Cols, r.Rows)
			h.pix[l] = make([]byte, 4*r.Rows*r.Cols)
		}
		moved := 0.0
		for k := 0; k < r.Rows*r.Cols; k++ {
			d := math.Abs(net.Theta[r.Lo+k] - start[r.Lo+k])
			col := unchanged
			if math.Float64bits(net.Theta[r.Lo+k]) != math.Float64bits(start[r.Lo+k]) {
				// A square root spreads the small changes over the map.
				col = assets.Viridis(math.Sqrt(d / math.Max(top, 1e-300)))
			}
			moved = math.Max(moved, d)
			p := h.pix[l][4*k : 4*k+4]
			p[0], p[1], p[2], p[3] = col.R, col.G, col.B, 0xff
		}
		h.imgs[l].WritePixels(h.pix[l])
		var op ebiten.DrawImageOptions
		op.GeoM.Scale(b.W/float64(r.Cols), b.H/float64(r.Rows))
		op.GeoM.Translate(b.X, b.Y)
		dst.DrawImage(h.imgs[l], &op)
		name := fmt.Sprintf("layer %d W", l+1)
		if l == len(h.blocks)-1 {
			name = "head W"
		}
		state := "max " + fmtDelta(moved)
		if l < net.Frozen {
			state = "frozen, all " + fmtDelta(moved)
		}
		lc := assets.Neutral
		if l < net.Frozen && moved == 0 {
			lc = assets.Good
		}
		t.Text(dst, t.Fit(fmt.Sprintf("%s %d×%d · %s", name, r.Rows, r.Cols, state), widgets.Small, false, math.Max(b.W, t.S(150))),
			b.X, h.area.Y, widgets.Small, false, lc, widgets.Left)
	}
	y := h.area.Bottom() - t.LineH(widgets.Small)
	widgets.FillRect(dst, widgets.Rect{X: h.area.X, Y: y + t.S(3), W: t.S(10), H: t.S(10)}, unchanged)
	t.Text(dst, t.Fit(fmt.Sprintf("not a bit changed · brighter: moved more (square-root scale up to %s)", fmtDelta(top)), widgets.Small, false, h.area.W-t.S(16)),
		h.area.X+t.S(16), y, widgets.Small, false, assets.Dim, widgets.Left)
}

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
	// minW is the width each map's label has room for.
	minW float64
	// keyY is the top of the colour key's line, under the maps.
	keyY float64
}

// unchanged is the colour of a weight whose bits did not change.
var unchanged = assets.Border

// layout places the layers' maps in area with one cell size: in one row
// where they fit, else in as many rows as it takes (a phone), the largest
// cells that fit with room for each map's label over it.
func (h *heat) layout(t *widgets.Theme, area widgets.Rect) {
	h.area = area
	h.blocks = h.blocks[:0]
	if area.H <= 0 {
		return
	}
	lh := t.LineH(widgets.Small) + t.S(4)
	gap := t.S(16)
	layers := len(tl.Sizes) - 1
	top := math.Round(t.S(5))
	// A wide label room first (the full wording), a narrow one (the
	// short wording) where that leaves no room.
	for _, minW := range []float64{t.S(150), t.S(80)} {
		best, bestPer := 0.0, 0
		for perRow := layers; perRow >= 1; perRow-- {
			for cell := top; cell >= 2 && cell > best; cell-- {
				if h.place(area, cell, perRow, minW, lh, gap) {
					best, bestPer = cell, perRow
					break
				}
			}
		}
		if best > 0 {
			h.minW = minW
			h.place(area, best, bestPer, minW, lh, gap)
			return
		}
	}
	// The labels' room does not fit: no maps rather than squeezed ones.
	h.area, h.blocks = widgets.Rect{}, h.blocks[:0]
}

// place lays the blocks out perRow to a row with cells of side cell and
// reports whether they fit in area.
func (h *heat) place(area widgets.Rect, cell float64, perRow int, minW, lh, gap float64) bool {
	layers := len(tl.Sizes) - 1
	h.blocks = h.blocks[:0]
	y := area.Y + lh
	for first := 0; first < layers; first += perRow {
		x, rows := area.X, 0
		for l := first; l < min(first+perRow, layers); l++ {
			w, hh := cell*float64(tl.Sizes[l+1]), cell*float64(tl.Sizes[l])
			h.blocks = append(h.blocks, widgets.Rect{X: x, Y: y, W: w, H: hh})
			x += math.Max(w, minW) + gap
			rows = max(rows, tl.Sizes[l])
		}
		if x-gap > area.Right()+0.5 {
			return false
		}
		y += cell*float64(rows) + gap + lh
	}
	// The colour key's line goes under the last row.
	h.keyY = y - gap - lh + 2
	return h.keyY+lh <= area.Bottom()+0.5
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
		t.Text(dst, fitFirst(t, widgets.Small, false, h.area.W, "each weight's change since pretraining shows here once fine-tuning starts", "weight maps: once fine-tuning starts"),
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
		t.Text(dst, fitFirst(t, widgets.Small, false, math.Max(b.W, h.minW), fmt.Sprintf("%s %d×%d · %s", name, r.Rows, r.Cols, state), name+" · "+state, name),
			b.X, b.Y-t.LineH(widgets.Small)-t.S(4), widgets.Small, false, lc, widgets.Left)
	}
	y := h.keyY
	widgets.FillRect(dst, widgets.Rect{X: h.area.X, Y: y + t.S(3), W: t.S(10), H: t.S(10)}, unchanged)
	t.Text(dst, fitFirst(t, widgets.Small, false, h.area.W-t.S(16), fmt.Sprintf("not a bit changed · brighter: moved more (square-root scale up to %s)", fmtDelta(top)),
		fmt.Sprintf("not a bit changed · brighter: moved more (up to %s)", fmtDelta(top)), "not a bit changed"),
		h.area.X+t.S(16), y, widgets.Small, false, assets.Dim, widgets.Left)
}

package race

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/widgets"
)

// hover is the read-out under the pointer: f and ∇f on the map, the values
// at a step on the plots. It is worked out in Update and drawn in Draw,
// inside a panel that is repainted every frame, so it leaves no trace.
type hover struct {
	clip  widgets.Rect
	x, y  float64
	lines []string
	cols  []color.Color
	mark  float64 // the plot's x of a vertical guide, or NaN
}

func (s *Scene) updateHover(c *kit.Ctx) {
	in, h := c.In, &s.hover
	h.lines, h.cols, h.mark = h.lines[:0], h.cols[:0], math.NaN()
	h.x, h.y = in.X, in.Y
	if p := s.m.Plot(); p.Contains(in.X, in.Y) && !s.ui.caption.Open() && !s.mode3d {
		d := s.m.ToData(in.X, in.Y)
		_, fstar := s.surf.Minimum()
		f := s.surf.F(d.X, d.Y)
		gx, gy := s.surf.Grad(d.X, d.Y)
		h.clip = s.m.Rect
		h.add(fmt.Sprintf("(x, y) = (%s, %s)", widgets.Num(d.X), widgets.Num(d.Y)), assets.Text)
		h.add(fmt.Sprintf("f = %s   f − f* = %s", widgets.Num(f), widgets.Num(f-fstar)), assets.Text)
		h.add(fmt.Sprintf("grad f = (%s, %s)", widgets.Num(gx), widgets.Num(gy)), assets.Neutral)
		return
	}
	if x, _, ok := s.lossPlot.DataAt(in.X, in.Y); ok && s.ui.lossPanel.W > 0 {
		k := int(math.Round(x))
		h.clip, h.mark = s.ui.lossPanel, float64(k)
		h.add(fmt.Sprintf("step %d", k), assets.Text)
		for _, r := range s.race.Runners {
			if k >= 0 && k < len(r.Gap) {
				h.add(fmt.Sprintf("%s  f − f* %s", r.Kind.Name(), widgets.Num(r.Gap[k])), kit.KindColor(r.Kind))
			}
		}
		return
	}
	if x, _, ok := s.lrPlot.DataAt(in.X, in.Y); ok && s.ui.lrPanel.W > 0 {
		k := max(int(math.Round(x)), 0)
		h.clip, h.mark = s.ui.lrPanel, float64(k)
		h.add(fmt.Sprintf("step %d: η/η₀ = %s", k, widgets.Num(s.sched.Factor(k))), assets.Text)
	}
}

func (h *hover) add(line string, c color.Color) {
	h.lines = append(h.lines, line)
	h.cols = append(h.cols, c)
}

// draw puts the read-out beside the pointer, inside its panel.
func (h *hover) draw(dst *ebiten.Image, t *widgets.Theme, guide func() (x, y0, y1 float64)) {
	if len(h.lines) == 0 {
		return
	}
	clip := dst.SubImage(h.clip.Image()).(*ebiten.Image)
	if !math.IsNaN(h.mark) && guide != nil {
		x, y0, y1 := guide()
		widgets.FillRect(clip, widgets.Rect{X: math.Round(x), Y: y0, W: math.Max(1, t.S(1)), H: y1 - y0}, color.RGBA{0xff, 0xff, 0xff, 0x80})
	}
	lh := t.LineH(widgets.Small) * 1.2
	w := 0.0
	for _, l := range h.lines {
		w = math.Max(w, t.Width(l, widgets.Small, false))
	}
	w += t.S(12)
	ht := float64(len(h.lines))*lh + t.S(8)
	x, y := h.x+t.S(14), h.y+t.S(14)
	if x+w > h.clip.Right() {
		x = h.x - t.S(14) - w
	}
	if y+ht > h.clip.Bottom() {
		y = h.y - t.S(14) - ht
	}
	x = math.Max(x, h.clip.X)
	y = math.Max(y, h.clip.Y)
	r := widgets.Rect{X: x, Y: y, W: w, H: ht}
	widgets.FillRect(clip, r, color.RGBA{0x10, 0x12, 0x16, 0xe8})
	widgets.StrokeRect(clip, r, math.Max(1, t.S(1)), assets.Border)
	for i, l := range h.lines {
		t.Text(clip, l, r.X+t.S(6), r.Y+t.S(4)+float64(i)*lh, widgets.Small, false, h.cols[i], widgets.Left)
	}
}

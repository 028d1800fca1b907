package gradcheck

import (
	"fmt"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	gc "gradlab/sim/gradcheck"
	"gradlab/widgets"
)

// drawCheck draws the whole-network check: per layer a histogram of the
// errors over decades, coloured by band, with the maximum and median, and
// the verdict in words.
func (s *Scene) drawCheck(dst *ebiten.Image, t *widgets.Theme) {
	u, c := &s.ui, &s.chk
	title := fmt.Sprintf("whole network: %d parameters, centered differences", s.net.size())
	if c.asked {
		title += " at h = " + num(c.h)
	}
	in := kit.Panel(dst, t, u.chkP, title)
	lh := lineH(t)
	y := in.Y
	if len(u.layerHits) > 0 {
		y = u.rowsY + float64(len(u.layerHits))*u.rowH
	}
	// text wraps a paragraph into what is left; a cut paragraph ends in
	// "…" (the status object and a taller window have all of it).
	text := func(txt string, c color.Color) {
		lines := t.Wrap(txt, widgets.Body, in.W)
		for i, l := range lines {
			if y+lh > in.Bottom()+1 {
				return
			}
			if i+1 < len(lines) && y+2*lh > in.Bottom()+1 {
				l = t.Fit(l+" …", widgets.Body, false, in.W)
			}
			t.Text(dst, t.Fit(l, widgets.Body, false, in.W), in.X, y, widgets.Body, false, c, widgets.Left)
			y += lh
		}
	}
	if !c.finished() {
		for i, hit := range u.layerHits {
			r := s.net.ranges[i]
			t.Text(dst, t.Fit(fmt.Sprintf("%s  (%d×%d = %d parameters)", r.Name, r.Rows, r.Cols, r.Hi-r.Lo), widgets.Body, false, hit.W-t.S(8)),
				hit.X+t.S(4), hit.Y+(hit.H-t.LineH(widgets.Body))/2, widgets.Body, false, assets.Dim, widgets.Left)
		}
	}
	switch {
	case !c.asked || c.m == nil:
		text("Press C or \"check network\" to compare backprop with centered differences for every parameter at the current h.", assets.Neutral)
		bug := "bug injected: none"
		if s.bugI != 0 {
			bug = "bug injected: " + bugs[s.bugI].Name()
		}
		text(bug, assets.Dim)
	case !c.finished():
		frac := float64(c.done) / float64(max(len(c.errs), 1))
		text(fmt.Sprintf("checking… %d of %d parameters", c.done, len(c.errs)), assets.Neutral)
		bar := widgets.Rect{X: in.X, Y: y, W: in.W, H: t.S(6)}
		if bar.Bottom() <= in.Bottom() {
			widgets.FillRect(dst, bar, assets.Border)
			bar.W *= frac
			widgets.FillRect(dst, bar, assets.Accent)
		}
	default:
		for i, hit := range u.layerHits {
			s.drawLayerRow(dst, t, i, hit)
		}
		if len(u.layerHits) > 0 {
			// The histograms' axis: decades, with the band edges, each
			// label only where it clears the ones already written.
			var taken [][2]float64
			for _, e := range []int{histLo, histHi, -7, -4} {
				x := u.histX + u.histW*float64(e-histLo)/float64(histHi-histLo)
				w := t.Width(pow10(e), widgets.Small, false)
				lo := x - w/2
				switch e {
				case histLo:
					lo = x
				case histHi:
					lo = x - w
				}
				free := true
				for _, r := range taken {
					free = free && (lo+w+t.S(4) < r[0] || lo > r[1]+t.S(4))
				}
				if free {
					taken = append(taken, [2]float64{lo, lo + w})
					t.Text(dst, pow10(e), lo, y-t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
				}
			}
			t.Text(dst, t.Fit("rel. error →", widgets.Small, false, u.histX-in.X-t.S(4)), in.X, y-t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
			y += smallH(t)
		}
		text(c.verdict(), bandColor(gc.Band(c.worstErr()).Severity))
	}
}

// drawLayerRow draws one block's histogram and numbers.
func (s *Scene) drawLayerRow(dst *ebiten.Image, t *widgets.Theme, i int, hit widgets.Rect) {
	u, c := &s.ui, &s.chk
	sm, hist := c.sums[i], c.hists[i]
	if s.isNet() && s.net.block(s.param).ID == c.m.ranges[i].ID {
		widgets.FillRect(dst, hit, assets.PanelHi)
	}
	x := hit.X + t.S(4)
	// Two lines of text each side where the row is tall enough, else one
	// (the name, and the maximum coloured by its band).
	two := hit.H >= t.LineH(widgets.Body)+t.LineH(widgets.Small)+t.S(2)
	nameY := hit.Y + t.S(1)
	if !two {
		nameY = hit.Y + (hit.H-t.LineH(widgets.Body))/2
	}
	t.Text(dst, t.Fit(sm.Name, widgets.Body, true, u.histX-x-t.S(4)), x, nameY, widgets.Body, true, assets.Text, widgets.Left)
	if two {
		t.Text(dst, t.Fit(fmt.Sprintf("%d · %s", sm.N, sm.Band.Name), widgets.Small, false, u.histX-x-t.S(6)), x, hit.Y+hit.H-smallH(t), widgets.Small, false, bandColor(sm.Band.Severity), widgets.Left)
	}
	// Bars: height by count relative to the layer's fullest decade.
	most := 1
	for _, n := range hist {
		most = max(most, n)
	}
	bw := u.histW / float64(len(hist))
	base := hit.Bottom() - t.S(2)
	hh := hit.H - t.S(6)
	widgets.FillRect(dst, widgets.Rect{X: u.histX, Y: base, W: u.histW, H: math.Max(1, t.S(1))}, assets.Border)
	for k, n := range hist {
		if n == 0 {
			continue
		}
		mid := math.Pow(10, float64(histLo+k)+0.5)
		bh := math.Max(t.S(2), hh*float64(n)/float64(most))
		widgets.FillRect(dst, widgets.Rect{X: u.histX + float64(k)*bw + 0.5, Y: base - bh, W: math.Max(bw-1, 1), H: bh}, bandColor(gc.Band(mid).Severity))
	}
	tx := u.histX + u.histW + t.S(8)
	tw := hit.Right() - tx - t.S(2)
	if !two {
		t.Text(dst, t.Fit("max "+num(sm.Max), widgets.Small, false, tw), tx, hit.Y+(hit.H-t.LineH(widgets.Small))/2, widgets.Small, false, bandColor(sm.Band.Severity), widgets.Left)
		return
	}
	t.Text(dst, t.Fit("max "+num(sm.Max), widgets.Small, false, tw), tx, hit.Y+t.S(1), widgets.Small, false, bandColor(sm.Band.Severity), widgets.Left)
	t.Text(dst, t.Fit("median "+num(sm.Median), widgets.Small, false, tw), tx, hit.Y+hit.H-smallH(t), widgets.Small, false, bandColor(gc.Band(sm.Median).Severity), widgets.Left)
	if k := c.kinkCount(i); k > 0 {
		t.Text(dst, t.Fit(fmt.Sprintf("%d crossed a kink", k), widgets.Small, false, u.histW), u.histX, hit.Y+t.S(1), widgets.Small, false, assets.Bad, widgets.Left)
	}
}

package gradcheck

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	gc "gradlab/sim/gradcheck"
	"gradlab/widgets"
)

// drawReadout draws the numbers at h: analytic, centered and forward side
// by side in float64 (and float32), their relative errors in band colours
// and the verdict in words.
func (s *Scene) drawReadout(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	title := "at h = " + num(s.h)
	if s.isNet() {
		title += "  ·  θ[" + itoa(s.param) + "] = " + s.net.describe(s.param)
	}
	in := kit.Panel(dst, t, u.readPanel, title)
	lh := lineH(t)
	y := in.Y
	end := in.Bottom()
	line := func(f func(y float64)) bool {
		if y+lh > end+1 {
			return false
		}
		f(y)
		y += lh
		return true
	}
	labW := math.Min(t.S(96), in.W*0.34)
	cols := 2
	if s.isNet() {
		cols = 1
	}
	colW := (in.W - labW) / float64(cols)
	cell := func(txt string, col int, y float64, c color.Color) {
		t.Text(dst, t.Fit(txt, widgets.Body, false, colW-t.S(6)), in.X+labW+float64(col)*colW, y, widgets.Body, false, c, widgets.Left)
	}
	lab := func(txt string, y float64) {
		t.Text(dst, t.Fit(txt, widgets.Small, false, labW-t.S(4)), in.X, y+t.S(1), widgets.Small, false, assets.Dim, widgets.Left)
	}
	if s.isNet() {
		line(func(y float64) {
			lab("parameter", y)
			cell("value "+sig(s.point(), 6)+"  ·  "+itoa(s.net.size())+" in all", 0, y, assets.Neutral)
		})
	} else {
		line(func(y float64) {
			for i, p := range gc.Precisions {
				t.Text(dst, p.String(), in.X+labW+float64(i)*colW, y+t.S(1), widgets.Small, true, assets.Dim, widgets.Left)
			}
		})
	}
	digits := []int{10, 8}
	rows := []struct {
		label string
		get   func(r reading) float64
		err   func(r reading) float64
	}{
		{"analytic", func(r reading) float64 { return r.analytic }, nil},
		{"centered", func(r reading) float64 { return r.centered }, nil},
		{"  rel. error", nil, func(r reading) float64 { return r.errC }},
		{"forward", func(r reading) float64 { return r.forward }, nil},
		{"  rel. error", nil, func(r reading) float64 { return r.errF }},
	}
	if s.isNet() {
		rows[0].label = "analytic (backprop)"
	}
	for _, row := range rows {
		ok := line(func(y float64) {
			lab(row.label, y)
			for i := 0; i < cols; i++ {
				r := s.at[i]
				if row.get != nil {
					cell(fitSig(t, row.get(r), digits[i], colW-t.S(6)), i, y, assets.Text)
					continue
				}
				e := row.err(r)
				g := gc.Band(e)
				txt := num(e)
				if e == 0 {
					txt = "0 (exact)"
				}
				widgets.FillRect(dst, widgets.Rect{X: in.X + labW + float64(i)*colW, Y: y + lh*0.25, W: t.S(7), H: t.S(7)}, bandColor(g.Severity))
				t.Text(dst, t.Fit(txt+"  "+g.Name, widgets.Body, false, colW-t.S(18)), in.X+labW+float64(i)*colW+t.S(11), y, widgets.Body, false, bandColor(g.Severity), widgets.Left)
			}
		})
		if !ok {
			return
		}
	}
	// The verdict on the standard check (centered, float64), then the
	// kink if the step crosses one.
	g := gc.Band(s.at[0].errC)
	verdict := "centered, float64: " + g.Verdict
	if s.crosses(gc.Centered) {
		verdict += ". x ± h straddle a kink " + num(s.kinkH) + " away: the difference mixes two slopes"
	} else if s.crosses(gc.Forward) {
		verdict += ". The forward step crosses the kink " + num(s.kinkH) + " away"
	}
	if why := s.side(); why != "" && g.Severity > gc.Good && !s.crosses(gc.Centered) {
		verdict += ". " + why
	}
	for _, l := range t.Wrap(verdict, widgets.Body, in.W) {
		if !line(func(y float64) {
			t.Text(dst, t.Fit(l, widgets.Body, false, in.W), in.X, y, widgets.Body, false, bandColor(g.Severity), widgets.Left)
		}) {
			return
		}
	}
}

// fitSig writes v with as many of n significant digits as fit in w.
func fitSig(t *widgets.Theme, v float64, n int, w float64) string {
	for d := n; d > 3; d-- {
		if txt := sig(v, d); t.Width(txt, widgets.Body, false) <= w {
			return txt
		}
	}
	return sig(v, 3)
}

// side says which arm of the centered float64 V the current h is on.
func (s *Scene) side() string {
	if len(s.curves) == 0 || !s.curves[0].vOK {
		return ""
	}
	best := s.curves[0].v.BestH
	if s.h < best {
		return "h is left of the V's bottom (near " + num(best) + "): rounding dominates"
	}
	return "h is right of the V's bottom (near " + num(best) + "): truncation dominates"
}

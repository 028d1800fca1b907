package kit

import (
	"math"
	"sort"

	"gradlab/widgets"
)

// PanelSpec asks for one side panel. Min is the least height it is useful
// at; Want the height it would like. Panels that do not fit at Min are
// dropped, highest Drop first; a Grow panel (the caption) takes what is
// left over.
type PanelSpec struct {
	Min, Want float64
	Drop      int
	Grow      bool
}

// Screen is a scene's split of its area: the main view, the side panels
// (in the order asked, empty when dropped) and the control strip.
type Screen struct {
	Main   widgets.Rect
	Panels []widgets.Rect
	Strip  widgets.Rect
	// Wide is true when the panels stand beside the main view.
	Wide bool
}

// Same reports whether two layouts put everything in the same place. A
// scene whose layout moved (the strip grew a row, a panel went) repaints
// in full: pixels of the old layout would otherwise stay where nothing
// draws any more.
func (s Screen) Same(o Screen) bool {
	if s.Main != o.Main || s.Strip != o.Strip || s.Wide != o.Wide || len(s.Panels) != len(o.Panels) {
		return false
	}
	for i := range s.Panels {
		if s.Panels[i] != o.Panels[i] {
			return false
		}
	}
	return true
}

// Layout is the frame every scene follows: the control strip along the
// bottom, the main view (keeping aspect w/h where it can) and the side
// panels beside it on wide screens or under it on narrow ones. The main view
// always gets at least half of the area's height in the narrow layout and
// the larger part of its width in the wide one.
func Layout(t *widgets.Theme, area widgets.Rect, strip *Strip, aspect float64, specs []PanelSpec) Screen {
	pad := math.Round(t.S(8))
	// The strip may take a fifth of the height (at least one row); more
	// controls go to further pages.
	st := strip.Layout(t, area, math.Max(area.H*0.2, t.S(50)))
	body := widgets.Rect{X: area.X + pad, Y: area.Y + pad, W: math.Max(area.W-2*pad, 1), H: math.Max(st.Y-area.Y-2*pad, 1)}
	sc := Screen{Strip: st, Panels: make([]widgets.Rect, len(specs))}
	if body.W >= body.H*1.15 {
		sc.Wide = true
		sideW := math.Round(math.Min(math.Max(body.W*0.34, t.S(230)), t.S(440)))
		sideW = math.Min(sideW, body.W*0.45)
		sc.Main = widgets.Rect{X: body.X, Y: body.Y, W: body.W - sideW - pad, H: body.H}
		col := widgets.Rect{X: sc.Main.Right() + pad, Y: body.Y, W: sideW, H: body.H}
		column(col, pad, specs, sc.Panels)
		return sc
	}
	// Narrow: the main view on top, fitted to its aspect but never under
	// half of the area, the panels in the band below.
	mainH := math.Min(body.W/aspect+t.S(30), body.H*0.55)
	mainH = math.Round(math.Max(mainH, area.H*0.5))
	mainH = math.Min(mainH, body.H)
	sc.Main = widgets.Rect{X: body.X, Y: body.Y, W: body.W, H: mainH}
	band := widgets.Rect{X: body.X, Y: sc.Main.Bottom() + pad, W: body.W, H: body.Bottom() - sc.Main.Bottom() - pad}
	if band.H <= 0 || len(specs) == 0 {
		return sc
	}
	// On a wide enough band the first panel runs across and the others sit
	// side by side under it.
	if n := len(specs); n > 1 && band.W >= t.S(520) {
		first := column(band, pad, specs[:1], sc.Panels[:1])
		rest := widgets.Rect{X: band.X, Y: first + pad, W: band.W, H: band.Bottom() - first - pad}
		row(rest, pad, specs[1:], sc.Panels[1:])
		return sc
	}
	column(band, pad, specs, sc.Panels)
	return sc
}

// column stacks panels top to bottom in col and returns the bottom edge
// used. Panels are served in order of importance (lowest Drop first): each
// gets the height it wants if there is room, else its minimum, else
// nothing; a Grow panel then takes what is left. So a small window shows
// fewer panels whole rather than every panel squashed.
func column(col widgets.Rect, pad float64, specs []PanelSpec, out []widgets.Rect) float64 {
	order := make([]int, len(specs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return specs[order[a]].Drop < specs[order[b]].Drop })
	hs := make([]float64, len(specs))
	left := col.H + pad // every panel costs its height and one pad
	for _, i := range order {
		s := specs[i]
		want := s.Want
		if s.Grow || want < s.Min {
			want = s.Min
		}
		switch {
		case want+pad <= left:
			hs[i] = want
		case s.Min+pad <= left:
			hs[i] = left - pad
		default:
			continue
		}
		left -= hs[i] + pad
	}
	for i, s := range specs {
		if s.Grow && hs[i] > 0 && left > 0 {
			hs[i] += left
			left = 0
		}
	}
	y := col.Y
	for i := range specs {
		out[i] = widgets.Rect{}
		if hs[i] > 0 {
			out[i] = widgets.Rect{X: col.X, Y: y, W: col.W, H: math.Round(hs[i])}
			y += math.Round(hs[i]) + pad
		}
	}
	return y - pad
}

// row puts panels side by side in r, each as tall as r. Grow panels
// (captions) stay out of a row: they need width to be read.
func row(r widgets.Rect, pad float64, specs []PanelSpec, out []widgets.Rect) {
	var idx []int
	for i, s := range specs {
		out[i] = widgets.Rect{}
		if !s.Grow && s.Min <= r.H {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 || r.H <= 0 {
		return
	}
	w := (r.W - pad*float64(len(idx)-1)) / float64(len(idx))
	for j, i := range idx {
		out[i] = widgets.Rect{X: math.Round(r.X + float64(j)*(w+pad)), Y: r.Y, W: math.Floor(w), H: r.H}
	}
}

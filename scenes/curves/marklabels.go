package curves

import (
	"math"

	"gradlab/widgets"
)

// placed is a label put beside an evidence ring: its text and its box
// (top-left corner and size, device pixels).
type placed struct {
	text string
	box  widgets.Rect
}

func overlaps(a, b widgets.Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

func inside(r, area widgets.Rect) bool {
	return r.X >= area.X && r.Y >= area.Y && r.Right() <= area.Right() && r.Bottom() <= area.Bottom()
}

// placeLabels puts each ring's label in the first of the spots around
// it (right, left, above, below, then beside it a line at a time farther
// up or down) that stays in area and
// clears every box in avoid, the other rings and the labels placed before
// it. Where none is clear it takes the spot that overlaps least, so a
// label is never dropped.
func placeLabels(t *widgets.Theme, pts [][2]float64, texts []string, ring float64, avoid []widgets.Rect, area widgets.Rect) []placed {
	h := t.LineH(widgets.Small)
	taken := append([]widgets.Rect(nil), avoid...)
	for _, p := range pts {
		taken = append(taken, widgets.Rect{X: p[0] - ring, Y: p[1] - ring, W: 2 * ring, H: 2 * ring})
	}
	var out []placed
	for i, p := range pts {
		if texts[i] == "" {
			continue
		}
		w := t.Width(texts[i], widgets.Small, false)
		x, y := p[0], p[1]
		d := ring + t.S(3)
		spots := []widgets.Rect{
			{X: x + d, Y: y - h/2, W: w, H: h},
			{X: x - d - w, Y: y - h/2, W: w, H: h},
			{X: x - w/2, Y: y - d - h, W: w, H: h},
			{X: x - w/2, Y: y + d, W: w, H: h},
		}
		// Then stepped up and down beside the ring, a line at a time.
		for k := 1.0; k <= 4; k++ {
			for _, dy := range []float64{-k * h, k * h} {
				spots = append(spots,
					widgets.Rect{X: x + d, Y: y - h/2 + dy, W: w, H: h},
					widgets.Rect{X: x - d - w, Y: y - h/2 + dy, W: w, H: h})
			}
		}
		best, bestCost := spots[0], math.Inf(1)
		for _, r := range spots {
			cost := 0.0
			if !inside(r, area) {
				cost += 1e6
			}
			for _, o := range taken {
				if overlaps(r, o) {
					cost += 1 + overlapArea(r, o)
				}
			}
			if cost < bestCost {
				best, bestCost = r, cost
			}
			if cost == 0 {
				break
			}
		}
		taken = append(taken, best)
		out = append(out, placed{texts[i], best})
	}
	return out
}

func overlapArea(a, b widgets.Rect) float64 {
	w := math.Min(a.Right(), b.Right()) - math.Max(a.X, b.X)
	h := math.Min(a.Bottom(), b.Bottom()) - math.Max(a.Y, b.Y)
	return math.Max(w, 0) * math.Max(h, 0)
}

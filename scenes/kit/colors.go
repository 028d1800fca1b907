package kit

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/sim"
	"gradlab/widgets"
)

// KindColor gives each optimizer one Okabe–Ito colour, the same in every
// scene; optimizers added later get a neutral colour rather than a panic.
func KindColor(k sim.Kind) color.RGBA {
	switch k {
	case sim.SGD:
		return assets.Yellow
	case sim.Momentum:
		return assets.SkyBlue
	case sim.Nesterov:
		return assets.Blue
	case sim.RMSProp:
		return assets.Green
	case sim.Adam:
		return assets.Purple
	case sim.AdaGrad:
		return assets.Orange
	case sim.AdamW:
		return assets.Vermilion
	}
	return assets.Neutral
}

// Marker is a shape that tells series apart where colours are close (two
// blues, yellow and orange) or not seen.
type Marker int

const (
	Disc Marker = iota
	Square
	Ring
	Box
	Diamond
	Plus
	Cross
)

// KindMarker gives each optimizer its own shape, so look-alike colours
// differ in shape too.
func KindMarker(k sim.Kind) Marker {
	for i, x := range sim.Kinds {
		if x == k {
			return Marker(i % 7)
		}
	}
	return Disc
}

// DrawMarker draws shape m of radius r centred at (x, y), with a dark
// outline so it reads on any background.
func DrawMarker(dst *ebiten.Image, m Marker, x, y, r float64, c color.Color) {
	w := math.Max(1.5, r*0.45)
	switch m {
	case Square:
		widgets.FillRect(dst, widgets.Rect{X: x - r - 1, Y: y - r - 1, W: 2*r + 2, H: 2*r + 2}, color.Black)
		widgets.FillRect(dst, widgets.Rect{X: x - r, Y: y - r, W: 2 * r, H: 2 * r}, c)
	case Ring:
		widgets.Ring(dst, x, y, r, w, c)
	case Box:
		widgets.StrokeRect(dst, widgets.Rect{X: x - r + w/2, Y: y - r + w/2, W: 2*r - w, H: 2*r - w}, w, c)
	case Diamond:
		pts := [][2]float64{{x, y - r*1.2}, {x + r*1.2, y}, {x, y + r*1.2}, {x - r*1.2, y}}
		for i := range pts {
			a, b := pts[i], pts[(i+1)%4]
			widgets.Line(dst, a[0], a[1], b[0], b[1], w, c)
		}
	case Plus:
		widgets.Line(dst, x-r, y, x+r, y, w*1.3, c)
		widgets.Line(dst, x, y-r, x, y+r, w*1.3, c)
	case Cross:
		d := r * 0.85
		widgets.Line(dst, x-d, y-d, x+d, y+d, w*1.3, c)
		widgets.Line(dst, x-d, y+d, x+d, y-d, w*1.3, c)
	default:
		widgets.Circle(dst, x, y, r+1, color.Black)
		widgets.Circle(dst, x, y, r, c)
	}
}

// StatusColor is green for converged, orange for ran out of steps, red for
// diverged.
func StatusColor(s sim.Status) color.RGBA {
	switch s {
	case sim.Converged:
		return assets.Good
	case sim.Finished:
		return assets.Slow
	case sim.Diverged:
		return assets.Bad
	}
	return assets.Neutral
}

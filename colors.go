package main

import (
	"image/color"

	"gradlab/assets"
	"gradlab/sim"
)

// kindColor gives each optimizer one Okabe–Ito colour, the same in every
// scene.
var kindColor = map[sim.Kind]color.RGBA{
	sim.SGD:      assets.Yellow,
	sim.Momentum: assets.SkyBlue,
	sim.Nesterov: assets.Blue,
	sim.RMSProp:  assets.Green,
	sim.Adam:     assets.Purple,
	sim.AdaGrad:  assets.Orange,
	sim.AdamW:    assets.Vermilion,
}

// statusColor is green for converged, orange for ran out of steps, red for
// diverged.
func statusColor(s sim.Status) color.RGBA {
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

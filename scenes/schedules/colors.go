package schedules

import (
	"image/color"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim"
)

var (
	dimColor = assets.Dim
	badColor = assets.Bad
)

// kindColor gives each schedule its own Okabe–Ito colour (the constant
// baseline a neutral grey), the same on every plot.
func kindColor(k sim.ScheduleKind) color.RGBA {
	switch k {
	case sim.StepDecay:
		return assets.Orange
	case sim.MultiStep:
		return assets.Yellow
	case sim.Exponential:
		return assets.Purple
	case sim.Cosine:
		return assets.SkyBlue
	case sim.WarmupCos:
		return assets.Green
	case sim.OneCycle:
		return assets.Blue
	case sim.WarmRestart:
		return assets.Vermilion
	}
	return assets.Neutral
}

// kindMarker gives each schedule a shape too, for the colours that are
// close (orange and vermilion, the two blues).
func kindMarker(k sim.ScheduleKind) kit.Marker {
	switch k {
	case sim.StepDecay:
		return kit.Square
	case sim.MultiStep:
		return kit.Box
	case sim.Exponential:
		return kit.Plus
	case sim.Cosine:
		return kit.Disc
	case sim.WarmupCos:
		return kit.Diamond
	case sim.OneCycle:
		return kit.Cross
	case sim.WarmRestart:
		return kit.Ring
	}
	return kit.Disc
}

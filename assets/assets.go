// Package assets holds what the program embeds: its font and its palette.
// Nothing is fetched at run time.
package assets

import (
	"image/color"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// Regular and Bold are the parsed Go fonts, which ship inside the module
// rather than being loaded from a CDN.
var Regular, Bold = mustParse(goregular.TTF), mustParse(gobold.TTF)

func mustParse(b []byte) *opentype.Font {
	f, err := opentype.Parse(b)
	if err != nil {
		panic("assets: " + err.Error())
	}
	return f
}

func rgb(v uint32) color.RGBA {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// Okabe–Ito colours, distinguishable with the common colour-vision
// deficiencies. Series use them in this order.
var (
	Orange    = rgb(0xE69F00)
	SkyBlue   = rgb(0x56B4E9)
	Green     = rgb(0x009E73)
	Yellow    = rgb(0xF0E442)
	Blue      = rgb(0x0072B2)
	Vermilion = rgb(0xD55E00)
	Purple    = rgb(0xCC79A7)
)

// Status colours: good, slow, diverged.
var (
	Good     = rgb(0x2BB673)
	Slow     = rgb(0xE69F00)
	Bad      = rgb(0xE8503A)
	Neutral  = rgb(0xC9CED6)
	Dim      = rgb(0x8A93A0)
	Text     = rgb(0xE8EBEF)
	Panel    = rgb(0x1B1F26)
	PanelHi  = rgb(0x262C35)
	Border   = rgb(0x353D49)
	Backdrop = rgb(0x12151A)
	Accent   = rgb(0x56B4E9)
)

// viridis sampled at nine evenly spaced stops; Viridis interpolates between
// them, close enough to the full table for a background map.
var viridis = [...]color.RGBA{
	rgb(0x440154), rgb(0x472C7A), rgb(0x3B518B), rgb(0x2C718E), rgb(0x21908D),
	rgb(0x27AD81), rgb(0x5CC863), rgb(0xAADC32), rgb(0xFDE725),
}

// Viridis maps t in [0, 1] (clamped) to the perceptual viridis colour map.
func Viridis(t float64) color.RGBA {
	if !(t > 0) { // also catches NaN
		return viridis[0]
	}
	if t >= 1 {
		return viridis[len(viridis)-1]
	}
	x := t * float64(len(viridis)-1)
	i := int(x)
	f := x - float64(i)
	a, b := viridis[i], viridis[i+1]
	mix := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*f + 0.5) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

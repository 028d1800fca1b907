//go:build e2e

package e2e

import (
	"image"
	"image/color"
	"math"
)

// region is a rectangle of an image in its own pixels.
func region(img image.Image, r [4]float64, scale float64) image.Rectangle {
	return image.Rect(int(r[0]*scale), int(r[1]*scale), int((r[0]+r[2])*scale), int((r[1]+r[3])*scale)).Intersect(img.Bounds())
}

func rgb(c color.Color) (float64, float64, float64) {
	r, g, b, _ := c.RGBA()
	return float64(r >> 8), float64(g >> 8), float64(b >> 8)
}

// distinctColours counts colours after quantising each channel to 16 levels:
// a blank or flat area has a handful, a colour map has hundreds.
func distinctColours(img image.Image, r image.Rectangle) int {
	seen := map[[3]int]bool{}
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			a, b, c := rgb(img.At(x, y))
			seen[[3]int{int(a) / 16, int(b) / 16, int(c) / 16}] = true
		}
	}
	return len(seen)
}

// near counts pixels within dist of the colour want.
func near(img image.Image, r image.Rectangle, want color.RGBA, dist float64) int {
	n := 0
	wr, wg, wb := rgb(want)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a, b, c := rgb(img.At(x, y))
			if math.Abs(a-wr)+math.Abs(b-wg)+math.Abs(c-wb) < dist {
				n++
			}
		}
	}
	return n
}

// changed is the fraction of pixels in r that differ clearly between a and b.
func changed(a, b image.Image, r image.Rectangle) float64 {
	n, tot := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			r1, g1, b1 := rgb(a.At(x, y))
			r2, g2, b2 := rgb(b.At(x, y))
			if math.Abs(r1-r2)+math.Abs(g1-g2)+math.Abs(b1-b2) > 40 {
				n++
			}
			tot++
		}
	}
	return float64(n) / float64(max(tot, 1))
}

// Optimizer colours as the program draws them (Okabe–Ito).
var (
	sgdYellow  = color.RGBA{0xF0, 0xE4, 0x42, 0xff}
	momBlue    = color.RGBA{0x56, 0xB4, 0xE9, 0xff}
	adamPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xff}
)

// looksLikeRace checks that a map region shows a colour map with the three
// default optimizers' paths on it.
func looksLikeRace(img image.Image, r image.Rectangle) (ok bool, why string) {
	if n := distinctColours(img, r); n < 60 {
		return false, "the map has only a few colours"
	}
	for name, c := range map[string]color.RGBA{"SGD": sgdYellow, "Momentum": momBlue, "Adam": adamPurple} {
		if near(img, r, c, 30) < 15 {
			return false, "no " + name + " path on the map"
		}
	}
	return true, ""
}

package widgets

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// Slider picks a value in [Min, Max], on a log scale when Log is set. The
// label and value text sit above the track.
type Slider struct {
	Rect     Rect
	Label    string
	Min, Max float64
	Log      bool
	Value    float64
	// Format renders the value; nil uses %.3g.
	Format func(float64) string
}

// frac maps the value to [0, 1] along the track.
func (s *Slider) frac() float64 {
	v := math.Min(math.Max(s.Value, s.Min), s.Max)
	if s.Log {
		return (math.Log(v) - math.Log(s.Min)) / (math.Log(s.Max) - math.Log(s.Min))
	}
	return (v - s.Min) / (s.Max - s.Min)
}

// At maps a track fraction to a value.
func (s *Slider) At(f float64) float64 {
	switch {
	case !(f > 0):
		return s.Min
	case f >= 1:
		return s.Max
	case s.Log:
		return math.Exp(math.Log(s.Min) + f*(math.Log(s.Max)-math.Log(s.Min)))
	}
	return s.Min + f*(s.Max-s.Min)
}

// Nudge moves the value by n twentieths of the track, clamped; it returns the
// new value.
func (s *Slider) Nudge(n int) float64 {
	s.Value = s.At(s.frac() + float64(n)/20)
	return s.Value
}

func (s *Slider) track(t *Theme) Rect {
	top := t.LineH(Small) + t.S(2)
	return Rect{s.Rect.X + t.S(6), s.Rect.Y + top, s.Rect.W - t.S(12), s.Rect.H - top}
}

// Update follows a press or drag on the slider; it reports a change.
func (s *Slider) Update(in *Input, t *Theme) bool {
	if !in.Owns(s, s.Rect) || !in.Down && !in.Released {
		return false
	}
	tr := s.track(t)
	v := s.At((in.X - tr.X) / tr.W)
	if v == s.Value {
		return false
	}
	s.Value = v
	return true
}

// Draw draws label, value, track and knob.
func (s *Slider) Draw(dst *ebiten.Image, t *Theme) {
	val := ""
	if s.Format != nil {
		val = s.Format(s.Value)
	} else {
		val = Num(s.Value)
	}
	t.Text(dst, s.Label, s.Rect.X, s.Rect.Y, Small, false, assets.Dim, Left)
	t.Text(dst, val, s.Rect.Right(), s.Rect.Y, Small, false, assets.Text, Right)
	tr := s.track(t)
	cy := tr.Y + tr.H/2
	FillRect(dst, Rect{tr.X, cy - t.S(2), tr.W, t.S(4)}, assets.Border)
	kx := tr.X + tr.W*s.frac()
	FillRect(dst, Rect{tr.X, cy - t.S(2), kx - tr.X, t.S(4)}, assets.Accent)
	Circle(dst, kx, cy, t.S(7), assets.Text)
}

package widgets

import (
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"gradlab/assets"
)

// Text sizes in CSS pixels before scaling. The program uses three faces,
// Small, Body and bold Body: every face rasterises its glyphs on first use,
// which is most of the first frame's cost in the page.
const (
	Small = 11.0
	Body  = 13.0
)

// Theme carries the UI scale and font faces built for it.
type Theme struct {
	// Scale is device pixels per CSS pixel (times any UI zoom).
	Scale float64
	faces map[faceKey]*text.GoXFace
	wraps map[wrapKey][]string
}

type wrapKey struct {
	s       string
	size, w float64
}

type faceKey struct {
	px   int
	bold bool
}

// NewTheme returns a theme at scale s.
func NewTheme(s float64) *Theme {
	return &Theme{Scale: s, faces: map[faceKey]*text.GoXFace{}, wraps: map[wrapKey][]string{}}
}

// S converts a design length to device pixels.
func (t *Theme) S(v float64) float64 { return v * t.Scale }

// Face returns the face for a design size, rounded to whole device pixels so
// glyphs stay crisp, built once.
func (t *Theme) Face(size float64, bold bool) *text.GoXFace {
	k := faceKey{max(int(math.Round(size*t.Scale)), 6), bold}
	if f, ok := t.faces[k]; ok {
		return f
	}
	src := assets.Regular
	if bold {
		src = assets.Bold
	}
	ff, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(k.px), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("widgets: " + err.Error())
	}
	f := text.NewGoXFace(ff)
	t.faces[k] = f
	return f
}

// Align says where x is relative to the text.
type Align int

const (
	Left Align = iota
	Center
	Right
)

// Text draws s with its top at y.
func (t *Theme) Text(dst *ebiten.Image, s string, x, y, size float64, bold bool, c color.Color, a Align) {
	op := &text.DrawOptions{}
	op.GeoM.Translate(math.Round(x), math.Round(y))
	op.ColorScale.ScaleWithColor(c)
	op.PrimaryAlign = [...]text.Align{text.AlignStart, text.AlignCenter, text.AlignEnd}[a]
	text.Draw(dst, s, t.Face(size, bold), op)
}

// TextMid draws s vertically centred on y.
func (t *Theme) TextMid(dst *ebiten.Image, s string, x, y, size float64, bold bool, c color.Color, a Align) {
	t.Text(dst, s, x, y-t.LineH(size)/2, size, bold, c, a)
}

// Width measures s.
func (t *Theme) Width(s string, size float64, bold bool) float64 {
	return text.Advance(s, t.Face(size, bold))
}

// LineH is the line height of a size.
func (t *Theme) LineH(size float64) float64 {
	m := t.Face(size, false).Metrics()
	return math.Ceil(m.HAscent + m.HDescent)
}

// Wrap breaks s into lines no wider than w, at spaces; explicit newlines
// start new paragraphs. Results are remembered: captions are rewrapped only
// when their text or width changes.
func (t *Theme) Wrap(s string, size, w float64) []string {
	k := wrapKey{s, size, w}
	if out, ok := t.wraps[k]; ok {
		return out
	}
	if len(t.wraps) > 256 {
		clear(t.wraps)
	}
	out := t.wrap(s, size, w)
	t.wraps[k] = out
	return out
}

func (t *Theme) wrap(s string, size, w float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && t.Width(try, size, false) > w {
				out = append(out, line)
				line = word
			} else {
				line = try
			}
		}
		out = append(out, line)
	}
	return out
}

// Paragraph draws wrapped text from y down and returns the y below it.
func (t *Theme) Paragraph(dst *ebiten.Image, s string, x, y, w, size float64, c color.Color) float64 {
	lh := t.LineH(size) * 1.15
	for _, l := range t.Wrap(s, size, w) {
		t.Text(dst, l, x, y, size, false, c, Left)
		y += lh
	}
	return y
}

// Panel draws the standard panel background with an optional title and
// returns the area below the title.
func (t *Theme) Panel(dst *ebiten.Image, r Rect, title string) Rect {
	FillRect(dst, r, assets.Panel)
	StrokeRect(dst, r, math.Max(1, t.S(1)), assets.Border)
	if title == "" {
		return r.Inset(t.S(8))
	}
	t.Text(dst, title, r.X+t.S(8), r.Y+t.S(5), Small, false, assets.Dim, Left)
	in := r.Inset(t.S(8))
	in.Y += t.S(14)
	in.H = max(in.H-t.S(14), 0)
	return in
}

// Fit shortens s with an ellipsis so it is at most w wide, so text is
// shortened rather than cut by its panel's edge.
func (t *Theme) Fit(s string, size float64, bold bool, w float64) string {
	if t.Width(s, size, bold) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // the longest prefix that fits with the ellipsis
		mid := (lo + hi + 1) / 2
		if t.Width(string(r[:mid])+"…", size, bold) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// MissingGlyphs lists the runes of s that the embedded font cannot draw, so
// tests can keep every visible string free of empty boxes.
func MissingGlyphs(s string) []rune {
	var b sfnt.Buffer
	var out []rune
	for _, r := range s {
		if r == '\n' || r == ' ' {
			continue
		}
		if i, err := assets.Regular.GlyphIndex(&b, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out
}

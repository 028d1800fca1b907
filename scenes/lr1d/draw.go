package lr1d

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/quad"
	"gradlab/widgets"
)

// fade is how many of the latest iterates are drawn each, fading with age
// to the faint tone the older path keeps.
const fade = 24

// curveView is one parabola with its iterates: f(x) = (L/2)x² in 1-D, or
// one cross-section of the two-direction bowl.
type curveView struct {
	rect   widgets.Rect // the part of the main panel it has
	area   widgets.Rect // where the curve is drawn
	name   string       // "x" or "y"
	L      float64
	xr     float64 // the x range is −xr … xr
	fmax   float64 // the f range is 0 … fmax
	label  string
	img    *ebiten.Image // the cached curve, axes and labels
	cached curveKey
}

type curveKey struct {
	r              widgets.Rect
	L, xr, fmax, s float64
	label          string
}

// drawState is what is already on screen.
type drawState struct {
	panels   panelsKey
	chrome   chromeKey
	version  int
	plotN    int  // iterates drawn into the plot's series layer
	plotLog  bool // the axis they were drawn on
	plotMark bool // the arrival marks
}

type panelsKey struct {
	version, shown      int
	logAxis, two, notes bool
	main, plot, read    widgets.Rect
	lines               int
}

type chromeKey struct {
	version, speed int
	playing        bool
	page           int
}

// layoutCurves splits the main panel into one view, or two (side by side
// when it is wide) with a common f scale, so the steeper bowl looks steeper.
func (s *Scene) layoutCurves(t *widgets.Theme) {
	u := &s.ui
	in := kit.PanelInner(t, u.mainPanel, true)
	xr := 1.3 * s.x0
	n := 1
	if s.two {
		n = 2
	}
	if len(u.curves) != n {
		for i := range u.curves {
			if u.curves[i].img != nil {
				u.curves[i].img.Deallocate()
			}
		}
		u.curves = make([]curveView, n)
	}
	lmax := s.L
	if s.two {
		lmax = math.Max(s.L, s.L2)
	}
	gap := t.S(8)
	for i := range u.curves {
		v := &u.curves[i]
		r := in
		if n == 2 {
			if in.W > in.H*1.2 {
				w := (in.W - gap) / 2
				r = widgets.Rect{X: in.X + float64(i)*(w+gap), Y: in.Y, W: w, H: in.H}
			} else {
				h := (in.H - gap) / 2
				r = widgets.Rect{X: in.X, Y: in.Y + float64(i)*(h+gap), W: in.W, H: h}
			}
		}
		v.rect, v.xr, v.fmax = r, xr, lmax/2*xr*xr
		v.name, v.L = "x", s.L
		v.label = ""
		if n == 2 {
			v.label = "along x: L₁ = " + widgets.Num(s.L)
			if i == 1 {
				v.name, v.L = "y", s.L2
				v.label = "along y: L₂ = " + widgets.Num(s.L2)
			}
		}
		top := lineH(t) + t.S(2)
		bottom := t.LineH(widgets.Small) + t.S(6)
		v.area = widgets.Rect{X: r.X + t.S(6), Y: r.Y + top, W: math.Max(r.W-t.S(12), 1), H: math.Max(r.H-top-bottom, 1)}
	}
}

// topLabel says what height the chart's top edge stands for (the f axis
// has no other label).
func (v *curveView) topLabel() string { return "top: f = " + widgets.Num(v.fmax) }

// startLabel names the view's start: x₀, or y₀ on y's cross-section.
func (v *curveView) startLabel() string { return v.name + "₀" }

// toScreen maps a point of a view to the screen, held a little outside the
// area so a far-off iterate is drawn as leaving the chart.
func (v *curveView) toScreen(x, f float64, m float64) (float64, float64) {
	a := v.area
	sx := a.X + (x+v.xr)/(2*v.xr)*a.W
	sy := a.Bottom() - f/v.fmax*a.H
	if math.IsNaN(sx) || math.IsNaN(sy) {
		return a.X, a.Bottom()
	}
	return math.Min(math.Max(sx, a.X-m), a.Right()+m), math.Min(math.Max(sy, a.Y-m), a.Bottom())
}

// xTicks are the x axis's ticks, about one per 70 px and at least two.
func (v *curveView) xTicks(t *widgets.Theme) []float64 {
	return widgets.AxisTicks(-v.xr, v.xr, max(int(v.area.W/t.S(70)), 2))
}

// prepare draws the view's curve and axes into its cache when they changed.
func (v *curveView) prepare(t *widgets.Theme) {
	k := curveKey{v.rect, v.L, v.xr, v.fmax, t.Scale, v.label}
	if k == v.cached && v.img != nil {
		return
	}
	v.cached = k
	w, h := max(int(math.Ceil(v.rect.W)), 1), max(int(math.Ceil(v.rect.H)), 1)
	if v.img == nil || v.img.Bounds().Dx() != w || v.img.Bounds().Dy() != h {
		if v.img != nil {
			v.img.Deallocate()
		}
		v.img = ebiten.NewImage(w, h)
	}
	img := v.img
	img.Fill(assets.Panel)
	loc := func(x, y float64) (float64, float64) { return x - v.rect.X, y - v.rect.Y }
	a := v.area
	ax, ay := loc(a.X, a.Y)
	widgets.FillRect(img, widgets.Rect{X: ax, Y: ay, W: a.W, H: a.H}, assets.Backdrop)
	grid := color.RGBA{0x2A, 0x30, 0x3A, 0xff}
	lw := math.Max(1, t.S(1))
	xt := v.xTicks(t)
	for _, x := range xt {
		sx, _ := v.toScreen(x, 0, 0)
		lx, _ := loc(sx, 0)
		widgets.FillRect(img, widgets.Rect{X: math.Round(lx), Y: ay, W: lw, H: a.H}, grid)
		// Labels stay inside the view, however far the edge tick is out.
		lab := widgets.TickLabel(x, xt)
		hw := t.Width(lab, widgets.Small, false) / 2
		cx := math.Min(math.Max(lx, hw+1), v.rect.W-hw-1)
		t.Text(img, lab, cx, ay+a.H+t.S(3), widgets.Small, false, assets.Dim, widgets.Center)
	}
	// The minimum, and the curve.
	mx, _ := v.toScreen(0, 0, 0)
	lmx, _ := loc(mx, 0)
	widgets.FillRect(img, widgets.Rect{X: math.Round(lmx), Y: ay, W: lw, H: a.H}, assets.Border)
	var xy []float32
	for i := 0; i <= 120; i++ {
		x := -v.xr + 2*v.xr*float64(i)/120
		sx, sy := v.toScreen(x, v.L/2*x*x, 0)
		lx, ly := loc(sx, sy)
		xy = append(xy, float32(lx), float32(ly))
	}
	var st widgets.Stroker
	st.Polyline(img, xy, false, t.S(2.5), assets.Neutral)
	widgets.StrokeRect(img, widgets.Rect{X: ax, Y: ay, W: a.W, H: a.H}, lw, assets.Border)
	t.Text(img, v.topLabel(), lmx+t.S(6), ay+t.S(2), widgets.Small, false, assets.Dim, widgets.Left)
}

// Draw repaints the views, the plot and the readout when the run or the
// layout changed, and the strip and caption when touched.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	pk := panelsKey{s.version, s.shown, s.logAxis, s.two, u.caption.Open(), u.mainPanel, u.plotP, u.readP, len(u.lines)}
	if c.Full || pk != s.drawn.panels {
		s.drawn.panels = pk
		s.drawMain(dst, t)
		if u.plotP.H > 0 {
			s.drawPlot(dst, t)
		}
		if u.readP.H > 0 {
			s.drawReadout(dst, t)
		}
	}
	ck := chromeKey{s.version, s.speedIdx, s.playing, u.strip.Page()}
	if c.Full || c.Active || ck != s.drawn.chrome {
		s.drawn.chrome = ck
		u.caption.Draw(dst, t)
		s.drawStrip(dst, t)
	}
	u.caption.DrawOverlay(dst, t)
}

func (s *Scene) mainTitle() string {
	if s.two {
		return fmt.Sprintf("f(x, y) = (L₁x² + L₂y²)/2 · one η = %s for both · t = %d", widgets.Num(s.lr), s.shown)
	}
	return fmt.Sprintf("f(x) = (L/2)x², L = %s · x ← (1 − ηL)x = %s·x · t = %d", widgets.Num(s.L), factorText(quad.Factor(s.lr*s.L)), s.shown)
}

// headlines are a view's regime in a few words, drawn over it, longest
// first: a narrow view takes the first that fits, and every one keeps the
// number (the steps, or the step it diverged at).
func (s *Scene) headlines(d dir) []string {
	var key string
	switch {
	case s.run.diverged >= 0 && s.run.divDir == d.name && s.shown >= s.run.diverged:
		key = fmt.Sprintf("diverged at step %d", s.run.diverged)
	case d.steps >= 0:
		key = stepsText(d.steps)
	default:
		key = "never"
	}
	tail := key
	switch {
	case strings.HasPrefix(key, "diverged"):
	case d.steps >= 0:
		tail = fmt.Sprintf("%s to |%s| < %s", key, d.name, thrText)
	default:
		tail = "never reaches " + thrText
	}
	reg := d.regime.Name()
	if !s.two {
		return []string{reg + " · " + tail, reg + " · " + key, key}
	}
	full := fmt.Sprintf("%s (%s = %s): ", d.name, d.lname, widgets.Num(d.L))
	return []string{full + reg + " · " + tail, d.name + ": " + reg + " · " + tail, d.name + ": " + reg + " · " + key, d.name + ": " + key}
}

// headline is the longest of the headlines that fits in w.
func headline(t *widgets.Theme, hs []string, w float64) string {
	for _, h := range hs {
		if t.Width(h, widgets.Body, true) <= w {
			return h
		}
	}
	return t.Fit(hs[len(hs)-1], widgets.Body, true, w)
}

func (s *Scene) drawMain(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	kit.Panel(dst, t, u.mainPanel, s.mainTitle())
	ds := s.dirs()
	for i := range u.curves {
		v := &u.curves[i]
		v.prepare(t)
		widgets.Blit(dst, v.img, v.rect.X, v.rect.Y)
		xs := s.run.xs
		if i == 1 {
			xs = s.run.ys
		}
		s.drawIterates(dst, t, v, xs)
		d := ds[min(i, len(ds)-1)]
		head := headline(t, s.headlines(d), v.rect.W)
		t.Text(dst, head, v.rect.X, v.rect.Y, widgets.Body, true, s.lineColor(d), widgets.Left)
	}
}

// mark is one iterate a view draws: its index, and whether it lies off
// the chart (then drawn at the curve's end with an arrow pointing out).
type mark struct {
	i   int
	off bool
}

// maxOld is how many iterates older than the last fade a view draws as
// dots at most: a long run is thinned to every k-th, so the whole path
// stays on the curve at a bounded cost.
const maxOld = 120

// trail is the iterates a view draws as dots at step shown: the start x₀
// always (it carries the x₀ label), the older ones thinned to at most
// maxOld, and the last fade each, so a long or diverging run keeps its
// whole path in view.
func trail(xs []float64, shown int, xr float64) []mark {
	shown = min(shown, len(xs)-1)
	from := max(shown-fade, 0)
	k := max((from+maxOld-1)/maxOld, 1)
	out := make([]mark, 0, from/k+fade+2)
	for i := 0; i < from; i += k {
		out = append(out, mark{i, !(math.Abs(xs[i]) <= xr)})
	}
	for i := from; i <= shown; i++ {
		out = append(out, mark{i, !(math.Abs(xs[i]) <= xr)})
	}
	return out
}

// drawIterates draws the jumps between iterates and the iterates on the
// curve (the whole path, thinned dots on long runs), older ones fading,
// the current one ringed, clipped to the view;
// an iterate off the chart sits at the curve's end with an arrow.
func (s *Scene) drawIterates(dst *ebiten.Image, t *widgets.Theme, v *curveView, xs []float64) {
	a := v.area
	m := t.S(6)
	clip := dst.SubImage(widgets.Rect{X: a.X - m, Y: a.Y - m, W: a.W + 2*m, H: a.H + m}.Image()).(*ebiten.Image)
	alpha := func(i int) float64 { return math.Max(1-0.5*float64(s.shown-i)/fade, 0.5) }
	col := func(c color.RGBA, al float64) color.RGBA {
		q := math.Round(al*8) / 8 // a few levels, so disc sprites are reused
		return color.RGBA{uint8(float64(c.R) * q), uint8(float64(c.G) * q), uint8(float64(c.B) * q), uint8(255 * q)}
	}
	var st widgets.Stroker
	st.Aliased = true
	// Every jump of the path, the older ones faint.
	for i := 0; i < s.shown; i++ {
		x0, y0 := v.toScreen(xs[i], v.L/2*xs[i]*xs[i], 2*m)
		x1, y1 := v.toScreen(xs[i+1], v.L/2*xs[i+1]*xs[i+1], 2*m)
		st.Add(clip, []float32{float32(x0), float32(y0), float32(x1), float32(y1)}, false, t.S(2), col(pathColor(v.name), alpha(i+1)))
	}
	st.Flush(clip)
	// at is where an iterate is drawn: on the curve, or at its end.
	at := func(x float64) (float64, float64) {
		x = math.Min(math.Max(x, -v.xr), v.xr)
		return v.toScreen(x, v.L/2*x*x, 0)
	}
	for _, mk := range trail(xs, s.shown, v.xr) {
		x, y := at(xs[mk.i])
		al := alpha(mk.i)
		if mk.i == 0 {
			al = math.Max(al, 0.625) // the start stays plain to see
		}
		c := col(dotColor(v.name), al)
		widgets.Circle(clip, x, y, t.S(4), c)
		if mk.off {
			d, sgn := t.S(5), math.Copysign(1, xs[mk.i])
			tip := x - sgn*t.S(3) // inside the view, pointing out
			widgets.Line(dst, tip-sgn*d, y-d, tip, y, t.S(2), assets.Bad)
			widgets.Line(dst, tip-sgn*d, y+d, tip, y, t.S(2), assets.Bad)
		}
	}
	x, y := at(xs[s.shown])
	widgets.Ring(clip, x, y, t.S(8), t.S(1.5), color.White)
	// The start is marked where it is, next to its dot (always drawn).
	sx, sy := at(xs[0])
	t.Text(clip, v.startLabel(), sx-t.S(6), sy-t.S(22), widgets.Small, false, assets.Dim, widgets.Right)
	if cur := xs[s.shown]; math.Abs(cur) > v.xr {
		// On a box of its own: the jumps run under it.
		note := t.Fit(fmt.Sprintf("%s = %s is off the chart", v.name, widgets.Num(cur)), widgets.Small, false, a.W-t.S(8))
		w, h := t.Width(note, widgets.Small, false)+t.S(8), t.LineH(widgets.Small)+t.S(2)
		widgets.FillRect(dst, widgets.Rect{X: a.X + (a.W-w)/2, Y: a.Y + t.S(17), W: w, H: h}, assets.Backdrop)
		t.Text(dst, note, a.X+a.W/2, a.Y+t.S(18), widgets.Small, false, assets.Bad, widgets.Center)
	}
}

// plotRange is the plot's y range: symmetric about 0 on the linear axis,
// decades from well below the threshold on the log one. It follows the
// iterates shown so far, growing by doublings of x₀ (whole decades on the
// log axis), so a diverging coordinate never flattens the steps before it
// into the zero line, and the axes change only a few times a run.
func (s *Scene) plotRange() (lo, hi float64) {
	m := s.x0
	for _, xs := range [][]float64{s.run.xs, s.run.ys} {
		for _, x := range xs[:min(s.shown+1, len(xs))] {
			m = math.Max(m, math.Abs(x))
		}
	}
	if s.logAxis {
		return math.Log10(quad.Threshold) - 4, math.Ceil(math.Log10(m) + 0.3)
	}
	if m > s.x0 {
		m = s.x0 * math.Pow(2, math.Ceil(math.Log2(m/s.x0)))
	}
	return -1.15 * m, 1.15 * m
}

// Each coordinate has one colour, for its path on its parabola, its line
// in the time plot and its name in the plot's title; the regime is told
// in words, so it never paints a coordinate in the other's colour.
var xColor, yColor = assets.Accent, assets.Orange

// pathColor is a coordinate's colour.
func pathColor(name string) color.RGBA {
	if name == "y" {
		return yColor
	}
	return xColor
}

// dotColor is a lighter tone of the coordinate's colour, so the iterates
// stand out on their own jumps.
func dotColor(name string) color.RGBA {
	c := pathColor(name)
	mix := func(v uint8) uint8 { return uint8((int(v)*3 + 255*2) / 5) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// colorNames name the coordinates' colours in the plot's title.
var colorNames = map[color.RGBA]string{assets.Accent: "blue", assets.Orange: "orange"}

func (s *Scene) plotTitle() string {
	if s.two {
		xn, yn := colorNames[xColor], colorNames[yColor]
		if s.logAxis {
			return fmt.Sprintf("|x(t)| (%s), |y(t)| (%s), log scale", xn, yn)
		}
		return fmt.Sprintf("x(t) (%s) and y(t) (%s) against step t", xn, yn)
	}
	if s.logAxis {
		return "|x(t)| against step t, log scale: straight lines are steady rates"
	}
	return "x(t) against step t"
}

func (s *Scene) drawPlot(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	title := s.plotTitle()
	in := kit.Panel(dst, t, u.plotP, title)
	pl := &u.plot
	pl.Rect = in
	pl.XMin, pl.XMax = 0, float64(s.run.horizon)
	pl.YMin, pl.YMax = s.plotRange()
	pl.LogY = s.logAxis
	pl.XLabel = ""
	if in.H > t.S(90) {
		pl.XLabel = "step t"
	}
	if pl.Prepare(t) || s.drawn.version != s.version || s.drawn.plotLog != s.logAxis || s.drawn.plotN > s.shown+1 {
		pl.ClearSeries()
		s.drawn.version, s.drawn.plotLog, s.drawn.plotN, s.drawn.plotMark = s.version, s.logAxis, 0, false
		// The threshold: |x| < 10⁻³ counts as arrived.
		if s.logAxis {
			h := float64(s.run.horizon)
			pl.Series(func(i int) float64 { return float64(i) * h }, func(int) float64 { return quad.Threshold }, 0, 2, math.Max(1, t.S(1)), assets.Good)
		} else {
			h := float64(s.run.horizon)
			pl.Series(func(i int) float64 { return float64(i) * h }, func(int) float64 { return 0 }, 0, 2, math.Max(1, t.S(1)), assets.Border)
		}
	}
	val := func(xs []float64) func(int) float64 {
		if s.logAxis {
			return func(i int) float64 { return math.Abs(xs[i]) }
		}
		return func(i int) float64 { return xs[i] }
	}
	step := func(i int) float64 { return float64(i) }
	if to := s.shown + 1; to > s.drawn.plotN {
		from := s.drawn.plotN
		if s.two {
			pl.Series(step, val(s.run.ys), from, to, t.S(2), yColor)
		}
		pl.Series(step, val(s.run.xs), from, to, t.S(2), xColor)
		pl.Flush()
		s.drawn.plotN = to
	}
	pl.Draw(dst)
	for _, d := range s.dirs() {
		xs := s.run.xs
		if d.name == "y" {
			xs = s.run.ys
		}
		if d.iter >= 0 && d.iter <= s.shown {
			x, y := pl.Map(float64(d.iter), val(xs)(d.iter))
			widgets.Ring(dst, x, y, t.S(5), t.S(2), assets.Good)
		}
	}
	if r := s.run.diverged; r >= 0 && s.shown >= r {
		xs := s.run.xs
		if s.run.divDir == "y" {
			xs = s.run.ys
		}
		x, y := pl.Map(float64(r), val(xs)(r))
		d := t.S(5)
		widgets.Line(dst, x-d, y-d, x+d, y+d, t.S(2.5), assets.Bad)
		widgets.Line(dst, x-d, y+d, x+d, y-d, t.S(2.5), assets.Bad)
	}
}

func (s *Scene) drawReadout(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	in := kit.Panel(dst, t, u.readP, "the rule x ← x − η·Lx, and what it does")
	for _, l := range u.lines {
		t.Text(dst, l.text, in.X, l.y, widgets.Small, l.bold, l.c, widgets.Left)
	}
}

func (s *Scene) drawStrip(dst *ebiten.Image, t *widgets.Theme) {
	u := &s.ui
	u.strip.Draw(dst, t)
	kit.DrawButtons(dst, t, &u.play, &u.replayB, &u.step, &u.twoB, &u.logB, &u.caption.Button)
	kit.DrawSliders(dst, t, &u.lr, &u.l, &u.x0, &u.l2, &u.speed)
	s.drawTicks(dst, t)
}

// drawTicks marks 1/L and 2/L (2/L₁ and 2/L₂ with two curvatures) on the
// η slider's track, labelled in the slider's top line: the first label
// ends at its tick, the second starts at it, so they never overlap.
func (s *Scene) drawTicks(dst *ebiten.Image, t *widgets.Theme) {
	sl := &s.ui.lr
	if sl.Rect.W <= 0 {
		return
	}
	top := t.LineH(widgets.Small) + t.S(2)
	cy := sl.Rect.Y + top + (sl.Rect.H-top)/2
	for _, tk := range s.tickMarks(t) {
		c := assets.Bad
		if tk.good {
			c = assets.Good
		}
		widgets.FillRect(dst, widgets.Rect{X: math.Round(tk.x - t.S(1)), Y: cy - t.S(6), W: math.Max(1, t.S(2)), H: t.S(12)}, c)
		if tk.labelled {
			t.Text(dst, tk.label, tk.lx, sl.Rect.Y, widgets.Small, false, c, widgets.Left)
		}
	}
}

// tickMark is a tick placed on the η slider: its x on the track, and
// where its label starts in the top line (when it fits there).
type tickMark struct {
	tick
	x, lx    float64
	labelled bool
}

// tickMarks places the ticks in the η slider's top line between its name
// (on the left) and its value (on the right, as on every slider): a label
// that would touch either is left off, the tick stays.
func (s *Scene) tickMarks(t *widgets.Theme) []tickMark {
	sl := &s.ui.lr
	tr := widgets.Rect{X: sl.Rect.X + t.S(6), W: sl.Rect.W - t.S(12)}
	leftEnd := sl.Rect.X + t.Width(sl.Label, widgets.Small, false) + t.S(6)
	rightEnd := sl.Rect.Right() - t.Width(widgets.Num(sl.Value), widgets.Small, false) - t.S(6)
	frac := func(v float64) float64 { return math.Log(v/sl.Min) / math.Log(sl.Max/sl.Min) }
	ticks := s.ticks()
	var out []tickMark
	for i, tk := range ticks {
		f := frac(tk.lr)
		if f < 0 || f > 1 {
			continue
		}
		m := tickMark{tick: tk, x: tr.X + f*tr.W}
		w := t.Width(tk.label, widgets.Small, false)
		m.lx = m.x - w // the first label ends at its tick
		if i == len(ticks)-1 {
			m.lx = m.x // the last starts at it
		}
		m.labelled = m.lx >= leftEnd && m.lx+w <= rightEnd
		out = append(out, m)
	}
	return out
}

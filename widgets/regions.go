package widgets

import (
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
)

// RegionPoint is one labelled data point drawn over a Regions view.
type RegionPoint struct {
	X, Y  float64
	Class int
	// Mark rings the point: the few examples a network is asked to
	// memorise, say.
	Mark bool
}

// ClassColors are the class colours every view of a classifier uses, in
// class order (Okabe–Ito); classes beyond them cycle.
var ClassColors = []color.RGBA{assets.Orange, assets.SkyBlue, assets.Green, assets.Yellow,
	assets.Blue, assets.Vermilion, assets.Purple}

// ClassColor is class k's colour.
func ClassColor(k int) color.RGBA {
	if k < 0 {
		return assets.Dim
	}
	return ClassColors[k%len(ClassColors)]
}

// Regions shows what a 2-D classifier predicts: every cell of a coarse grid
// over the box coloured by its predicted class (dimmed toward the backdrop
// so the points read on top, and optionally paler where the classifier is
// unsure), scaled up smoothly, with the data points drawn over it as discs
// in their class colour with a dark outline.
//
// It takes plain data, not a network: Classify is called once per cell.
// The picture, points included, is cached so a frame is one blit.
// Invalidate says the classifier changed; Prepare then renders again, but
// at most once per Every while it keeps changing (a network that trains
// changes every frame), and at once when the rectangle, the box, the
// classes or the points changed.
type Regions struct {
	// Rect is the space the view may use; the map inside keeps the box's
	// aspect.
	Rect           Rect
	X0, Y0, X1, Y1 float64
	Classes        int
	// Classify returns the class at (x, y); it may fill probs (Classes
	// long, zeroed before each call) with the class probabilities, which
	// shade the colours when Confidence is set.
	Classify func(x, y float64, probs []float64) int
	// Begin, when set, is called once before each render's Classify calls:
	// the place to take a snapshot of a classifier that keeps changing.
	Begin      func()
	Confidence bool
	Points     []RegionPoint
	// Every is the least time between two renders of a changing
	// classifier; 0 means 250 ms.
	Every time.Duration
	// MaxCells caps the grid's cells (the Classify calls of one render);
	// 0 means 6400.
	MaxCells int
	// Budget, when positive, spreads a render over several Prepare calls,
	// each classifying rows of cells for about this long, so a slow
	// classifier never makes a long frame; the view keeps showing the last
	// finished picture until the new one is complete. A first picture (or
	// one after the rectangle or box changed) is rendered whole.
	Budget time.Duration

	plot    Rect
	small   *ebiten.Image // one pixel per cell
	comp    *ebiten.Image // the scaled map, axes and points
	pix     []byte
	probs   []float64
	key     regionsKey
	nx, ny  int
	dirty   bool // the classifier changed since the last render began
	now     bool // render at the next Prepare whatever the time
	last    time.Time
	renders int
	// row is the next row of the render in progress, or −1 when none is;
	// shown says the image holds a finished picture for the current key.
	row   int
	shown bool
}

type regionsKey struct {
	r              Rect
	x0, y0, x1, y1 float64
	scale          float64
	classes        int
	conf           bool
	points         uint64
}

// Plot is the map's pixel rectangle inside Rect (after Layout).
func (g *Regions) Plot() Rect { return g.plot }

// Cells is the grid of the last render: Classify was called nx·ny times.
func (g *Regions) Cells() (nx, ny int) { return g.nx, g.ny }

// Renders counts the renders so far.
func (g *Regions) Renders() int { return g.renders }

// Invalidate says the classifier changed: Prepare renders again once Every
// has passed since the last render.
func (g *Regions) Invalidate() { g.dirty = true }

// Refresh says the classifier changed in a way worth showing at once (a new
// network, not one more training step): the next Prepare renders.
func (g *Regions) Refresh() { g.dirty, g.now = true, true }

// Pending reports a change not yet rendered.
func (g *Regions) Pending() bool { return g.dirty }

// ToScreen maps a data point to screen pixels.
func (g *Regions) ToScreen(x, y float64) (float64, float64) {
	return g.plot.X + (x-g.X0)/(g.X1-g.X0)*g.plot.W, g.plot.Bottom() - (y-g.Y0)/(g.Y1-g.Y0)*g.plot.H
}

// Layout places the map inside Rect, keeping the box's aspect, with room
// for the tick labels. Scenes call it in Update.
func (g *Regions) Layout(t *Theme) {
	left, bottom, top, right := t.S(34), t.LineH(Small)+t.S(8), t.S(6), t.S(10)
	avail := Rect{g.Rect.X + left, g.Rect.Y + top, max(g.Rect.W-left-right, 1), max(g.Rect.H-bottom-top, 1)}
	aspect := 1.0
	if w, h := g.X1-g.X0, g.Y1-g.Y0; w > 0 && h > 0 && !math.IsInf(w/h, 0) {
		aspect = w / h
	}
	pw, ph := avail.W, avail.W/aspect
	if ph > avail.H {
		pw, ph = avail.H*aspect, avail.H
	}
	pw, ph = math.Max(math.Floor(pw), 1), math.Max(math.Floor(ph), 1)
	g.plot = Rect{math.Floor(avail.X + (avail.W-pw)/2), math.Floor(avail.Y + (avail.H-ph)/2), pw, ph}
}

// pointsHash is a cheap fingerprint of the points, so changed points
// re-render at once without the caller saying so.
func (g *Regions) pointsHash() uint64 {
	h := uint64(14695981039346656037)
	mix := func(v uint64) {
		h ^= v
		h *= 1099511628211
	}
	mix(uint64(len(g.Points)))
	for _, p := range g.Points {
		mix(math.Float64bits(p.X))
		mix(math.Float64bits(p.Y))
		mix(uint64(p.Class))
		if p.Mark {
			mix(1)
		}
	}
	return h
}

// Prepare renders the view when it must and reports whether a new picture
// is ready to draw: at once when the rectangle, box, classes or points
// changed or after Refresh; after Invalidate only once Every has passed
// since the last render began. With a Budget, a render may take several
// calls; it reports true on the call that finishes it.
func (g *Regions) Prepare(t *Theme, now time.Time) bool {
	k := regionsKey{g.Rect, g.X0, g.Y0, g.X1, g.Y1, t.Scale, g.Classes, g.Confidence, g.pointsHash()}
	every := g.Every
	if every <= 0 {
		every = 250 * time.Millisecond
	}
	switch {
	case k != g.key || g.comp == nil:
		g.key, g.shown = k, false
		g.Layout(t)
		g.start(t, now)
	case g.now:
		g.start(t, now)
	case g.row >= 0 && g.pix != nil:
		// a render in progress goes on
	case g.dirty && now.Sub(g.last) >= every:
		g.start(t, now)
	default:
		return false
	}
	budget := g.Budget
	if !g.shown {
		budget = 0 // nothing to show meanwhile: render it whole
	}
	if !g.fill(budget) {
		return false
	}
	g.finish(t)
	return true
}

// cellColor is a cell's colour: the class colour mixed into the backdrop,
// less where the classifier is unsure.
func cellColor(class, classes int, probs []float64, confidence bool) color.RGBA {
	a := 0.42
	if confidence && classes > 1 && class >= 0 && class < len(probs) {
		p := probs[class]
		if !(p >= 0) || p > 1 { // NaN or nonsense: no shading
			p = 1
		}
		u := (p - 1/float64(classes)) / (1 - 1/float64(classes))
		a = 0.14 + 0.34*math.Min(math.Max(u, 0), 1)
	}
	c := ClassColor(class)
	if class < 0 || class >= classes {
		c, a = color.RGBA{0x50, 0x50, 0x50, 0xff}, 0.5
	}
	b := assets.Backdrop
	mix := func(p, q uint8) uint8 { return uint8(float64(p) + (float64(q)-float64(p))*a + 0.5) }
	return color.RGBA{mix(b.R, c.R), mix(b.G, c.G), mix(b.B, c.B), 0xff}
}

// start begins a render: the grid's size, the classifier's snapshot.
func (g *Regions) start(t *Theme, now time.Time) {
	g.dirty, g.now, g.last = false, false, now
	maxCells := g.MaxCells
	if maxCells <= 0 {
		maxCells = 6400
	}
	cell := math.Max(t.S(3), math.Sqrt(g.plot.W*g.plot.H/float64(maxCells)))
	nx, ny := max(int(math.Ceil(g.plot.W/cell)), 2), max(int(math.Ceil(g.plot.H/cell)), 2)
	for nx*ny > maxCells && (nx > 2 || ny > 2) { // ceil may overshoot the cap
		if nx >= ny {
			nx--
		} else {
			ny--
		}
	}
	g.nx, g.ny = nx, ny
	if cap(g.pix) < 4*nx*ny {
		g.pix = make([]byte, 4*nx*ny)
	}
	g.pix = g.pix[:4*nx*ny]
	if n := max(g.Classes, 1); len(g.probs) != n {
		g.probs = make([]float64, n)
	}
	if g.Begin != nil {
		g.Begin()
	}
	g.row = 0
}

// regionsClock is the clock a render's budget is measured with (tests
// replace it: a browser's clock can be too coarse to see one row pass).
var regionsClock = time.Now

// fill classifies rows of cells until the grid is done (true) or budget
// has passed (a zero budget does them all).
func (g *Regions) fill(budget time.Duration) bool {
	t0 := regionsClock()
	nx, ny := g.nx, g.ny
	dx, dy := (g.X1-g.X0)/float64(nx), (g.Y1-g.Y0)/float64(ny)
	for first := g.row; g.row < ny; g.row++ {
		if budget > 0 && g.row > first && regionsClock().Sub(t0) >= budget {
			return false
		}
		j := g.row
		y := g.Y1 - (float64(j)+0.5)*dy // image rows run top to bottom
		for i := 0; i < nx; i++ {
			x := g.X0 + (float64(i)+0.5)*dx
			clear(g.probs)
			class := -1
			if g.Classify != nil {
				class = g.Classify(x, y, g.probs)
			}
			c := cellColor(class, g.Classes, g.probs, g.Confidence)
			o := 4 * (j*nx + i)
			g.pix[o], g.pix[o+1], g.pix[o+2], g.pix[o+3] = c.R, c.G, c.B, 0xff
		}
	}
	return true
}

// finish puts the finished grid, scaled up, the axes and the points into
// the cached picture.
func (g *Regions) finish(t *Theme) {
	g.row = -1
	g.shown = true
	g.renders++
	bw, bh := max(int(math.Ceil(g.Rect.W)), 1), max(int(math.Ceil(g.Rect.H)), 1)
	if g.comp == nil || g.comp.Bounds().Dx() != bw || g.comp.Bounds().Dy() != bh {
		if g.comp != nil {
			g.comp.Deallocate()
		}
		g.comp = ebiten.NewImage(bw, bh)
	}
	nx, ny := g.nx, g.ny
	if g.small == nil || g.small.Bounds().Dx() != nx || g.small.Bounds().Dy() != ny {
		if g.small != nil {
			g.small.Deallocate()
		}
		g.small = ebiten.NewImage(nx, ny)
	}
	g.comp.Fill(assets.Panel)
	g.small.WritePixels(g.pix)
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(g.plot.W/float64(nx), g.plot.H/float64(ny))
	op.GeoM.Translate(g.plot.X-g.Rect.X, g.plot.Y-g.Rect.Y)
	g.comp.DrawImage(g.small, op)
	g.axes(t)
	g.points(t)
}

func (g *Regions) local(x, y float64) (float64, float64) { return x - g.Rect.X, y - g.Rect.Y }

// ticks are the axes' tick values: about one per 70 px across and 50 px
// up, and never fewer than two on an axis whose range holds two.
func (g *Regions) ticks(t *Theme) (xt, yt []float64) {
	return AxisTicks(g.X0, g.X1, max(int(g.plot.W/t.S(70)), 2)), AxisTicks(g.Y0, g.Y1, max(int(g.plot.H/t.S(50)), 2))
}

func (g *Regions) axes(t *Theme) {
	lw := math.Max(1, t.S(1))
	px, py := g.local(g.plot.X, g.plot.Y)
	p := Rect{px, py, g.plot.W, g.plot.H}
	StrokeRect(g.comp, Rect{p.X - lw, p.Y - lw, p.W + 2*lw, p.H + 2*lw}, lw, assets.Border)
	if !(g.X1 > g.X0) || !(g.Y1 > g.Y0) {
		return
	}
	xt, yt := g.ticks(t)
	for _, x := range xt {
		sx, _ := g.ToScreen(x, g.Y0)
		lx, _ := g.local(sx, 0)
		FillRect(g.comp, Rect{math.Round(lx), p.Bottom(), lw, t.S(4)}, assets.Dim)
		t.Text(g.comp, TickLabel(x, xt), lx, p.Bottom()+t.S(5), Small, false, assets.Dim, Center)
	}
	for _, y := range yt {
		_, sy := g.ToScreen(g.X0, y)
		_, ly := g.local(0, sy)
		FillRect(g.comp, Rect{p.X - t.S(4), math.Round(ly), t.S(4), lw}, assets.Dim)
		t.TextMid(g.comp, TickLabel(y, yt), p.X-t.S(6), ly, Small, false, assets.Dim, Right)
	}
}

// points draws the data over the map: marked points' rings first, then
// every point's dark outline and its class colour.
func (g *Regions) points(t *Theme) {
	clip := g.comp.SubImage(Rect{g.plot.X - g.Rect.X, g.plot.Y - g.Rect.Y, g.plot.W, g.plot.H}.Image()).(*ebiten.Image)
	r := math.Max(t.S(3.5), 2)
	if len(g.Points) > 150 {
		r = math.Max(t.S(2.8), 1.5)
	}
	outline := color.RGBA{0x0c, 0x0e, 0x12, 0xff}
	for _, p := range g.Points {
		if p.Mark {
			x, y := g.local(g.ToScreen(p.X, p.Y))
			Ring(clip, x, y, r+t.S(4.5), t.S(2), color.White)
		}
	}
	for _, p := range g.Points {
		x, y := g.local(g.ToScreen(p.X, p.Y))
		if math.IsNaN(x+y) || math.IsInf(x+y, 0) {
			continue
		}
		Circle(clip, x, y, r+math.Max(t.S(1.3), 1), outline)
		Circle(clip, x, y, r, ClassColor(p.Class))
	}
}

// Draw blits the view.
func (g *Regions) Draw(dst *ebiten.Image) {
	if g.comp != nil {
		Blit(dst, g.comp, g.Rect.X, g.Rect.Y)
	}
}

package widgets

import (
	"testing"
	"time"

	"gradlab/assets"
)

// counter is a classifier that counts its calls: class 0 left of x = 0,
// class 1 right of it, surer away from the line.
type counter struct{ calls int }

func (c *counter) classify(x, y float64, probs []float64) int {
	c.calls++
	k := 0
	if x > 0 {
		k = 1
	}
	p := 0.5 + min(0.5, abs(x))
	probs[k], probs[1-k] = p, 1-p
	return k
}

func abs(v float64) float64 { return max(v, -v) }

func newRegions(c *counter) *Regions {
	return &Regions{Rect: Rect{10, 20, 300, 260}, X0: -1, Y0: -1, X1: 1, Y1: 1, Classes: 2,
		Classify: c.classify, Points: []RegionPoint{{X: -0.5, Y: 0.2, Class: 0, Mark: true}, {X: 0.5, Y: -0.3, Class: 1}}}
}

func TestRegionsClassifiesEachCellOnce(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	th := NewTheme(1)
	t0 := time.Unix(1000, 0)
	if !g.Prepare(th, t0) {
		t.Fatal("the first Prepare did not render")
	}
	nx, ny := g.Cells()
	if nx < 2 || ny < 2 || c.calls != nx*ny {
		t.Errorf("%d×%d cells, Classify called %d times", nx, ny, c.calls)
	}
	if nx*ny > 6400 {
		t.Errorf("%d cells, over the default cap", nx*ny)
	}
	// The map keeps the box's aspect (square) inside the rectangle.
	if p := g.Plot(); p.W != p.H || p.X < g.Rect.X || p.Bottom() > g.Rect.Bottom() {
		t.Errorf("plot %+v in %+v", p, g.Rect)
	}
	// The class colours differ and the left half is class 0's.
	left, right := g.pix[4*(ny/2*nx+1):4*(ny/2*nx+1)+3], g.pix[4*(ny/2*nx+nx-2):4*(ny/2*nx+nx-2)+3]
	if string(left) == string(right) {
		t.Errorf("both halves coloured %v", left)
	}
	want := cellColor(0, 2, []float64{1, 0}, false)
	if left[0] != want.R || left[1] != want.G || left[2] != want.B {
		t.Errorf("left cell %v, want class 0's %v", left, want)
	}
}

func TestRegionsDoesNotRenderWhenNothingChanged(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	th := NewTheme(1)
	t0 := time.Unix(1000, 0)
	g.Prepare(th, t0)
	calls := c.calls
	for i := 1; i <= 100; i++ {
		if g.Prepare(th, t0.Add(time.Duration(i)*time.Second)) {
			t.Fatalf("re-rendered at %ds with nothing changed", i)
		}
	}
	if c.calls != calls || g.Renders() != 1 {
		t.Errorf("%d renders, %d extra Classify calls", g.Renders(), c.calls-calls)
	}
}

func TestRegionsThrottlesATrainingNetwork(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	th := NewTheme(1)
	t0 := time.Unix(1000, 0)
	g.Prepare(th, t0)
	// A network that changes every 16 ms tick for two seconds is drawn at
	// most every 250 ms: 8 renders, not 120.
	now := t0
	for range 120 {
		now = now.Add(16 * time.Millisecond)
		g.Invalidate()
		g.Prepare(th, now)
	}
	if n := g.Renders() - 1; n < 6 || n > 8 {
		t.Errorf("%d renders in 1.92 s of invalidations, want one per 250 ms", n)
	}
	// A change is not dropped: it is shown once its time comes, even if no
	// other change follows.
	g.Refresh()
	g.Prepare(th, now)
	g.Invalidate()
	if g.Prepare(th, now.Add(100*time.Millisecond)) {
		t.Error("rendered 100 ms after the last render")
	}
	if !g.Pending() {
		t.Error("the change was dropped")
	}
	if !g.Prepare(th, now.Add(260*time.Millisecond)) || g.Pending() {
		t.Error("the last change was not rendered once its time came")
	}
	now = now.Add(260 * time.Millisecond)
	// Every can be set.
	g.Every = time.Second
	r := g.Renders()
	g.Invalidate()
	g.Prepare(th, now.Add(800*time.Millisecond))
	g.Prepare(th, now.Add(1400*time.Millisecond))
	if g.Renders() != r+1 {
		t.Errorf("with Every 1 s: %d renders, want 1", g.Renders()-r)
	}
}

func TestRegionsRenderAtOnceWhenTheViewChanges(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	th := NewTheme(1)
	t0 := time.Unix(1000, 0)
	g.Prepare(th, t0)
	steps := []struct {
		what   string
		change func()
	}{
		{"box", func() { g.X1 = 2 }},
		{"size", func() { g.Rect.W = 500 }},
		{"points", func() { g.Points = append(g.Points, RegionPoint{X: 0.1, Y: 0.1, Class: 1}) }},
		{"a marked point", func() { g.Points[1].Mark = true }},
		{"classes", func() { g.Classes = 3 }},
		{"refresh", func() { g.Refresh() }},
		{"scale", func() { th = NewTheme(2) }},
	}
	for i, s := range steps {
		s.change()
		calls := c.calls
		if !g.Prepare(th, t0.Add(time.Duration(i+1)*time.Millisecond)) {
			t.Errorf("%s changed: no render", s.what)
		}
		if nx, ny := g.Cells(); c.calls-calls != nx*ny {
			t.Errorf("%s: %d Classify calls for %d×%d cells", s.what, c.calls-calls, nx, ny)
		}
	}
}

func TestRegionsCellCapAndConfidence(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	g.Rect = Rect{0, 0, 2000, 2000}
	g.MaxCells = 900
	g.Prepare(NewTheme(1), time.Unix(0, 0))
	if nx, ny := g.Cells(); nx*ny > 900 || nx*ny < 800 {
		t.Errorf("%d×%d cells for a cap of 900", nx, ny)
	}
	// Confidence: a sure cell is deeper in colour than an unsure one, and
	// both are dimmer than the class colour itself.
	sure := cellColor(1, 2, []float64{0, 1}, true)
	unsure := cellColor(1, 2, []float64{0.45, 0.55}, true)
	full := ClassColor(1)
	d := func(a, b uint8) int { return int(a) - int(b) }
	if dist := d(sure.B, assets.Backdrop.B); dist <= d(unsure.B, assets.Backdrop.B) || sure.B >= full.B {
		t.Errorf("sure %v, unsure %v, class colour %v", sure, unsure, full)
	}
	// Nonsense probabilities and classes out of range never panic.
	cellColor(5, 2, []float64{0.5, 0.5}, true)
	cellColor(0, 2, []float64{-1, 2}, true)
	cellColor(-1, 2, nil, true)
}

// With a Budget a render is spread over several calls: each classifies at
// least one row, the picture is reported ready once, and every cell is
// classified exactly once.
func TestRegionsProgressiveRender(t *testing.T) {
	c := &counter{}
	g := newRegions(c)
	th := NewTheme(1)
	t0 := time.Unix(1000, 0)
	g.Budget = time.Nanosecond // one row per call
	fake := time.Unix(0, 0)
	regionsClock = func() time.Time { fake = fake.Add(time.Microsecond); return fake }
	defer func() { regionsClock = time.Now }()
	if !g.Prepare(th, t0) {
		t.Fatal("the first picture is not rendered whole")
	}
	nx, ny := g.Cells()
	begins := 0
	g.Begin = func() { begins++ }
	g.Refresh()
	calls, ready := c.calls, 0
	n := 0
	for ; n < 10*ny && ready == 0; n++ {
		if g.Prepare(th, t0.Add(time.Second)) {
			ready++
		}
	}
	if n != ny || c.calls-calls != nx*ny || begins != 1 || g.Renders() != 2 {
		t.Errorf("%d calls for %d rows, %d Classify calls for %d cells, %d snapshots, %d renders", n, ny, c.calls-calls, nx*ny, begins, g.Renders())
	}
	// A change of box mid-render starts again, whole.
	g.Refresh()
	g.Prepare(th, t0.Add(2*time.Second))
	g.X1 = 3
	if !g.Prepare(th, t0.Add(2*time.Second)) {
		t.Error("a new box was not rendered at once")
	}
}

// A small map of data spanning about ±1.6 labels at least two x ticks
// (it once showed only "0" across and −1, 0, 1 up).
func TestRegionsShortAxisHasTwoTicks(t *testing.T) {
	th := NewTheme(1)
	for _, w := range []float64{90, 120, 160} {
		g := &Regions{Rect: Rect{0, 0, w + 44, w + 30}, X0: -1.6, Y0: -1.6, X1: 1.6, Y1: 1.6}
		g.Layout(th)
		xt, yt := g.ticks(th)
		if len(xt) < 2 || len(yt) < 2 {
			t.Errorf("plot %.0f px: x ticks %v, y ticks %v", g.plot.W, xt, yt)
		}
	}
	if got := AxisTicks(0, 1, 3); len(got) != len(Ticks(0, 1, 3)) {
		t.Errorf("AxisTicks changed an axis that had ticks: %v", got)
	}
}

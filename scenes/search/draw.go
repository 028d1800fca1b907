package search

import (
	"fmt"
	"image/color"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// drawState is what is already on screen, so a frame repaints only what
// changed: the screen keeps the last frame unless the shell asks for all.
type drawState struct {
	frames  int
	layout  [10]widgets.Rect
	mode    mode
	main    string
	legend  string
	tally   string
	caption string
	chrome  chromeKey
	heat    heatmap
	net     netDrawing
	// regNet and regSteps are the network the region view last showed
	// and its steps then; regSet the points it was given; regTitle the
	// title drawn.
	regNet   *nn.Net
	regSteps int
	regSet   *data.Set
	regTitle string
}

// chromeKey is the state the strip shows besides hover and press.
type chromeKey struct {
	version int
	playing bool
	page    int
	notes   bool
	run     string
}

// Draw paints what changed since the last frame.
func (s *Scene) Draw(dst *ebiten.Image, c *kit.Ctx) {
	t, u, d := c.Theme, &s.ui, &s.drawn
	d.frames++
	full := c.Full
	lay := [10]widgets.Rect{u.main, u.legend.Rect, u.tally, u.caption.Rect, u.strip.Rect, u.mapR, u.rank, u.regP, u.plot, u.warn}
	if lay != d.layout || s.mode != d.mode {
		d.layout, d.mode = lay, s.mode
		widgets.FillRect(dst, widgets.Rect{X: c.Area.X, Y: c.Area.Y, W: c.Area.W, H: u.strip.Rect.Y - c.Area.Y}, assets.Backdrop)
		full = true
	}
	if full {
		d.main, d.legend, d.tally = "", "", ""
	}
	switch s.mode {
	case compareMode:
		s.drawCompare(dst, t)
		s.drawTally(dst, t)
	case samplingMode:
		s.drawSampling(dst, t)
	case networkMode:
		s.drawNetwork(dst, t, full)
		s.drawRanking(dst, t)
		s.drawRegions(dst, t, full)
	}
	if lg := s.legendKey(); lg != d.legend && u.legend.Rect.H > 0 {
		d.legend = lg
		u.legend.Draw(dst, t)
	}
	if full || u.captionLaid != d.caption || c.Active {
		d.caption = u.captionLaid
		u.caption.Draw(dst, t)
	}
	key := chromeKey{s.version, s.playing, u.strip.Page(), u.caption.NeedsButton(), u.run.Label + u.view.Label}
	if full || c.Active || key != d.chrome {
		d.chrome = key
		u.strip.Draw(dst, t)
		kit.DrawButtons(dst, t, &u.modes[0], &u.modes[1], &u.modes[2], &u.view, &u.resmp, &u.meth[0], &u.meth[1], &u.meth[2],
			&u.run, &u.rng, &u.fast, &u.seed, &u.caption.Button)
		kit.DrawSliders(dst, t, &u.bud, &u.rat)
	}
	u.caption.DrawOverlay(dst, t)
}

// legendKey is what the legend shows.
func (s *Scene) legendKey() string {
	k := fmt.Sprint(s.mode, s.ui.legend.Rect, s.ui.legend.Title)
	for _, r := range s.ui.legend.Rows {
		k += "|" + r.Name + r.Detail + r.Line + fmt.Sprint(r.Color, r.LineColor)
	}
	return k
}

// marker draws shape m with a dark rim, so it reads on the bright and the
// dark ends of the colour map alike.
func marker(dst *ebiten.Image, m kit.Marker, x, y, r float64, c color.Color) {
	if m == kit.Ring {
		widgets.Ring(dst, x, y, r, math.Max(1.5, r*0.45)+2, color.Black) // the width DrawMarker uses, plus a rim
	}
	kit.DrawMarker(dst, m, x, y, r, c)
}

// drawRegions paints the decision regions of the network in training (a
// few pictures a second) or of the retrained choice.
func (s *Scene) drawRegions(dst *ebiten.Image, t *widgets.Theme, full bool) {
	u, d := &s.ui, &s.drawn
	if u.regP.H <= 0 {
		return
	}
	g := &u.regions
	net := s.viewedNet()
	title := "decision regions: waiting for the next trial"
	if s.srch.Steps == 0 && !s.playing {
		title = "decision regions of each trial's network: Space starts the search"
	}
	if net != nil {
		steps := 0
		if tr := s.srch.Trainer(); tr != nil {
			steps = tr.Steps()
			c := s.srch.Current
			title = fmt.Sprintf("decision regions of the %s trial in training: η %s, λ %s", c.Stage, exp10(c.LogLR), exp10(c.LogReg))
			if c.Stage == hs.Retrain {
				title = fmt.Sprintf("the choice, being retrained: η %s, λ %s", exp10(c.LogLR), exp10(c.LogReg))
			}
		} else {
			f := s.srch.Final
			title = fmt.Sprintf("the choice retrained: η %s, λ %s, %s on the held-out points shown", exp10(f.LogLR), exp10(f.LogReg), pct1(f.ValAcc))
		}
		switch {
		case net != d.regNet:
			d.regNet, d.regSteps = net, steps
			g.Refresh()
		case steps != d.regSteps:
			d.regSteps = steps
			g.Invalidate()
		}
	}
	rendered := false
	if net != nil && g.Rect.W > 0 {
		t0 := time.Now()
		rendered = g.Prepare(t, t0)
		s.renderCost += time.Since(t0)
	}
	if full || rendered || title != d.regTitle {
		d.regTitle = title
		kit.Panel(dst, t, u.regP, title)
		if net != nil && g.Rect.W > 0 {
			g.Draw(dst)
		}
	}
}

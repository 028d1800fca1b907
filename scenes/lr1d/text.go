package lr1d

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/quad"
	"gradlab/widgets"
)

var thrText = widgets.Num(quad.Threshold)

// regimeColor is green where a run arrives quickly, orange where it
// crawls or bounces for ever, red where it diverges.
func regimeColor(r quad.Regime) color.RGBA {
	switch r {
	case quad.Crawling, quad.Constant:
		return assets.Slow
	case quad.Oscillating:
		return assets.Yellow
	case quad.Diverging:
		return assets.Bad
	}
	return assets.Good
}

// lineColor is the colour of a direction's headline and readout line:
// its regime's with one curvature, its coordinate's with two (where the
// regime's colours would clash with the coordinates' own).
func (s *Scene) lineColor(d dir) color.RGBA {
	if s.two {
		return pathColor(d.name)
	}
	return regimeColor(d.regime)
}

// why says in words what the rule does in a regime.
func why(r quad.Regime) string {
	switch r {
	case quad.Crawling:
		return "ηL < 0.1: each step removes less than a tenth of x, so it creeps"
	case quad.Converging:
		return "η < 1/L: x shrinks by the same factor each step, never changing sign"
	case quad.Fastest:
		return "η = 1/L: the step −ηLx is exactly −x, so one step lands on the minimum"
	case quad.Oscillating:
		return "1/L < η < 2/L: each step overshoots the minimum, x flips sign and still shrinks"
	case quad.Constant:
		return "η = 2/L: each step overshoots by exactly as much as it had, x flips between ±x₀"
	}
	return "η > 2/L: each step overshoots by more than it had, x flips sign and grows"
}

// verb is a regime as a verb, for the two-direction verdict.
func verb(r quad.Regime) string {
	switch r {
	case quad.Crawling:
		return "crawls"
	case quad.Converging:
		return "converges"
	case quad.Fastest:
		return "lands in one step"
	case quad.Oscillating:
		return "oscillates as it converges"
	case quad.Constant:
		return "bounces at constant amplitude"
	}
	return "diverges"
}

// factorText writes the update factor 1 − ηL with the digits it takes to
// tell it from a whole number: at ηL = 10⁻⁴ three digits would round
// 0.9999 to "1", which reads as "x never changes".
func factorText(f float64) string {
	txt := widgets.Num(f)
	if v, err := strconv.ParseFloat(strings.Replace(txt, "−", "-", 1), 64); err != nil || v == f || v != math.Round(v) {
		return txt
	}
	for dec := 3; dec <= 12; dec++ {
		txt = strconv.FormatFloat(f, 'f', dec, 64)
		if v, _ := strconv.ParseFloat(txt, 64); v != math.Round(v) {
			break
		}
	}
	return strings.Replace(strings.TrimRight(txt, "0"), "-", "−", 1)
}

// stepsText is the number of steps to the threshold in words.
func stepsText(n int) string {
	switch {
	case n < 0:
		return "never"
	case n == 1:
		return "1 step"
	}
	return fmt.Sprintf("%d steps", n)
}

// dir is one direction's numbers.
type dir struct {
	name   string // "x" or "y"
	L      float64
	lname  string // "L", "L₁", "L₂"
	etaL   float64
	regime quad.Regime
	steps  int
	iter   int
}

func (s *Scene) dirs() []dir {
	r := &s.run
	x := dir{name: "x", L: s.L, lname: "L", etaL: s.lr * s.L, steps: r.stepsX, iter: r.iterX}
	x.regime = quad.Classify(x.etaL)
	if !s.two {
		return []dir{x}
	}
	x.lname = "L₁"
	y := dir{name: "y", L: s.L2, lname: "L₂", etaL: s.lr * s.L2, steps: r.stepsY, iter: r.iterY}
	y.regime = quad.Classify(y.etaL)
	return []dir{x, y}
}

// arrival says when a direction reaches the threshold, or why it never does.
func (s *Scene) arrival(d dir) string {
	r := &s.run
	switch {
	case d.steps == 0:
		return "starts within " + thrText
	case d.steps > 0 && r.diverged >= 0 && d.steps > r.diverged:
		return fmt.Sprintf("|%s| < %s after %s, but the run stopped at step %d when %s diverged", d.name, thrText, stepsText(d.steps), r.diverged, r.divDir)
	case d.steps > 0 && d.steps > r.horizon:
		return fmt.Sprintf("|%s| < %s after %s (beyond the %d drawn)", d.name, thrText, stepsText(d.steps), r.horizon)
	case d.steps > 0:
		return fmt.Sprintf("|%s| < %s after %s", d.name, thrText, stepsText(d.steps))
	case r.diverged >= 0 && r.divDir == d.name:
		return fmt.Sprintf("never below %s: diverged at step %d (|%s| > %s)", thrText, r.diverged, d.name, widgets.Num(quad.Bound))
	case math.Abs(1-d.etaL) == 1:
		return fmt.Sprintf("never below %s: |%s| stays at %s", thrText, d.name, widgets.Num(s.x0))
	case d.etaL > 2:
		return fmt.Sprintf("never below %s: |%s| grows %s× a step", thrText, d.name, widgets.Num(math.Abs(1-d.etaL)))
	}
	return "never below " + thrText
}

// formula is how the closed form gets a direction's step count, and
// whether iterating agrees. The log formula needs 0 < |1 − ηL| < 1: at
// factor 0 the first step lands on 0 (log 0 is −∞), at ±1 |x| never
// shrinks and a start already within the threshold takes no step; those
// say so in words (or nothing, where the arrival already says it).
func (s *Scene) formula(d dir) string {
	f := quad.Factor(d.etaL)
	var out string
	switch {
	case d.steps <= 0:
		return ""
	case f == 0:
		out = ": the factor 1 − ηL is 0, so the log formula does not apply: x lands on 0 in exactly one step"
	default:
		// log|1 − ηL| as StepsTo takes it, through Log1p below ηL = 1.
		lf := math.Log(math.Abs(f))
		if d.etaL < 1 {
			lf = math.Log1p(-d.etaL)
		}
		q := math.Log(quad.Threshold/math.Abs(s.x0)) / lf
		out = fmt.Sprintf(": log(%s/|x₀|) / log|1 − ηL| = %s, rounded up", thrText, widgets.Num(q))
	}
	if d.iter >= 0 {
		out += fmt.Sprintf("; iterating agrees: %s", stepsText(d.iter))
	}
	return out
}

// line is one line of the readout.
type line struct {
	text string
	c    color.Color
	bold bool
	y    float64
}

// readout writes the readout's paragraphs (unwrapped).
func (s *Scene) readout() []line {
	ds := s.dirs()
	r := &s.run
	var out []line
	add := func(text string, c color.Color, bold bool) { out = append(out, line{text: text, c: c, bold: bold}) }
	if !s.two {
		d := ds[0]
		add(fmt.Sprintf("ηL = %s: %s", widgets.Num(d.etaL), d.regime.Name()), regimeColor(d.regime), true)
		add(why(d.regime)+".", assets.Neutral, false)
		add(fmt.Sprintf("x ← (1 − ηL)x = %s·x", factorText(quad.Factor(d.etaL))), assets.Text, false)
		add(s.arrival(d)+s.formula(d)+".", regimeColor(d.regime), false)
		add(fmt.Sprintf("t = %d: x = %s", s.shown, widgets.Num(r.xs[s.shown])), assets.Text, false)
		add(fmt.Sprintf("η = %s · 1/L = %s · 2/L = %s", widgets.Num(s.lr), widgets.Num(1/s.L), widgets.Num(2/s.L)), assets.Dim, false)
		return out
	}
	add(fmt.Sprintf("one η = %s for both directions", widgets.Num(s.lr)), assets.Text, true)
	for _, d := range ds {
		add(fmt.Sprintf("%s (%s = %s): η%s = %s, %s; %s", d.name, d.lname, widgets.Num(d.L), d.lname, widgets.Num(d.etaL),
			d.regime.Name(), s.arrival(d)), s.lineColor(d), false)
	}
	add(s.verdict(), assets.Neutral, false)
	add(s.bridge(), assets.Neutral, false)
	add(fmt.Sprintf("t = %d: x = %s, y = %s", s.shown, widgets.Num(r.xs[s.shown]), widgets.Num(r.ys[s.shown])), assets.Text, false)
	add("Key 6 opens the optimizer race, where Momentum and Adam get past this.", assets.Dim, false)
	return out
}

// verdict says which direction does what at the current η.
func (s *Scene) verdict() string {
	if !s.two {
		d := s.dirs()[0]
		return d.regime.Name()
	}
	ds := s.dirs()
	steep, shallow := ds[1], ds[0]
	if s.L > s.L2 {
		steep, shallow = ds[0], ds[1]
	}
	if s.L == s.L2 {
		return fmt.Sprintf("With L₁ = L₂ both directions are one: they %s together.", strings.TrimSuffix(verb(ds[0].regime), "s"))
	}
	return fmt.Sprintf("At this η %s, the shallow direction, %s; %s, the steep one, %s.",
		shallow.name, verb(shallow.regime), steep.name, verb(steep.regime))
}

// bridge is the two-direction lesson in numbers: the largest stable η,
// what the shallow direction does there, and the best one η can do.
func (s *Scene) bridge() string {
	p := quad.Pair(s.L, s.L2, s.x0, quad.Threshold)
	steep, shallow := "y", "x"
	sl, hl := "L₂", "L₁"
	if s.L > s.L2 {
		steep, shallow, sl, hl = "x", "y", "L₁", "L₂"
	}
	lead := "One η can serve both here"
	if p.Kappa >= 10 {
		lead = "No η suits both"
	}
	lo := math.Min(s.L, s.L2)
	return fmt.Sprintf("%s (κ = L_max/L_min = %s): %s needs η < 2/%s = %s, where η%s < %s and %s is %s. "+
		"The best single η, 2/(L₁ + L₂) = %s, shrinks both by %s a step: %s to %s; at η = 1/%s %s needs %s, about κ·ln(|x₀|/%s).",
		lead, widgets.Num(p.Kappa), steep, sl, widgets.Num(p.StableLR), hl, widgets.Num(p.StableLR*lo), shallow,
		quad.Classify(p.StableLR*lo*(1-1e-9)).Name(), widgets.Num(p.BestLR), widgets.Num(p.BestFactor),
		stepsText(p.BestSteps), thrText, sl, shallow, stepsText(p.SafeSteps), thrText)
}

// layoutReadout wraps the readout into its panel, keeping the lines that
// fit.
func (s *Scene) layoutReadout(t *widgets.Theme) {
	u := &s.ui
	u.lines = u.lines[:0]
	if u.readP.H <= 0 {
		return
	}
	in := kit.PanelInner(t, u.readP, true)
	lh := smallH(t)
	y := in.Y
	// Whole paragraphs only: one that does not fit ends the readout
	// rather than being cut mid-sentence.
	for _, l := range s.readout() {
		ws := t.Wrap(l.text, widgets.Small, in.W)
		if y+float64(len(ws))*lh > in.Bottom()+t.S(2) {
			return
		}
		for _, w := range ws {
			u.lines = append(u.lines, line{text: t.Fit(w, widgets.Small, l.bold, in.W), c: l.c, bold: l.bold, y: y})
			y += lh
		}
	}
}

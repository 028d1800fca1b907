package ensemble

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/ensemble"
	"gradlab/sim/train"
	"gradlab/widgets"
)

// explanation is the caption's fixed part: what the scene does and what to
// try. The first part, summary, is written from the run.
const explanation = "How: each member is the same small network from other starting weights and " +
	"another minibatch order. The ensemble averages the members' class probabilities (it does not count " +
	"votes), so a sure member outweighs an unsure one; where members make different mistakes, the " +
	"average cancels some. The snapshot ensemble costs one run (from member 1's starting weights, under " +
	"cosine warm restarts): it keeps the network at the end of each cycle, where the rate is lowest. The Polyak network is one network whose weights are the mean " +
	"of one run's last checkpoints. Try S for another seed, K for more members (the plot shows what each " +
	"one adds), N for noisier data."

// same is how close two accuracies must be to count as equal in words:
// less than a twentieth of a point.
const same = 0.0005

// points formats an accuracy difference in percentage points.
func points(d float64) string { return fmt.Sprintf("%.1f points", math.Abs(100*d)) }

// shownGap is a − b as the screen shows them (each rounded to 0.1 %), so a
// gain always equals the difference of the two numbers beside it.
func shownGap(a, b float64) float64 { return (shown(a) - shown(b)) / 100 }

// shown is v in percent as pct prints it.
func shown(v float64) float64 {
	x, _ := strconv.ParseFloat(fmt.Sprintf("%.1f", 100*v), 64)
	return x
}

// summary is the caption's first part, every number from the run.
func (s *Scene) summary() string {
	r, e := &s.res, s.exp
	if len(r.Members) == 0 {
		return "No validation points."
	}
	var b strings.Builder
	// The rate is fixed, so no run should diverge; if one does, say so
	// first: its network is the last one before the loss went bad.
	for i, t := range e.Runs() {
		if t.Status == train.Diverged {
			name := fmt.Sprintf("Member %d", i+1)
			if t == e.Snap {
				name = "The warm-restart run"
			}
			fmt.Fprintf(&b, "%s stopped at step %d: %s. ", name, t.At, t.Why)
		}
	}
	if !s.done() {
		// No verdict before the runs end: early on the members are near
		// chance and a gap says nothing about averaging.
		fmt.Fprintf(&b, "Training: step %d of %d, %d networks and one warm-restart run. Held-out accuracy now: the average of %d members %s, "+
			"the mean member %s, the best member %s. The comparison comes when training ends (F finishes at once).",
			r.Steps, e.Cfg.Steps, len(r.Members), len(r.Members), pct(r.Ensemble), pct(r.Mean), pct(r.Best))
		return strings.TrimSpace(b.String())
	}
	fmt.Fprintf(&b, "After %d steps each, on %d held-out points: ", e.Cfg.Steps, e.Val.N())
	fmt.Fprintf(&b, "the average of %d members scores %s, ", len(r.Members), pct(r.Ensemble))
	switch g := shownGap(r.Ensemble, r.Mean); {
	case g > same:
		fmt.Fprintf(&b, "%s above the mean member (%s)", points(g), pct(r.Mean))
	case g < -same:
		fmt.Fprintf(&b, "%s below the mean member (%s): on this seed the ensemble did not help", points(g), pct(r.Mean))
	default:
		fmt.Fprintf(&b, "the same as the mean member (%s): on this seed the ensemble did not help", pct(r.Mean))
	}
	best := fmt.Sprintf("member %d, %s", r.BestAt+1, pct(r.Best))
	switch g := shownGap(r.Ensemble, r.Best); {
	case g > same:
		fmt.Fprintf(&b, "; it beats the best member (%s) by %s. ", best, points(g))
	case g < -same:
		fmt.Fprintf(&b, "; it does not beat the best member (%s), %s short. ", best, points(g))
	default:
		fmt.Fprintf(&b, "; it ties the best member (%s). ", best)
	}
	fmt.Fprintf(&b, "The members disagree on %.0f %% of the points; only there can averaging change a prediction. ", 100*r.Disagree)
	if r.Snapshots > 0 {
		fmt.Fprintf(&b, "The snapshot ensemble (%d of %d cycles of one run) scores %s, its last network alone %s. ",
			r.Snapshots, len(e.Snaps.Ends), pct(r.SnapEnsemble), pct(r.SnapLast))
	}
	if r.PolyakN > 0 {
		fmt.Fprintf(&b, "The mean weights of member 1's last %d checkpoints score %s, member 1 itself %s.",
			r.PolyakN, pct(r.Polyak), pct(r.PolyakBase))
	}
	return strings.TrimSpace(b.String())
}

// gainColor is green when the ensemble beat its best member, orange when
// it beat only the mean member, red when it did not beat that.
func gainColor(r *ensemble.Result) color.RGBA {
	switch {
	case r.GainOverMean() <= same:
		return assets.Bad
	case r.GainOverBest() < -same:
		return assets.Slow
	}
	return assets.Good
}

// rows are the measured table's lines: the members, their average, the
// snapshot ensemble and the Polyak network, each worded to fit a table w
// wide (shorter wordings where the longest does not).
func (s *Scene) rows(t *widgets.Theme, w float64) []kit.LegendRow {
	r, e := &s.res, s.exp
	if len(r.Members) == 0 {
		return nil
	}
	// The widths kit.Legend gives a row's line and its details.
	lineW := w - t.S(36)
	line := func(forms ...string) string { return fitFirst(t, widgets.Small, false, lineW, forms...) }
	detail := func(name string, forms ...string) string {
		dx := math.Max(t.Width(name, widgets.Body, true)+t.S(8), t.S(84))
		return fitFirst(t, widgets.Small, false, lineW-dx, forms...)
	}
	signed := func(d float64) string { return fmt.Sprintf("%+.1f", 100*d) }
	gm, gb := signed(shownGap(r.Ensemble, r.Mean)), signed(shownGap(r.Ensemble, r.Best))
	rows := []kit.LegendRow{
		{Color: memberColor, Marker: kit.Disc, Name: "members",
			Detail: detail("members", fmt.Sprintf("%d × %d hidden units", len(r.Members), e.Cfg.Hidden), fmt.Sprintf("%d × %d units", len(r.Members), e.Cfg.Hidden)),
			Line: line(fmt.Sprintf("mean %s · best %s (member %d) · disagree on %.0f %%", pct(r.Mean), pct(r.Best), r.BestAt+1, 100*r.Disagree),
				fmt.Sprintf("mean %s · best %s (#%d)", pct(r.Mean), pct(r.Best), r.BestAt+1),
				fmt.Sprintf("mean %s · best %s", pct(r.Mean), pct(r.Best)))},
		{Color: ensembleColor, Marker: kit.Square, Name: "average",
			Detail: detail("average", pct(r.Ensemble)+" (mean of probabilities)", pct(r.Ensemble)),
			Line: line(fmt.Sprintf("%s points against the mean member, %s against the best", gm, gb),
				fmt.Sprintf("%s points vs the mean member, %s vs the best", gm, gb),
				fmt.Sprintf("%s vs mean, %s vs best", gm, gb)),
			LineColor: gainColor(r)},
	}
	snap := kit.LegendRow{Color: snapColor, Marker: kit.Diamond, Name: "snapshots",
		Line: line(fmt.Sprintf("one run, %d cosine cycles of %d steps; one network per cycle", len(e.Snaps.Ends), e.Cfg.Steps/e.Cfg.Cycles),
			fmt.Sprintf("one run, %d cycles of %d steps", len(e.Snaps.Ends), e.Cfg.Steps/e.Cfg.Cycles),
			fmt.Sprintf("%d cycles of one run", len(e.Snaps.Ends)))}
	if r.Snapshots > 0 {
		snap.Detail = fmt.Sprintf("%s (%d of %d)", pct(r.SnapEnsemble), r.Snapshots, len(e.Snaps.Ends))
	} else {
		snap.Detail = fmt.Sprintf("first at step %d", e.Snaps.Ends[0])
	}
	poly := kit.LegendRow{Color: polyakColor, Marker: kit.Ring, Name: "Polyak",
		Line: line(fmt.Sprintf("mean weights of member 1's last %d checkpoints, %d steps apart", e.Polyak.M, e.Polyak.Every),
			fmt.Sprintf("mean weights of member 1's last %d checkpoints", e.Polyak.M),
			fmt.Sprintf("mean of %d checkpoints", e.Polyak.M))}
	if r.PolyakN > 0 {
		poly.Detail = fmt.Sprintf("%s (member 1: %s)", pct(r.Polyak), pct(r.PolyakBase))
	} else {
		poly.Detail = fmt.Sprintf("from step %d", e.Polyak.Points()[0])
	}
	return append(rows, snap, poly)
}

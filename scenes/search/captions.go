package search

import (
	"fmt"
	"math"
	"strings"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/sample"
	hs "gradlab/sim/search"
	"gradlab/widgets"
)

// pct writes a share in [0, 1] as a whole percentage.
func pct(v float64) string { return fmt.Sprintf("%.0f %%", 100*v) }

// pct1 writes an accuracy to a tenth of a percent.
func pct1(v float64) string { return fmt.Sprintf("%.1f %%", 100*v) }

// exp10 writes 10^e compactly (η and λ of a trial).
func exp10(e float64) string { return widgets.Num(math.Pow(10, e)) }

// legendRows are the side panel's rows for the mode.
func (s *Scene) legendRows() []kit.LegendRow {
	var rows []kit.LegendRow
	switch s.mode {
	case compareMode:
		for _, r := range s.results {
			detail := fmt.Sprintf("%s · %d trials", methodKey(r.Method), len(r.Points))
			if r.Method == hs.Grid {
				detail += ", " + s.gridShape()
			}
			rows = append(rows, kit.LegendRow{
				Color: methodColor(r.Method), Marker: methodMarker(r.Method), Name: r.Method.Name(),
				Detail: detail,
				Line:   fmt.Sprintf("best %.3f · %d values of x, %d of y", r.BestScore, r.DistinctX, r.DistinctY),
			})
		}
	case samplingMode:
		rows = append(rows,
			kit.LegendRow{Color: assets.Orange, Marker: kit.Square, Name: "uniform", Detail: "U(1e-5, 1e-1)",
				Line: fmt.Sprintf("%s in the top decade, %s below 1e-3", pct(s.uni.Decade(1e-2)), pct1(s.uni.Decade(1e-5)+s.uni.Decade(1e-4)))},
			kit.LegendRow{Color: assets.Green, Marker: kit.Disc, Name: "log-uniform", Detail: "10^U(-5, -1)",
				Line: fmt.Sprintf("per decade: %s, %s, %s, %s", pct(s.lgu.Decade(1e-5)), pct(s.lgu.Decade(1e-4)), pct(s.lgu.Decade(1e-3)), pct(s.lgu.Decade(1e-2)))})
	case networkMode:
		sr := s.srch
		for _, p := range []hs.Phase{hs.Coarse, hs.Fine, hs.Retrain} {
			rows = append(rows, s.stageRow(sr, p))
		}
	}
	return rows
}

// stageRow is the legend row of one stage of the search.
func (s *Scene) stageRow(sr *hs.Search, p hs.Phase) kit.LegendRow {
	cfg := sr.Cfg
	row := kit.LegendRow{Color: assets.Neutral, LineColor: assets.Dim}
	switch p {
	case hs.Coarse:
		row.Name, row.Marker = "coarse", kit.Disc
		row.Detail = fmt.Sprintf("%d trials × %d epochs", cfg.Coarse.Trials, cfg.Coarse.Epochs)
	case hs.Fine:
		row.Name, row.Marker = "fine", kit.Square
		row.Detail = fmt.Sprintf("%d trials × %d epochs", cfg.Fine.Trials, cfg.Fine.Epochs)
	default:
		row.Name, row.Marker = "retrain", kit.Ring
		row.Detail = fmt.Sprintf("the choice × %d epochs", cfg.RetrainEpochs)
	}
	done := len(sr.Stage(p))
	switch {
	case p == hs.Retrain && sr.Phase == hs.Done:
		f := sr.Final
		row.Color, row.LineColor = assets.Good, assets.Good
		row.Line = fmt.Sprintf("η %s, λ %s: validation %s (training %s)", exp10(f.LogLR), exp10(f.LogReg), pct1(f.ValAcc), pct1(f.TrainAcc))
	case sr.Phase < p:
		row.Line = "waiting"
	case sr.Phase == p:
		row.Color, row.LineColor = assets.Accent, assets.Text
		row.Line = fmt.Sprintf("trial %d of %d", done+1, sr.Planned(p))
		if tr := sr.Trainer(); tr != nil {
			row.Line += fmt.Sprintf(" · step %d of %d", tr.Steps(), tr.Config.MaxSteps)
		}
		if b, ok := sr.Best(); ok && b.Stage == p {
			row.Line += fmt.Sprintf(" · best %s", pct1(b.ValAcc))
		}
	default:
		i := sr.CoarseBest
		if p == hs.Fine {
			i = sr.FineBest
		}
		b := sr.Trials[i]
		row.Line = fmt.Sprintf("best η %s, λ %s: %s", exp10(b.LogLR), exp10(b.LogReg), pct1(b.ValAcc))
		row.LineColor = assets.Neutral
		if p == hs.Coarse && len(sr.CoarseEdges) > 0 {
			row.Line, row.LineColor = "best on the edge: "+row.Line, assets.Bad
		}
	}
	return row
}

// summary is the caption: what the numbers on screen say, then what to
// try.
func (s *Scene) summary() string {
	switch s.mode {
	case samplingMode:
		return fmt.Sprintf("Drawn uniformly from 1e-5 to 1e-1, %s of the learning rates land in the top decade and only %s below 1e-3, though that is half the range on a log scale. "+
			"Drawn log-uniformly, as 10 to a uniform power, each decade gets about a quarter (here %s to %s). "+
			"Scale parameters such as the learning rate and the regularization strength matter by their order of magnitude: sample them on a log scale. R draws again.",
			pct(s.uni.Decade(1e-2)), pct1(s.uni.Decade(1e-5)+s.uni.Decade(1e-4)), pct(minDecade(s.lgu)), pct(maxDecade(s.lgu)))
	case networkMode:
		return s.networkSummary()
	}
	return s.compareSummary()
}

func minDecade(h hs.Hist) float64 {
	return math.Min(math.Min(h.Decade(1e-5), h.Decade(1e-4)), math.Min(h.Decade(1e-3), h.Decade(1e-2)))
}

func maxDecade(h hs.Hist) float64 {
	return math.Max(math.Max(h.Decade(1e-5), h.Decade(1e-4)), math.Max(h.Decade(1e-3), h.Decade(1e-2)))
}

func (s *Scene) compareSummary() string {
	var b strings.Builder
	var parts []string
	for _, r := range s.results {
		parts = append(parts, fmt.Sprintf("%s %d", r.Method.Name(), r.DistinctX))
	}
	nx, ny := sample.GridShape(s.budget)
	fmt.Fprintf(&b, "Each method gets the same %d trials (the grid is %d×%d: %d values of x, %d of y). The values of the important x tried: %s. ",
		s.budget, nx, ny, nx, ny, strings.Join(parts, ", "))
	parts = parts[:0]
	for _, r := range s.results {
		parts = append(parts, fmt.Sprintf("%s %.3f", r.Method.Name(), r.BestScore))
	}
	fmt.Fprintf(&b, "Best found on this draw: %s. ", strings.Join(parts, ", "))
	tl := s.tally
	if tl.Done > 0 && len(s.results) > 1 {
		parts = parts[:0]
		for i, m := range tl.Methods {
			parts = append(parts, fmt.Sprintf("%s %s", m.Name(), pct(tl.Share(i))))
		}
		fmt.Fprintf(&b, "Over %d resamples, each a new objective with new points, the best was found by %s. ", tl.Done, strings.Join(parts, ", "))
	}
	b.WriteString("A grid spends its budget on repeats of the same few x values; random points each try a new one, and Halton's spread them evenly. " +
		"Click the map or press R to resample; ↓ down to 1 makes both axes matter alike, and the grid wins more often.")
	return b.String()
}

func (s *Scene) networkSummary() string {
	sr := s.srch
	var b strings.Builder
	r := sr.CoarseBox
	fmt.Fprintf(&b, "Each dot is a 2-32-3 network trained with Adam on the spiral, coloured by its accuracy on %d held-out points. ", sr.Val.N())
	fmt.Fprintf(&b, "The coarse stage samples η from %s to %s and λ from %s to %s log-uniformly and trains %d epochs; ",
		exp10(r.LR[0]), exp10(r.LR[1]), exp10(r.Reg[0]), exp10(r.Reg[1]), sr.Cfg.Coarse.Epochs)
	fmt.Fprintf(&b, "the fine stage zooms on its best and trains %d. ", sr.Cfg.Fine.Epochs)
	if sr.CoarseBest >= 0 {
		c := sr.Trials[sr.CoarseBest]
		fmt.Fprintf(&b, "Coarse best: η %s, λ %s at %s. ", exp10(c.LogLR), exp10(c.LogReg), pct1(c.ValAcc))
		if w := s.warning(); w != "" {
			b.WriteString(w + " ")
		}
	}
	if sr.Phase == hs.Done {
		f := sr.Final
		fmt.Fprintf(&b, "Fine best: η %s, λ %s at %s; retrained for %d epochs it reaches %s on the validation points. ",
			exp10(f.LogLR), exp10(f.LogReg), pct1(sr.Trials[sr.FineBest].ValAcc), f.Epochs, pct1(f.ValAcc))
	}
	b.WriteString("Space pauses; L tries another range and shows whether its best lies on an edge.")
	return b.String()
}

// warning is the edge warning in words, or "".
func (s *Scene) warning() string {
	es := s.srch.CoarseEdges
	if len(es) == 0 {
		return ""
	}
	var parts []string
	for _, e := range es {
		parts = append(parts, e.String())
	}
	return "Warning: " + strings.Join(parts, " and ") + ", so the best may lie outside it: widen the range that way and search again."
}

package ensemble

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"time"

	"gradlab/assets"
	"gradlab/scenes/kit"
	"gradlab/sim/nn"
	"gradlab/widgets"
)

// viewKind says what a region view shows.
type viewKind int

const (
	memberView viewKind = iota
	ensembleView
	snapshotView
	polyakView
)

// Colours of the combined predictions, the same in the views, the table
// and the plot.
var (
	memberColor   = assets.Neutral
	ensembleColor = assets.Yellow
	snapColor     = assets.Purple
	polyakColor   = assets.SkyBlue
)

// view is one small multiple: a region map of one network or of an
// average of networks' probabilities.
type view struct {
	kind   viewKind
	member int // for memberView
	g      widgets.Regions
	box    widgets.Rect // its label line and map
	label  string
	// labelSrc, labelW and labelScale are what label was fitted from.
	labelSrc           string
	labelW, labelScale float64
	color              color.RGBA
	cls                []nn.Classifier
	// have is how many networks cls was built from (snapshots, Polyak
	// checkpoints), so a new one refreshes the picture.
	have     int
	sum, tmp []float64
}

// classify averages the probabilities of the view's networks at (x, y), as
// the ensemble does on the validation points; a view with no network yet
// shows grey.
func (v *view) classify(x, y float64, probs []float64) int {
	switch len(v.cls) {
	case 0:
		return -1
	case 1:
		return v.cls[0].Classify(x, y, probs)
	}
	c := len(probs)
	if len(v.sum) != c {
		v.sum, v.tmp = make([]float64, c), make([]float64, c)
	}
	clear(v.sum)
	for i := range v.cls {
		v.cls[i].Classify(x, y, v.tmp)
		for j, p := range v.tmp {
			v.sum[j] += p
		}
	}
	best := 0
	for j := range v.sum {
		probs[j] = v.sum[j] / float64(len(v.cls))
		if probs[j] > probs[best] {
			best = j
		}
	}
	return best
}

func (v *view) snap() {
	for i := range v.cls {
		v.cls[i].Snap()
	}
}

// netsFrom builds networks of shape's size holding each of thetas.
func netsFrom(shape *nn.Net, thetas ...[]float64) []nn.Classifier {
	out := make([]nn.Classifier, len(thetas))
	for i, th := range thetas {
		n := nn.New(shape.Sizes, shape.Act)
		copy(n.Theta, th)
		out[i].Net = n
	}
	return out
}

// viewEvery is the least time between two renders of a training network's
// regions.
const viewEvery = 400 * time.Millisecond

// followNetworks keeps the views' networks in step with the experiment: a
// rebuild makes new views; new snapshots or checkpoints refresh theirs;
// while training, one view a frame is marked stale, in turn, so renders
// fall in different frames.
func (s *Scene) followNetworks() {
	u, e := &s.ui, s.exp
	if u.viewsOf != s.exp {
		u.viewsOf = s.exp
		u.views = u.views[:0]
		for i, m := range e.Members {
			u.views = append(u.views, &view{kind: memberView, member: i, color: memberColor, cls: []nn.Classifier{{Net: m.Net}}})
		}
		ens := &view{kind: ensembleView, color: ensembleColor}
		for _, m := range e.Members {
			ens.cls = append(ens.cls, nn.Classifier{Net: m.Net})
		}
		u.views = append(u.views, ens, &view{kind: snapshotView, color: snapColor}, &view{kind: polyakView, color: polyakColor})
		for _, v := range u.views {
			v.g.Refresh()
		}
		u.turn = 0
	}
	shape := e.Members[0].Net
	for _, v := range u.views {
		switch v.kind {
		case snapshotView:
			if n := len(e.Snaps.Thetas); n != v.have {
				v.cls, v.have = netsFrom(shape, e.Snaps.Thetas...), n
				v.g.Refresh()
			}
		case polyakView:
			if n := len(e.Polyak.Thetas); n != v.have {
				v.cls, v.have = netsFrom(shape, e.Polyak.Mean(nil)), n
				v.g.Refresh()
			}
		}
	}
	if steps := e.Steps(); steps != u.watched {
		u.watched = steps
		// Members and their average change with every step.
		n := len(e.Members) + 1
		v := u.views[u.turn%n]
		u.turn++
		v.g.Invalidate()
		if s.done() {
			for _, v := range u.views {
				v.g.Refresh()
			}
		}
	}
}

// layoutViews places the page's small multiples in a grid in the main
// panel, as large as the panel allows, each with a label line over its map.
func (s *Scene) layoutViews(t *widgets.Theme) {
	u, e := &s.ui, s.exp
	in := kit.PanelInner(t, u.grid, true)
	gap := math.Round(t.S(8))
	lh := t.LineH(widgets.Small) + t.S(4)
	// A map's side in a grid of n views: the cell less the label line and
	// the room Regions keeps for its tick labels.
	fit := func(n int) (side float64, cols int) {
		side, cols = math.Inf(-1), 1
		for c := 1; c <= n; c++ {
			r := (n + c - 1) / c
			w := (in.W-gap*float64(c-1))/float64(c) - t.S(44)
			h := (in.H-gap*float64(r-1))/float64(r) - lh - t.LineH(widgets.Small) - t.S(14)
			if sz := math.Min(w, h); sz > side {
				side, cols = sz, c
			}
		}
		return side, cols
	}
	// The members' page shows every view where the maps stay large enough;
	// elsewhere the snapshot and Polyak views give their room to the
	// members and wait on their own page (V).
	u.order = u.order[:0]
	members := len(e.Members)
	switch s.page {
	case pageMembers:
		for i := range u.views {
			u.order = append(u.order, i)
		}
		if side, _ := fit(len(u.order)); side < t.S(90) {
			u.order = u.order[:members+1]
		}
	case pageCombined:
		u.order = append(u.order, members, members+1, members+2)
	}
	n := len(u.order)
	side, cols := fit(max(n, 1))
	rows := (n + cols - 1) / cols
	w := math.Floor((in.W - gap*float64(cols-1)) / float64(cols))
	h := math.Floor((in.H - gap*float64(max(rows, 1)-1)) / float64(max(rows, 1)))
	lo, hi := e.Train.Bounds()
	vlo, vhi := e.Val.Bounds()
	for j := range lo {
		lo[j], hi[j] = math.Min(lo[j], vlo[j]), math.Max(hi[j], vhi[j])
	}
	px, py := 0.08*(hi[0]-lo[0]), 0.08*(hi[1]-lo[1])
	fresh := u.pointsOf != e.Val
	u.pointsOf = e.Val
	if fresh {
		u.points = u.points[:0]
		for k := range e.Val.N() {
			p := e.Val.Row(k)
			u.points = append(u.points, widgets.RegionPoint{X: p[0], Y: p[1], Class: e.Val.Y[k]})
		}
	}
	if u.grid.H <= 0 || side < t.S(24) {
		u.order = u.order[:0]
	}
	for _, v := range u.views {
		v.box, v.g.Rect = widgets.Rect{}, widgets.Rect{}
	}
	for j, i := range u.order {
		v := u.views[i]
		g := &v.g
		col, row := j%cols, j/cols
		v.box = widgets.Rect{X: in.X + float64(col)*(w+gap), Y: in.Y + float64(row)*(h+gap), W: w, H: h}
		g.Rect = widgets.Rect{X: v.box.X - t.S(4), Y: v.box.Y + lh, W: v.box.W + t.S(4), H: v.box.H - lh}
		g.X0, g.Y0, g.X1, g.Y1 = lo[0]-px, lo[1]-py, hi[0]+px, hi[1]+py
		g.Classes = e.Val.Classes
		g.Confidence = true
		g.MaxCells = 900
		g.Every = viewEvery
		g.Budget = tickBudget / 16
		g.Classify = v.classify
		g.Begin = v.snap
		g.Points = u.points
		g.Layout(t)
		// Fitting measures text: only when the words or the width changed.
		forms := s.viewLabels(v)
		if src := strings.Join(forms, "|"); src != v.labelSrc || v.box.W != v.labelW || t.Scale != v.labelScale {
			v.label = fitFirst(t, widgets.Small, true, v.box.W-t.S(2), forms...)
			v.labelSrc, v.labelW, v.labelScale = src, v.box.W, t.Scale
		}
	}
	u.gridTitle = s.gridTitle(t, u.grid.W-t.S(16), members)
}

// gridTitle is the map panel's title, the longest wording that fits.
func (s *Scene) gridTitle(t *widgets.Theme, w float64, members int) string {
	u := &s.ui
	if u.grid.H <= 0 {
		return ""
	}
	pts := s.exp.Val.N()
	if s.page == pageCombined {
		return fitFirst(t, widgets.Small, false, w,
			fmt.Sprintf("decision regions over the %d held-out points (paler: less sure) · the average of all members, the snapshot ensemble, the Polyak network", pts),
			fmt.Sprintf("decision regions · average of the members, snapshot ensemble, Polyak network (%d held-out points)", pts),
			"average, snapshot ensemble, Polyak network",
			"average, snapshots, Polyak")
	}
	if len(u.order) <= members+1 {
		return fitFirst(t, widgets.Small, false, w,
			fmt.Sprintf("decision regions over the %d held-out points (paler: less sure) · each member, then the average of all (snapshots and Polyak: view V)", pts),
			fmt.Sprintf("decision regions on %d held-out points · each member, then their average (snapshots, Polyak: V)", pts),
			"each member, then their average (snapshots, Polyak: V)",
			"members, then their average")
	}
	return fitFirst(t, widgets.Small, false, w,
		fmt.Sprintf("decision regions over the %d held-out points (paler: less sure) · each member, then the average of all, the snapshot ensemble, the Polyak network", pts),
		fmt.Sprintf("decision regions on %d held-out points · members, their average, snapshot ensemble, Polyak", pts),
		"members, their average, snapshots, Polyak")
}

// fitFirst is the first of forms that fits in w, or the last one
// shortened when none does: a label is worded to fit rather than cut.
func fitFirst(t *widgets.Theme, size float64, bold bool, w float64, forms ...string) string {
	for _, f := range forms {
		if t.Width(f, size, bold) <= w {
			return f
		}
	}
	return t.Fit(forms[len(forms)-1], size, bold, w)
}

// viewLabels names a view with its measured validation accuracy, longest
// wording first.
func (s *Scene) viewLabels(v *view) []string {
	r := &s.res
	switch v.kind {
	case memberView:
		if v.member >= len(r.Members) {
			return []string{fmt.Sprintf("member %d", v.member+1), fmt.Sprintf("#%d", v.member+1)}
		}
		a, n := pct(r.Members[v.member]), v.member+1
		if v.member == r.BestAt && len(r.Members) > 1 {
			return []string{fmt.Sprintf("member %d · %s best", n, a), fmt.Sprintf("#%d · %s best", n, a),
				fmt.Sprintf("#%d %s", n, pctShort(r.Members[v.member])), fmt.Sprintf("#%d", n)}
		}
		return []string{fmt.Sprintf("member %d · %s", n, a), fmt.Sprintf("#%d · %s", n, a),
			fmt.Sprintf("#%d %s", n, pctShort(r.Members[v.member])), fmt.Sprintf("#%d", n)}
	case ensembleView:
		return []string{fmt.Sprintf("average of %d · %s", len(r.Members), pct(r.Ensemble)),
			fmt.Sprintf("avg · %s", pct(r.Ensemble)), "avg " + pctShort(r.Ensemble), "avg"}
	case snapshotView:
		if r.Snapshots == 0 {
			return []string{fmt.Sprintf("snapshots · first at step %d", s.exp.Snaps.Ends[0]), "snapshots", "snap"}
		}
		return []string{fmt.Sprintf("%d snapshots · %s", r.Snapshots, pct(r.SnapEnsemble)),
			"snap · " + pct(r.SnapEnsemble), "snap " + pctShort(r.SnapEnsemble), "snap"}
	}
	if r.PolyakN == 0 {
		return []string{fmt.Sprintf("Polyak · from step %d", s.exp.Polyak.Points()[0]), "Polyak"}
	}
	return []string{fmt.Sprintf("Polyak mean · %s", pct(r.Polyak)), "Polyak · " + pct(r.Polyak),
		"Polyak " + pctShort(r.Polyak), "Polyak"}
}

// pctShort is pct without the space, for the narrowest labels.
func pctShort(v float64) string { return strings.ReplaceAll(pct(v), " ", "") }

// pct formats an accuracy as a percentage with one decimal.
func pct(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return fmt.Sprintf("%.1f %%", 100*v)
}

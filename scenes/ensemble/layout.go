package ensemble

import (
	"fmt"
	"time"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/ensemble"
	"gradlab/widgets"
)

// ui holds the scene's widgets and where they are this frame.
type ui struct {
	screen  kit.Screen
	strip   kit.Strip
	caption kit.Caption
	legend  kit.Legend
	grid    widgets.Rect // the panel of small multiples
	plot    widgets.Rect // the accuracy-against-K panel
	views   []*view
	order   []int // the views the grid shows, in order
	// gridTitle and plotTitle are the panels' titles, worded to fit.
	gridTitle, plotTitle string
	viewsOf              *ensemble.Experiment
	pointsOf             *data.Set
	points               []widgets.RegionPoint
	watched              int // the steps the views last saw
	turn                 int // the next view to mark stale
	run                  widgets.Button
	restart              widgets.Button
	finish               widgets.Button
	data                 widgets.Button
	seed                 widgets.Button
	members              widgets.Button
	noise                widgets.Button
	view                 widgets.Button
	laidOut              stripKey
	// captionLaid is the text the caption's lines were laid out from.
	captionLaid string
	// text is what the legend and caption say, refreshed with the
	// measurements rather than every frame.
	text   textState
	textAt time.Time
}

type textState struct {
	measured time.Time
	version  int
	// width and scale are the table's the rows were worded for.
	width, scale float64
	rows         []kit.LegendRow
	title        string
	summary      string
}

// stripKey is the state the strip's labels depend on.
type stripKey struct {
	version int
	playing bool
	done    bool
	notes   bool
	page    int
}

func (s *Scene) stripKey() stripKey {
	return stripKey{s.version, s.playing, s.done(), s.ui.caption.NeedsButton(), s.page}
}

// layout fills the strip and splits the area: the page's small multiples
// (or, on the plot's page, the accuracy-against-K plot) in the main view;
// the measured table, the plot and the caption beside it (or under it on
// narrow screens).
func (s *Scene) layout(c *kit.Ctx) {
	t, u := c.Theme, &s.ui
	u.laidOut = s.stripKey()
	s.fillStrip(t)
	specs := []kit.PanelSpec{
		{Min: kit.LegendHeight(t, 4), Want: kit.LegendHeight(t, 4), Drop: 0},
		{Min: t.S(120), Want: t.S(230), Drop: 2},
		{Min: t.S(70), Want: t.S(70), Drop: 1, Grow: true},
	}
	if s.page == pagePlot {
		specs[1] = kit.PanelSpec{Drop: 2} // the plot is the main view: no side panel
	}
	u.screen = kit.Layout(t, c.Area, &u.strip, 1.25, specs)
	u.grid = u.screen.Main
	u.legend.Rect, u.plot, u.caption.Rect = u.screen.Panels[0], u.screen.Panels[1], u.screen.Panels[2]
	if s.page == pagePlot {
		u.grid, u.plot = widgets.Rect{}, u.screen.Main
	}
	u.plotTitle = ""
	if u.plot.H > 0 {
		u.plotTitle = fitFirst(t, widgets.Small, false, u.plot.W-t.S(16),
			"accuracy against networks averaged · squares: the members' average, diamonds: snapshots, line: best single member",
			"accuracy vs networks averaged · squares: members, diamonds: snapshots, line: best one",
			"accuracy vs networks averaged (squares: members, diamonds: snapshots)",
			"accuracy vs networks averaged",
			"accuracy vs K")
	}
	u.caption.Title = "what the run measured"
	s.followNetworks()
	s.layoutPanels(t)
}

// layoutPanels refreshes the words from the latest measurement and lays
// out the table and the views.
func (s *Scene) layoutPanels(t *widgets.Theme) {
	u := &s.ui
	if u.text.measured != s.measured || u.text.version != s.version || u.text.width != u.legend.Rect.W || u.text.scale != t.Scale {
		u.text = textState{measured: s.measured, version: s.version, width: u.legend.Rect.W, scale: t.Scale,
			rows: s.rows(t, u.legend.Rect.W), summary: s.summary(),
			title: fitFirst(t, widgets.Small, false, u.legend.Rect.W-t.S(16),
				fmt.Sprintf("validation accuracy · %d held-out points", s.exp.Val.N()), "validation accuracy")}
	}
	u.caption.Text = u.text.summary + "\n" + explanation
	u.legend.Title = u.text.title
	u.legend.Rows = u.text.rows
	u.legend.Layout(t)
	s.layoutViews(t)
}

// fillStrip puts the controls into the strip in reading order.
func (s *Scene) fillStrip(t *widgets.Theme) {
	u, st := &s.ui, &s.ui.strip
	st.Begin()
	label := "pause (Space)"
	switch {
	case s.done():
		label = "train again (Space)"
	case !s.playing:
		label = "resume (Space)"
	}
	st.Button(t, &u.run, label)
	u.run.Active = s.playing
	st.Button(t, &u.view, "view: "+pageNames[s.page]+" (V)")
	st.Button(t, &u.restart, "restart (R)")
	st.Button(t, &u.finish, "finish (F)")
	st.Gap()
	st.Button(t, &u.members, fmt.Sprintf("%d members (K)", s.k))
	st.Button(t, &u.data, "data: "+s.kind.Name()+" (D)")
	st.Button(t, &u.noise, fmt.Sprintf("noise %.2f (N)", s.noise))
	st.Button(t, &u.seed, fmt.Sprintf("seed %d (S)", s.seed))
	if u.caption.NeedsButton() {
		st.Button(t, &u.caption.Button, "notes (I)")
	} else {
		u.caption.Button.Rect = widgets.Rect{}
	}
}

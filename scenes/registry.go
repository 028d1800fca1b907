// Package scenes is the registry: the one place that lists gradlab's scenes,
// their order and their digit keys. Each scene lives in its own package
// under scenes/ and implements the contract in scenes/kit.
package scenes

import (
	"gradlab/scenes/curves"
	"gradlab/scenes/ensemble"
	"gradlab/scenes/gradcheck"
	"gradlab/scenes/kit"
	"gradlab/scenes/lr1d"
	"gradlab/scenes/race"
	"gradlab/scenes/sanity"
	"gradlab/scenes/schedules"
	"gradlab/scenes/search"
	"gradlab/scenes/threelrs"
	"gradlab/scenes/transfer"
)

// Entry is one scene as the shell knows it. New builds the scene; the shell
// calls it on the scene's first visit, so start-up cost does not grow with
// the number of scenes.
type Entry struct {
	ID    string // stable: URLs, tests and keys use it
	Title string // the tab's name
	Short string // the tab's name where space is short
	Digit int    // the key that opens it, 1 … 9 then 0
	New   func() kit.Scene
}

// All lists the scenes in tab order (digits 1 … 9, then 0).
var All = []Entry{
	{ID: "three-lrs", Title: "three learning rates", Short: "3 LRs", Digit: 1, New: func() kit.Scene { return threelrs.New() }},
	{ID: "gradcheck", Title: "gradient check", Short: "grad", Digit: 2, New: func() kit.Scene { return gradcheck.New() }},
	{ID: "sanity", Title: "sanity checks", Short: "sanity", Digit: 3, New: func() kit.Scene { return sanity.New() }},
	{ID: "curves", Title: "loss-curve doctor", Short: "curves", Digit: 4, New: func() kit.Scene { return curves.New() }},
	{ID: "lr-1d", Title: "learning rate in 1-D", Short: "1-D", Digit: 5, New: func() kit.Scene { return lr1d.New() }},
	{ID: "race", Title: "optimizer race", Short: "race", Digit: 6, New: func() kit.Scene { return race.New() }},
	{ID: "schedules", Title: "LR schedules", Short: "sched", Digit: 7, New: func() kit.Scene { return schedules.New() }},
	{ID: "search", Title: "hyperparameter search", Short: "search", Digit: 8, New: func() kit.Scene { return search.New() }},
	{ID: "ensemble", Title: "ensembles", Short: "ens", Digit: 9, New: func() kit.Scene { return ensemble.New() }},
	{ID: "transfer", Title: "transfer learning", Short: "transfer", Digit: 0, New: func() kit.Scene { return transfer.New() }},
}

// Default is the scene a URL without ?scene= opens.
const Default = "race"

// ByID finds a scene by its id.
func ByID(id string) (Entry, bool) {
	for _, e := range All {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

package search

import (
	"fmt"
	"strconv"
	"strings"

	"gradlab/scenes/kit"
	hs "gradlab/sim/search"
)

// Params declares the scene's URL state: the mode, the comparison's
// settings and draw, the network search's range, and run=1 for a search
// that runs as the page opens.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "mode", Read: func() string { return modeIDs[s.mode] }, Write: func(v string) error {
			id, err := kit.Choice(v, modeIDs, modeIDs[s.mode], "mode")
			for i, m := range modeIDs {
				if m == id {
					s.mode = mode(i)
				}
			}
			return err
		}},
		{Name: "methods", Read: func() string {
			var ids []string
			for _, m := range s.methods {
				ids = append(ids, string(m))
			}
			return strings.Join(ids, ",")
		}, Write: func(v string) error {
			ms, err := hs.ParseMethods(v)
			if err != nil {
				return err
			}
			s.methods = ms
			return nil
		}},
		{Name: "budget", Read: func() string { return strconv.Itoa(s.budget) }, Write: func(v string) (err error) {
			n, err := kit.IntIn(v, budgetMin, budgetMax, s.budget, "the budget")
			if err != nil {
				return err
			}
			// A budget no grid fills exactly goes to the nearest that one
			// does, and says so.
			s.budget = budgetStops[nearestBudget(n)]
			if s.budget != n {
				return fmt.Errorf("the budget %d is not one a grid fills exactly (k×k or k×(k+1) trials): using %d", n, s.budget)
			}
			return nil
		}},
		{Name: "ratio", Read: func() string { return kit.Num(s.ratio) }, Write: func(v string) (err error) {
			r, err := kit.NumIn(v, ratioMin, ratioMax, s.ratio, "the importance ratio")
			if err == nil {
				r, _ = kit.ParseNum(kit.Num(r)) // what the URL writes back
			}
			s.ratio = r
			return err
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "draw", Read: func() string {
			if s.draw == 0 {
				return ""
			}
			return strconv.Itoa(s.draw)
		}, Write: func(v string) (err error) {
			s.draw, err = kit.IntIn(v, 0, drawMax, s.draw, "the draw")
			return err
		}},
		{Name: "range", Read: func() string { return presets[s.preset].id }, Write: func(v string) error {
			var ids []string
			for _, p := range presets {
				ids = append(ids, p.id)
			}
			id, err := kit.Choice(v, ids, presets[s.preset].id, "search range")
			for i, p := range presets {
				if p.id == id {
					s.preset = i
				}
			}
			return err
		}},
		{Name: "run", Read: func() string {
			if s.playing {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.playing, err = kit.Bool(v, s.playing, "run")
			return err
		}},
	}
}

package curves

import (
	"strconv"

	"gradlab/scenes/kit"
	"gradlab/sim/diagnose"
)

func scenarioIDs() []string {
	var ids []string
	for _, sc := range diagnose.Scenarios {
		ids = append(ids, sc.ID)
	}
	return ids
}

// Params declares the URL: the scenario, the seed, and mystery mode. The
// URL reproduces the curves: the same scenario and seed train the same
// network on the same data in the same order.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "scenario", Read: func() string { return s.scenario().ID }, Write: func(v string) error {
			id, err := kit.Choice(v, scenarioIDs(), s.scenario().ID, "scenario")
			for i, sc := range diagnose.Scenarios {
				if sc.ID == id {
					s.sc = i
				}
			}
			return err
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 0, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "mystery", Read: func() string {
			if s.mystery {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.mystery, err = kit.Bool(v, s.mystery, "mystery")
			return err
		}},
	}
}

package curves

import (
	"strconv"
	"strings"

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
// network on the same data in the same order. A mystery's URL carries its
// code instead of the scenario and seed, which would give it away.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "scenario", Read: func() string {
			if s.mystery {
				return ""
			}
			return s.scenario().ID
		}, Write: func(v string) error {
			id, err := kit.Choice(v, scenarioIDs(), s.scenario().ID, "scenario")
			for i, sc := range diagnose.Scenarios {
				if sc.ID == id {
					s.sc = i
				}
			}
			return err
		}},
		{Name: "seed", Read: func() string {
			if s.mystery {
				return ""
			}
			return strconv.Itoa(s.seed)
		}, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "mystery", Read: func() string {
			if s.mystery {
				return strconv.Itoa(s.code)
			}
			return ""
		}, Write: func(v string) (err error) {
			switch strings.ToLower(v) {
			case "false":
				s.mystery = false
				return nil
			case "true":
				v = "1"
			}
			c, err := kit.IntIn(v, 1, codeMax, 0, "the mystery")
			if err != nil {
				return err
			}
			s.mystery, s.code = true, c
			return nil
		}},
	}
}

package transfer

import (
	"fmt"
	"strconv"

	"gradlab/scenes/kit"
	tl "gradlab/sim/transfer"
)

// freezeIDs lists the freeze ids for the URL.
func freezeIDs() []string {
	var ids []string
	for _, f := range tl.Freezes {
		ids = append(ids, f.ID())
	}
	return ids
}

// Params declares the scene's URL state.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		kit.ViewParam(pageIDs[:], &s.page, &s.urlPage),
		{Name: "examples", Read: func() string { return strconv.Itoa(s.perClass) }, Write: func(v string) (err error) {
			s.perClass, err = kit.IntIn(v, tl.MinPerClass, tl.MaxPerClass, s.perClass, "examples per class")
			return err
		}},
		{Name: "freeze", Read: func() string { return s.freeze.ID() }, Write: func(v string) error {
			id, err := kit.Choice(v, freezeIDs(), s.freeze.ID(), "frozen layers")
			s.freeze, _ = tl.ParseFreeze(id)
			return err
		}},
		{Name: "sim", Read: func() string { return kit.Num(s.sim) }, Write: func(v string) error {
			x, err := kit.NumIn(v, 0, 1, s.sim, "the similarity")
			if err != nil || kit.Num(snapSim(x)) != kit.Num(x) {
				return fmt.Errorf("the similarity must be one of 0, 0.05, 0.1, … 1; using %s", kit.Num(s.sim))
			}
			s.sim = snapSim(x)
			return nil
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "run", Read: func() string {
			if s.playing {
				return ""
			}
			return "0"
		}, Write: func(v string) (err error) {
			s.playing, err = kit.Bool(v, s.playing, "run")
			return err
		}},
	}
}

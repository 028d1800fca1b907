package threelrs

import (
	"fmt"
	"strconv"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
)

// Params declares the scene's URL state: everything that changes the runs,
// and run=1 for a page that trains as it opens.
func (s *Scene) Params() []kit.Param {
	ps := []kit.Param{}
	for i := range s.lrs {
		ps = append(ps, kit.Param{Name: fmt.Sprintf("lr%d", i+1),
			Read: func() string { return kit.Num(s.lrs[i]) },
			Write: func(v string) error {
				var err error
				s.lrs[i], err = kit.NumIn(v, lrMin, lrMax, s.lrs[i], fmt.Sprintf("learning rate %d", i+1))
				return err
			}})
	}
	return append(ps,
		kit.Param{Name: "data", Read: func() string { return string(s.kind) }, Write: func(v string) error {
			id, err := kit.Choice(v, kindIDs(), string(s.kind), "data set")
			s.kind = data.Kind(id)
			return err
		}},
		kit.Param{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		kit.Param{Name: "hidden", Read: func() string { return strconv.Itoa(s.hidden) }, Write: func(v string) (err error) {
			s.hidden, err = kit.IntIn(v, hiddenMin, hiddenMax, s.hidden, "the number of hidden units")
			return err
		}},
		kit.Param{Name: "steps", Read: func() string { return strconv.Itoa(s.limit) }, Write: func(v string) (err error) {
			s.limit, err = kit.IntIn(v, stepsMin, stepsMax, s.limit, "the number of steps")
			return err
		}},
		kit.Param{Name: "run", Read: func() string {
			if s.playing {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.playing, err = kit.Bool(v, s.playing, "run")
			return err
		}},
	)
}

package sanity

import (
	"fmt"
	"strconv"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// Params declares the scene's URL state: everything that changes the
// picture, so a copied URL measures and trains the same networks.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "data", Read: func() string { return string(s.kind) }, Write: func(v string) error {
			id, err := kit.Choice(v, kindIDs(), string(s.kind), "data set")
			s.kind = data.Kind(id)
			return err
		}},
		{Name: "classes", Read: func() string { return strconv.Itoa(s.classes) }, Write: func(v string) (err error) {
			s.classes, err = kit.IntIn(v, classesMin, classesMax, s.classes, "the number of classes")
			return err
		}},
		{Name: "reg", Read: func() string { return kit.Num(s.reg) }, Write: func(v string) error {
			x, err := kit.ParseNum(v)
			if err != nil || x != 0 && (x < regMin || x > regMax) {
				return fmt.Errorf("λ must be 0 (off) or a number from %s to %s; using %s", kit.Num(regMin), kit.Num(regMax), kit.Num(s.reg))
			}
			s.reg = x
			return nil
		}},
		{Name: "examples", Read: func() string { return strconv.Itoa(s.examples) }, Write: func(v string) (err error) {
			s.examples, err = kit.IntIn(v, examplesMin, examplesMax, s.examples, "the number of examples to overfit")
			return err
		}},
		{Name: "bug", Read: func() string { return bugID(s.bug) }, Write: func(v string) error {
			var ids []string
			for _, b := range bugs {
				ids = append(ids, bugID(b))
			}
			id, err := kit.Choice(v, ids, bugID(s.bug), "bug")
			if err == nil {
				s.bug, _ = nn.ParseBug(id)
			}
			return err
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "view", Read: func() string { return s.view }, Write: func(v string) (err error) {
			s.view, err = kit.Choice(v, []string{viewOverfit, viewFull}, s.view, "view of the decision regions")
			return err
		}},
	}
}

package gradcheck

import (
	"strconv"

	"gradlab/scenes/kit"
)

// Params declares the scene's URL state: the function, h, the network's
// bug and seed, the parameter its loss is taken along, and whether the
// whole-network check is on. The seed comes before the parameter index,
// whose range is the network's size.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		{Name: "fn", Read: func() string { return fns[s.fn].id }, Write: func(v string) error {
			id, err := kit.Choice(v, fnIDs(), fns[s.fn].id, "function")
			s.fn = fnIndex(id)
			return err
		}},
		{Name: "h", Read: func() string { return kit.Num(s.h) }, Write: func(v string) (err error) {
			s.h, err = kit.NumIn(v, hMin, hMax, s.h, "the step h")
			return err
		}},
		{Name: "bug", Read: func() string { return bugID(bugs[s.bugI]) }, Write: func(v string) error {
			id, err := kit.Choice(v, bugIDs(), bugID(bugs[s.bugI]), "bug")
			for i, b := range bugs {
				if bugID(b) == id {
					s.bugI = i
				}
			}
			return err
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 0, seedMax, s.seed, "the seed")
			return err
		}},
		{Name: "param", Read: func() string { return strconv.Itoa(s.param) }, Write: func(v string) (err error) {
			s.param, err = kit.IntIn(v, 0, s.net.size()-1, s.param, "the parameter index")
			return err
		}},
		// check=1 runs the whole-network check on arrival.
		{Name: "check", Read: func() string {
			if s.chk.asked {
				return "1"
			}
			return ""
		}, Write: func(v string) (err error) {
			s.chk.asked, err = kit.Bool(v, s.chk.asked, "check")
			return err
		}},
	}
}

package ensemble

import (
	"strconv"

	"gradlab/scenes/kit"
	"gradlab/sim/data"
	"gradlab/sim/ensemble"
)

// Params declares the scene's URL state: everything that changes the runs.
// The noise is left out while it is the data set's default.
func (s *Scene) Params() []kit.Param {
	return []kit.Param{
		kit.ViewParam(pageIDs[:], &s.page, &s.urlPage),
		{Name: "data", Read: func() string { return string(s.kind) }, Write: func(v string) error {
			id, err := kit.Choice(v, kindIDs(), string(s.kind), "data set")
			s.kind = data.Kind(id)
			return err
		}},
		{Name: "k", Read: func() string { return strconv.Itoa(s.k) }, Write: func(v string) (err error) {
			s.k, err = kit.IntIn(v, kMin, kMax, s.k, "the number of members")
			return err
		}},
		{Name: "noise", Read: func() string {
			if !s.noiseSet || s.noise == ensemble.DefaultNoise(s.kind) {
				return ""
			}
			return kit.Num(s.noise)
		}, Write: func(v string) error {
			n, err := kit.NumIn(v, noiseMin, noiseMax, s.noise, "the noise")
			if err == nil {
				s.noise, s.noiseSet = n, true
			}
			return err
		}},
		{Name: "seed", Read: func() string { return strconv.Itoa(s.seed) }, Write: func(v string) (err error) {
			s.seed, err = kit.IntIn(v, 1, seedMax, s.seed, "the seed")
			return err
		}},
	}
}

// kindIDs lists the data sets' ids.
func kindIDs() []string {
	var ids []string
	for _, k := range ensemble.Kinds {
		ids = append(ids, string(k))
	}
	return ids
}

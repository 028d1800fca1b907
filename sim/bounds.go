package sim

import "gradlab/surfaces"

// DivergenceBox is where a race's runners may go: the surface's usual view
// grown tenfold about its centre. A runner that leaves it has diverged, and
// start points are kept inside it.
func DivergenceBox(s surfaces.Surface) surfaces.Box {
	v := s.View()
	return v.Scale(v.Center(), 10)
}

package lr1d

import (
	"testing"
)

// A long run keeps its whole path on the curve: at the end of the
// 135-step crawl, and of the two-curvature run where y's zig-zag is over
// in a few steps while x crawls on, the dots reach from x₀ to the last
// step with no gap wider than the thinning, and stay bounded in number.
func TestLongRunsKeepTheirPath(t *testing.T) {
	for _, url := range []string{"lr=0.05&speed=300", "lr=0.0749894&two=1", "lr=0.001&L=1&x0=10"} {
		s := New()
		if msgs := apply(s, url); len(msgs) != 0 {
			t.Fatal(msgs)
		}
		finish(s)
		xss := [][]float64{s.run.xs}
		if s.two {
			xss = append(xss, s.run.ys)
		}
		for _, xs := range xss {
			tr := trail(xs, s.shown, 1.3*s.x0)
			k := max((s.shown-fade+maxOld-1)/maxOld, 1)
			if tr[0].i != 0 || tr[len(tr)-1].i != s.shown || len(tr) > maxOld+fade+1 {
				t.Errorf("%s: %d dots from %d to %d of %d", url, len(tr), tr[0].i, tr[len(tr)-1].i, s.shown)
			}
			for j := 1; j < len(tr); j++ {
				if gap := tr[j].i - tr[j-1].i; gap > k || gap < 1 {
					t.Errorf("%s: dots %d and %d leave a gap (thinned to every %d)", url, tr[j-1].i, tr[j].i, k)
				}
			}
			// y's zig-zag is within the first steps: every one of them
			// is drawn.
			if s.two && s.shown > fade+10 {
				for i := 0; i < 5; i++ {
					if tr[i].i != i {
						t.Errorf("%s: the early step %d is not drawn (dot %d is step %d)", url, i, i, tr[i].i)
					}
				}
			}
		}
	}
}

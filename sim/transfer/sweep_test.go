package transfer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// sweep runs every comparison of the grid and returns the mean held-out
// accuracies by (freeze, perClass, similarity).
type cell struct{ zero, fine, scratch, minGain, maxGain float64 }

func sweep(seeds []uint64, freezes []Freeze, perClass []int, sims []float64) map[string]cell {
	var cache Cache
	cache.Max = len(seeds)
	out := map[string]cell{}
	for _, seed := range seeds {
		for _, f := range freezes {
			for _, n := range perClass {
				for _, s := range sims {
					r := Run(&cache, seed, Setup{PerClass: n, Similarity: s, Freeze: f}).Result()
					k := fmt.Sprint(f, n, s)
					c, ok := out[k]
					if !ok {
						c.minGain, c.maxGain = 1, -1
					}
					c.zero += r.ZeroShot / float64(len(seeds))
					c.fine += r.Fine / float64(len(seeds))
					c.scratch += r.Scratch / float64(len(seeds))
					c.minGain = min(c.minGain, r.Gain)
					c.maxGain = max(c.maxGain, r.Gain)
					out[k] = c
				}
			}
		}
	}
	return out
}

// TestSweep prints the table the defaults were chosen from: mean held-out
// accuracy of fine-tuning and of scratch over seeds, for each freeze,
// examples per class and similarity. It takes tens of seconds, so it runs
// only when TRANSFER_SWEEP is set.
func TestSweep(t *testing.T) {
	if os.Getenv("TRANSFER_SWEEP") == "" {
		t.Skip("set TRANSFER_SWEEP=1 to print the sweep")
	}
	seeds := []uint64{1, 2, 3, 4, 5}
	sims := []float64{1, 0.9, 0.75, 0.5, 0.25, 0}
	perClass := []int{5, 10, 20}
	{
		res := sweep(seeds, Freezes, perClass, sims)
		var b strings.Builder
		fmt.Fprintf(&b, "\nfine-tuning at lr %g, scratch at %g: held-out target accuracy, mean over %d seeds (fine-tuned / scratch, gain min…max, z: zero-shot)\n", FineLR, LR, len(seeds))
		fmt.Fprintf(&b, "%-24s %4s", "freeze", "n")
		for _, s := range sims {
			fmt.Fprintf(&b, " | sim %-4g %-20s", s, "")
		}
		b.WriteString("\n")
		for _, f := range Freezes {
			for _, n := range perClass {
				fmt.Fprintf(&b, "%-24s %4d", f.Name(), n)
				for _, s := range sims {
					c := res[fmt.Sprint(f, n, s)]
					fmt.Fprintf(&b, " | %3.0f/%3.0f %+4.0f…%+4.0f z%3.0f", 100*c.fine, 100*c.scratch, 100*c.minGain, 100*c.maxGain, 100*c.zero)
				}
				b.WriteString("\n")
			}
		}
		t.Log(b.String())
	}
}

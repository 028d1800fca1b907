package ensemble

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// A gain on screen is the difference of the two percentages beside it.
func TestShownGapMatchesShownNumbers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.Fields(s)[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i := 0; i < 10000; i++ {
		a, b := float64(r.IntN(300))/300, float64(r.IntN(300))/300
		got := fmt.Sprintf("%.1f", 100*shownGap(a, b))
		want := fmt.Sprintf("%.1f", num(pct(a))-num(pct(b)))
		if got != want && !(got == "-0.0" && want == "0.0") && !(got == "0.0" && want == "-0.0") {
			t.Fatalf("%s − %s shown as a gap of %s", pct(a), pct(b), got)
		}
	}
}

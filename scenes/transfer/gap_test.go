package transfer

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// A gain on screen is the difference of the two percentages beside it, and
// 398 of 400 is not shown as 100 %.
func TestShownGapMatchesShownNumbers(t *testing.T) {
	if pct(398.0/400) != "99.5 %" {
		t.Errorf("398 of 400 shown as %s", pct(398.0/400))
	}
	r := rand.New(rand.NewPCG(1, 2))
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.Fields(s)[0], 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i := 0; i < 10000; i++ {
		a, b := float64(r.IntN(400))/400, float64(r.IntN(400))/400
		got := fmt.Sprintf("%.1f", shownGap(a, b))
		want := fmt.Sprintf("%.1f", num(pct(a))-num(pct(b)))
		if got != want && !(got == "-0.0" && want == "0.0") && !(got == "0.0" && want == "-0.0") {
			t.Fatalf("%s − %s shown as a gap of %s", pct(a), pct(b), got)
		}
	}
}

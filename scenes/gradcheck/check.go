package gradcheck

import (
	"fmt"
	"math"
	"strings"
	"time"

	gc "gradlab/sim/gradcheck"
	"gradlab/sim/nn"
)

// check is the whole-network gradient check: every parameter by centered
// differences at the current h (gc.CheckAll), a block of parameters per
// tick so the page never stalls, then a summary per layer.
type check struct {
	// asked is set once the check was asked for; from then on it follows
	// the settings (h, bug, seed) and reruns when they change.
	asked bool
	done  int // parameters checked so far
	h     float64
	m     *netModel
	errs  []float64
	kinks []bool // the step crossed a ReLU kink for this parameter
	sums  []gc.Summary
	hists [][]int
	// roundoff marks blocks whose worst error, though above 1e-7, is what
	// rounding alone gives on that parameter's small gradient.
	roundoff []bool
	// said is the verdict in words, written once the check is done.
	said string
	// gen counts changes, so the panel is redrawn only when it changed.
	gen int
	// settle is set by a restart: the check waits for a tick without
	// changes, so dragging h does not pay for a check per tick.
	settle bool
}

// Histogram decades: 1e-16 … 1 (16 bins), as gc.Histogram suggests.
const histLo, histHi = -16, 0

// tickBudget is how long the check may run in one tick.
const tickBudget = 2 * time.Millisecond

func (c *check) running() bool { return c.asked && c.m != nil && c.done < len(c.errs) }
func (c *check) finished() bool {
	return c.asked && c.m != nil && c.done == len(c.errs) && len(c.sums) > 0
}

// start asks for the check (the button and the key).
func (c *check) start(s *Scene) {
	c.asked = true
	c.restart(s)
}

// restart begins the check again for the scene's current network and h,
// if it was asked for.
func (c *check) restart(s *Scene) {
	c.gen++
	if !c.asked {
		return
	}
	c.m, c.h, c.done, c.settle = s.net, s.h, 0, true
	n := s.net.size()
	c.errs = make([]float64, n)
	c.kinks = make([]bool, n)
	c.sums = c.sums[:0]
}

// step runs the check for up to budget (at least one block of
// parameters), and summarises once every parameter is done. The tick of a
// restart does no work.
func (c *check) step(budget time.Duration) {
	if !c.running() {
		return
	}
	if c.settle {
		c.settle = false
		return
	}
	t0 := time.Now()
	m := c.m
	f := func([]float64) float64 { return m.loss() }
	const block = 8
	for c.done < len(c.errs) {
		lo, hi := c.done, min(c.done+block, len(c.errs))
		// CheckAll nudges the sub-slice, which shares memory with Theta,
		// so f sees the whole network with one parameter moved.
		gc.CheckAll(c.errs[lo:hi], f, m.net.Theta[lo:hi], m.grad[lo:hi], c.h)
		for i := lo; i < hi; i++ {
			c.kinks[i] = c.h > m.kinkDist(i)
		}
		c.done = hi
		if time.Since(t0) >= budget {
			break
		}
	}
	c.gen++
	if c.done < len(c.errs) {
		return
	}
	rs := make([]gc.Range, len(m.ranges))
	for i, r := range m.ranges {
		rs[i] = gc.Range{Name: r.Name, Lo: r.Lo, Hi: r.Hi}
	}
	c.sums = gc.Summarize(c.sums, c.errs, rs)
	c.hists, c.roundoff = c.hists[:0], c.roundoff[:0]
	for i, r := range rs {
		c.hists = append(c.hists, gc.Histogram(nil, c.errs[r.Lo:r.Hi], histLo, histHi))
		sm := c.sums[i]
		c.roundoff = append(c.roundoff, sm.Band.Severity > gc.Good && sm.Band.Severity < gc.Wrong &&
			!c.kinks[sm.Worst] && sm.Max <= 30*roundoffFloor(m.loss(), m.grad[sm.Worst], c.h))
	}
	c.said = c.say()
}

// roundoffFloor is the relative error rounding alone gives a centered
// difference of a loss of size l with gradient g at step h: each of f(θ ± h)
// is off by about ε·|l|, so the difference is off by about ε·|l|/h, which
// is large next to a small |g|. The cs231n notes warn about exactly this.
func roundoffFloor(l, g, h float64) float64 {
	return gc.Float64.Eps() * math.Abs(l) / h / math.Max(math.Abs(g), 1e-300)
}

// finish runs the check to the end at once (tests).
func (c *check) finish() {
	c.settle = false
	for c.running() {
		c.step(time.Hour)
	}
}

// kinkCount is how many of block i's parameters crossed a kink.
func (c *check) kinkCount(i int) int {
	r := c.m.ranges[i]
	n := 0
	for _, k := range c.kinks[r.Lo:r.Hi] {
		if k {
			n++
		}
	}
	return n
}

// flagged lists the blocks whose worst error is "probably wrong".
func (c *check) flagged() []int {
	var out []int
	for i, sm := range c.sums {
		if sm.Band.Severity == gc.Wrong {
			out = append(out, i)
		}
	}
	return out
}

// verdict says in words what the finished check found.
func (c *check) verdict() string {
	if !c.finished() {
		return ""
	}
	return c.said
}

func (c *check) say() string {
	bug := c.m.net.Bug
	bad := c.flagged()
	var parts []string
	for _, i := range bad {
		sm := c.sums[i]
		parts = append(parts, fmt.Sprintf("%s: max relative error %s — %s", sm.Name, num(sm.Max), sm.Band.Verdict))
	}
	// The others, by their worst band.
	worst := gc.Good
	var others []string
	for _, sm := range c.sums {
		if sm.Band.Severity == gc.Wrong {
			continue
		}
		others = append(others, sm.Name)
		worst = max(worst, sm.Band.Severity)
	}
	kinks := 0
	for i := range c.sums {
		kinks += c.kinkCount(i)
	}
	switch {
	case len(bad) == 0 && worst == gc.Good:
		parts = append(parts, "every layer < 10⁻⁷: the backward pass agrees with the loss")
	case len(others) == 0:
		parts = append(parts, "no layer passes")
	case worst == gc.Good:
		parts = append(parts, "every other layer < 10⁻⁷")
	default:
		var ws []string
		for i, sm := range c.sums {
			if sm.Band.Severity > gc.Good && sm.Band.Severity < gc.Wrong {
				w := fmt.Sprintf("%s up to %s (%s)", sm.Name, num(sm.Max), sm.Band.Name)
				if c.roundoff[i] {
					w += fmt.Sprintf(", at θ[%d] whose gradient is only %s: rounding, not a bug", sm.Worst, num(c.m.grad[sm.Worst]))
				}
				ws = append(ws, w)
			}
		}
		parts = append(parts, strings.Join(ws, ", "))
	}
	out := strings.Join(parts, "; ") + "."
	if kinks > 0 {
		out += fmt.Sprintf(" %d parameter%s moved a ReLU unit across its kink at this h, which alone makes a check disagree.", kinks, plural(kinks))
	}
	if len(bad) == 0 && bug != nn.NoBug {
		out += " Yet the bug \"" + bug.Name() + "\" is in: " + blind[bug]
	}
	return out
}

// blind explains why the check cannot see the bugs it passes.
var blind = map[nn.Bug]string{
	nn.BugNoMax: "it is exact while the scores are small, and only overflows once a score passes about 709. " +
		"A gradient check at a healthy start never sees it.",
	nn.BugRegSign: "the loss and its gradient are wrong the same way, so they agree with each other. " +
		"A gradient check compares the gradient with the loss, never the loss with what was meant.",
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// worstErr is the largest error of a finished check (0 before), NaN
// counting as the worst.
func (c *check) worstErr() float64 {
	w := 0.0
	for _, sm := range c.sums {
		if math.IsNaN(sm.Max) {
			return math.NaN()
		}
		w = math.Max(w, sm.Max)
	}
	return w
}

package sanity

import (
	"fmt"
	"math"

	"gradlab/sim/train"
	"gradlab/widgets"
)

// row is one line of the checklist: what is checked, what a correct
// network gives, what was measured, and the verdict in a word and in a
// sentence. Every number in it comes from the live measurements.
type row struct {
	Check, Expected, Measured string
	Verdict                   verdict
	Words                     string
}

// verdictWord is how the table says a verdict.
func verdictWord(v verdict) string {
	return [...]string{"running", "pass", "FAIL", "off"}[v]
}

// checklist builds the table from the measurements so far.
func (s *Scene) checklist() []row {
	sm := s.init.summary()
	ln := math.Log(float64(s.classes))
	rows := make([]row, 0, 4)

	// 1. The initial loss without regularisation is ln C.
	r := row{Check: "initial loss, λ = 0", Expected: fmt.Sprintf("ln %d = %s", s.classes, f4(ln))}
	switch {
	case sm.n == 0:
		r.Measured, r.Words = "…", fmt.Sprintf("measuring %d fresh networks at C = %d", seeds, s.classes)
	case sm.n < seeds:
		r.Measured, r.Words = f4(sm.mean), fmt.Sprintf("%d of %d fresh networks measured at C = %d", sm.n, seeds, s.classes)
	case !sm.finite:
		r.Verdict, r.Measured, r.Words = fail, "not finite", "a fresh network's loss overflowed: the softmax is not stable"
	case sm.worstDev <= lnCTol:
		r.Verdict, r.Measured = pass, f4(sm.mean)
		r.Words = fmt.Sprintf("%d fresh networks at C = %d (on %d points): %s to %s, within %s of ln C", seeds, s.classes,
			s.init.set(s.classes).N(), f4(sm.lo), f4(sm.hi), widgets.Num(lnCTol))
	default:
		r.Verdict, r.Measured = fail, f4(sm.mean)
		r.Words = fmt.Sprintf("%d fresh networks at C = %d: %s to %s, %s from ln C: every class should start at 1/C", seeds, s.classes,
			f4(sm.lo), f4(sm.hi), f4(sm.worstDev))
	}
	rows = append(rows, r)

	// 2. Regularisation raises it by ½λΣW².
	r = row{Check: "initial loss, λ = " + widgets.Num(s.reg)}
	if s.reg == 0 {
		r.Check = "initial loss, with λ"
	}
	rv, words := judgeReg(s.reg, sm)
	r.Verdict, r.Words = rv, words
	switch {
	case s.reg == 0:
		r.Expected, r.Measured = "higher", "λ is 0"
	case sm.n == 0:
		r.Expected, r.Measured = "higher", "…"
	default:
		r.Expected = "+" + widgets.Num(sm.expected) + " (½λΣW²)"
		r.Measured = signed(sm.rise)
	}
	rows = append(rows, r)

	// 3. The network memorises a few examples.
	ov, ow := judgeOverfit(s.over)
	m := fmt.Sprintf("%s, %d/%d", fmtLoss(s.over.loss), s.over.correct, s.over.set.N())
	if s.over.tr.Status == train.Diverged {
		m = fmt.Sprintf("diverged, step %d", s.over.tr.At)
	}
	rows = append(rows, row{Check: fmt.Sprintf("overfit %d examples, λ = 0", s.over.set.N()),
		Expected: "loss → 0, 100 %", Measured: m, Verdict: ov, Words: ow})

	// 4. Full training makes the loss fall steadily.
	fv, fw := judgeFull(s.full)
	m = "…"
	if l := s.full.tr.Loss; len(l) > 0 {
		m = fmtLoss(l[0]) + " → " + fmtLoss(l[len(l)-1])
	}
	if s.full.tr.Status == train.Diverged {
		m = fmt.Sprintf("diverged, step %d", s.full.tr.At)
	}
	rows = append(rows, row{Check: "full training, λ = " + widgets.Num(fullReg), Expected: "falls steadily",
		Measured: m, Verdict: fv, Words: fw})
	return rows
}

// judgeReg says whether λ raised the initial loss as ½λΣW² says it should,
// from the measured losses with and without it.
func judgeReg(reg float64, sm summary) (verdict, string) {
	switch {
	case reg == 0:
		return off, "λ is 0, so there is nothing to add: raise λ (↑) to check it"
	case sm.n == 0:
		return running, "measuring"
	case !sm.finiteRg:
		return fail, "the loss with λ is not finite"
	}
	tol := 1e-12 + 1e-6*sm.expected
	raised := sm.riseLo > 0.5*sm.expected
	switch {
	case !raised:
		return fail, regWarning(reg, sm)
	case sm.n < seeds:
		return running, fmt.Sprintf("raised by %s so far (%d of %d networks)", widgets.Num(sm.rise), sm.n, seeds)
	case math.Abs(sm.rise-sm.expected) > tol:
		return fail, fmt.Sprintf("raised by %s, but ½λΣW² of these weights is %s", widgets.Num(sm.rise), widgets.Num(sm.expected))
	}
	return pass, fmt.Sprintf("raised by %s on every network: exactly ½λΣW² of its small weights, so only slightly", widgets.Num(sm.rise))
}

// regWarning is the warning shown when λ > 0 does not raise the initial
// loss: built from the measured numbers.
func regWarning(reg float64, sm summary) string {
	what := "did not change it"
	switch {
	case sm.rise < 0:
		what = "lowered it by " + widgets.Num(-sm.rise)
	case sm.rise > 0:
		what = "raised it by only " + widgets.Num(sm.rise)
	}
	return fmt.Sprintf("λ = %s should raise the initial loss by ½λΣW² = %s, but %s: the regularisation is missing from the loss or has the wrong sign",
		widgets.Num(reg), widgets.Num(sm.expected), what)
}

// warning is the banner under the table: the regularisation check failing
// because λ did not raise the loss, or "".
func (s *Scene) warning() string {
	sm := s.init.summary()
	if s.reg > 0 && sm.n > 0 && sm.finiteRg && !(sm.riseLo > 0.5*sm.expected) {
		return "Warning: " + regWarning(s.reg, sm)
	}
	return ""
}

// f4 writes a loss with 4 decimals (ln C and the initial losses agree to
// about that).
func f4(v float64) string {
	if !finite(v) {
		return widgets.Num(v)
	}
	return fmt.Sprintf("%.4f", v)
}

// signed writes a difference with its sign.
func signed(v float64) string {
	if v > 0 {
		return "+" + widgets.Num(v)
	}
	return widgets.Num(v)
}

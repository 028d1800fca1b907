package gradcheck

import "math"

// RelErr is |a − n| / max(|a|, |n|), the relative error between an analytic
// gradient a and a numerical one n that the cs231n notes recommend. Dividing
// by the larger magnitude makes it symmetric, bounded by 2, and meaningful
// whichever of the two is tiny; an absolute error would not be, since 1e-4 is
// excellent for a gradient of 1e4 and hopeless for one of 1e-5. Both zero is
// a perfect match: 0. A NaN, or an infinity against a finite number, gives
// NaN, which Band grades Wrong.
func RelErr(a, n float64) float64 {
	if a == n {
		return 0 // also covers both zero and equal infinities
	}
	return math.Abs(a-n) / max(math.Abs(a), math.Abs(n))
}

// RelErrSum is |a − n| / (|a| + |n|), the variant the cs231n assignments'
// gradient-check helpers print. It is at most 1 and about half of RelErr
// when a ≈ n, so it reads one notch more optimistic near the band edges;
// the lab labels which one it shows.
func RelErrSum(a, n float64) float64 {
	if a == n {
		return 0
	}
	return math.Abs(a-n) / (math.Abs(a) + math.Abs(n))
}

// Severity orders the bands from good (0) to wrong (3) so that a UI can pick
// a colour from green to red by index.
type Severity int

const (
	Good          Severity = iota // ≤ 1e-7
	KinksOnly                     // (1e-7, 1e-4]
	Uncomfortable                 // (1e-4, 1e-2]
	Wrong                         // > 1e-2, or NaN
)

// String is the band's short label.
func (s Severity) String() string {
	if s < Good || s > Wrong {
		return "Severity(?)"
	}
	return Grades[s].Name
}

// Grade is one band of relative error with its verdict. The type cannot be
// called Band because the function that picks it is.
type Grade struct {
	Severity Severity
	Name     string  // short label for a legend
	Verdict  string  // the sentence the lab shows
	Lo, Hi   float64 // the band holds Lo < relErr ≤ Hi
}

// Grades are the cs231n rule-of-thumb bands, indexed by Severity. Each upper
// edge belongs to its band: the notes say "> 1e-2" is wrong and "1e-7 and
// less" is good.
var Grades = [4]Grade{
	{Good, "good", "good: 1e-7 and less", math.Inf(-1), 1e-7},
	{KinksOnly, "kinks only", "fine for objectives with kinks (ReLU, SVM); otherwise too high", 1e-7, 1e-4},
	{Uncomfortable, "uncomfortable", "uncomfortable: look closer", 1e-4, 1e-2},
	{Wrong, "probably wrong", "probably wrong", 1e-2, math.Inf(1)},
}

// Band is the grade of relErr. NaN is graded Wrong: a gradient that became
// NaN is broken however the comparison went.
func Band(relErr float64) Grade {
	switch {
	case relErr <= 1e-7:
		return Grades[Good]
	case relErr <= 1e-4:
		return Grades[KinksOnly]
	case relErr <= 1e-2:
		return Grades[Uncomfortable]
	}
	return Grades[Wrong]
}

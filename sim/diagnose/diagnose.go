// Package diagnose is the loss-curve doctor: it reads a pair of training
// and validation curves (one point per epoch or per evaluation, losses and
// optionally accuracies and the learning rate) and names the condition
// they show — healthy, learning rate too high or too low, overfitting, a
// plateau from a bad initialisation, a data bug, or a plateau that a
// learning-rate drop ends — with its evidence in numbers read off the
// curves. When the evidence is ambiguous it says it cannot tell rather than
// guess. It also holds the scenarios that cause each condition by really
// training a small network (scenarios.go). It is pure Go: no ebiten, no
// image.
package diagnose

import (
	"fmt"
	"math"
	"slices"
)

// Condition is what a pair of curves shows.
type Condition int

const (
	// Unknown is "cannot tell": too few points, too much noise, or a shape
	// that fits no pattern (or two) clearly.
	Unknown Condition = iota
	Healthy
	LRHigh
	LRLow
	Overfit
	BadInit
	DataBug
	PlateauLRDrop
)

// Conditions lists the conditions a diagnosis can name, Unknown excluded,
// in the order the program offers them.
var Conditions = []Condition{Healthy, LRHigh, LRLow, Overfit, BadInit, DataBug, PlateauLRDrop}

var condInfo = map[Condition][2]string{
	Unknown:       {"unknown", "cannot tell"},
	Healthy:       {"healthy", "healthy"},
	LRHigh:        {"lr-high", "LR too high"},
	LRLow:         {"lr-low", "LR too low"},
	Overfit:       {"overfit", "overfitting"},
	BadInit:       {"bad-init", "plateau from bad init"},
	DataBug:       {"data-bug", "data bug (labels)"},
	PlateauLRDrop: {"lr-drop", "plateau, then LR ÷ 10 helps"},
}

// ID is the condition's stable id (URLs, status, tests).
func (c Condition) ID() string { return condInfo[c][0] }

// Name is the label shown to people.
func (c Condition) Name() string { return condInfo[c][1] }

func (c Condition) String() string { return c.ID() }

// ParseCondition reads a condition id.
func ParseCondition(id string) (Condition, bool) {
	for c, v := range condInfo {
		if v[0] == id {
			return c, true
		}
	}
	return Unknown, false
}

// Curves are the input: parallel slices, one entry per evaluation point.
// Epoch, the accuracies and LR are optional (nil); Epoch nil numbers the
// points 0, 1, 2, …
type Curves struct {
	Epoch              []float64
	TrainLoss, ValLoss []float64
	TrainAcc, ValAcc   []float64
	// LR is the learning rate each point was trained at.
	LR []float64
	// Classes is the number of classes C (0: unknown), for ln C, the loss of
	// a network that guesses uniformly, and 1/C, chance accuracy.
	Classes int
	// Diverged says the run stopped because the loss was not finite or
	// exploded, at epoch DivergedAt, for the reason Why.
	Diverged   bool
	DivergedAt float64
	Why        string
	// Partial says the run is still training: what comes next may turn a
	// settled curve into an overfitting one or a crawl into a descent, so
	// verdicts about how a run ends (healthy, LR too low, data bug) are
	// held back and the reading says what the curves show so far.
	Partial bool
}

// Series names a curve.
type Series int

const (
	Train Series = iota
	Val
)

// Mark is a point on a curve (or, with Line, a vertical line at an epoch)
// that the evidence talks about.
type Mark struct {
	Index  int     `json:"index"`
	Epoch  float64 `json:"epoch"`
	Value  float64 `json:"value"`
	Series Series  `json:"series"`
	Line   bool    `json:"line"`
	Label  string  `json:"label"`
}

// Diagnosis is the doctor's verdict.
type Diagnosis struct {
	Condition Condition
	// Evidence says in words, with numbers from the curves, why.
	Evidence string
	// Confidence is 0 for Unknown, else in (0.5, 1]: how far the deciding
	// numbers are past their thresholds.
	Confidence float64
	Marks      []Mark
	// Smoothed are the curves the judgement was made on.
	SmoothTrain, SmoothVal []float64
}

// Thresholds, with why.
const (
	// MinPoints: below eight points there is no telling a trend from noise,
	// and no "start" and "end" that do not overlap.
	MinPoints = 8
	// Window is the median filter's width. A median of 5 removes single
	// spikes (one bad minibatch, one noisy evaluation) without rounding
	// off a real turn the way an average would.
	Window = 5
	// MaxNoise: when the points scatter more than 20 % of their level
	// around the smoothed curve, no rise or fall of the sizes below can be
	// trusted.
	MaxNoise = 0.2
	// ExplodeRise: a loss that climbs to 3× its own earlier minimum is not
	// noise: the steps overshoot the valley and each one lands higher.
	ExplodeRise = 3.0
	// BounceRise with NoProgress: a loss that keeps jumping 1.5× above its
	// running minimum and ends no lower than 80 % of where it started is
	// oscillating across the valley rather than descending.
	BounceRise = 1.5
	NoProgress = 0.8
	// OverfitRise: validation 15 % above its minimum (and 4 noise levels) is
	// a real turn; OverfitTrainFall: training still 5 % lower than at that
	// minimum says the network kept fitting the training set meanwhile.
	// BounceCorr: scatter above MaxNoise whose training and validation
	// parts correlate this well is the weights jumping, not noise.
	BounceCorr       = 0.8
	OverfitRise      = 0.15
	OverfitTrainFall = 0.05
	// NearLnC: within 3 % of ln C is "the loss of uniform guessing".
	NearLnC = 0.03
	// PlateauFrac: a flat stretch must last 15 % of the run (and 3 points)
	// to count as a plateau, not a slow start.
	PlateauFrac = 0.15
	// EscapeLevel: after a plateau at ln C, falling below 75 % of ln C shows
	// the network did learn — the trouble was the start, not the data.
	EscapeLevel = 0.75
	// StuckLevel: training loss never below 80 % of ln C and validation
	// accuracy within 15 points of chance (90 validation points at chance
	// scatter ±5 points, and the best of 60 epochs sits 2σ up) is a network that learns nothing
	// that carries over: the labels do not follow the inputs.
	StuckLevel = 0.8
	ChanceBand = 0.15
	// LowDrop, StillFalling: a loss that lost under 40 % of its start and
	// fell in its last third at least 18 % of its whole drop (a levelled
	// curve falls < 10 % there; a straight line 33 %) is crawling: the
	// steps are too small.
	LowDrop      = 0.4
	StillFalling = 0.18
	// HealthyDrop, Levelled: at least half the start gone and under 15 % of
	// the drop in the last third is a curve that learned and settled.
	// LevelledLog: the same share read on the log scale the curves are
	// plotted on, where a loss that keeps halving is a straight line (33 %):
	// under 20 % there is a bend the eye sees too.
	HealthyDrop = 0.5
	Levelled    = 0.15
	LevelledLog = 0.2
	// ValSlack: validation within 10 % of its minimum at the end.
	ValSlack = 0.10
	// LRCut: a learning rate cut by 5× or more between two points is a
	// drop; PlateauFlat: within 5 % over the stretch before it is flat;
	// DropFall: 20 % lower a few points after it is the drop helping.
	LRCut       = 5.0
	PlateauFlat = 0.10
	DropFall    = 0.12
)

// Diagnose reads the curves. It never panics: empty, one-point or
// mismatched input gives Unknown; a NaN or infinity in a loss is
// divergence (LR too high).
func Diagnose(c Curves) Diagnosis {
	n := len(c.TrainLoss)
	ep := func(i int) float64 {
		if i >= 0 && i < len(c.Epoch) {
			return c.Epoch[i]
		}
		return float64(i)
	}
	// Non-finite values: divergence, whatever else the curves show.
	for i := 0; i < n; i++ {
		v := c.TrainLoss[i]
		w := math.NaN()
		if i < len(c.ValLoss) {
			w = c.ValLoss[i]
		} else {
			w = 0
		}
		if !finite(v) || !finite(w) {
			return Diagnosis{Condition: LRHigh, Confidence: 1,
				Evidence: fmt.Sprintf("the loss stopped being a number (%s) at epoch %s: the run diverged", word(v, w), num(ep(i))),
				Marks:    []Mark{{Index: i, Epoch: ep(i), Line: true, Label: "diverged"}}}
		}
	}
	if c.Diverged {
		d := Diagnosis{Condition: LRHigh, Confidence: 1}
		why := c.Why
		if why == "" {
			why = "the loss was no longer finite"
		}
		d.Evidence = fmt.Sprintf("the run diverged at epoch %s: %s", num(c.DivergedAt), why)
		if n > 0 {
			lo := argmin(c.TrainLoss)
			d.Evidence += fmt.Sprintf(" (its lowest loss was %s at epoch %s)", num(c.TrainLoss[lo]), num(ep(lo)))
			d.Marks = append(d.Marks, Mark{Index: lo, Epoch: ep(lo), Value: c.TrainLoss[lo], Label: "lowest"})
		}
		d.Marks = append(d.Marks, Mark{Index: n - 1, Epoch: c.DivergedAt, Line: true, Label: "diverged"})
		return d
	}
	if n < MinPoints {
		return unknown(fmt.Sprintf("only %d point%s: at least %d are needed to tell a trend from noise", n, plural(n), MinPoints))
	}
	hasVal := len(c.ValLoss) == n
	tr := Smooth(c.TrainLoss, Window)
	var va []float64
	if hasVal {
		va = Smooth(c.ValLoss, Window)
	}
	d := judge(c, tr, va, ep)
	d.SmoothTrain, d.SmoothVal = tr, va
	return d
}

func judge(c Curves, tr, va []float64, ep func(int) float64) Diagnosis {
	n := len(tr)
	raw := c.TrainLoss
	hasVal := va != nil
	noise := Noise(raw, tr)
	if hasVal {
		noise = math.Max(noise, Noise(c.ValLoss, va))
	}
	// 1. Exploding or bouncing, on a running median of 3: it keeps a
	// blow-up at the very end (the last point is its own median) but drops
	// a lone spike, one unlucky evaluation that the next undoes.
	// A 3× rise counts where the scatter is under half of MaxNoise, or
	// where training and validation move together (see BounceCorr):
	// independent scatter rises too. A bounce (1.5× and no progress) counts
	// only when the two move together.
	m3 := Smooth(raw, 3)
	together := hasVal && corr(resid(raw, tr), resid(c.ValLoss, va)) >= BounceCorr
	if j, i, rise := maxRise(m3); (noise <= MaxNoise/2 || together) && rise >= ExplodeRise || together && rise >= BounceRise && tr[n-1] >= NoProgress*tr[0] {
		raw := m3
		conf := clamp01(0.5 + 0.5*(rise/ExplodeRise-0.5))
		return Diagnosis{Condition: LRHigh, Confidence: math.Max(conf, 0.55),
			Evidence: fmt.Sprintf("training loss (a running median of 3 epochs, so one stray point does not count) rose %s× from %s at epoch %s to %s at epoch %s: the steps overshoot",
				num(rise), num(raw[i]), num(ep(i)), num(raw[j]), num(ep(j))),
			Marks: []Mark{{Index: i, Epoch: ep(i), Value: raw[i], Label: "low"}, {Index: j, Epoch: ep(j), Value: raw[j], Label: "high"}}}
	}
	if noise > MaxNoise {
		// Scatter that moves training and validation together is the
		// weights jumping (both are measured on the same weights);
		// measurement noise on two different sets is independent.
		if hasVal {
			if r := corr(resid(raw, tr), resid(c.ValLoss, va)); r >= BounceCorr {
				return Diagnosis{Condition: LRHigh, Confidence: clamp01(0.5 + 0.5*(r-BounceCorr)/(1-BounceCorr) + 0.05),
					Evidence: fmt.Sprintf("the loss jumps %s %% from epoch to epoch around its trend, training and validation together (correlation %s): the weights themselves jump, each step overshooting",
						pct(noise), num(r)),
					Marks: []Mark{{Index: argmax(raw), Epoch: ep(argmax(raw)), Value: raw[argmax(raw)], Label: "highest"}}}
			}
		}
		return unknown(fmt.Sprintf("the points scatter %s %% around the trend, over the %s %% below which a rise or fall can be trusted",
			pct(noise), pct(MaxNoise)))
	}
	lnC := 0.0
	if c.Classes >= 2 {
		lnC = math.Log(float64(c.Classes))
	}
	// 2. A learning-rate cut that ended a plateau.
	if d, ok := lrDrop(c, tr, ep); ok {
		return d
	}
	// 3. Overfitting.
	if hasVal {
		m := argmin(va)
		vmin, vend := va[m], va[n-1]
		rise := vend/vmin - 1
		tail := max(3, n/10)
		if m <= n-1-tail && rise >= OverfitRise && rise >= 4*noise {
			fall := 1 - tr[n-1]/tr[m]
			if fall >= OverfitTrainFall {
				conf := clamp01(0.5 + 0.5*math.Min(rise/OverfitRise-1, fall/OverfitTrainFall-1)/2)
				return Diagnosis{Condition: Overfit, Confidence: math.Max(conf, 0.55),
					Evidence: fmt.Sprintf("validation loss rose %s %% from its minimum %s at epoch %s to %s at epoch %s, while training loss kept falling %s %% (%s to %s)",
						pct(rise), num(vmin), num(ep(m)), num(vend), num(ep(n-1)), pct(fall), num(tr[m]), num(tr[n-1])),
					Marks: []Mark{{Index: m, Epoch: ep(m), Value: vmin, Series: Val, Label: "val min"},
						{Index: m, Epoch: ep(m), Line: true, Label: "val min"},
						{Index: n - 1, Epoch: ep(n - 1), Value: vend, Series: Val, Label: "val end"},
						{Index: n - 1, Epoch: ep(n - 1), Value: tr[n-1], Series: Train, Label: "train end"}}}
			}
		}
	}
	// 4. Crawling: still falling in a straight line, little gone.
	s0, send := tr[0], tr[n-1]
	if !(s0 > 0) || !(send > 0) {
		return unknown("the losses are not positive: these are not cross-entropy curves")
	}
	third := tr[(2*n)/3]
	drop := s0 - send
	frac := drop / s0
	lastShare := 0.0
	if drop > 0 {
		lastShare = (third - send) / drop
	}
	logShare := 0.0
	if drop > 0 && third > send {
		logShare = math.Log(third/send) / math.Log(s0/send)
	}
	if c.Partial {
		if lnC > 0 {
			if d, ok := stuck(c, tr, va, ep, lnC, noise); ok && d.Condition == BadInit {
				return d
			}
		}
		return soFar(c, frac, logShare, ep(n-1), s0, send)
	}
	crawl := frac > 0 && frac < LowDrop && lastShare >= StillFalling && frac >= 4*noise
	// A crawl whose validation loss sits above ln C and above training is
	// the data bug memorising (below), not a slow but sound descent.
	if crawl && !(lnC > 0 && bugLike(c, tr, va, lnC)) {
		conf := clamp01(0.5 + 0.25*(lastShare/StillFalling-1) + 0.25*(1-frac/LowDrop))
		return Diagnosis{Condition: LRLow, Confidence: math.Max(conf, 0.55),
			Evidence: fmt.Sprintf("training loss fell only %s %% in %s epochs (%s to %s) and was still falling almost in a straight line at the end: %s %% of that fall came in the last third",
				pct(frac), num(ep(n-1)-ep(0)), num(s0), num(send), pct(lastShare)),
			Marks: []Mark{{Index: 0, Epoch: ep(0), Value: s0, Label: "start"}, {Index: (2 * n) / 3, Epoch: ep((2 * n) / 3), Line: true, Label: "last third"},
				{Index: n - 1, Epoch: ep(n - 1), Value: send, Label: "end"}}}
	}
	// 5 and 6. Stuck at ln C: a data bug, or a bad start that ends.
	if lnC > 0 {
		if d, ok := stuck(c, tr, va, ep, lnC, noise); ok {
			return d
		}
	}
	// 7. Learned and settled.
	valOK := true
	valNote := ""
	var marks []Mark
	if hasVal {
		m := argmin(va)
		valOK = va[n-1] <= va[m]*(1+ValSlack)
		valNote = fmt.Sprintf("; validation %s at its minimum (epoch %s), %s at the end", num(va[m]), num(ep(m)), num(va[n-1]))
		marks = append(marks, Mark{Index: m, Epoch: ep(m), Value: va[m], Series: Val, Label: "val min"})
	}
	levelled := lastShare < Levelled && logShare < LevelledLog
	if frac >= HealthyDrop && levelled && valOK && lrCut(c) >= 0 {
		e := lrCut(c)
		return unknown(fmt.Sprintf("the loss settled, but the LR was cut %s× at epoch %s and the curve is too coarse or smooth there to say whether a plateau ended at the cut",
			num(c.LR[e-1]/c.LR[e]), num(ep(e-1))))
	}
	if frac >= HealthyDrop && levelled && valOK {
		conf := clamp01(0.5 + 0.25*(frac-HealthyDrop)/(1-HealthyDrop) + 0.25*(1-logShare/LevelledLog))
		return Diagnosis{Condition: Healthy, Confidence: math.Max(conf, 0.55),
			Evidence: fmt.Sprintf("training loss fell %s %% (%s to %s) and levelled off: on the plot's log scale only %s %% of the fall came in the last third (a steady fall is 33 %%)%s",
				pct(frac), num(s0), num(send), pct(math.Max(logShare, 0)), valNote),
			Marks: append(marks, Mark{Index: n - 1, Epoch: ep(n - 1), Value: send, Label: "end"})}
	}
	switch {
	case frac >= HealthyDrop && !levelled:
		return unknown(fmt.Sprintf("training loss fell %s %% and is still falling (%s %% of it in the last third on the log scale): too early to say how it ends", pct(frac), pct(logShare)))
	case frac <= 0:
		return unknown(fmt.Sprintf("training loss did not fall (%s to %s), yet it is not stuck at ln C, nor rising sharply", num(s0), num(send)))
	}
	return unknown(fmt.Sprintf("training loss fell %s %% (%s to %s) with %s %% of it in the last third: between the patterns", pct(frac), num(s0), num(send), pct(math.Max(lastShare, 0))))
}

// lrDrop finds a learning-rate cut of LRCut× or more that ended a
// plateau: over the stretch before the cut the loss hovers (its first and
// second halves close), and within a stretch after the cut it is DropFall
// below the plateau's level.
func lrDrop(c Curves, tr []float64, ep func(int) float64) (Diagnosis, bool) {
	n := len(tr)
	if len(c.LR) != n {
		return Diagnosis{}, false
	}
	for e := 1; e < n; e++ {
		if !(c.LR[e] > 0) || c.LR[e-1] < LRCut*c.LR[e] {
			continue
		}
		w := max(6, int(math.Ceil(PlateauFrac*float64(n))))
		if e-w < 0 || e+3 > n {
			return Diagnosis{}, false
		}
		// The point at e was trained at the new rate; e−1 is the last of
		// the plateau. The plateau is read from the raw points (a median
		// across the cut would mix in the drop), the drop from a median
		// of 3 after it.
		st := c.TrainLoss[e-w : e]
		level := median(st)
		h := w / 2
		flat := math.Abs(median(st[:h])-median(st[h:])) / level
		after := min(n-1, e-1+w)
		m3 := Smooth(c.TrainLoss[e:after+1], 3)
		lo := e + argmin(m3)
		fall := 1 - m3[lo-e]/level
		// The bouncing before the cut is the plateau's own signature, so
		// the fall is weighed against the scatter after it.
		tail := c.TrainLoss[e:]
		quiet := Noise(tail, Smooth(tail, Window))
		if flat > math.Max(PlateauFlat, fall/2) || fall < DropFall || fall < 4*quiet {
			return Diagnosis{}, false
		}
		conf := clamp01(0.5 + 0.25*(1-flat/PlateauFlat) + 0.25*math.Min(fall/DropFall-1, 1))
		return Diagnosis{Condition: PlateauLRDrop, Confidence: math.Max(conf, 0.55),
			// The stretch's points themselves bounce (that is the plateau);
			// the words give their range as plotted and say which smoothed
			// numbers the judgement used.
			Evidence: fmt.Sprintf("for epochs %s–%s training loss zig-zagged between %s and %s without trending down (median %s; the medians of the stretch's two halves differ by %s %%), then, once the LR was cut %s× (%s to %s) at epoch %s, its running median over 3 epochs fell %s %% below that median, to %s by epoch %s",
				num(ep(e-w)), num(ep(e-1)), num(slices.Min(st)), num(slices.Max(st)), num(level), pct(flat), num(c.LR[e-1]/c.LR[e]), num(c.LR[e-1]), num(c.LR[e]), num(ep(e-1)), pct(fall), num(m3[lo-e]), num(ep(lo))),
			Marks: []Mark{{Index: e - w, Epoch: ep(e - w), Value: level, Label: "plateau median"}, {Index: e - 1, Epoch: ep(e - 1), Line: true, Label: "LR ÷ " + num(c.LR[e-1]/c.LR[e])},
				{Index: lo, Epoch: ep(lo), Value: m3[lo-e], Label: "after (median of 3)"}}}, true
	}
	return Diagnosis{}, false
}

// lrCut is the first point trained at a rate LRCut× below the one before
// (−1: none).
func lrCut(c Curves) int {
	if len(c.LR) != len(c.TrainLoss) {
		return -1
	}
	for e := 1; e < len(c.LR); e++ {
		if c.LR[e] > 0 && c.LR[e-1] >= LRCut*c.LR[e] {
			return e
		}
	}
	return -1
}

func median(xs []float64) float64 {
	b := slices.Clone(xs)
	slices.Sort(b)
	return b[len(b)/2]
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

// stuck tells a data bug (never leaves ln C, validation at chance) from a
// bad initialisation (flat at ln C for a stretch, then learns).
func stuck(c Curves, tr, va []float64, ep func(int) float64, lnC, noise float64) (Diagnosis, bool) {
	n := len(tr)
	near := func(v float64) bool { return math.Abs(v-lnC) <= NearLnC*lnC }
	// The flat stretch at ln C from the start (the very first point may
	// sit above: a random start's loss).
	k := 0
	for k < n && (near(tr[k]) || k == 0 && tr[0] > lnC) {
		k++
	}
	w := max(3, int(math.Ceil(PlateauFrac*float64(n))))
	minT := slices.Min(tr)
	if k >= w && minT < EscapeLevel*lnC {
		// Where it left: the last point near ln C; the low it reached.
		lo := argmin(tr)
		conf := clamp01(0.5 + 0.25*math.Min(float64(k)/float64(w)-1, 1) + 0.25*(1-minT/(EscapeLevel*lnC)))
		return Diagnosis{Condition: BadInit, Confidence: math.Max(conf, 0.55),
			Evidence: fmt.Sprintf("training loss sat at %s ≈ ln %d = %s (uniform guessing) for the first %s epochs, then fell to %s by epoch %s: the network can learn, its start held it back",
				lnS(tr[k/2]), c.Classes, lnS(lnC), num(ep(k-1)-ep(0)), num(minT), num(ep(lo))),
			Marks: []Mark{{Index: 0, Epoch: ep(0), Value: tr[0], Label: "start"}, {Index: k - 1, Epoch: ep(k - 1), Line: true, Label: "leaves ln C"},
				{Index: lo, Epoch: ep(lo), Value: minT, Label: "low"}}}, true
	}
	start := max(1, n/10)
	if slices.Min(tr[start:]) < StuckLevel*lnC || math.Abs(tr[n-1]-lnC) > 0.15*lnC {
		return Diagnosis{}, false
	}
	// Never learned. With accuracies: validation at chance. Without:
	// validation loss never below ln C.
	chance := 1 / float64(c.Classes)
	var atChance bool
	var accNote string
	if len(c.ValAcc) == n {
		a := Smooth(c.ValAcc, Window)
		mx := slices.Max(a)
		atChance = mx <= chance+ChanceBand
		accNote = fmt.Sprintf(", validation accuracy never above %s %% (chance is %s %%)", pct(mx), pct(chance))
	} else if va != nil {
		atChance = slices.Min(va[start:]) >= (1-NearLnC)*lnC
		accNote = fmt.Sprintf(", validation loss never below %s", num(slices.Min(va[start:])))
	}
	if !atChance {
		return Diagnosis{}, false
	}
	// A dead-flat run at ln C is the bad start that has not ended as much as
	// labels without signal: only the network memorising the training
	// labels — validation above ln C and above training — tells them apart.
	if !bugLike(c, tr, va, lnC) {
		return unknown(fmt.Sprintf("the loss has sat near ln %d = %s the whole run (%s at the end)%s: either the labels carry no signal or the start is so small that nothing moves yet — wait, or check both",
			c.Classes, lnS(lnC), num(tr[n-1]), accNote)), true
	}
	moved := lnC - minT
	lo := argmin(tr)
	ev := fmt.Sprintf("training loss stayed near ln %d = %s, never below %s (epoch %s)%s",
		c.Classes, lnS(lnC), num(minT), num(ep(lo)), accNote)
	if va != nil {
		ev += fmt.Sprintf("; the little the network fits of its training labels makes validation worse: it ends at %s, above ln %d", num(va[n-1]), c.Classes)
	}
	ev += ". Nothing learned carries over to new points: the labels do not follow the inputs"
	conf := clamp01(0.5 + 0.5*math.Min(moved/(0.1*lnC), 1))
	return Diagnosis{Condition: DataBug, Confidence: math.Max(conf, 0.55), Evidence: ev,
		Marks: []Mark{{Index: lo, Epoch: ep(lo), Value: minT, Label: "lowest"}, {Index: n - 1, Epoch: ep(n - 1), Value: va[n-1], Series: Val, Label: "val end"}}}, true
}

// bugLike: validation ends at or above ln C, training below it, and the
// two NearLnC·ln C apart: the network fits the training labels a little and that
// makes it worse on new points, which is what labels without signal do.
// A crawling but sound run has the two curves together.
func bugLike(c Curves, tr, va []float64, lnC float64) bool {
	n := len(tr)
	if va == nil {
		return false
	}
	if len(c.ValAcc) == n && slices.Max(Smooth(c.ValAcc, Window)) > 1/float64(c.Classes)+ChanceBand {
		return false
	}
	// The ends are the last three smoothed points: one point is one noisy
	// evaluation.
	v, t := mean(va[max(n-3, 0):]), mean(tr[max(n-3, 0):])
	return v >= (1-NearLnC/3)*lnC && t < (1-NearLnC/3)*lnC && v-t >= NearLnC*lnC
}

// soFar is the reading of a run still in progress that shows none of the
// conditions a part of a run can prove (divergence, overshooting, a
// plateau a cut ended, overfitting, a bad start that ended): what the
// training curve does so far, and no verdict.
func soFar(c Curves, frac, logShare, at, s0, send float64) Diagnosis {
	n := len(c.TrainLoss)
	var how string
	switch {
	case frac <= 0:
		how = fmt.Sprintf("training loss no lower than at the start (%s to %s)", num(s0), num(send))
	case logShare >= 0.1:
		how = fmt.Sprintf("training loss still falling, %s %% down (%s to %s), %s %% of that fall on the log scale in the last third of the epochs so far", pct(frac), num(s0), num(send), pct(logShare))
	default:
		how = fmt.Sprintf("training loss %s %% down (%s to %s) and flattening: %s %% of that fall on the log scale in the last third of the epochs so far", pct(frac), num(s0), num(send), pct(math.Max(logShare, 0)))
	}
	if len(c.ValLoss) == n {
		how += fmt.Sprintf("; validation %s", num(c.ValLoss[n-1]))
	}
	return Diagnosis{Condition: Unknown, Evidence: fmt.Sprintf("cannot tell yet: reading so far (epoch %s): %s. How the run ends decides", num(at), how)}
}

func unknown(why string) Diagnosis {
	return Diagnosis{Condition: Unknown, Evidence: "cannot tell: " + why}
}

package sim

import (
	"math"
	"strings"
	"testing"

	"gradlab/surfaces"
)

// Reference rows computed independently from PyTorch's documented
// lr_scheduler formulas, base LR 0.1.
var scheduleEpochs = []int{0, 1, 4, 5, 29, 30, 50, 69, 70, 99}

var scheduleRef = map[string][]float64{
	"step":     {0.1, 0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001, 0.0001},
	"exp":      {0.1, 0.095, 0.081450625, 0.07737809375, 0.0225935541, 0.02146387639, 0.007694497528, 0.002903546362, 0.002758369044, 0.0006232136021},
	"cosine":   {0.1, 0.09997532802, 0.09960573507, 0.09938441703, 0.08064535268, 0.07938926261, 0.05, 0.02189583111, 0.02061073739, 2.467198171e-05},
	"warmup":   {0.01, 0.028, 0.082, 0.1, 0.08506183921, 0.08386407858, 0.05412896727, 0.02405152131, 0.02265259209, 2.733713295e-05},
	"onecycle": {0.004, 0.004281378057, 0.008436379856, 0.01087085554, 0.1, 0.09994965353, 0.07938934506, 0.03887419781, 0.03669841093, 4e-07},
	"restarts": {0.1, 0.09755282581, 0.06545084972, 0.05, 0.0006155829702, 0.1, 0.05, 0.0001541333133, 0.1, 0.07093298688},
}

func referenceSchedules() map[string]Schedule {
	return map[string]Schedule{
		"step":     {Kind: StepDecay, Total: 100, Every: 30, Gamma: 0.1},
		"exp":      {Kind: Exponential, Total: 100, Gamma: 0.95},
		"cosine":   {Kind: Cosine, Total: 100},
		"warmup":   {Kind: WarmupCos, Total: 100, Warmup: 5, StartFactor: 0.1},
		"onecycle": {Kind: OneCycle, Total: 100, Pct: 0.3, Div: 25, FinalDiv: 1e4},
		"restarts": {Kind: WarmRestart, Total: 100, T0: 10, TMult: 2},
	}
}

func TestSchedulesMatchReference(t *testing.T) {
	for name, s := range referenceSchedules() {
		for i, e := range scheduleEpochs {
			want := scheduleRef[name][i]
			if got := s.LR(0.1, e); rel(got, want) > 1e-9 {
				t.Errorf("%s at epoch %d: %.12g, want %.12g", name, e, got, want)
			}
		}
	}
}

func TestMultiStepAndConstant(t *testing.T) {
	m := Schedule{Kind: MultiStep, Total: 100, Gamma: 0.1, Milestones: []int{30, 60, 90}}
	for e, want := range map[int]float64{0: 0.1, 29: 0.1, 30: 0.01, 60: 0.001, 89: 0.001, 90: 0.0001} {
		if got := m.LR(0.1, e); rel(got, want) > 1e-12 {
			t.Errorf("multistep at %d: %g, want %g", e, got, want)
		}
	}
	c := DefaultSchedule(Constant, 100)
	for _, e := range []int{0, 50, 1000} {
		if c.Factor(e) != 1 {
			t.Errorf("constant factor at %d = %g", e, c.Factor(e))
		}
	}
}

func TestDefaultSchedulesStayInUnitRange(t *testing.T) {
	for _, k := range ScheduleKinds {
		s := DefaultSchedule(k, 300)
		for e := 0; e < 600; e++ {
			f := s.Factor(e)
			if !(f >= 0 && f <= 1+1e-12) {
				t.Fatalf("%s factor at %d = %g", k, e, f)
			}
		}
	}
	// Past its span, cosine holds its final value instead of rising again.
	c := DefaultSchedule(Cosine, 100)
	if c.Factor(150) != c.Factor(100) {
		t.Error("cosine rises again after Total")
	}
}

func TestParseScheduleKind(t *testing.T) {
	for _, k := range ScheduleKinds {
		if got, err := ParseScheduleKind(string(k)); err != nil || got != k {
			t.Errorf("ParseScheduleKind(%q) failed", k)
		}
	}
	for in, want := range map[string]ScheduleKind{"OneCycle": OneCycle, "COSINE": Cosine, "Restarts": WarmRestart} {
		if got, err := ParseScheduleKind(in); err != nil || got != want {
			t.Errorf("ParseScheduleKind(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseScheduleKind("linear?"); err == nil {
		t.Error("accepted an unknown schedule")
	}
}

func TestDescribe(t *testing.T) {
	for _, k := range ScheduleKinds {
		if d := k.Describe(); !strings.HasPrefix(d, k.Name()+": ") || len(d) < len(k.Name())+20 {
			t.Errorf("%s: description %q", k, d)
		}
	}
	if d := OneCycle.Describe(); !strings.Contains(d, "max_lr") {
		t.Errorf("one-cycle description does not say the peak is the base rate: %q", d)
	}
}

// scheduleSettings yields DefaultSchedule(k, total) with its tunable
// parameter at n evenly spaced values over the whole allowed range, both
// ends included (the default alone when there is none).
func scheduleSettings(k ScheduleKind, total, n int) []Schedule {
	s := DefaultSchedule(k, total)
	_, lo, hi, _, ok := s.Param()
	if !ok {
		return []Schedule{s}
	}
	var out []Schedule
	for i := 0; i < n; i++ {
		c := DefaultSchedule(k, total)
		_, _, _, p, _ := c.Param()
		*p = lo + (hi-lo)*float64(i)/float64(n-1)
		if i == n-1 {
			*p = hi
		}
		out = append(out, c)
	}
	return out
}

var edgeLimits = []int{10, 11, 37, 100, 1000, 20000}

func TestSchedulesAtTheirEdges(t *testing.T) {
	for _, k := range ScheduleKinds {
		for _, limit := range edgeLimits {
			for _, s := range scheduleSettings(k, limit, 20) {
				_, _, _, p, _ := s.Param()
				for e := 0; e < limit+5; e++ {
					f := s.Factor(e)
					if !(f >= 0 && f <= 1.0000001) {
						t.Fatalf("%s limit %d param %v: factor at %d = %g", k, limit, deref(p), e, f)
					}
					// Within the race the LR never reaches 0; past the span
					// only a schedule meant to end at η_min = 0 may.
					endsAtZero := (k == Cosine || k == WarmupCos) && s.MinFactor == 0 && e >= s.Total
					if f == 0 && !endsAtZero {
						t.Fatalf("%s limit %d param %v: factor 0 at step %d", k, limit, deref(p), e)
					}
				}
			}
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return "-"
	}
	return *p
}

func TestSchedulesAloneNeverDivergeARace(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps 6 step limits × 8 schedules × 20 settings")
	}
	b := surfaces.NewBowl(surfaces.DefaultBowl)
	specs := PresetFor("bowl").Specs(Kinds)
	for _, k := range ScheduleKinds {
		for _, limit := range edgeLimits {
			for _, s := range scheduleSettings(k, limit, 20) {
				r := NewRace(b, b.Start(), s, limit, specs)
				r.Advance(limit)
				if !r.Done() {
					t.Fatalf("%s limit %d: race not done at its limit", k, limit)
				}
				for _, rn := range r.Runners {
					if rn.Status == Diverged {
						_, _, _, p, _ := s.Param()
						t.Errorf("%s limit %d param %v: %s diverged at %d (%s)", k, limit, deref(p), rn.Kind, rn.At, rn.Why)
					}
				}
			}
		}
	}
}

func TestOneCycleInShortRaces(t *testing.T) {
	for total := 2; total <= 40; total++ {
		for _, pct := range []float64{0.05, 0.1, 0.3, 0.5, 0.9} {
			s := DefaultSchedule(OneCycle, total)
			s.Pct = pct
			peak := 0.0
			for e := 0; e < total; e++ {
				peak = math.Max(peak, s.Factor(e))
			}
			// The peak is the base rate, like PyTorch's max_lr; the race
			// starts at η₀/25 and, past two steps, ends far below the peak.
			if rel(s.Factor(0), 1/s.Div) > 1e-12 || peak != 1 {
				t.Errorf("total %d pct %g: starts at %g, peaks at %g", total, pct, s.Factor(0), peak)
			}
			if total >= 3 && rel(s.Factor(total-1), 1/s.Div/s.FinalDiv) > 1e-12 {
				t.Errorf("total %d pct %g: ends at %g", total, pct, s.Factor(total-1))
			}
		}
	}
}

func TestWarmupLongerThanTheRace(t *testing.T) {
	s := Schedule{Kind: WarmupCos, Total: 10, Warmup: 50, StartFactor: 0.1}
	prev := 0.0
	for e := 0; e < 10; e++ {
		f := s.Factor(e)
		if f < prev || f > 1 {
			t.Fatalf("factor at %d = %g after %g: the warm-up should climb to 1 within the race", e, f, prev)
		}
		prev = f
	}
	if prev != 1 {
		t.Errorf("warm-up ends at %g, not at the base rate", prev)
	}
}

func TestRestartsLongerThanTheRaceAndWithoutGrowth(t *testing.T) {
	long := Schedule{Kind: WarmRestart, Total: 10, T0: 100, TMult: 2}
	one := Schedule{Kind: Cosine, Total: 100}
	for e := 0; e < 10; e++ {
		if long.Factor(e) != one.Factor(e) {
			t.Fatalf("T₀ > race: step %d factor %g, want one plain cosine %g", e, long.Factor(e), one.Factor(e))
		}
	}
	// T_mult = 1 repeats the same cycle; a late step costs no more than an
	// early one.
	flat := Schedule{Kind: WarmRestart, Total: 1 << 30, T0: 1, TMult: 1}
	if f := flat.Factor(1 << 29); f != 1 {
		t.Errorf("T₀ = 1, T_mult = 1: factor %g, want 1 at every step", f)
	}
	p := Schedule{Kind: WarmRestart, T0: 7, TMult: 1}
	if p.Factor(7*1000+3) != p.Factor(3) {
		t.Error("T_mult = 1 is not periodic")
	}
}

func TestExponentialStaysPositive(t *testing.T) {
	s := Schedule{Kind: Exponential, Total: 20000, Gamma: 0.9}
	if f := s.Factor(19999); !(f > 0) {
		t.Errorf("γ = 0.9 after 19999 steps: factor %g underflowed", f)
	}
	for _, total := range edgeLimits {
		d := DefaultSchedule(Exponential, total)
		if _, lo, hi, _, _ := d.Param(); d.Gamma < lo || d.Gamma > hi {
			t.Errorf("total %d: default γ %g outside the slider [%g, %g]", total, d.Gamma, lo, hi)
		}
	}
}

func BenchmarkScheduleFactor(b *testing.B) {
	s := DefaultSchedule(WarmRestart, 1000)
	for i := 0; i < b.N; i++ {
		s.Factor(i % 1000)
	}
}

// StepsPerEpoch holds each epoch's factor for that many steps; zero and
// one leave the schedule counting steps, as the race uses it.
func TestStepsPerEpochHoldsTheEpochsRate(t *testing.T) {
	for name, s := range referenceSchedules() {
		per := s
		per.StepsPerEpoch = 10
		for _, e := range scheduleEpochs {
			for k := 0; k < 10; k++ {
				if got, want := per.LR(0.1, 10*e+k), s.LR(0.1, e); got != want {
					t.Fatalf("%s step %d (epoch %d): %g, want %g", name, 10*e+k, e, got, want)
				}
			}
		}
		one := s
		one.StepsPerEpoch = 1
		if one.Factor(37) != s.Factor(37) {
			t.Errorf("%s: StepsPerEpoch 1 changed the schedule", name)
		}
		if per.Factor(-5) != s.Factor(0) {
			t.Errorf("%s: a negative step is not epoch 0", name)
		}
	}
}

package sim

import "testing"

// Reference rows from REFERENCE.md, base LR 0.1.
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
	if _, err := ParseScheduleKind("linear?"); err == nil {
		t.Error("accepted an unknown schedule")
	}
}

func BenchmarkScheduleFactor(b *testing.B) {
	s := DefaultSchedule(WarmRestart, 1000)
	for i := 0; i < b.N; i++ {
		s.Factor(i % 1000)
	}
}

package schedules

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"gradlab/sim"
	"gradlab/sim/schedrun"
)

// finished returns a fresh scene with the keys pressed by set, run to the
// end.
func finished(t *testing.T, set func(s *Scene)) *Scene {
	s := New()
	if set != nil {
		set(s)
	}
	s.finish()
	return s
}

// Every step of every run trained at the rate sim's schedule gives for its
// epoch: the schedules are the race's (sim.DefaultSchedule for 100 steps
// read as epochs), apart from multi-step's drops at 30, 60 and 90.
func TestRunsTrainAtTheRaceSchedulesRates(t *testing.T) {
	s := finished(t, func(s *Scene) {
		for i := range s.on {
			s.on[i] = true
		}
		s.Rebuild()
	})
	for i, k := range sim.ScheduleKinds {
		r := s.runs[i]
		race := sim.DefaultSchedule(k, 100)
		if k == sim.MultiStep {
			race.Milestones = []int{30, 60, 90}
		}
		if len(r.Tr.LR) != epochs*s.setup.StepsPerEpoch() {
			t.Fatalf("%s trained %d steps", k, len(r.Tr.LR))
		}
		for step, lr := range r.Tr.LR {
			if want := race.LR(s.base, step/s.setup.StepsPerEpoch()); lr != want {
				t.Fatalf("%s step %d trained at %g, the race's schedule says %g", k, step, lr, want)
			}
		}
		for e, lr := range r.LR {
			if lr != race.LR(s.base, e) {
				t.Errorf("%s epoch %d recorded %g", k, e, lr)
			}
		}
	}
	// Multi-step's drops are where the recipe puts them.
	ms := sim.DefaultSchedule(sim.MultiStep, 100)
	ms.Milestones = []int{30, 60, 90}
	var at []int
	for _, ev := range schedrun.Events(ms, epochs) {
		at = append(at, ev.Epoch)
	}
	if len(at) != 3 || at[0] != 30 || at[1] != 60 || at[2] != 90 {
		t.Errorf("multi-step drops at %v", at)
	}
}

// Reference rates from PyTorch's documented lr_scheduler closed forms
// (torch.optim.lr_scheduler: StepLR, ExponentialLR, CosineAnnealingLR,
// LinearLR then CosineAnnealingLR, OneCycleLR, CosineAnnealingWarmRestarts),
// base rate 0.1, epochs counted from 0.
var refEpochs = []int{0, 1, 4, 5, 29, 30, 50, 69, 70, 99}

var refRates = map[sim.ScheduleKind][]float64{
	sim.StepDecay:   {0.1, 0.1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001, 0.001, 0.0001},
	sim.Exponential: {0.1, 0.095, 0.081450625, 0.07737809375, 0.0225935541, 0.02146387639, 0.007694497528, 0.002903546362, 0.002758369044, 0.0006232136021},
	sim.Cosine:      {0.1, 0.09997532802, 0.09960573507, 0.09938441703, 0.08064535268, 0.07938926261, 0.05, 0.02189583111, 0.02061073739, 2.467198171e-05},
	sim.WarmupCos:   {0.01, 0.028, 0.082, 0.1, 0.08506183921, 0.08386407858, 0.05412896727, 0.02405152131, 0.02265259209, 2.733713295e-05},
	sim.OneCycle:    {0.004, 0.004281378057, 0.008436379856, 0.01087085554, 0.1, 0.09994965353, 0.07938934506, 0.03887419781, 0.03669841093, 4e-07},
	sim.WarmRestart: {0.1, 0.09755282581, 0.06545084972, 0.05, 0.0006155829702, 0.1, 0.05, 0.0001541333133, 0.1, 0.07093298688},
}

// Set through the keys to the reference's settings (base 0.1, exponential
// γ = 0.95), the scene's runs train at the reference's rates.
func TestKeysReachTheReferenceRates(t *testing.T) {
	s := New()
	press(t, s, "B", true) // 0.3 → 0.2
	press(t, s, "B", true) // → 0.1
	tabTo(t, s, sim.Exponential)
	press(t, s, "T", false)
	for s.sched[s.sel].Gamma > 0.9500001 {
		press(t, s, "←", false)
	}
	for _, k := range []sim.ScheduleKind{sim.OneCycle} {
		tabTo(t, s, k)
		press(t, s, "T", false)
	}
	if s.base != 0.1 || s.sched[s.sel].Kind != sim.OneCycle || math.Abs(s.sched[3].Gamma-0.95) > 1e-12 {
		t.Fatalf("base %g, γ %g", s.base, s.sched[3].Gamma)
	}
	s.finish()
	spe := s.setup.StepsPerEpoch()
	for k, want := range refRates {
		r := s.run(k)
		if r == nil {
			t.Fatalf("%s is off", k)
		}
		for j, e := range refEpochs {
			got := r.Tr.LR[e*spe]
			if math.Abs(got-want[j]) > 1e-9*want[j] {
				t.Errorf("%s epoch %d: trained at %.12g, reference %.12g", k, e, got, want[j])
			}
		}
	}
}

// At the default base rate the loss visibly falls after step decay's first
// drop and jumps after warm restarts, on the default seed and the next
// ones.
func TestDropsAndRestartsShowInTheLoss(t *testing.T) {
	for seed := 1; seed <= 4; seed++ {
		s := finished(t, func(s *Scene) {
			s.seed = seed
			s.Rebuild()
		})
		step, rest := s.run(sim.StepDecay), s.run(sim.WarmRestart)
		b, a, ok := step.Effect(schedrun.Event{Epoch: 30, Kind: schedrun.Drop})
		t.Logf("seed %d: step decay at 30: loss %.4f → %.4f (%.2f×)", seed, b, a, a/b)
		if !ok || a > 0.9*b || seed == 1 && a > 0.5*b {
			t.Errorf("seed %d: step decay's loss %.4f → %.4f after the drop at 30", seed, b, a)
		}
		for _, ev := range schedrun.Events(rest.Sched, epochs) {
			b, a, ok := rest.Effect(ev)
			t.Logf("seed %d: restart at %d: loss %.4f → peak %.4f (%.2f×)", seed, ev.Epoch, b, a, a/b)
			if ev.Epoch == 30 && (!ok || a < 2*b) {
				t.Errorf("seed %d: restart at 30 moved the loss %.4f → %.4f", seed, b, a)
			}
		}
		if !strings.Contains(s.summary(), "step decay: the loss went from") || !strings.Contains(s.summary(), "cosine restarts: the loss jumped") {
			t.Errorf("summary: %s", s.summary())
		}
	}
}

// The caption's first "try": B twice raises the base rate to 1; the runs
// that start at η₀ spike over 3× their start in the first epoch and then
// recover (Adam on the default set-up does not diverge), warmup + cosine
// does not spike, and the caption says so with the numbers.
func TestTrySpikeAtRateOne(t *testing.T) {
	for seed := 1; seed <= 4; seed++ {
		s := New()
		for range seed - 1 {
			press(t, s, "S", false)
		}
		press(t, s, "B", false)
		press(t, s, "B", false)
		if s.base != 1 || s.seed != seed {
			t.Fatalf("base %g seed %d", s.base, s.seed)
		}
		s.finish()
		for _, k := range []sim.ScheduleKind{sim.Constant, sim.Cosine} {
			r := s.run(k)
			t.Logf("seed %d %s: spiked in epoch %d, loss %.3f (%.1f× its start), final %.3f", seed, k, r.BlewAt, r.Peak, r.Peak/r.Loss[0], last(r.Loss))
			// Whether the constant rate comes back below its start is
			// chaotic after such a spike: the last bits of math.Exp differ
			// between amd64 and WebAssembly, and seed 4 ends at 0.54
			// natively but 1.48 in the browser. The caption claims it only
			// for the schedules that decay.
			if r.BlewAt != 1 || r.Diverged() || k != sim.Constant && last(r.Loss) > r.Loss[0] {
				t.Errorf("seed %d: %s spiked at %d, %s, final %.3f", seed, k, r.BlewAt, r.Why(), last(r.Loss))
			}
		}
		w := s.run(sim.WarmupCos)
		t.Logf("seed %d warmup: peak %.1f× its start at epoch %d, final loss %.4f", seed, w.Peak/w.Loss[0], w.PeakAt, last(w.Loss))
		if w.BlewAt >= 0 || w.Diverged() || last(w.Acc) < 0.95 {
			t.Errorf("seed %d: warmup spiked at %d (acc %.2f)", seed, w.BlewAt, last(w.Acc))
		}
		sum := s.summary()
		if !strings.Contains(sum, "constant, step decay, cosine and cosine restarts spiked over 3× their start loss (the earliest in epoch 1") ||
			!strings.Contains(sum, "warmup + cosine peaked at") {
			t.Errorf("seed %d summary: %s", seed, sum)
		}
	}
	// At the default rate nothing spikes.
	s := finished(t, nil)
	for i, r := range s.runs {
		if r != nil && r.BlewAt >= 0 {
			t.Errorf("at η₀ = %g %s spiked at %d", s.base, sim.ScheduleKinds[i], r.BlewAt)
		}
	}
}

// The caption's "press W": on the warm-up set-up at η₀ = 0.5, every shown
// schedule that starts at η₀ diverges in epoch 1 on the default seed and
// is stopped there, warmup + cosine trains to 99 %, and the caption says
// so with the numbers; the URL carries it.
func TestTryWarmupSetup(t *testing.T) {
	s := New()
	press(t, s, "W", false)
	if !s.warmupSetup || s.base != 0.5 || s.setup.Opt != sim.SGD {
		t.Fatalf("setup %+v base %g", s.setup, s.base)
	}
	if q := query(s); !strings.Contains(q, "setup=warmup") || !strings.Contains(q, "base=0.5") {
		t.Errorf("query %s", q)
	}
	s.finish()
	for i, r := range s.runs {
		if r == nil {
			continue
		}
		k := sim.ScheduleKinds[i]
		t.Logf("%s: %s · %s", k, s.runLine(i), r.Short())
		if k == sim.WarmupCos {
			if r.Diverged() || r.Epoch() != epochs || last(r.Acc) < 0.98 {
				t.Errorf("warmup + cosine: %s, %.2f", r.Why(), last(r.Acc))
			}
			continue
		}
		if !r.Diverged() || r.DivergedAt != 1 || r.Epoch() > 1 || !strings.HasPrefix(r.Short(), "diverged at epoch 1 (loss ") {
			t.Errorf("%s: %q after %d epochs", k, r.Why(), r.Epoch())
		}
	}
	sum := s.summary()
	t.Log(sum)
	if !strings.Contains(sum, "constant, step decay, cosine and cosine restarts: diverged at epoch 1 (loss ") ||
		!strings.Contains(sum, "warmup + cosine at the same peak rate: 0.0") || !strings.Contains(sum, "at epoch 100 (99 % right)") ||
		strings.Contains(sum, "NaN") {
		t.Errorf("summary: %s", sum)
	}
	// W again: back to the default set-up and its rate.
	press(t, s, "W", false)
	if s.warmupSetup || s.base != 0.3 {
		t.Errorf("back: %v %g", s.warmupSetup, s.base)
	}
	// The URL: setup=warmup brings η₀ 0.5 unless base says otherwise; a
	// bad value keeps the default with a message.
	b := New()
	if msgs := apply(b, "?setup=warmup"); len(msgs) != 0 || !b.warmupSetup || b.base != 0.5 || b.setup.Opt != sim.SGD {
		t.Errorf("setup=warmup: %q %v %g", msgs, b.warmupSetup, b.base)
	}
	b = New()
	if msgs := apply(b, "?setup=warmup&base=0.2"); len(msgs) != 0 || b.base != 0.2 {
		t.Errorf("setup=warmup&base=0.2: %q %g", msgs, b.base)
	}
	b = New()
	if msgs := apply(b, "?setup=sharp"); len(msgs) != 1 || b.warmupSetup || b.base != 0.3 {
		t.Errorf("setup=sharp: %q %v", msgs, b.warmupSetup)
	}
}

// The caption's second "try": restarts with T_mult 1 restart every 10
// epochs, and the loss jumps after each.
func TestTryRestartsEveryTenEpochs(t *testing.T) {
	s := New()
	tabTo(t, s, sim.WarmRestart)
	press(t, s, "↓", false)
	press(t, s, "←", false)
	if s.sched[s.sel].TMult != 1 {
		t.Fatalf("T_mult %d", s.sched[s.sel].TMult)
	}
	s.finish()
	r := s.run(sim.WarmRestart)
	evs := schedrun.Events(r.Sched, epochs)
	if len(evs) != 9 {
		t.Fatalf("restarts %v", evs)
	}
	for i, ev := range evs {
		b, a, ok := r.Effect(ev)
		t.Logf("restart at %d: loss %.4f → peak %.4f (%.2f×)", ev.Epoch, b, a, a/b)
		if ev.Epoch != 10*(i+1) || !ok || a < 1.2*b {
			t.Errorf("restart %d at epoch %d: loss %.4f → %.4f", i, ev.Epoch, b, a)
		}
	}
}

func TestURLRoundTripAndSettings(t *testing.T) {
	s := New()
	tabTo(t, s, sim.MultiStep)
	press(t, s, "T", false)
	press(t, s, "↓", false)
	press(t, s, "→", false) // first drop 30 → 31
	press(t, s, "L", false)
	q := query(s)
	for _, want := range []string{"multistep.drops=31,60,90", "logy=1", "show=constant,step,multistep,cosine,warmup,restarts", "sel=multistep"} {
		if !strings.Contains(q, want) {
			t.Errorf("query %s lacks %s", q, want)
		}
	}
	b := New()
	if msgs := apply(b, "?"+q); len(msgs) != 0 || query(b) != q {
		t.Errorf("round trip: %q\n%s\n%s", msgs, q, query(b))
	}
	for _, bad := range []string{"show=", "show=step,zzz", "step.gamma=0.33", "restarts.tmult=9", "base=0", "cosine.min=0.005"} {
		c := New()
		if msgs := apply(c, "?"+bad); len(msgs) != 1 || query(c) != query(New()) {
			t.Errorf("%s: %q, state %s", bad, msgs, query(c))
		}
	}
	// One schedule always stays shown.
	c := New()
	for i := range c.on {
		c.sel = i
		if c.on[i] {
			press(t, c, "T", false)
		}
	}
	if c.shown() != 1 {
		t.Errorf("%d shown after hiding all", c.shown())
	}
}

func TestKnobsStayOnTheirGrid(t *testing.T) {
	for _, k := range sim.ScheduleKinds {
		for _, kn := range kindKnobs(k) {
			def := defaultSchedule(k)
			v := kn.get(&def)
			if v < kn.lo || v > kn.hi {
				t.Errorf("%s %s default %g outside [%g, %g]", k, kn.id, v, kn.lo, kn.hi)
			}
			for range 200 {
				v = kn.nudge(v, 1)
			}
			if v != kn.hi && !kn.onGrid(v) {
				t.Errorf("%s %s: top %g", k, kn.id, v)
			}
			for range 200 {
				v = kn.nudge(v, -1)
			}
			if v != kn.lo {
				t.Errorf("%s %s: bottom %g, want %g", k, kn.id, v, kn.lo)
			}
		}
	}
}

// Extreme settings never make the status non-finite, and a run the trainer
// stops says why.
func TestExtremesStayFinite(t *testing.T) {
	s := New()
	for range 30 {
		press(t, s, "B", false)
	}
	for i := range s.on {
		s.on[i] = true
	}
	s.Rebuild()
	s.finish()
	b, err := json.Marshal(s.Status())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "NaN") || strings.Contains(s.summary(), "NaN") {
		t.Errorf("status %s", b)
	}
	for i, r := range s.runs {
		t.Logf("η₀ = %g %s: %s", s.base, sim.ScheduleKinds[i], s.runLine(i))
		if r.Diverged() && !strings.Contains(r.Why(), "epoch") {
			t.Errorf("diverged without saying where: %q", r.Why())
		}
	}
}

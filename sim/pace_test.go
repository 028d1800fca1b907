package sim

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// pace feeds the pacer ticks of the given lengths and returns the total steps.
func pace(p *Pacer, rate float64, ticks []time.Duration) int {
	n := 0
	for _, dt := range ticks {
		n += p.Steps(rate, dt)
	}
	return n
}

func evenTicks(fps int, span time.Duration) []time.Duration {
	dt := time.Second / time.Duration(fps)
	out := make([]time.Duration, span/dt)
	for i := range out {
		out[i] = dt
	}
	return out
}

func TestPacerIsTheSameAtAnyFrameRate(t *testing.T) {
	const span = 5 * time.Second
	rng := rand.New(rand.NewPCG(1, 2))
	var jitter []time.Duration
	for total := time.Duration(0); total < span; {
		dt := time.Duration(5+rng.IntN(45)) * time.Millisecond
		dt = min(dt, span-total)
		jitter = append(jitter, dt)
		total += dt
	}
	for _, rate := range []float64{0.5, 3, 60, 137.5, 3000} {
		want := rate * span.Seconds()
		for name, ticks := range map[string][]time.Duration{
			"10 fps": evenTicks(10, span), "60 fps": evenTicks(60, span),
			"144 fps": evenTicks(144, span), "jittery 5–50 ms": jitter,
		} {
			var p Pacer
			if got := pace(&p, rate, ticks); math.Abs(float64(got)-want) > 1 {
				t.Errorf("%g steps/s on %s: %d steps in 5 s, want %g ± 1", rate, name, got, want)
			}
		}
	}
}

func TestPacerSlowMotion(t *testing.T) {
	var p Pacer
	got := []int{}
	for i := 0; i < 60; i++ {
		got = append(got, p.Steps(3, time.Second/60))
	}
	n := 0
	for i, s := range got {
		if s > 1 {
			t.Fatalf("tick %d returned %d steps at 3 steps/s", i, s)
		}
		n += s
	}
	if n < 2 || n > 3 {
		t.Errorf("%d steps in one second at 3 steps/s", n)
	}
}

func TestPacerBoundsCatchUp(t *testing.T) {
	var p Pacer
	p.Steps(60, time.Second/60)
	// A tab hidden for a minute: a quarter second's worth, not 3600 steps.
	if n := p.Steps(60, time.Minute); n != 15 {
		t.Errorf("after a one-minute stall: %d steps, want 15", n)
	}
	// And nothing is owed afterwards.
	if n := p.Steps(60, time.Second/60); n != 1 {
		t.Errorf("the tick after the stall: %d steps, want 1", n)
	}
	q := Pacer{MaxLag: 4 * time.Second / 60, MaxSteps: 100}
	if n := q.Steps(60, time.Minute); n != 4 {
		t.Errorf("MaxLag of 4 ticks: %d steps, want 4", n)
	}
	if n := q.Steps(1e6, time.Second/60); n != 100 {
		t.Errorf("MaxSteps 100: %d steps", n)
	}
	if n := q.Steps(60, time.Second/60); n != 1 {
		t.Errorf("after a capped call: %d steps, want 1 (nothing banked)", n)
	}
}

func TestPacerIgnoresNonsense(t *testing.T) {
	var p Pacer
	for _, c := range []struct {
		rate float64
		dt   time.Duration
	}{{0, time.Second}, {-5, time.Second}, {math.NaN(), time.Second}, {math.Inf(1), time.Second}, {60, -time.Second}, {60, 0}} {
		if n := p.Steps(c.rate, c.dt); n != 0 {
			t.Errorf("rate %g, dt %v: %d steps", c.rate, c.dt, n)
		}
	}
	p.Steps(1, 900*time.Millisecond/4)
	p.Reset()
	if n := p.Steps(1, 200*time.Millisecond); n != 0 {
		t.Error("Reset kept the carried fraction")
	}
}

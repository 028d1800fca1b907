package sim

import (
	"math"
	"time"
)

// DefaultMaxLag is the most wall time one Pacer call accounts for unless
// told otherwise: a 4 fps machine still runs at full speed, while a tab that
// was hidden for a minute resumes with a quarter of a second's steps instead
// of jumping to the end of the race.
const DefaultMaxLag = 250 * time.Millisecond

// Pacer turns wall time into whole race steps, so a race runs at the same
// speed on a 10 fps machine as on a 60 fps one. The zero value is ready.
type Pacer struct {
	// MaxLag caps the wall time one call accounts for; zero means
	// DefaultMaxLag. Time beyond it is dropped, not owed.
	MaxLag time.Duration
	// MaxSteps, when positive, caps the steps one call returns; the excess
	// is dropped too.
	MaxSteps int
	carry    float64
}

// Steps returns how many whole steps to take after dt of wall time at rate
// steps per second, keeping the fraction for the next call: at 3 steps per
// second on a 60 fps machine it returns 1 on every 20th call. A
// non-positive rate or dt yields 0.
func (p *Pacer) Steps(rate float64, dt time.Duration) int {
	if !(rate > 0) || dt <= 0 || math.IsInf(rate, 0) {
		return 0
	}
	lag := p.MaxLag
	if lag <= 0 {
		lag = DefaultMaxLag
	}
	dt = min(dt, lag)
	p.carry += rate * dt.Seconds()
	// Frame times are whole nanoseconds (a 60 fps tick is 16666666 ns), so
	// steps due on a whole second come out a hair short; a thousandth of a
	// step's slack keeps them from slipping to the next tick.
	n := math.Floor(p.carry + 1e-3)
	p.carry -= n
	if p.MaxSteps > 0 && n > float64(p.MaxSteps) {
		n, p.carry = float64(p.MaxSteps), 0
	}
	return int(math.Min(n, math.MaxInt32))
}

// Reset drops the carried fraction, as when a race restarts.
func (p *Pacer) Reset() { p.carry = 0 }

package kit

import "time"

// Speedometer measures training steps per second of wall time over about
// the last second, for the scenes that train and publish their pace.
type Speedometer struct {
	at    []time.Time
	steps []int
	total int
	rate  float64
}

// Add records n steps taken by now.
func (m *Speedometer) Add(now time.Time, n int) {
	m.total += n
	m.at, m.steps = append(m.at, now), append(m.steps, m.total)
	for len(m.at) > 2 && now.Sub(m.at[1]) >= time.Second {
		m.at, m.steps = m.at[1:], m.steps[1:]
	}
	if dt := now.Sub(m.at[0]).Seconds(); dt > 0.05 {
		m.rate = float64(m.total-m.steps[0]) / dt
	}
}

// Idle says nothing trains: the rate drops to 0.
func (m *Speedometer) Idle() { m.at, m.steps, m.rate = m.at[:0], m.steps[:0], 0 }

// Rate is the steps per second over about the last second.
func (m *Speedometer) Rate() float64 { return m.rate }

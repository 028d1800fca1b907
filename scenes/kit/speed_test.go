package kit

import (
	"testing"
	"time"
)

func TestSpeedometer(t *testing.T) {
	var m Speedometer
	t0 := time.Unix(0, 0)
	for i := 0; i <= 120; i++ { // 10 steps a tick, 60 ticks a second
		m.Add(t0.Add(time.Duration(i)*time.Second/60), 10)
	}
	if r := m.Rate(); r < 590 || r > 610 {
		t.Errorf("rate %g, want 600", r)
	}
	m.Idle()
	if m.Rate() != 0 {
		t.Error("idle rate not 0")
	}
}

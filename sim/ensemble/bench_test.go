package ensemble

import (
	"testing"

	"gradlab/sim/data"
)

// Measuring the five members, five snapshots and the Polyak network on the
// validation set: what the scene does a few times a second while training.
func BenchmarkMeasure(b *testing.B) {
	e := New(Preset(data.Spiral, 5, 1))
	e.Finish()
	var m Measurer
	b.ResetTimer()
	for range b.N {
		e.Measure(&m)
	}
}

// One update of one run, on the spiral preset (a minibatch of 32).
func BenchmarkStep(b *testing.B) {
	c := Preset(data.Spiral, 1, 1)
	c.Steps = 1 << 30
	e := New(c)
	b.ResetTimer()
	for range b.N {
		e.Members[0].Step(1)
	}
}

func BenchmarkAccuracyVsK(b *testing.B) {
	e := New(Preset(data.Spiral, 10, 1))
	var m Measurer
	r := e.Measure(&m)
	_ = r
	probs := make([][]float64, 10)
	for i, t := range e.Members {
		probs[i] = m.Probs(nil, t.Net, t.Net.Theta)
	}
	b.ResetTimer()
	for range b.N {
		AccuracyVsK(probs, 3, e.Val.Y, Orders, 1)
	}
}

package widgets

import (
	"math"
	"testing"
)

func TestNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1000, "1000"}, {3000, "3000"}, {0.0265, "0.0265"}, {12.345, "12.3"},
		{-0.5, "−0.5"}, {1e5, "10⁵"}, {1.8e5, "1.8×10⁵"}, {6.7e-6, "6.7×10⁻⁶"}, {1e-7, "10⁻⁷"},
		{-2e-4, "−2×10⁻⁴"}, {9.999e-5, "10⁻⁴"},
		{math.NaN(), "undefined"}, {math.Inf(1), "∞"}, {math.Inf(-1), "−∞"},
	} {
		if got := Num(c.v); got != c.want {
			t.Errorf("Num(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestTicks(t *testing.T) {
	got := Ticks(-4.5, 4.5, 5)
	want := []float64{-4, -2, 0, 2, 4}
	if len(got) != len(want) {
		t.Fatalf("Ticks = %v", got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("Ticks = %v, want %v", got, want)
		}
	}
	if Ticks(1, 1, 5) != nil || Ticks(0, math.Inf(1), 5) != nil {
		t.Error("degenerate ranges must give no ticks")
	}
	if d := DecadeTicks(-7, 2, 4); len(d) > 4 || d[0] != -7 {
		t.Errorf("DecadeTicks = %v", d)
	}
}

func TestSliderLogMapping(t *testing.T) {
	s := Slider{Min: 1e-5, Max: 10, Log: true, Value: 1e-2}
	if f := s.frac(); math.Abs(f-0.5) > 1e-12 {
		t.Errorf("1e-2 on [1e-5, 10] sits at %g, want the middle", f)
	}
	if v := s.At(1); v != 10 {
		t.Errorf("At(1) = %g", v)
	}
	if v := s.At(-3); v != 1e-5 {
		t.Errorf("At clamps below: %g", v)
	}
	s.Value = 1e-2
	if v := s.Nudge(20); math.Abs(v-10) > 1e-9 {
		t.Errorf("Nudge(20) = %g", v)
	}
}

func TestInputCapture(t *testing.T) {
	a, b := new(int), new(int)
	in := &Input{X: 5, Y: 5, Pressed: true, Down: true}
	r := Rect{0, 0, 10, 10}
	if !in.Owns(a, r) || in.Owns(b, r) {
		t.Fatal("first widget must capture the press, the second must not get it")
	}
	in.Pressed, in.X = false, 50 // dragging outside keeps the capture
	if !in.Owns(a, r) {
		t.Error("capture lost while dragging")
	}
}

func TestTickLabelsStayDistinctWhenZoomed(t *testing.T) {
	for _, r := range [][2]float64{{2.9995, 3.0005}, {-1e-3, 1e-3}, {0, 1}, {-4.5, 4.5}, {0.5, 0.50001}} {
		ticks := Ticks(r[0], r[1], 5)
		seen := map[string]bool{}
		for _, v := range ticks {
			l := TickLabel(v, ticks)
			if seen[l] {
				t.Errorf("range %v: label %q repeats (%v)", r, l, ticks)
			}
			seen[l] = true
		}
	}
	if got := TickLabel(0.05, []float64{0, 0.05, 0.1}); got != "0.05" {
		t.Errorf("TickLabel(0.05) = %q", got)
	}
}

func BenchmarkNum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Num(float64(i) * 1.3e-7)
	}
}

// Mantissas that round up to 10 move to the next decade: never "10×10⁻⁹".
func TestNumCarriesIntoTheNextDecade(t *testing.T) {
	for v, want := range map[float64]string{9.96e-9: "10⁻⁸", 9.94e-9: "9.9×10⁻⁹", -9.97e7: "−10⁸", 9.951e-4: "10⁻³"} {
		if got := Num(v); got != want {
			t.Errorf("Num(%g) = %q, want %q", v, got, want)
		}
	}
}

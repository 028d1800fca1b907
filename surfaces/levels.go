package surfaces

import "math"

// Levels returns n contour levels between lo and hi. With log spacing the
// levels are fmin + 10^k for k evenly spaced between log10(lo−fmin) and
// log10(hi−fmin), which keeps isolines evenly dense on surfaces such as Beale
// whose values span five decades; lo−fmin is floored at floor (> 0). Linear
// spacing places levels strictly inside (lo, hi).
func Levels(lo, hi, fmin float64, n int, logSpaced bool, floor float64) []float64 {
	if n <= 0 || !(hi > lo) || !finite(lo) || !finite(hi) {
		return nil
	}
	out := make([]float64, 0, n)
	if logSpaced {
		a := math.Max(lo-fmin, floor)
		b := hi - fmin
		if !(b > a) {
			return nil
		}
		la, lb := math.Log10(a), math.Log10(b)
		for k := 0; k < n; k++ {
			t := (float64(k) + 0.5) / float64(n)
			out = append(out, fmin+math.Pow(10, la+(lb-la)*t))
		}
		return out
	}
	for k := 0; k < n; k++ {
		out = append(out, lo+(hi-lo)*(float64(k)+0.5)/float64(n))
	}
	return out
}

// NiceLevels is Levels with log spacing snapped to 1, 2 and 5 times powers of
// ten, so the labels on the map read as round numbers. It returns at most
// about n levels.
func NiceLevels(lo, hi, fmin float64, n int, floor float64) []float64 {
	a := math.Max(lo-fmin, floor)
	b := hi - fmin
	if !(b > a) || !finite(a) || !finite(b) || n <= 0 {
		return nil
	}
	decades := math.Log10(b) - math.Log10(a)
	mults := []float64{1, 2, 5}
	switch {
	case decades > float64(n)/1.5:
		mults = []float64{1}
	case decades > float64(n)/3:
		mults = []float64{1, 3}
	}
	var out []float64
	for e := math.Floor(math.Log10(a)); e <= math.Ceil(math.Log10(b)); e++ {
		for _, m := range mults {
			v := m * math.Pow(10, e)
			if v > a && v < b {
				out = append(out, fmin+v)
			}
		}
	}
	// Too many for the budget: keep every k-th so spacing stays even.
	if len(out) > n {
		k := (len(out) + n - 1) / n
		kept := out[:0]
		for i := 0; i < len(out); i += k {
			kept = append(kept, out[i])
		}
		out = kept
	}
	return out
}

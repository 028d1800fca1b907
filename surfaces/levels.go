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

// LevelCoord returns a function that maps f to its position among the
// ascending levels: exactly k at levels[k], and linear in log(f − fstar)
// between neighbours (extrapolated past the ends), so an isoline lies where
// the coordinate crosses an integer. Renderers use it to draw every level in
// one pass over the pixels. f at or below fstar maps far below level 0.
func LevelCoord(levels []float64, fstar float64) func(float64) float64 {
	n := len(levels)
	logs := make([]float64, n)
	for i, l := range levels {
		logs[i] = math.Log(math.Max(l-fstar, math.SmallestNonzeroFloat64))
	}
	return func(f float64) float64 {
		if n == 0 {
			return math.NaN()
		}
		if n == 1 {
			return 0
		}
		d := f - fstar
		if !(d > 0) {
			return -1e9
		}
		x := math.Log(d)
		// Find the interval [k, k+1] holding x, clamped to the end intervals.
		lo, hi := 0, n-1
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if logs[mid] <= x {
				lo = mid
			} else {
				hi = mid
			}
		}
		return float64(lo) + (x-logs[lo])/(logs[lo+1]-logs[lo])
	}
}

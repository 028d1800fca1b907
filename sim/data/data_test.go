package data

import (
	"math"
	"slices"
	"testing"
)

func TestGeneratorsAreDeterministic(t *testing.T) {
	for _, k := range Kinds {
		a := Generate(k, 50, 3, DefaultNoise(k), 7)
		b := Generate(k, 50, 3, DefaultNoise(k), 7)
		c := Generate(k, 50, 3, DefaultNoise(k), 8)
		if !slices.Equal(a.X, b.X) || !slices.Equal(a.Y, b.Y) {
			t.Errorf("%s: same seed, different points", k)
		}
		if slices.Equal(a.X, c.X) {
			t.Errorf("%s: seeds 7 and 8 give the same points", k)
		}
	}
}

func TestGeneratorShapes(t *testing.T) {
	for _, tc := range []struct {
		kind               Kind
		perClass, classes  int
		wantClasses        int
		lo, hi             float64 // every coordinate in [lo, hi]
		noise              float64
		meanRadiusLo, mrHi float64
	}{
		// r ≤ 1, so the spiral never leaves the unit disc whatever the noise.
		{Spiral, 100, 3, 3, -1, 1, 0.2, 0.49, 0.51},
		{Spiral, 40, 5, 5, -1, 1, 1, 0.49, 0.51},
		// Without noise the others have exact ranges.
		{Blobs, 30, 4, 4, -0.7, 0.7, 0, 0.7, 0.7},
		{Circles, 30, 0, 2, -1, 1, 0, 0.75, 0.75},
		{XOR, 30, 0, 2, -1, 1, 0, 0, 1},
		{Moons, 30, 0, 2, -1, 2, 0, 0, 2},
	} {
		s := Generate(tc.kind, tc.perClass, tc.classes, tc.noise, 1)
		if s.Classes != tc.wantClasses || s.D != 2 || s.N() != tc.perClass*tc.wantClasses ||
			len(s.X) != 2*s.N() {
			t.Errorf("%s: N=%d D=%d classes=%d", tc.kind, s.N(), s.D, s.Classes)
			continue
		}
		for k, c := range s.Counts() {
			if c != tc.perClass {
				t.Errorf("%s: class %d has %d points, want %d", tc.kind, k, c, tc.perClass)
			}
		}
		lo, hi := s.Bounds()
		const eps = 1e-12
		for j := range 2 {
			if lo[j] < tc.lo-eps || hi[j] > tc.hi+eps {
				t.Errorf("%s: coordinate %d spans [%g, %g], want inside [%g, %g]",
					tc.kind, j, lo[j], hi[j], tc.lo, tc.hi)
			}
		}
		var mr float64
		for i := range s.N() {
			p := s.Row(i)
			mr += math.Hypot(p[0], p[1])
		}
		mr /= float64(s.N())
		if tc.kind != XOR && tc.kind != Moons && (mr < tc.meanRadiusLo-1e-9 || mr > tc.mrHi+1e-9) {
			t.Errorf("%s: mean radius %g, want [%g, %g]", tc.kind, mr, tc.meanRadiusLo, tc.mrHi)
		}
	}
}

func TestSpiralIsTheCS231nConstruction(t *testing.T) {
	// Radius linspace(0, 1, N) whatever the angle noise: point i of every
	// class is at distance i/(N−1) from the origin.
	s := MakeSpiral(100, 3, 0.2, 3)
	for j := range s.N() {
		p := s.Row(j)
		want := float64(j%100) / 99
		if math.Abs(math.Hypot(p[0], p[1])-want) > 1e-12 {
			t.Fatalf("point %d at radius %g, want %g", j, math.Hypot(p[0], p[1]), want)
		}
	}
	// Noise 0: the angle is exactly linspace(4k, 4(k+1), N).
	z := MakeSpiral(5, 2, 0, 0)
	p := z.Row(5 + 4) // class 1, last point: r = 1, t = 8
	if math.Abs(p[0]-math.Sin(8)) > 1e-15 || math.Abs(p[1]-math.Cos(8)) > 1e-15 {
		t.Errorf("class 1 end at (%g, %g), want (sin 8, cos 8)", p[0], p[1])
	}
}

func TestXORLabels(t *testing.T) {
	s := MakeXOR(200, 0, 5)
	for i := range s.N() {
		p := s.Row(i)
		if want := p[0]*p[1] < 0; (s.Y[i] == 1) != want {
			t.Fatalf("point (%g, %g) labelled %d", p[0], p[1], s.Y[i])
		}
	}
}

func TestSplit(t *testing.T) {
	s := MakeSpiral(100, 3, 0.2, 1)
	for _, tc := range []struct {
		frac     float64
		nt, nval int
	}{{0.2, 240, 60}, {0, 300, 0}, {1, 0, 300}, {0.1234, 263, 37}} {
		tr, va := s.Split(tc.frac, 9)
		if tr.N() != tc.nt || va.N() != tc.nval {
			t.Errorf("split %g: %d + %d, want %d + %d", tc.frac, tr.N(), va.N(), tc.nt, tc.nval)
		}
		// Together they are a permutation of the original points.
		seen := map[[3]float64]int{}
		for i := range s.N() {
			seen[key(s, i)]++
		}
		for _, part := range []*Set{tr, va} {
			for i := range part.N() {
				seen[key(part, i)]--
			}
		}
		for k, c := range seen {
			if c != 0 {
				t.Fatalf("split %g: point %v off by %d", tc.frac, k, c)
			}
		}
	}
	a, _ := s.Split(0.2, 9)
	b, _ := s.Split(0.2, 9)
	c, _ := s.Split(0.2, 10)
	if !slices.Equal(a.X, b.X) || slices.Equal(a.X, c.X) {
		t.Error("split is not determined by its seed")
	}
}

func key(s *Set, i int) [3]float64 {
	p := s.Row(i)
	return [3]float64{p[0], p[1], float64(s.Y[i])}
}

func TestLabelNoise(t *testing.T) {
	s := MakeSpiral(100, 3, 0.2, 1)
	for _, frac := range []float64{0, 0.1, 0.25, 1} {
		n := s.WithLabelNoise(frac, 4)
		changed := 0
		for i := range s.N() {
			if n.Y[i] != s.Y[i] {
				changed++
			}
			if n.Y[i] < 0 || n.Y[i] >= s.Classes {
				t.Fatalf("label %d out of range", n.Y[i])
			}
		}
		// Every chosen label moves to a different class, so the count is exact.
		if want := int(math.Round(frac * 300)); changed != want {
			t.Errorf("fraction %g: %d labels changed, want %d", frac, changed, want)
		}
		if !slices.Equal(n.X, s.X) {
			t.Error("label noise moved points")
		}
	}
	if s.Counts()[0] != 100 {
		t.Error("WithLabelNoise changed its receiver")
	}
}

func TestFirstPerClassAndSubset(t *testing.T) {
	s := MakeSpiral(100, 3, 0.2, 1).Shuffled(2)
	f := s.FirstPerClass(2)
	if f.N() != 6 || !slices.Equal(f.Counts(), []int{2, 2, 2}) {
		t.Fatalf("FirstPerClass(2): N=%d counts %v", f.N(), f.Counts())
	}
	// The first point of f is the first point of s.
	if f.Row(0)[0] != s.Row(0)[0] || f.Y[0] != s.Y[0] {
		t.Error("FirstPerClass does not keep the set's order")
	}
	if got := MakeSpiral(3, 2, 0, 0).FirstPerClass(10).N(); got != 6 {
		t.Errorf("FirstPerClass beyond the class size gave %d points", got)
	}
	// Subset reuses dst without allocating once it is big enough.
	dst := s.Subset(nil, []int{0, 1, 2, 3})
	allocs := testing.AllocsPerRun(100, func() { s.Subset(dst, []int{5, 6, 7}) })
	if allocs != 0 || dst.N() != 3 || dst.Y[0] != s.Y[5] {
		t.Errorf("Subset into dst: %v allocs, N=%d", allocs, dst.N())
	}
}

func TestParseKind(t *testing.T) {
	for _, k := range Kinds {
		if got, err := ParseKind(k.Name()); err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.Name(), got, err)
		}
	}
	if _, err := ParseKind("mnist"); err == nil {
		t.Error("ParseKind accepted an unknown data set")
	}
}

func TestBadArgumentsPanic(t *testing.T) {
	for name, f := range map[string]func(){
		"split":   func() { MakeSpiral(3, 3, 0, 0).Split(1.5, 0) },
		"noise":   func() { MakeSpiral(3, 3, 0, 0).WithLabelNoise(-0.1, 0) },
		"kind":    func() { Generate("mnist", 3, 3, 0, 0) },
		"classes": func() { MakeSpiral(3, 0, 0, 0) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

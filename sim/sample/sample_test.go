package sample

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"
)

func TestHaltonMatchesGonum(t *testing.T) {
	for _, tc := range []struct {
		n, dim int
		seed   uint64
	}{{25, 2, 1}, {100, 3, 7}, {1, 1, 3}, {257, 5, 42}} {
		got := Halton(tc.n, tc.dim, rand.NewPCG(tc.seed, 9))
		want := mat.NewDense(tc.n, tc.dim, nil)
		samplemv.Halton{Kind: samplemv.Owen, Q: distmv.NewUnitUniform(tc.dim, nil), Src: rand.NewPCG(tc.seed, 9)}.Sample(want)
		for i := 0; i < tc.n; i++ {
			for j := 0; j < tc.dim; j++ {
				if got[i][j] != want.At(i, j) {
					t.Fatalf("n=%d dim=%d seed=%d: point %d coord %d = %v, gonum %v", tc.n, tc.dim, tc.seed, i, j, got[i][j], want.At(i, j))
				}
			}
		}
	}
}

func TestHaltonStratifies(t *testing.T) {
	// Each of the first b^k values of axis j (base b) falls in its own
	// stratum of width b^-k: 25 points give 25 distinct values on each axis,
	// where a 5×5 grid gives 5.
	pts := Halton(25, 2, rand.NewPCG(3, 4))
	for j := 0; j < 2; j++ {
		if d := Distinct(pts, j, 1e-9); d != 25 {
			t.Errorf("axis %d: %d distinct values, want 25", j, d)
		}
	}
	for _, p := range Halton(27, 2, rand.NewPCG(5, 6)) {
		for _, v := range p {
			if v < 0 || v >= 1 {
				t.Fatalf("value %v outside [0, 1)", v)
			}
		}
	}
	// Base 2 over 16 points: exactly one in each 1/16 stratum.
	seen := map[int]bool{}
	for _, p := range Halton(16, 1, rand.NewPCG(8, 8)) {
		seen[int(p[0]*16)] = true
	}
	if len(seen) != 16 {
		t.Errorf("16 points cover %d of 16 strata", len(seen))
	}
}

func TestGrid(t *testing.T) {
	for n, want := range map[int][2]int{1: {1, 1}, 4: {2, 2}, 6: {3, 2}, 12: {4, 3}, 24: {6, 4}, 25: {5, 5}, 30: {6, 5}, 7: {7, 1}, 90: {10, 9}, 100: {10, 10}} {
		nx, ny := GridShape(n)
		g := Grid(n)
		if [2]int{nx, ny} != want || len(g) != n {
			t.Errorf("Grid(%d): %d×%d, %d points; want %d×%d, %d points", n, nx, ny, len(g), want[0], want[1], n)
		}
		if dx, dy := Distinct(g, 0, 1e-9), Distinct(g, 1, 1e-9); dx != nx || dy != ny {
			t.Errorf("Grid(%d): %d distinct x, %d distinct y, want %d and %d", n, dx, dy, nx, ny)
		}
	}
	// Every budget is spent exactly.
	for n := 1; n <= 200; n++ {
		if len(Grid(n)) != n {
			t.Fatalf("Grid(%d) has %d points", n, len(Grid(n)))
		}
	}
	if len(Grid(0)) != 0 {
		t.Error("Grid(0) not empty")
	}
}

func TestLogUniform(t *testing.T) {
	lo, hi := 1e-5, 1e-1
	if v := LogUniform(0, lo, hi); math.Abs(v-lo)/lo > 1e-12 {
		t.Errorf("u=0 gives %v", v)
	}
	if v := LogUniform(0.5, lo, hi); math.Abs(v-1e-3)/1e-3 > 1e-12 {
		t.Errorf("u=0.5 gives %v, want 1e-3", v)
	}
	// Each of the four decades gets a quarter of 40,000 draws (binomial
	// sd ≈ 87, so 5 sd is 430); uniform sampling puts 90 % in the top one.
	r := rand.New(rand.NewPCG(1, 2))
	var logDec, linDec [4]int
	const n = 40000
	for i := 0; i < n; i++ {
		u := r.Float64()
		v := LogUniform(u, lo, hi)
		if v < lo || v >= hi {
			t.Fatalf("%v outside [%v, %v)", v, lo, hi)
		}
		logDec[int(math.Floor(math.Log10(v)))+5]++
		linDec[min(3, int(math.Floor(math.Log10(Uniform(u, lo, hi))))+5)]++
	}
	for d, c := range logDec {
		if math.Abs(float64(c)-n/4) > 430 {
			t.Errorf("log-uniform: decade %d got %d of %d", d, c, n)
		}
	}
	if linDec[3] < n*88/100 {
		t.Errorf("uniform: top decade got %d of %d, want about 90 %%", linDec[3], n)
	}
}

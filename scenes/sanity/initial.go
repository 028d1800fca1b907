package sanity

import (
	"math"
	"slices"
	"time"

	"gradlab/sim/data"
	"gradlab/sim/nn"
)

// The networks every check builds: the cs231n case study's two-layer
// classifier (100 ReLU units, W = 0.01·N(0, 1), zero biases).
const (
	hidden    = 100
	initScale = 0.01
	// seeds is how many fresh networks measure the initial loss at each C.
	seeds = 5
	// lnCTol is how far from ln C a fresh network's loss may be.
	lnCTol = 0.05
)

// sweepCs are the class counts the initial-loss plot measures besides the
// current one: the spread from 2 to 100 that shows the loss follows ln C.
var sweepCs = []int{2, 3, 5, 10, 20, 50, 100}

// initPoint is one fresh network's initial loss, measured.
type initPoint struct {
	// NoReg is the loss with λ = 0 and WithReg the loss with the scene's
	// λ, both data loss plus regularisation as the network reports them.
	NoReg, WithReg float64
	// Expected is ½λΣW² computed here from the network's weights, the
	// rise WithReg − NoReg should show.
	Expected float64
}

// job is half of one network's measurement: its loss at λ = 0, or at λ.
// Halves keep a tick short when C is large (a 2-100-100 network's loss on
// 200 points takes a few milliseconds).
type job struct {
	c, k    int
	withReg bool
}

// initial measures the loss of freshly initialised networks: seeds networks
// at each class count, on a set of that many blobs. It works through its
// queue in slices of time, so a page stays smooth while it measures.
type initial struct {
	bug  nn.Bug
	reg  float64
	seed uint64
	cur  int
	// at holds the measured networks per class count, in seed order.
	at    map[int][]initPoint
	queue []job // measurements still to make
	sets  map[int]*data.Set
	// net and part are the network being measured and its first half.
	net  *nn.Net
	part initPoint
	// version counts results, so drawings know when to redraw.
	version int
}

func newInitial(bug nn.Bug, reg float64, seed uint64, cur int) *initial {
	m := &initial{bug: bug, reg: reg, seed: seed, at: map[int][]initPoint{}, sets: map[int]*data.Set{}}
	m.setC(cur)
	for _, c := range sweepCs {
		m.enqueue(c)
	}
	return m
}

// setC makes c the current class count, measured first. Networks queued
// for a class count that is neither swept nor current any more (a slider
// dragged past it) are dropped; a network half measured is finished first.
func (m *initial) setC(c int) {
	m.cur = c
	var head []job
	rest := m.queue
	if len(rest) > 0 && rest[0].withReg {
		head, rest = rest[:1:1], rest[1:]
	}
	var keep []job
	for _, j := range rest {
		if j.c != c && slices.Contains(sweepCs, j.c) {
			keep = append(keep, j)
		}
	}
	k0 := len(m.at[c])
	if len(head) > 0 && head[0].c == c {
		k0++
	}
	for k := k0; k < seeds; k++ {
		head = append(head, job{c, k, false}, job{c, k, true})
	}
	m.queue = append(head, keep...)
}

// jobs are the measurements still missing at class count c, one network
// per seed.
func (m *initial) jobs(c int) []job {
	var q []job
	for k := len(m.at[c]); k < seeds; k++ {
		q = append(q, job{c, k, false}, job{c, k, true})
	}
	return q
}

func (m *initial) queued(c int) bool {
	for _, x := range m.queue {
		if x.c == c {
			return true
		}
	}
	return false
}

func (m *initial) enqueue(c int) {
	if m.done(c) || m.queued(c) {
		return
	}
	m.queue = append(m.queue, m.jobs(c)...)
}

// done reports whether class count c is measured.
func (m *initial) done(c int) bool { return len(m.at[c]) == seeds }

// busy reports work left.
func (m *initial) busy() bool { return len(m.queue) > 0 }

// perClass keeps the measuring set near 100 points whatever C is, at
// least one per class: a 2-100-100 network's loss on more points takes
// tens of milliseconds in the page.
func perClass(c int) int { return max(1, (100+c-1)/c) }

// set is what the networks at class count c are measured on: C blobs of
// points around a circle, so every class has points of its own even at
// one point per class (a spiral's arms all start at the origin).
func (m *initial) set(c int) *data.Set {
	if s, ok := m.sets[c]; ok {
		return s
	}
	s := data.MakeBlobs(perClass(c), c, data.DefaultNoise(data.Blobs), m.seed)
	m.sets[c] = s
	return s
}

// netSeed is the seed of network k at class count c.
func (m *initial) netSeed(c, k int) uint64 { return m.seed*1_000_003 + uint64(c)*101 + uint64(k) }

// fresh builds network k for class count c, initialised and with the bug.
func (m *initial) fresh(c, k int) *nn.Net {
	n := nn.New([]int{2, hidden, c}, nn.ReLU)
	n.Init(nn.Gaussian, initScale, m.netSeed(c, k))
	n.Bug = m.bug
	return n
}

// lossAt is a network's loss at λ as one whole call, data loss plus
// regularisation as the network reports them, so a bug in either is seen.
func lossAt(n *nn.Net, s *data.Set, reg float64) float64 {
	d, r := n.Loss(s.X, s.Y, reg)
	return d + r
}

// sumW2 is ΣW² over the weights (not the biases).
func sumW2(n *nn.Net) float64 {
	var s float64
	for _, p := range n.Params() {
		if p.Bias {
			continue
		}
		for _, w := range n.Theta[p.Lo:p.Hi] {
			s += w * w
		}
	}
	return s
}

// step measures until budget has passed (at least one half-measurement
// when any is queued) and reports whether it measured any.
func (m *initial) step(budget time.Duration) bool {
	t0 := time.Now()
	did := false
	for len(m.queue) > 0 {
		j := m.queue[0]
		m.queue = m.queue[1:]
		set := m.set(j.c)
		if !j.withReg {
			m.net = m.fresh(j.c, j.k)
			m.part = initPoint{NoReg: lossAt(m.net, set, 0)}
		} else {
			m.part.WithReg = lossAt(m.net, set, m.reg)
			m.part.Expected = 0.5 * m.reg * sumW2(m.net)
			m.at[j.c] = append(m.at[j.c], m.part)
			m.version++
		}
		did = true
		if time.Since(t0) >= budget {
			break
		}
	}
	return did
}

// summary is the current class count's measurement.
type summary struct {
	c                int
	n                int // networks measured so far
	mean, lo, hi     float64
	meanReg          float64
	rise, expected   float64 // means over the networks
	riseLo, riseHi   float64
	worstDev         float64 // the largest |loss − ln C|
	finite, finiteRg bool
}

func (m *initial) summary() summary {
	pts := m.at[m.cur]
	s := summary{c: m.cur, n: len(pts), lo: math.Inf(1), hi: math.Inf(-1), riseLo: math.Inf(1), riseHi: math.Inf(-1), finite: true, finiteRg: true}
	ln := math.Log(float64(m.cur))
	for _, p := range pts {
		s.mean += p.NoReg
		s.meanReg += p.WithReg
		s.expected += p.Expected
		r := p.WithReg - p.NoReg
		s.rise += r
		s.lo, s.hi = math.Min(s.lo, p.NoReg), math.Max(s.hi, p.NoReg)
		s.riseLo, s.riseHi = math.Min(s.riseLo, r), math.Max(s.riseHi, r)
		s.worstDev = math.Max(s.worstDev, math.Abs(p.NoReg-ln))
		s.finite = s.finite && finite(p.NoReg)
		s.finiteRg = s.finiteRg && finite(p.WithReg)
		if !finite(p.NoReg) {
			s.worstDev = math.Inf(1)
		}
	}
	if k := float64(len(pts)); k > 0 {
		s.mean, s.meanReg, s.rise, s.expected = s.mean/k, s.meanReg/k, s.rise/k, s.expected/k
	}
	return s
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// mean is the mean of the finite values of xs, and how many there were.
func mean(xs []float64) (float64, int) {
	var s float64
	n := 0
	for _, x := range xs {
		if finite(x) {
			s += x
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return s / float64(n), n
}

// measuredCs lists the class counts with any network measured, in order.
func (m *initial) measuredCs() []int {
	var cs []int
	for c, pts := range m.at {
		if len(pts) > 0 {
			cs = append(cs, c)
		}
	}
	slices.Sort(cs)
	return cs
}

package schedrun

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"gradlab/sim"
	"gradlab/sim/nn"
)

// outcome is what one run did, in the sweep's table.
type outcome struct {
	diverged  int     // epoch the rule fired (−1: never)
	recovered bool    // a diverged run's loss later came back under its start
	final     float64 // last whole-set loss
	acc       float64
	epochs    int
}

func (o outcome) String() string {
	if o.diverged >= 0 {
		s := fmt.Sprintf("div@%d", o.diverged)
		if o.recovered {
			s += "+rec"
		}
		return s
	}
	return fmt.Sprintf("%.2f/%.0f%%", o.final, 100*o.acc)
}

// trainOn trains one schedule to the end with the divergence rule only
// recording (not stopping), so the sweep can see whether a run the rule
// would stop ever comes back.
func trainOn(s Setup, k sim.ScheduleKind, base float64) outcome {
	r := NewRun(s.Set(), s, sim.DefaultSchedule(k, s.Epochs), base)
	r.Finish()
	o := outcome{diverged: r.DivergedAt, final: last(r.Loss), acc: last(r.Acc), epochs: r.Epoch()}
	if r.DivergedAt >= 0 {
		for _, v := range r.Loss[r.DivergedAt:] {
			if v < r.Loss[0] {
				o.recovered = true
			}
		}
	}
	return o
}

func last(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)-1]
}

// TestSweepWarmupSetups is the sweep that chose DefaultSetup and its two
// rates: over optimizers, depths, activations, initial scales and base
// rates, on four seeds, constant (no warm-up) against warmup + cosine. It
// trains over a thousand networks: run it with SCHEDRUN_SWEEP=1.
func TestSweepWarmupSetups(t *testing.T) {
	if os.Getenv("SCHEDRUN_SWEEP") == "" {
		t.Skip("SCHEDRUN_SWEEP=broad (over a thousand networks) or =fine runs the sweep")
	}
	stopDiverged = false
	defer func() { stopDiverged = true }()
	type cfg struct {
		opt    sim.Kind
		hidden []int
		act    nn.Activation
		scale  float64
		base   float64
	}
	var cfgs []cfg
	seeds := []uint64{1, 2, 3, 4}
	if os.Getenv("SCHEDRUN_SWEEP") == "broad" {
		rates := map[sim.Kind][]float64{sim.SGD: {1, 3, 10}, sim.Momentum: {0.1, 0.3, 1, 3}, sim.Adam: {0.03, 0.1, 0.3, 1}}
		for _, opt := range []sim.Kind{sim.SGD, sim.Momentum, sim.Adam} {
			for _, h := range [][]int{{32}, {32, 32}, {32, 32, 32}} {
				for _, act := range []nn.Activation{nn.ReLU, nn.Tanh} {
					for _, sc := range []float64{1, 2} {
						for _, b := range rates[opt] {
							cfgs = append(cfgs, cfg{opt, h, act, sc, b})
						}
					}
				}
			}
		}
	} else {
		// The fine stage, around where the broad one came closest.
		seeds = []uint64{1, 2, 3, 4, 5, 6}
		add := func(opt sim.Kind, h []int, act nn.Activation, sc float64, rates ...float64) {
			for _, b := range rates {
				cfgs = append(cfgs, cfg{opt, h, act, sc, b})
			}
		}
		add(sim.SGD, []int{32, 32}, nn.Tanh, 1, 1.5, 2, 2.5)
		add(sim.SGD, []int{32, 32}, nn.Tanh, 2, 1.5, 2, 2.5)
		add(sim.SGD, []int{32, 32, 32}, nn.Tanh, 1, 1.5, 2)
		add(sim.SGD, []int{32}, nn.Tanh, 1, 5, 7)
		add(sim.SGD, []int{32, 32, 32}, nn.ReLU, 2, 1, 1.5, 2)
		add(sim.Momentum, []int{32}, nn.Tanh, 1, 1.5, 2)
		add(sim.Momentum, []int{32}, nn.Tanh, 2, 1.5, 2)
		add(sim.Momentum, []int{32, 32}, nn.Tanh, 2, 0.5, 0.7)
		add(sim.Momentum, []int{32, 32, 32}, nn.Tanh, 1, 0.5)
		if os.Getenv("SCHEDRUN_SWEEP") == "fine2" {
			cfgs = cfgs[:0]
			add(sim.SGD, []int{32, 32}, nn.Tanh, 3, 1, 1.5, 2)
			add(sim.SGD, []int{32, 32, 32}, nn.Tanh, 3, 1, 1.5)
			add(sim.SGD, []int{32, 32, 32}, nn.ReLU, 2, 0.5, 0.7)
			add(sim.SGD, []int{32, 32, 32}, nn.ReLU, 3, 0.3, 0.5, 0.7)
			add(sim.SGD, []int{32, 32, 32, 32}, nn.ReLU, 2, 0.3, 0.5)
			add(sim.SGD, []int{32, 32, 32, 32}, nn.Tanh, 2, 0.7, 1)
			add(sim.Momentum, []int{32, 32, 32}, nn.ReLU, 2, 0.1, 0.2)
			add(sim.Adam, []int{32, 32, 32}, nn.ReLU, 1, 0.5)
		}
	}
	lines := make([]string, len(cfgs))
	score := make([]int, len(cfgs))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				c := cfgs[i]
				s := DefaultSetup()
				s.Opt, s.Hidden, s.Act, s.Scale = c.opt, c.hidden, c.act, c.scale
				var cells []string
				for _, seed := range seeds {
					s.Seed = seed
					no, wu := trainOn(s, sim.Constant, c.base), trainOn(s, sim.WarmupCos, c.base)
					if no.diverged >= 0 && !no.recovered && wu.diverged < 0 && wu.acc >= 0.9 {
						score[i]++
					}
					cells = append(cells, fmt.Sprintf("%-9s %-9s", no, wu))
				}
				lines[i] = fmt.Sprintf("%-8s %-12s %-4s x%g η₀ %-5g | %s", c.opt, Setup{Hidden: c.hidden, Classes: 3}.Shape(), c.act, c.scale, c.base, strings.Join(cells, " | "))
			}
		}()
	}
	for i := range cfgs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	t.Log("each seed: constant (no warm-up) then warmup + cosine; div@E = the rule fired at epoch E (+rec: came back under its start later), else final loss/accuracy")
	order := make([]int, len(cfgs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	for _, i := range order {
		t.Logf("%d/%d %s", score[i], len(seeds), lines[i])
	}
}

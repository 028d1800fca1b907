// Command benchtool does the measuring for ./build.sh bench: it writes the
// contour benchmark's grid for d3-contour, and times pages in headless
// Chromium (first frame, steady fps, Go frame time), alternating between
// gradlab and the baseline so both see the same machine.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"gradlab/scenes/kit"
	"gradlab/surfaces"
	"gradlab/wasm/site"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: benchtool grid FILE | pages DIR_A DIR_B ROUNDS SECONDS [QUERY_A]")
	}
	switch os.Args[1] {
	case "grid":
		writeGrid(os.Args[2])
	case "pages":
		rounds, _ := strconv.Atoi(os.Args[4])
		secs, _ := strconv.ParseFloat(os.Args[5], 64)
		a, b := serveDir(os.Args[2]), serveDir(os.Args[3])
		if len(os.Args) > 6 {
			a += "?" + os.Args[6]
		}
		pages(a, b, rounds, secs)
	default:
		log.Fatalf("unknown command %q", os.Args[1])
	}
}

// serveDir serves a built page on a free loopback port and returns its URL,
// so the benchmark never collides with something else holding a port.
func serveDir(dir string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, site.Handler(dir))
	return "http://" + ln.Addr().String() + "/"
}

// writeGrid saves the grid and levels of surfaces' BenchmarkContoursLarge
// (Beale, 512×512, 20 log-spaced levels) as JSON, rows from the bottom.
func writeGrid(path string) {
	s := surfaces.Beale{}
	g := surfaces.Sample(nil, s.F, s.View(), 512, 512)
	lo, hi, _ := g.Range()
	lv := surfaces.Levels(lo, hi, 0, 20, true, 1e-2)
	b, _ := json.Marshal(map[string]any{"nx": g.NX, "ny": g.NY, "values": g.V, "levels": lv})
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// firstFrame records when the page's status first reports a drawn frame.
const firstFrame = `(function () {
  function poll() {
    if (window.gradlab && window.gradlab.frame > 0 && !window.__firstFrameMs) window.__firstFrameMs = performance.now();
    if (window.gradlab && window.gradlab.frame >= 3) { window.__fullFrameMs = performance.now(); return; }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();`

type result struct{ first, full, fps, goMs, goP95, goStart, goFirst, stepsPerSec float64 }

func pages(a, b string, rounds int, secs float64) {
	res := map[string][]result{}
	for i := 0; i < rounds; i++ {
		for _, u := range []string{a, b} {
			r, err := measure(u, secs)
			if err != nil {
				log.Fatalf("%s: %v", u, err)
			}
			res[u] = append(res[u], r)
			fmt.Fprintf(os.Stderr, "  round %d %s: first frame %.0f ms, third frame %.0f ms (Go: main→first frame %.0f ms, first Draw %.0f ms), %.1f fps, Go frame %.2f ms\n",
				i+1, u, r.first, r.full, r.goStart, r.goFirst, r.fps, r.goMs)
		}
	}
	for _, u := range []string{a, b} {
		var f, full, p, g, g95, sps []float64
		for _, r := range res[u] {
			f, full, p, g, g95 = append(f, r.first), append(full, r.full), append(p, r.fps), append(g, r.goMs), append(g95, r.goP95)
			sps = append(sps, r.stepsPerSec)
		}
		fmt.Printf("%s %.0f %.0f %.2f %.3f %.3f %.0f\n", u, median(f), median(full), median(p), median(g), median(g95), median(sps))
	}
}

func median(v []float64) float64 {
	m, _ := kit.Percentiles(v)
	return m
}

func measure(url string, secs float64) (result, error) {
	dir, _ := os.MkdirTemp("", "gradlab-bench")
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(dir), chromedp.WindowSize(1280, 800))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	defer c1()
	ctx, c2 := chromedp.NewContext(actx)
	defer c2()
	ctx, c3 := context.WithTimeout(ctx, 3*time.Minute)
	defer c3()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: firstFrame}); err != nil {
		return result{}, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return result{}, err
	}
	for {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__fullFrameMs || 0`))
		if err != nil {
			return result{}, err
		}
		if v > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	first, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__firstFrameMs`))
	full, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__fullFrameMs`))
	time.Sleep(2 * time.Second) // let start-up work settle
	f0, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.frame`))
	t0 := time.Now()
	time.Sleep(time.Duration(secs * float64(time.Second)))
	f1, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.frame`))
	fps := (f1 - f0) / time.Since(t0).Seconds()
	goMs, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.goFrameMs || 0`))
	goP95, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.goP95Ms || 0`))
	goStart, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.goStartMs || 0`))
	goFirst, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.gradlab.goFirstDrawMs || 0`))
	// Scenes that train report their pace; others have none.
	sps, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`(window.gradlab.state && window.gradlab.state.stepsPerSec) || 0`))
	return result{first, full, fps, goMs, goP95, goStart, goFirst, sps}, nil
}

//go:build e2e

// Package e2e drives the built page in headless Chromium and the desktop
// build under Xvfb. Run it through ./build.sh test, which builds dist/ first.
package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"gradlab/scenes/kit"
	"gradlab/scenes/race"
	"gradlab/wasm/site"
)

// shots is where screenshots go, for people to look at.
var shots = func() string {
	d := filepath.Join(os.TempDir(), "gradlab-e2e")
	os.MkdirAll(d, 0o755)
	return d
}()

// server serves dist/ on loopback, once for all tests.
var server = sync.OnceValues(func() (string, error) {
	dist := os.Getenv("GRADLAB_DIST")
	if dist == "" {
		dist = "../../dist"
	}
	if _, err := os.Stat(filepath.Join(dist, "gradlab.wasm")); err != nil {
		return "", fmt.Errorf("no built page in %s: run ./build.sh first (%v)", dist, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go http.Serve(ln, site.Handler(dist))
	return "http://" + ln.Addr().String(), nil
})

// page is one browser tab on the served page, recording console errors and
// every host it asked for.
type page struct {
	t      *testing.T
	ctx    context.Context
	base   string
	mu     sync.Mutex
	errs   []string
	hosts  map[string]bool
	cancel func()
	closed sync.Once
}

func openPage(t *testing.T, query string, w, h int) *page {
	t.Helper()
	base, err := server()
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(w, h))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, c2 := chromedp.NewContext(actx)
	ctx, c3 := context.WithTimeout(ctx, 150*time.Second)
	p := &page{t: t, ctx: ctx, base: base, hosts: map[string]bool{}, cancel: func() { c3(); c2(); c1() }}
	t.Cleanup(p.close)
	err = chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				p.errs = append(p.errs, "console.error: "+strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			p.errs = append(p.errs, "exception: "+e.ExceptionDetails.Text)
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				p.errs = append(p.errs, fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL))
			}
		case *network.EventLoadingFailed:
			p.errs = append(p.errs, "loading failed: "+e.ErrorText)
		case *network.EventRequestWillBeSent:
			if u, err := url.Parse(e.Request.URL); err == nil && u.Host != "" {
				p.hosts[u.Host] = true
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// Headless windows have a minimum width and lose height to the
	// window frame; emulating the viewport gives the page exactly w×h CSS
	// pixels, as on a phone.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(w), int64(h)),
		chromedp.Navigate(base+"/index.html"+query)); err != nil {
		t.Fatal(err)
	}
	p.waitFor(`window.gradlab && window.gradlab.ready && window.gradlab.frame > 2`, 120*time.Second)
	return p
}

// close checks what the whole visit did: no console errors, no request to
// any host but the test server.
func (p *page) close() { p.closed.Do(p.check) }

func (p *page) check() {
	p.mu.Lock()
	errs, hosts := p.errs, p.hosts
	p.mu.Unlock()
	for _, e := range errs {
		p.t.Errorf("browser reported %s", e)
	}
	u, _ := url.Parse(p.base)
	for h := range hosts {
		if h != u.Host {
			p.t.Errorf("the page contacted %s", h)
		}
	}
	p.cancel()
}

func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func (p *page) waitFor(cond string, limit time.Duration) {
	p.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		if eval[bool](p, "!!("+cond+")") {
			return
		}
		if time.Now().After(deadline) {
			st := eval[string](p, `JSON.stringify(window.gradlab) + " " + document.getElementById("errmsg").textContent`)
			p.t.Fatalf("timed out waiting for %s; status %v", cond, st)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// status reads window.gradlab.
func (p *page) status() status {
	p.t.Helper()
	return eval[status](p, `window.gradlab`)
}

// status is the published status object, decoded with the program's own
// types: the shell's part and the race's part under "state".
type status = kit.Published[race.Status]

// key presses a key the way a person does.
func (p *page) key(k string) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(k)); err != nil {
		p.t.Fatal(err)
	}
}

// click presses and releases like a person, holding the button for a few
// frames: the program polls input each tick, and a press and release that
// both fall between two ticks of a software-rendered page are never seen.
func (p *page) click(x, y float64) {
	p.t.Helper()
	err := chromedp.Do(p.ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	if err == nil {
		time.Sleep(150 * time.Millisecond)
		err = chromedp.Do(p.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	}
	if err != nil {
		p.t.Fatal(err)
	}
}

// touch puts one finger down at (x, y) for hold, then lifts it.
func (p *page) touch(x, y float64, hold time.Duration) {
	p.t.Helper()
	one := 1.0
	pt := []*input.TouchPoint{{X: x, Y: y, RadiusX: &one, RadiusY: &one, Force: &one}}
	_, err := chromedp.Call(p.ctx, input.DispatchTouchEvent,
		input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: pt})
	if err == nil {
		time.Sleep(hold)
		_, err = chromedp.Call(p.ctx, input.DispatchTouchEvent,
			input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}})
	}
	if err != nil {
		p.t.Fatal(err)
	}
}

// shell reads window.gradlab for any scene, leaving the scene's part
// undecoded.
func (p *page) shell() kit.Published[json.RawMessage] {
	p.t.Helper()
	return eval[kit.Published[json.RawMessage]](p, `window.gradlab`)
}

// clickControl clicks the middle of a named control from the status.
func (p *page) clickControl(name string) {
	p.t.Helper()
	r, ok := p.shell().Controls[name]
	if !ok {
		p.t.Fatalf("no control %q", name)
	}
	p.click(r[0]+r[2]/2, r[1]+r[3]/2)
}

// shot saves a screenshot under name and returns it decoded.
func (p *page) shot(name string) image.Image {
	p.t.Helper()
	buf, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatal(err)
	}
	path := filepath.Join(shots, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: %s", path)
	img, err := png.Decode(strings.NewReader(string(buf)))
	if err != nil {
		p.t.Fatal(err)
	}
	return img
}

// mapRect is the race map's rectangle in CSS pixels, from the published
// controls.
func mapRect(s status) [4]float64 { return s.Controls["map"] }

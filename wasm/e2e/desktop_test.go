//go:build e2e

package e2e

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDesktopBuildRunsUnderXvfb builds the native program, runs it in a real
// X window under Xvfb, and checks the screenshot it writes shows the race.
func TestDesktopBuildRunsUnderXvfb(t *testing.T) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		t.Fatal("xvfb-run is missing: apt-get install -y xvfb xauth")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "gradlab")
	build := exec.Command("go", "build", "-o", bin, "gradlab")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("native build failed (needs the X11/GL headers, see README): %v\n%s", err, out)
	}
	shot := filepath.Join(shots, "desktop.png")
	os.Remove(shot)
	run := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", bin,
		"-screenshot", shot, "-frames", "150", "-q", "surface=bowl&speed=300")
	out, err := run.CombinedOutput()
	if err != nil {
		t.Fatalf("desktop run failed: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%v)", shot, img.Bounds())
	b := img.Bounds()
	// The map sits in the left two thirds, below the tab bar.
	mapArea := [4]float64{float64(b.Dx()) * 0.05, float64(b.Dy()) * 0.08, float64(b.Dx()) * 0.55, float64(b.Dy()) * 0.6}
	if ok, why := looksLikeRace(img, region(img, mapArea, 1)); !ok {
		t.Errorf("desktop screenshot: %s", why)
	}
}

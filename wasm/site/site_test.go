package site

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestHandlerServesGzipAndWasmType(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("raw"), 0o644)
	os.WriteFile(filepath.Join(dir, "app.wasm.gz"), []byte("gz"), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html>"), 0o644)
	h := Handler(dir)
	for _, c := range []struct {
		path, accept, body, ctype, enc string
	}{
		{"/app.wasm", "gzip, br", "gz", "application/wasm", "gzip"},
		{"/app.wasm", "", "raw", "application/wasm", ""},
		{"/", "gzip", "<html>", "text/html; charset=utf-8", ""},
	} {
		req := httptest.NewRequest(http.MethodGet, c.path, nil)
		if c.accept != "" {
			req.Header.Set("Accept-Encoding", c.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Body.String() != c.body || rec.Header().Get("Content-Type") != c.ctype ||
			rec.Header().Get("Content-Encoding") != c.enc {
			t.Errorf("%s (Accept-Encoding %q): %d %q type %q encoding %q", c.path, c.accept, rec.Code,
				rec.Body.String(), rec.Header().Get("Content-Type"), rec.Header().Get("Content-Encoding"))
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/../../etc/passwd", nil))
	if rec.Code == 200 {
		t.Error("served a file outside the folder")
	}
}

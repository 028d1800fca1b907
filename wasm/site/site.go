// Package site serves the built page: the right MIME types, and the
// precompressed .gz beside a file when the browser accepts gzip.
package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves dir.
func Handler(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(name, ".wasm") {
			w.Header().Set("Content-Type", "application/wasm")
		}
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			gz := filepath.Join(dir, filepath.FromSlash(name)+".gz")
			if st, err := os.Stat(gz); err == nil && !st.IsDir() {
				if ct := mime.TypeByExtension(path.Ext(name)); ct != "" && w.Header().Get("Content-Type") == "" {
					w.Header().Set("Content-Type", ct)
				}
				w.Header().Set("Content-Encoding", "gzip")
				w.Header().Add("Vary", "Accept-Encoding")
				http.ServeFile(w, r, gz)
				return
			}
		}
		fs.ServeHTTP(w, r)
	})
}

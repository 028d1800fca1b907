// Command serve hosts the built gradlab page for development and tests.
package main

import (
	"flag"
	"log"
	"net/http"

	"gradlab/wasm/site"
)

func main() {
	dir := flag.String("dir", "dist", "folder to serve")
	addr := flag.String("addr", "127.0.0.1:8080", "host:port to listen on")
	flag.Parse()
	log.Printf("serving %s on http://%s/", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, site.Handler(*dir)))
}

package main

import (
	"net/url"
	"strings"
)

// parseQuery reads a URL query ("?a=1&b=2" or "a=1&b=2") into its first
// values. A malformed query yields what could be read.
func parseQuery(raw string) map[string]string {
	out := map[string]string{}
	v, _ := url.ParseQuery(strings.TrimPrefix(raw, "?"))
	for k, vs := range v {
		if len(vs) > 0 {
			out[k] = vs[0]
		}
	}
	return out
}

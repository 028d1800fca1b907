package kit

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Param is one URL parameter of a scene, declared once so that writing the
// URL and reading it back cannot drift apart.
type Param struct {
	Name string
	// Read gives the current value; "" leaves the parameter out.
	Read func() string
	// Write sets the scene's state from a URL value without restarting
	// anything (Rebuild follows). Its error says in words what was wrong
	// and what is used instead; the state then keeps its default.
	Write func(v string) error
}

// EncodeQuery builds "scene=id&name=value…" from the scene's parameters.
func EncodeQuery(id string, params []Param) string {
	var b strings.Builder
	b.WriteString("scene=")
	b.WriteString(Escape(id))
	for _, p := range params {
		if v := p.Read(); v != "" {
			b.WriteString("&")
			b.WriteString(Escape(p.Name))
			b.WriteString("=")
			b.WriteString(Escape(v))
		}
	}
	return b.String()
}

// Escape percent-encodes a query value, leaving letters, digits and the
// punctuation gradlab's values are built from (",:.-_~") readable, and
// encoding everything else ('&', '=', '#', '+', spaces, non-ASCII).
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte(",:.-_~", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// ParseQuery reads "?a=1&b=2" (or without "?") into first values. Parts that
// cannot be decoded are returned as messages instead of being dropped
// silently.
func ParseQuery(raw string) (map[string]string, []string) {
	out := map[string]string{}
	var msgs []string
	for _, part := range strings.Split(strings.TrimPrefix(raw, "?"), "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		dk, err1 := url.QueryUnescape(k)
		dv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			msgs = append(msgs, fmt.Sprintf("The URL part %s is not valid percent-encoding; it is ignored.", Quote(part)))
			continue
		}
		if _, dup := out[dk]; !dup {
			out[dk] = dv
		}
	}
	return out, msgs
}

// Apply writes the URL values q into a scene through its declared
// parameters, then rebuilds it once. It returns one message per value it
// could not use, naming the parameter and the value.
func Apply(s Scene, q map[string]string) []string {
	var msgs []string
	known := map[string]bool{"scene": true}
	for _, p := range s.Params() {
		known[p.Name] = true
		v, ok := q[p.Name]
		if !ok {
			continue
		}
		if err := p.Write(v); err != nil {
			msgs = append(msgs, fmt.Sprintf("URL %s=%s: %v", p.Name, Quote(v), err))
		}
	}
	var unknown []string
	for k := range q {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		msgs = append(msgs, fmt.Sprintf("URL parameter %s means nothing here; it is ignored.", Quote(k)))
	}
	s.Rebuild()
	return msgs
}

// Quote quotes a value for a message, shortened so a long value cannot run
// off the screen.
func Quote(v string) string {
	const max = 24
	if utf8.RuneCountInString(v) > max {
		r := []rune(v)
		v = string(r[:max-1]) + "…"
	}
	return strconv.Quote(v)
}

// Num formats a number for the URL: short, exact enough to reproduce a
// picture.
func Num(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

var errNotNumber = errors.New("not a number")

// ParseNum reads a plain decimal number: no hex floats, no "Inf" or "NaN",
// no underscores, which strconv.ParseFloat would all accept.
func ParseNum(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errNotNumber
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("0123456789.eE+-", s[i]) < 0 {
			return 0, errNotNumber
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, errNotNumber
	}
	return v, nil
}

// NumIn reads a number in [lo, hi]; the error names the range and what is
// kept instead.
func NumIn(s string, lo, hi, keep float64, what string) (float64, error) {
	v, err := ParseNum(s)
	if err != nil || v < lo || v > hi {
		return keep, fmt.Errorf("%s must be a number from %s to %s; using %s", what, Num(lo), Num(hi), Num(keep))
	}
	return v, nil
}

// IntIn reads a whole number in [lo, hi].
func IntIn(s string, lo, hi, keep int, what string) (int, error) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < lo || v > hi {
		return keep, fmt.Errorf("%s must be a whole number from %d to %d; using %d", what, lo, hi, keep)
	}
	return v, nil
}

// Choice reads one of ids, ignoring case.
func Choice(s string, ids []string, keep, what string) (string, error) {
	for _, id := range ids {
		if strings.EqualFold(strings.TrimSpace(s), id) {
			return id, nil
		}
	}
	return keep, fmt.Errorf("unknown %s (try %s); using %s", what, strings.Join(ids, ", "), keep)
}

// Bool reads 1/0, true/false, on/off, yes/no.
func Bool(s string, keep bool, what string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "on", "yes":
		return true, nil
	case "0", "false", "off", "no":
		return false, nil
	}
	return keep, fmt.Errorf("%s must be 1 or 0; using %v", what, map[bool]int{true: 1, false: 0}[keep])
}

// ViewParam is the `view` URL parameter of a scene paged by a view switch:
// ids name the pages, *page is the one shown (the first is left out of the
// URL) and *fromURL remembers what the URL asked for.
func ViewParam(ids []string, page, fromURL *int) Param {
	return Param{Name: "view", Read: func() string {
		if *page == 0 {
			return ""
		}
		return ids[*page]
	}, Write: func(v string) error {
		id, err := Choice(v, ids, ids[*page], "the view")
		*page = slices.Index(ids, id)
		*fromURL = *page
		return err
	}}
}

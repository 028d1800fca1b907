package kit

import (
	"strings"
	"testing"
)

type fake struct {
	a, b     string
	rebuilds int
}

func (f *fake) params() []Param {
	return []Param{
		{Name: "a", Read: func() string { return f.a }, Write: func(v string) error { f.a = v; return nil }},
		{Name: "b", Read: func() string { return f.b }, Write: func(v string) (err error) {
			f.b, err = Choice(v, []string{"x", "y"}, f.b, "b")
			return err
		}},
	}
}

func TestEncodeQuery(t *testing.T) {
	f := &fake{a: "one & two = #3 ü+", b: "x"}
	got := EncodeQuery("s", f.params())
	want := "scene=s&a=one%20%26%20two%20%3D%20%233%20%C3%BC%2B&b=x"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	q, msgs := ParseQuery("?" + got)
	if len(msgs) != 0 || q["a"] != f.a || q["b"] != "x" || q["scene"] != "s" {
		t.Errorf("decoded %q %q", q, msgs)
	}
	if EncodeQuery("s", []Param{{Name: "e", Read: func() string { return "" }}}) != "scene=s" {
		t.Error("an empty value should leave its parameter out")
	}
	if got := Escape("sgd:0.01,adam:1e-05"); got != "sgd:0.01,adam:1e-05" {
		t.Errorf("gradlab's own values should stay readable, got %s", got)
	}
}

func TestParseQueryReportsBadEncoding(t *testing.T) {
	q, msgs := ParseQuery("surface=%ZZ&x=1&x=2")
	if len(msgs) != 1 || !strings.Contains(msgs[0], "%ZZ") {
		t.Errorf("messages %q", msgs)
	}
	if _, ok := q["surface"]; ok || q["x"] != "1" {
		t.Errorf("query %q", q)
	}
}

type fakeScene struct {
	Scene
	f *fake
}

func (s fakeScene) Params() []Param { return s.f.params() }
func (s fakeScene) Rebuild()        { s.f.rebuilds++ }

func TestApplyNamesEveryBadValueAndRebuildsOnce(t *testing.T) {
	f := &fake{b: "x"}
	msgs := Apply(fakeScene{f: f}, map[string]string{"a": "ok", "b": "Z" + strings.Repeat("z", 100), "c": "1"})
	if f.rebuilds != 1 || f.a != "ok" || f.b != "x" {
		t.Errorf("state %+v", f)
	}
	if len(msgs) != 2 || !strings.HasPrefix(msgs[0], "URL b=") || !strings.Contains(msgs[0], "…") ||
		!strings.Contains(msgs[1], `"c"`) {
		t.Errorf("messages %q", msgs)
	}
	if msgs := Apply(fakeScene{f: f}, map[string]string{"b": "Y"}); len(msgs) != 0 || f.b != "y" {
		t.Errorf("choices are read in any case: %q %q", msgs, f.b)
	}
}

func TestParseNum(t *testing.T) {
	for _, ok := range []string{"1", "-2.5", "1e-4", " 3 ", "+4", ".5"} {
		if _, err := ParseNum(ok); err != nil {
			t.Errorf("%q refused", ok)
		}
	}
	for _, bad := range []string{"", "0x1p-4", "Inf", "-inf", "NaN", "1_000", "1e999", "1,5", "abc"} {
		if v, err := ParseNum(bad); err == nil {
			t.Errorf("%q accepted as %g", bad, v)
		}
	}
	if _, err := NumIn("1e300", 0, 10, 1, "x"); err == nil {
		t.Error("out of range accepted")
	}
	if v, err := IntIn("12", 10, 20, 15, "n"); err != nil || v != 12 {
		t.Errorf("IntIn %d %v", v, err)
	}
	if v, err := Bool("on", false, "b"); err != nil || !v {
		t.Error("Bool on")
	}
	if _, err := Bool("maybe", false, "b"); err == nil {
		t.Error("Bool maybe accepted")
	}
}

func TestPercentiles(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 10, 9, 8, 7, 6}
	if m, p := Percentiles(xs); m != 6 || p != 10 {
		t.Errorf("median %g p95 %g", m, p)
	}
	if m, p := Percentiles(nil); m != 0 || p != 0 {
		t.Error("empty")
	}
}

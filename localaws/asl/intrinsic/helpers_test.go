package intrinsic

import (
	"bytes"
	"encoding/json"
	"testing"
)

// decode parses JSON the way the engine does, with numbers as json.Number.
func decode(tb testing.TB, s string) any {
	tb.Helper()
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		tb.Fatalf("decode %q: %v", s, err)
	}
	return v
}

// encode renders a value as compact JSON for comparisons.
func encode(tb testing.TB, v any) string {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		tb.Fatalf("encode: %v", err)
	}
	return string(bytes.TrimSpace(b.Bytes()))
}

// fixedEnv makes the random intrinsics deterministic.
func fixedEnv() Env {
	return Env{
		Random: func() float64 { return 0.5 },
		UUID:   func() string { return "11111111-2222-4333-8444-555555555555" },
	}
}

package choice

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

// decodeRule parses a rule written as JSON.
func decodeRule(tb testing.TB, s string) map[string]any {
	tb.Helper()
	m, ok := decode(tb, s).(map[string]any)
	if !ok {
		tb.Fatalf("rule %s is not an object", s)
	}
	return m
}

func bytesReader(s string) *bytes.Reader { return bytes.NewReader([]byte(s)) }

package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// stdDecode is the reference: encoding/json with exact numbers.
func stdDecode(raw []byte) (any, error) {
	if !json.Valid(raw) {
		return nil, errors.New("invalid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func TestDecodeValueMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	tests := []string{
		`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5e10`, `-12.25E-3`, `"x"`,
		`{"a":[1,2,{"b":null}],"c":"d\"e\\f\/g\b\f\n\r\t"}`,
		`"\u00e9\ud83d\ude00"`, `"\ud83d"`, `"caf\u00e9"`, ` { "a" : 1 } `,
		`01`, `1.`, `.5`, `-`, `1e`, `{"a":1,}`, `[1,]`, `{"a"}`, `{a:1}`, `"abc`, `tru`, `nul`,
		"\"tab\tinside\"", `{"a":1} x`, `[1] [2]`, `"\x"`, `"\u12"`, ``, `   `,
	}
	for _, in := range tests {
		want, wantErr := stdDecode([]byte(in))
		got, gotErr := decodeValue([]byte(in))
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%q: error = %v, encoding/json says %v", in, gotErr, wantErr)
			continue
		}
		if diff := cmp.Diff(want, got); wantErr == nil && diff != "" {
			t.Errorf("%q (-encoding/json +decodeValue):\n%s", in, diff)
		}
	}
}

func TestEncodeValueRoundTrips(t *testing.T) {
	t.Parallel()
	tests := []string{
		`{"b":[1,2.5,"x"],"a":{"z":null,"y":true}}`,
		`"line\nbreak \"quoted\" <html> & \u2028 \u0001 é 😀"`,
		`[[],{},""]`,
	}
	for _, in := range tests {
		v, err := decodeValue([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		out := encodeValue(v)
		back, err := stdDecode([]byte(out))
		if err != nil {
			t.Fatalf("%q encoded to invalid JSON %q: %v", in, out, err)
		}
		if diff := cmp.Diff(v, back); diff != "" {
			t.Errorf("%q round trip (-before +after):\n%s", in, diff)
		}
	}
}

func FuzzDecodeValue(f *testing.F) {
	for _, s := range []string{`{"a":[1,"b",null,true]}`, `"\ud83d\ude00"`, `-1.5e-3`, `[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		want, wantErr := stdDecode(raw)
		got, gotErr := decodeValue(raw)
		if (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%q: error = %v, encoding/json says %v", raw, gotErr, wantErr)
		}
		if wantErr != nil {
			return
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%q (-encoding/json +decodeValue):\n%s", raw, diff)
		}
		again, err := decodeValue([]byte(encodeValue(got)))
		if err != nil || !cmp.Equal(got, again) {
			t.Fatalf("%q does not survive encodeValue: %v", raw, err)
		}
	})
}

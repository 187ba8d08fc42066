package jsonata

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestPictures checks $formatNumber, $formatInteger, $parseInteger and the date/time
// pictures of $fromMillis and $toMillis. Each expectation is the output
// of the reference implementation, npm jsonata 2.0.6, for the same
// expression (recorded with node on 28 Nov 2026; the differential test
// holds about 200 more such cases).
func TestPictures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, expr string
		want       string // JSON
		wantCode   string
	}{
		{"grouping", `$formatInteger(1234567, "#,##0")`, `"1,234,567"`, ""},
		{"number with a negative sub-picture", `$formatNumber(-1234.5, "#,##0.00;(#,##0.00)")`, `"(1,234.50)"`, ""},
		{"number with an exponent", `$formatNumber(12345678, "0.0##e00")`, `"1.235e07"`, ""},
		{"number picture with two grouping separators together", `$formatNumber(12, "#,,#")`, "", "D3089"},
		{"ordinal words", `$formatInteger(42, "w;o")`, `"forty-second"`, ""},
		{"roman", `$formatInteger(2024, "I")`, `"MMXXIV"`, ""},
		{"letters", `$formatInteger(28, "A")`, `"AB"`, ""},
		{"unsupported sequence", `$formatInteger(12, "x")`, "", "D3130"},
		{"parse roman", `$parseInteger("MMXXIV", "I")`, `2024`, ""},
		{"parse grouping", `$parseInteger("1,234,567", "#,##0")`, `1234567`, ""},
		{"parse ordinal words", `$parseInteger("twelve thousand three hundred and forty-fifth", "w;o")`, `12345`, ""},
		{"names and 12-hour clock", `$fromMillis(1521801216617, "[FNn,3-3] [D1o] [MNn] [Y] at [h]:[m01] [PN]")`,
			`"Fri 23rd March 2018 at 10:33 AM"`, ""},
		{"time zone", `$fromMillis(1521801216617, "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z]", "+0530")`,
			`"2018-03-23T16:03:36+05:30"`, ""},
		{"names only for months and days", `$fromMillis(0, "[Dn]")`, "", "D3133"},
		{"read names and 12-hour clock", `$toMillis("Fri 23rd March 2018 at 2:13 PM", "[FNn,3-3] [D1o] [MNn] [Y] at [h]:[m01] [PN]")`,
			`1521814380000`, ""},
		{"read an offset", `$toMillis("2018-03-23T16:43:36+05:30", "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z]")`,
			`1521803616000`, ""},
		{"read with a gap", `$toMillis("2018-03", "[Y]-[D]")`, "", "D3136"},
		// The reference takes the components before the first one given
		// from $now: with now at 2025-11-28T18:00Z that is
		// Date.UTC(2025, 10, 28, 10, 30) = 1764325800000.
		{"today's date before the time", `$toMillis("10:30", "[H]:[m]")`, `1764325800000`, ""},
	}
	now := time.Date(2025, 11, 28, 18, 0, 0, 0, time.UTC) // for "today's date": 2025-11-28
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := mustCompile(t, tc.expr)
			got, _, err := e.Evaluate(nil, nil, &Options{Now: func() time.Time { return now }})
			if tc.wantCode != "" {
				var je *Error
				if !errors.As(err, &je) || je.Code != tc.wantCode {
					t.Fatalf("err = %v, want %s", err, tc.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var want, have any
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &have); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, have); d != "" {
				t.Errorf("%s (-want +got):\n%s", tc.expr, d)
			}
		})
	}
}

// FuzzPictures feeds arbitrary pictures and text to the picture
// functions ($formatNumber included): none may panic (a recovered panic surfaces as U1002) or
// run away.
func FuzzPictures(f *testing.F) {
	for _, s := range []string{"#,##0", "0;o", "w;o", "Ww", "I", "a", "٠", "#-##,0", "[Y0001]-[M01]-[D01]",
		"[FNn,3-3] [D1o] [MNn]", "[h]:[m01][P]", "[Z0000]", "[z]", "[Y,2-2]", "[[Y]]", "[X]-W[W]-[F]", "[q1]", "[Y",
		"#,##0.00;(#,##0.00)", "0.0##e00", "#%", "00.000e0"} {
		f.Add(s, "2018-03-23 twelve MMXXIV 1,234")
	}
	opts := &Options{Now: func() time.Time { return time.Date(2025, 11, 28, 18, 0, 0, 0, time.UTC) }}
	calls := []*Expr{
		mustCompile(f, `$formatInteger(n, p)`), mustCompile(f, `$parseInteger(s, p)`),
		mustCompile(f, `$fromMillis(n, p, "-0530")`), mustCompile(f, `$toMillis(s, p)`),
		mustCompile(f, `$formatNumber(n, p)`), mustCompile(f, `$formatNumber(n, p, {"zero-digit": "٠", "percent": s})`),
	}
	f.Fuzz(func(t *testing.T, picture, text string) {
		input := newObject(3)
		input.set("p", picture)
		input.set("s", text)
		for _, n := range []float64{0, -1234567.8, 1521801216617, 3e15} {
			input.set("n", n)
			for _, e := range calls {
				_, _, err := e.Evaluate(input, nil, opts)
				var je *Error
				if errors.As(err, &je) && je.Code == "U1002" {
					t.Fatalf("%s with p=%q s=%q n=%v panicked", e.String(), picture, text, n)
				}
			}
		}
	})
}

package dynamolocal

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestNumberCanonicalForm(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"0012.50", "12.5"}, {"-0", "0"}, {"1E+2", "100"}, {"1.5e-3", "0.0015"}, {"+7", "7"}, {"-.5", "-0.5"},
		{"100.000", "100"}, {"9.9999999999999999999999999999999999999E+125", "99999999999999999999999999999999999999" + zeros(88)},
		{"1E-130", "0." + zeros(129) + "1"},
	}
	for _, tc := range tests {
		d, err := parseNumber(tc.in)
		if err != nil {
			t.Fatalf("parseNumber(%q): %v", tc.in, err)
		}
		if got := d.String(); got != tc.want {
			t.Errorf("parseNumber(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"", ".", "1..2", "1e", "e5", "0x10", "1,5", " 1", "NaN", "Infinity", "1E-131", "1E+126"} {
		if _, err := parseNumber(bad); err == nil {
			t.Errorf("parseNumber(%q) accepted", bad)
		}
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

// TestCompareNumbers checks the integer fast path against the exact
// decimal comparison.
func TestCompareNumbers(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		a := strconv.FormatInt(r.Int64N(2000)-1000, 10)
		b := strconv.FormatInt(r.Int64N(2000)-1000, 10)
		if r.IntN(4) == 0 {
			b += ".5"
		}
		da, db := mustNumber(a), mustNumber(b)
		if got, want := compareNumbers(da.String(), db.String()), da.cmp(db); got != want {
			t.Fatalf("compareNumbers(%s, %s) = %d, want %d", a, b, got, want)
		}
	}
}

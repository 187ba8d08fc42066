package sfnlocal

import (
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		ok   bool
	}{
		{"order-1234567", true},
		{"Order_1.v2+x=y@z", true},
		{"zahlung-ü-日本", true},
		{strings.Repeat("a", 80), true},
		{strings.Repeat("ü", 80), true},
		{"", false},
		{strings.Repeat("a", 81), false},
		{"a b", false},
		{"a\tb", false},
		{"a\u00a0b", false},
		{"a\x7fb", false},
		{"a\u0085b", false},
		{"bad\xffutf8", false},
	}
	for _, c := range forbiddenNameChars {
		cases = append(cases, struct {
			name string
			ok   bool
		}{"x" + string(c) + "y", false})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := checkName(tc.name)
			if (err == nil) != tc.ok {
				t.Fatalf("checkName(%q) = %v, want ok=%t", tc.name, err, tc.ok)
			}
		})
	}
}

func TestForbiddenCharactersAreAWSs(t *testing.T) {
	t.Parallel()
	// The list in AWS's documentation, so an edit of the constant that
	// drops one shows up here.
	for _, c := range `<>{}[]?*"#%\^|~` + "`" + `$&,;:/` {
		if !strings.ContainsRune(forbiddenNameChars, c) {
			t.Errorf("%q is missing from forbiddenNameChars", c)
		}
	}
}

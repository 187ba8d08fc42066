package choice

import "testing"

func TestCompareStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "b", -1},
		{"b", "a", 1},
		{"abc", "abc", 0},
		{"ab", "abc", -1},
		{"", "a", -1},
		{"B", "a", -1},               // upper case sorts first, as in Java
		{"é", "z", 1},                // U+00E9 > U+007A
		{"\U0001F600", "\uFFFD", -1}, // surrogate D83D < FFFD in UTF-16, though Go's byte order says >
		{"\uE000", "\U00010000", 1},
		{"\U0001F600", "\U0001F601", -1},
	}
	for _, tt := range tests {
		if got := compareStrings(tt.a, tt.b); got != tt.want {
			t.Errorf("compareStrings(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPattern(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"*", "anything", true},
		{"", "", true},
		{"", "x", false},
		{"log-*.txt", "log-2024.txt", true},
		{"log-*.txt", "log-.txt", true},
		{"log-*.txt", "log-2024.txtx", false},
		{"*.txt", "a.txt.txt", true},
		{"a*a", "a", false},
		{"a*a", "aa", true},
		{"*a*b*c*", "xxaxxbxxcxx", true},
		{"*a*b*c*", "cba", false},
		{"a**b", "ab", true},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{`a\\*`, `a\xyz`, true},
		{`a\b`, `a\b`, true},
		{`trailing\`, `trailing\`, true},
	}
	for _, tt := range tests {
		if got := compilePattern(tt.pattern).match(tt.s); got != tt.want {
			t.Errorf("pattern %q match %q = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want bool
	}{
		{"2016-08-18T17:33:00Z", true},
		{"2016-08-18T17:33:00.123456789Z", true},
		{"2016-08-18T17:33:00+05:30", true},
		{"2016-08-18t17:33:00Z", false},
		{"2016-08-18T17:33:00z", false},
		{"2016-08-18 17:33:00Z", false},
		{"2016-08-18T17:33:00", false},
		{"2016-08-18", false},
		{"2016-13-18T17:33:00Z", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, got := parseTimestamp(tt.s); got != tt.want {
			t.Errorf("parseTimestamp(%q) ok = %v, want %v", tt.s, got, tt.want)
		}
	}
}

package awsproto_test

import (
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// The rules come from the SQS developer guide's "Message attribute
// components" (the SNS guide states the same for SNS message attributes).
func TestValidAttributeName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"letters digits and punctuation", "order_id-2.v1", true},
		{"256 characters", strings.Repeat("a", 256), true},
		{"empty", "", false},
		{"257 characters", strings.Repeat("a", 257), false},
		{"leading period", ".x", false},
		{"trailing period", "x.", false},
		{"two periods", "a..b", false},
		{"reserved AWS prefix", "AWS.TraceHeader", false},
		{"reserved prefix any case", "amazon.thing", false},
		{"space", "a b", false},
		{"non-ASCII letters", "attr.1øßä", true},
		{"symbol", "Invalid-§-attr", false},
		{"question mark", "Invalid-?-attr", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := awsproto.ValidAttributeName(tt.in); got != tt.want {
				t.Errorf("ValidAttributeName(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

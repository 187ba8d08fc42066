package sqslocal

import (
	"testing"
)

func TestMD5OfAttributes(t *testing.T) {
	t.Parallel()
	str := MessageAttribute{DataType: "String", StringValue: "attribValue 1"}
	num := MessageAttribute{DataType: "Number.float", StringValue: "4563442423554324324264524243.32543234"}
	bin := MessageAttribute{DataType: "Binary", BinaryValue: []byte("Hello binary world!")}
	// Expected digests are the ones AWS publishes for these attributes.
	tests := []struct {
		name  string
		attrs map[string]MessageAttribute
		want  string
	}{
		{"none", nil, ""},
		{"string", map[string]MessageAttribute{"attribName1": str}, "19e27d4e946b072f3f58da80d94fd778"},
		{"custom number type", map[string]MessageAttribute{"customNumberTypeAttrib": num}, "9fe1b90bbd9965bdf77bac517c7d2495"},
		{"binary", map[string]MessageAttribute{"binaryAttribute": bin}, "31a92b15d92f8db860eda32aceb656c3"},
		{"all three, sorted by name", map[string]MessageAttribute{"attribName1": str, "customNumberTypeAttrib": num, "binaryAttribute": bin}, "c932db14a896c663f83c260297d594ff"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := md5OfAttributes(tc.attrs); got != tc.want {
				t.Fatalf("md5OfAttributes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestValidBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want bool
	}{
		{"plain", true},
		{"tab\tnewline\ncr\r", true},
		{"emoji 💳", true},
		{"nul \x00", false},
		{"bell \x07", false},
		{"bad utf-8 \xff", false},
		{"replacement char \uFFFD is fine", true},
		{"non-character \uFFFE", false},
	}
	for _, tc := range tests {
		if got := validBody(tc.body); got != tc.want {
			t.Errorf("validBody(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}

package awsproto

import (
	"strings"
	"unicode"
)

// ValidAttributeName reports whether name may name a message attribute in
// SQS and SNS: 1 to 256 characters from letters and digits (not only
// ASCII: SQS takes "attr.1øßä" in LocalStack's AWS-validated
// test_send_message_with_invalid_string_attributes), '_', '-' and '.', not
// starting or ending with a period, without two periods in a row, and not
// starting with the reserved prefixes "AWS." or "Amazon." in any case.
func ValidAttributeName(name string) bool {
	if name == "" || len(name) > 256 || name[0] == '.' || name[len(name)-1] == '.' || strings.Contains(name, "..") {
		return false
	}
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "aws.") || strings.HasPrefix(lower, "amazon.") {
		return false
	}
	for _, r := range name {
		if !(r == '_' || r == '-' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

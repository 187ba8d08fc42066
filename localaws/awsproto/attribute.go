package awsproto

import "strings"

// ValidAttributeName reports whether name may name a message attribute in
// SQS and SNS: 1 to 256 characters from A-Z, a-z, 0-9, '_', '-' and '.',
// not starting or ending with a period, without two periods in a row, and
// not starting with the reserved prefixes "AWS." or "Amazon." in any case.
func ValidAttributeName(name string) bool {
	if name == "" || len(name) > 256 || name[0] == '.' || name[len(name)-1] == '.' || strings.Contains(name, "..") {
		return false
	}
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "aws.") || strings.HasPrefix(lower, "amazon.") {
		return false
	}
	for _, r := range name {
		if !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

package sfnlocal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameLength is the longest state machine or execution name, in
// characters.
const maxNameLength = 80

// forbiddenNameChars are the punctuation characters Step Functions refuses
// in names, besides whitespace and control characters.
const forbiddenNameChars = "<>{}[]?*\"#%\\^|~`$&,;:/"

// checkName applies Step Functions' naming rules to a state machine or
// execution name: 1 to 80 characters, none of them whitespace, brackets,
// wildcards, the listed special characters or control characters.
func checkName(name string) error {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > maxNameLength || !utf8.ValidString(name) {
		return errorf(codeInvalidName, "Invalid Name: '%s'", name)
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(forbiddenNameChars, r) {
			return errorf(codeInvalidName, "Invalid Name: '%s'", name)
		}
	}
	return nil
}

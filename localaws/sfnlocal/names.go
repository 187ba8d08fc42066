package sfnlocal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameLength is the longest state machine, execution or alias name, in
// characters.
const maxNameLength = 80

// forbiddenNameChars are the punctuation characters Step Functions refuses
// in names, besides whitespace and control characters.
const forbiddenNameChars = "<>{}[]?*\"#%\\^|~`$&,;:/"

// checkNameLength applies the API's length constraint on a name member. As
// on AWS, this check comes first and answers a ValidationException; the
// character rules come after and answer InvalidName.
func checkNameLength(member, name string) error {
	switch n := utf8.RuneCountInString(name); {
	case n < 1:
		return errorf(codeValidation, "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length greater than or equal to 1", name, member)
	case n > maxNameLength:
		return errorf(codeValidation, "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", name, member, maxNameLength)
	}
	return nil
}

// checkName applies Step Functions' naming rules to a state machine or
// execution name: 1 to 80 characters (a ValidationException otherwise),
// none of them whitespace, brackets, wildcards, the listed special
// characters or control characters (InvalidName).
func checkName(name string) error {
	if err := checkNameLength("name", name); err != nil {
		return err
	}
	if !utf8.ValidString(name) {
		return errorf(codeInvalidName, "Invalid Name: '%s'", name)
	}
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(forbiddenNameChars, r) {
			return errorf(codeInvalidName, "Invalid Name: '%s'", name)
		}
	}
	return nil
}

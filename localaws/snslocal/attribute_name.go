package snslocal

import "strings"

// maxAttributeNameBytes bounds a message attribute name.
const maxAttributeNameBytes = 256

// checkAttributeName applies SNS's rules on a message attribute name with
// the reason AWS gives for each (LocalStack's
// test_empty_or_wrong_message_attributes, too_long_name and invalid_name
// to invalid_name_4, recorded from AWS): letters, digits, hyphens,
// underscores and dots, no dot first, last or twice in a row. Names AWS
// reserves (AWS. and Amazon.) and the empty name keep a plain refusal.
func checkAttributeName(name string) error {
	if len(name) > maxAttributeNameBytes {
		return errorf(codeParameterInvalid, "Length of message attribute name must be less than 256 bytes.")
	}
	for _, r := range name {
		if !(r == '_' || r == '-' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return errorf(codeParameterInvalid, "Invalid non-alphanumeric character '#x%X' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.", r)
		}
	}
	switch {
	case strings.HasPrefix(name, "."):
		return errorf(codeParameterInvalid, "Invalid message attribute name starting with character '.' was found.")
	case strings.HasSuffix(name, "."):
		return errorf(codeParameterInvalid, "Invalid message attribute name ending with character '.' was found.")
	case strings.Contains(name, ".."):
		return errorf(codeParameterInvalid, "Message attribute name can not have successive '.' character.")
	}
	lower := strings.ToLower(name)
	if name == "" || strings.HasPrefix(lower, "aws.") || strings.HasPrefix(lower, "amazon.") {
		return errorf(codeParameterInvalid, "The message attribute name '%s' is invalid.", name)
	}
	return nil
}

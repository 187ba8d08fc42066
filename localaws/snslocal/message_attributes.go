package snslocal

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// maxMessageBytes is SNS's limit on a message and its attributes.
const maxMessageBytes = 256 * 1024

// maxMessageAttributes bounds attributes per message; SQS, the only
// protocol here, accepts at most 10.
const maxMessageAttributes = 10

// decodeMessageAttributes reads MessageAttributes.entry.N.Name and
// .Value.{DataType,StringValue,BinaryValue}. path names the attributes in
// the model's terms ("messageAttributes", or the batch entry's) for the
// refusal of an attribute without a DataType, which AWS answers as a model
// validation error (LocalStack's test_empty_or_wrong_message_attributes,
// fully_missing_data_type, recorded from AWS).
func decodeMessageAttributes(p params, path string) (map[string]MessageAttribute, error) {
	entries, err := p.members("MessageAttributes.entry")
	if err != nil {
		return nil, err
	}
	out := make(map[string]MessageAttribute, len(entries))
	for _, e := range entries {
		if !e.has("Value.DataType") {
			return nil, errorf(codeValidationError, "1 validation error detected: Value null at '%s.%s.member.dataType' failed to satisfy constraint: Member must not be null", path, e["Name"])
		}
		a := MessageAttribute{DataType: e["Value.DataType"], StringValue: e["Value.StringValue"]}
		if b, ok := e["Value.BinaryValue"]; ok {
			a.BinaryValue, err = base64.StdEncoding.DecodeString(b)
			if err != nil {
				return nil, errorf(codeParameterInvalid, "The message attribute '%s' has an invalid binary value.", e["Name"])
			}
		}
		out[e["Name"]] = a
	}
	return out, nil
}

// validateMessageAttributes applies SNS's rules on names, types and values.
func validateMessageAttributes(attrs map[string]MessageAttribute) error {
	if len(attrs) > maxMessageAttributes {
		return errorf(codeParameterInvalid, "Number of message attributes [%d] exceeds the allowed maximum [%d].", len(attrs), maxMessageAttributes)
	}
	for _, name := range sortedNames(attrs) {
		a := attrs[name]
		if err := checkAttributeName(name); err != nil {
			return err
		}
		base, custom, hasCustom := strings.Cut(a.DataType, ".")
		if base == "String" && strings.HasPrefix(custom, "Array") {
			base, hasCustom = "String.Array", false
		}
		if hasCustom && (custom == "" || len(a.DataType) > 256) {
			return errorf(codeParameterInvalid, "The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", name)
		}
		switch base {
		case "String", "Number", "String.Array":
			if a.StringValue == "" && len(a.BinaryValue) > 0 {
				return errorf(codeParameterInvalid, "The message attribute '%s' with type '%s' must use field 'String'.", name, a.DataType)
			}
			if a.StringValue == "" {
				return errorf(codeParameterInvalid, "The message attribute '%s' must contain non-empty message attribute value for message attribute type '%s'.", name, a.DataType)
			}
		case "Binary":
			if len(a.BinaryValue) == 0 && a.StringValue != "" {
				return errorf(codeParameterInvalid, "The message attribute '%s' with type '%s' must use field 'Binary'.", name, a.DataType)
			}
			if len(a.BinaryValue) == 0 {
				return errorf(codeParameterInvalid, "The message attribute '%s' must contain non-empty message attribute value for message attribute type '%s'.", name, a.DataType)
			}
		default:
			return errorf(codeParameterInvalid, "The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", name)
		}
		if base == "Number" {
			if _, err := strconv.ParseFloat(a.StringValue, 64); err != nil {
				return errorf(codeParameterInvalid, "Could not cast message attribute '%s' value to number.", name)
			}
		}
	}
	return nil
}

// messageSize counts a message and its attributes as SNS does.
func messageSize(message string, attrs map[string]MessageAttribute) int {
	n := len(message)
	for name, a := range attrs {
		n += len(name) + len(a.DataType) + len(a.StringValue) + len(a.BinaryValue)
	}
	return n
}

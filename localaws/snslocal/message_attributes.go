package snslocal

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// maxMessageBytes is SNS's limit on a message and its attributes.
const maxMessageBytes = 256 * 1024

// maxMessageAttributes bounds attributes per message; SQS, the only
// protocol here, accepts at most 10.
const maxMessageAttributes = 10

// decodeMessageAttributes reads MessageAttributes.entry.N.Name and
// .Value.{DataType,StringValue,BinaryValue} under prefix.
func decodeMessageAttributes(p params, prefix string) (map[string]MessageAttribute, error) {
	entries, err := p.members(prefix + "MessageAttributes.entry")
	if err != nil {
		return nil, err
	}
	out := make(map[string]MessageAttribute, len(entries))
	for _, e := range entries {
		a := MessageAttribute{DataType: e["Value.DataType"], StringValue: e["Value.StringValue"]}
		if b, ok := e["Value.BinaryValue"]; ok {
			a.BinaryValue, err = base64.StdEncoding.DecodeString(b)
			if err != nil {
				return nil, errorf(codeInvalidParameterVal, "The message attribute '%s' has an invalid binary value.", e["Name"])
			}
		}
		out[e["Name"]] = a
	}
	return out, nil
}

// validateMessageAttributes applies SNS's rules on names, types and values.
func validateMessageAttributes(attrs map[string]MessageAttribute) error {
	if len(attrs) > maxMessageAttributes {
		return errorf(codeInvalidParameterVal, "Number of message attributes [%d] exceeds the allowed maximum [%d].", len(attrs), maxMessageAttributes)
	}
	for _, name := range sortedNames(attrs) {
		a := attrs[name]
		if !awsproto.ValidAttributeName(name) {
			return errorf(codeInvalidParameterVal, "The message attribute name '%s' is invalid.", name)
		}
		base, custom, hasCustom := strings.Cut(a.DataType, ".")
		if base == "String" && strings.HasPrefix(custom, "Array") {
			base, hasCustom = "String.Array", false
		}
		if hasCustom && (custom == "" || len(a.DataType) > 256) {
			return errorf(codeInvalidParameterVal, "The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", name)
		}
		switch base {
		case "String", "Number", "String.Array":
			if a.StringValue == "" {
				return errorf(codeInvalidParameterVal, "The message attribute '%s' must contain non-empty message attribute value for message attribute type '%s'.", name, a.DataType)
			}
		case "Binary":
			if len(a.BinaryValue) == 0 {
				return errorf(codeInvalidParameterVal, "The message attribute '%s' must contain non-empty message attribute value for message attribute type '%s'.", name, a.DataType)
			}
		default:
			return errorf(codeInvalidParameterVal, "The message attribute '%s' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", name)
		}
		if base == "Number" {
			if _, err := strconv.ParseFloat(a.StringValue, 64); err != nil {
				return errorf(codeInvalidParameterVal, "Could not cast message attribute '%s' value to number.", name)
			}
		}
		if base == "String.Array" {
			var arr []any
			if err := json.Unmarshal([]byte(a.StringValue), &arr); err != nil {
				return errorf(codeInvalidParameterVal, "The message attribute '%s' with type 'String.Array' must be a JSON array.", name)
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

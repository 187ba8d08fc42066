package dynamolocal

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error codes as DynamoDB names them in the __type member.
const (
	codeConditionalCheckFailed = "ConditionalCheckFailedException"
	codeIdempotentMismatch     = "IdempotentParameterMismatchException"
	codeInternal               = "InternalServerError"
	codeResourceInUse          = "ResourceInUseException"
	codeResourceNotFound       = "ResourceNotFoundException"
	codeSerialization          = "SerializationException"
	codeTransactionCanceled    = "TransactionCanceledException"
	codeUnknownOperation       = "UnknownOperationException"
	codeValidation             = "ValidationException"
)

// namespaces are the prefixes DynamoDB puts before a code in __type; SDKs
// keep only what follows the '#'.
func namespaceOf(code string) string {
	switch code {
	case codeValidation:
		return "com.amazon.coral.validate#"
	case codeSerialization, codeUnknownOperation:
		return "com.amazon.coral.service#"
	}
	return "com.amazonaws.dynamodb.v20120810#"
}

// Error is a DynamoDB error as the client sees it: a code from AWS's list, a
// message in AWS's words and, for some codes, extra members.
type Error struct {
	// Code is the AWS error code, e.g. "ConditionalCheckFailedException".
	Code string
	// Message explains the failure.
	Message string
	// Item is the item a failed condition was checked against, returned
	// when ReturnValuesOnConditionCheckFailure is ALL_OLD.
	Item Item
	// Reasons are a cancelled transaction's per-action reasons.
	Reasons []CancellationReason
}

// CancellationReason says why one action of a transaction was cancelled;
// Code "None" marks an action that was not at fault.
type CancellationReason struct {
	// Code is the reason, e.g. "ConditionalCheckFailed" or "None".
	Code string
	// Message explains the reason; empty for "None".
	Message string
	// Item is the current item, returned when the action asked for it.
	Item Item
}

// Error formats the code and message.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func validation(format string, args ...any) *Error {
	return errorf(codeValidation, format, args...)
}

// invalidParam is the common "One or more parameter values were invalid"
// ValidationException.
func invalidParam(format string, args ...any) *Error {
	return validation("One or more parameter values were invalid: "+format, args...)
}

func tableNotFound() *Error {
	return errorf(codeResourceNotFound, "Requested resource not found")
}

type reasonWire struct {
	Code    string `json:"Code"`
	Message string `json:"Message,omitempty"`
	Item    Item   `json:"Item,omitempty"`
}

type errorWire struct {
	Type                string       `json:"__type"`
	Message             string       `json:"message"`
	Item                Item         `json:"Item,omitempty"`
	CancellationReasons []reasonWire `json:"CancellationReasons,omitempty"`
}

// wireError renders err in the AWS JSON error shape with its status. Errors
// that are not *Error become InternalServerError with status 500.
func wireError(err error) (int, []byte) {
	status := http.StatusBadRequest
	var derr *Error
	if !errors.As(err, &derr) {
		derr = &Error{Code: codeInternal, Message: "Internal server error"}
		status = http.StatusInternalServerError
	}
	w := errorWire{Type: namespaceOf(derr.Code) + derr.Code, Message: derr.Message, Item: derr.Item}
	for _, r := range derr.Reasons {
		w.CancellationReasons = append(w.CancellationReasons, reasonWire(r))
	}
	b, merr := json.Marshal(w)
	if merr != nil {
		return http.StatusInternalServerError, []byte(`{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`)
	}
	return status, b
}

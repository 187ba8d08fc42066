package sqslocal

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// Error is an SQS API error. Code is the error code as the JSON protocol
// names it (for example "QueueDoesNotExist"); the query protocol's older
// name for the same error is derived from it.
type Error struct {
	// Code is the JSON protocol's error code.
	Code string
	// Message is the human-readable explanation.
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Error codes as the JSON protocol names them.
const (
	CodeQueueDoesNotExist            = "QueueDoesNotExist"
	CodeQueueNameExists              = "QueueNameExists"
	CodeReceiptHandleIsInvalid       = "ReceiptHandleIsInvalid"
	CodeMessageNotInflight           = "MessageNotInflight"
	CodeTooManyEntriesInBatchRequest = "TooManyEntriesInBatchRequest"
	CodeBatchEntryIdsNotDistinct     = "BatchEntryIdsNotDistinct"
	CodeEmptyBatchRequest            = "EmptyBatchRequest"
	CodeInvalidBatchEntryID          = "InvalidBatchEntryId"
	CodeBatchRequestTooLong          = "BatchRequestTooLong"
	CodeInvalidAttributeName         = "InvalidAttributeName"
	CodeInvalidAttributeValue        = "InvalidAttributeValue"
	CodeInvalidMessageContents       = "InvalidMessageContents"
	CodeUnsupportedOperation         = "UnsupportedOperation"
	CodeInvalidParameterValue        = "InvalidParameterValue"
	CodeMissingParameter             = "MissingParameter"
	CodeInvalidAction                = "InvalidAction"
	CodeInvalidAddress               = "InvalidAddress"
	CodeSerialization                = "SerializationException"
	CodeInternalError                = "InternalError"
	CodeResourceNotFound             = "ResourceNotFoundException"
)

// queryCodes maps JSON error codes to the query protocol's names where the
// two differ. It is read-only after initialisation.
var queryCodes = map[string]string{
	CodeQueueDoesNotExist:            "AWS.SimpleQueueService.NonExistentQueue",
	CodeQueueNameExists:              "QueueAlreadyExists",
	CodeMessageNotInflight:           "AWS.SimpleQueueService.MessageNotInflight",
	CodeTooManyEntriesInBatchRequest: "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
	CodeBatchEntryIdsNotDistinct:     "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
	CodeEmptyBatchRequest:            "AWS.SimpleQueueService.EmptyBatchRequest",
	CodeInvalidBatchEntryID:          "AWS.SimpleQueueService.InvalidBatchEntryId",
	CodeBatchRequestTooLong:          "AWS.SimpleQueueService.BatchRequestTooLong",
	CodeUnsupportedOperation:         "AWS.SimpleQueueService.UnsupportedOperation",
}

// queryCode returns the query protocol's name for a JSON error code.
func queryCode(code string) string {
	if q, ok := queryCodes[code]; ok {
		return q
	}
	return code
}

// fault says who is to blame, as both protocols report it.
func (e *Error) fault() string {
	if e.Code == CodeInternalError {
		return "Receiver"
	}
	return "Sender"
}

// status is the HTTP status AWS answers the error with.
func (e *Error) status() int {
	switch e.Code {
	case CodeInternalError:
		return http.StatusInternalServerError
	case CodeResourceNotFound:
		return http.StatusNotFound
	}
	return http.StatusBadRequest
}

func newError(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

func errNoQueue() *Error {
	return newError(CodeQueueDoesNotExist, "The specified queue does not exist.")
}

func errMissing(param string) *Error {
	return newError(CodeMissingParameter, "The request must contain the parameter %s.", param)
}

func errInvalidParam(param, value, reason string) *Error {
	return newError(CodeInvalidParameterValue, "Value %s for parameter %s is invalid. Reason: %s", value, param, reason)
}

// asError turns any error into an *Error, hiding unexpected ones behind
// InternalError.
func asError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return newError(CodeInternalError, "We encountered an internal error. Please try again.")
}

func itoa(n int) string { return strconv.Itoa(n) }

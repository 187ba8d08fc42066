package sqslocal

import (
	"net/http"
	"strconv"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Error is an SQS API error: the endpoint's shared error type. Code is the
// error code as the JSON protocol names it (for example
// "QueueDoesNotExist"); the query protocol's older name for the same error
// is derived from it (queryCode).
type Error = awsproto.Error

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
	CodePurgeQueueInProgress         = "PurgeQueueInProgress"
	CodeQueueDeletedRecently         = "QueueDeletedRecently"
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
	CodePurgeQueueInProgress:         "AWS.SimpleQueueService.PurgeQueueInProgress",
	CodeQueueDeletedRecently:         "AWS.SimpleQueueService.QueueDeletedRecently",
}

// queryCode returns the query protocol's name for a JSON error code.
func queryCode(code string) string {
	if q, ok := queryCodes[code]; ok {
		return q
	}
	return code
}

// newError returns a client error answered with 400, or for the codes AWS
// answers otherwise, 404 (ResourceNotFoundException), 403
// (PurgeQueueInProgress, as LocalStack's AWS-recorded
// test_successive_purge_calls_fail shows) or 500 (InternalError, the
// service's fault).
func newError(code, format string, args ...any) *Error {
	switch code {
	case CodeInternalError:
		return awsproto.Internalf(code, format, args...)
	case CodeResourceNotFound:
		return awsproto.StatusErrorf(http.StatusNotFound, code, format, args...)
	case CodePurgeQueueInProgress:
		return awsproto.StatusErrorf(http.StatusForbidden, code, format, args...)
	}
	return awsproto.Errorf(code, format, args...)
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
	return awsproto.AsError(err, newError(CodeInternalError, "We encountered an internal error. Please try again."))
}

func itoa(n int) string { return strconv.Itoa(n) }

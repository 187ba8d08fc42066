package snslocal

import (
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Error codes as the SNS query protocol names them.
const (
	codeAuthorization       = "AuthorizationError"
	codeBatchIDsNotDistinct = "BatchEntryIdsNotDistinct"
	codeBatchTooLong        = "BatchRequestTooLong"
	codeEmptyBatch          = "EmptyBatchRequest"
	codeEndpointDisabled    = "EndpointDisabled"
	codeInternal            = "InternalError"
	codeInvalidAction       = "InvalidAction"
	codeInvalidBatchEntryID = "InvalidBatchEntryId"
	codeInvalidParameter    = "InvalidParameter"
	codeParameterInvalid    = "ParameterValueInvalid" // InvalidParameterValueException in the SDKs
	codeMissingAction       = "MissingAction"
	codeNotFound            = "NotFound"
	codeTooManyBatchEntries = "TooManyEntriesInBatchRequest"
	codeRequestEntityTooBig = "RequestEntityTooLarge"
	codeValidationError     = "ValidationError"
)

// Error is an SNS error as a client sees it: the endpoint's shared error
// type. Code is the AWS error code, e.g. "NotFound" or "InvalidParameter".
type Error = awsproto.Error

// errorf returns an SNS error with the HTTP status AWS answers its code
// with.
func errorf(code, format string, args ...any) *Error {
	switch code {
	case codeInternal:
		return awsproto.Internalf(code, format, args...)
	case codeNotFound:
		return awsproto.StatusErrorf(http.StatusNotFound, code, format, args...)
	case codeAuthorization:
		return awsproto.StatusErrorf(http.StatusForbidden, code, format, args...)
	case codeRequestEntityTooBig:
		return awsproto.StatusErrorf(http.StatusRequestEntityTooLarge, code, format, args...)
	}
	return awsproto.Errorf(code, format, args...)
}

// invalidParameter builds the common "Invalid parameter: X" error.
func invalidParameter(format string, args ...any) *Error {
	return awsproto.Errorf(codeInvalidParameter, "Invalid parameter: "+format, args...)
}

// queryProtocol is SNS's query protocol: XML in SNS's namespace.
func queryProtocol() awsproto.Query { return awsproto.Query{Namespace: xmlns} }

// writeError renders err as a query-protocol ErrorResponse. Errors that are
// not *Error become InternalError.
func writeError(w http.ResponseWriter, requestID string, err error) {
	queryProtocol().WriteError(w, requestID, awsproto.AsError(err, errorf(codeInternal, "internal error")))
}

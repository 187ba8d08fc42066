package snslocal

import (
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
)

// Error codes as the SNS query protocol names them.
const (
	codeAuthorization       = "AuthorizationError"
	codeBatchIDsNotDistinct = "BatchEntryIdsNotDistinct"
	codeBatchTooLong        = "BatchRequestTooLong"
	codeEmptyBatch          = "EmptyBatchRequest"
	codeFilterPolicyLimit   = "FilterPolicyLimitExceeded"
	codeInternal            = "InternalError"
	codeInvalidAction       = "InvalidAction"
	codeInvalidBatchEntryID = "InvalidBatchEntryId"
	codeInvalidParameter    = "InvalidParameter"
	codeInvalidParameterVal = "InvalidParameterValue"
	codeMissingAction       = "MissingAction"
	codeNotFound            = "NotFound"
	codeTooManyBatchEntries = "TooManyEntriesInBatchRequest"
	codeRequestEntityTooBig = "RequestEntityTooLarge"
)

// Error is an SNS error as a client sees it.
type Error struct {
	// Code is the AWS error code, e.g. "NotFound" or "InvalidParameter".
	Code string
	// Message explains the failure.
	Message string
}

// Error formats the code and message.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// invalidParameter builds the common "Invalid parameter: X" error.
func invalidParameter(format string, args ...any) *Error {
	return &Error{Code: codeInvalidParameter, Message: "Invalid parameter: " + fmt.Sprintf(format, args...)}
}

// status maps an error code to the HTTP status AWS answers it with.
func status(code string) int {
	switch code {
	case codeNotFound:
		return http.StatusNotFound
	case codeAuthorization:
		return http.StatusForbidden
	case codeInternal:
		return http.StatusInternalServerError
	case codeRequestEntityTooBig:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

type errorResponse struct {
	XMLName   xml.Name  `xml:"ErrorResponse"`
	Xmlns     string    `xml:"xmlns,attr"`
	Error     errorBody `xml:"Error"`
	RequestID string    `xml:"RequestId"`
}

type errorBody struct {
	Type    string `xml:"Type"`
	Code    string `xml:"Code"`
	Message string `xml:"Message"`
}

// writeError renders err as a query-protocol ErrorResponse. Errors that are
// not *Error become InternalError.
func writeError(w http.ResponseWriter, requestID string, err error) {
	var serr *Error
	if !errors.As(err, &serr) {
		serr = &Error{Code: codeInternal, Message: "internal error"}
	}
	fault := "Sender"
	if serr.Code == codeInternal {
		fault = "Receiver"
	}
	w.Header().Set("Content-Type", "text/xml")
	w.Header().Set("X-Amzn-RequestId", requestID)
	w.WriteHeader(status(serr.Code))
	_, _ = w.Write([]byte(xml.Header))
	_ = xml.NewEncoder(w).Encode(errorResponse{
		Xmlns:     xmlns,
		Error:     errorBody{Type: fault, Code: serr.Code, Message: serr.Message},
		RequestID: requestID,
	})
}

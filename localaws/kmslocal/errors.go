package kmslocal

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Error codes as AWS KMS names them in the __type member.
const (
	codeAlreadyExists     = "AlreadyExistsException"
	codeDisabled          = "DisabledException"
	codeIncorrectKey      = "IncorrectKeyException"
	codeInternal          = "KMSInternalException"
	codeInvalidAliasName  = "InvalidAliasNameException"
	codeInvalidArn        = "InvalidArnException"
	codeInvalidCiphertext = "InvalidCiphertextException"
	codeInvalidKeyUsage   = "InvalidKeyUsageException"
	codeInvalidMac        = "KMSInvalidMacException"
	codeInvalidState      = "KMSInvalidStateException"
	codeNotFound          = "NotFoundException"
	codeSerialization     = "SerializationException"
	codeUnknownOperation  = "UnknownOperationException"
	codeUnsupported       = "UnsupportedOperationException"
	codeValidation        = "ValidationException"
)

// Error is a KMS error as the client sees it: a code from AWS's list and a
// human-readable message.
type Error struct {
	// Code is the AWS error code, e.g. "NotFoundException".
	Code string
	// Message explains the failure.
	Message string
}

// Error formats the code and message.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// writeError renders err in the AWS JSON error shape. Errors that are not
// *Error become KMSInternalException with status 500.
func writeError(w http.ResponseWriter, err error) {
	status := http.StatusBadRequest
	var kerr *Error
	if !errors.As(err, &kerr) {
		kerr = &Error{Code: codeInternal, Message: "internal error"}
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-ErrorType", kerr.Code)
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{kerr.Code, kerr.Message})
}

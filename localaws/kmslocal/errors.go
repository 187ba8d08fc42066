package kmslocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// Error codes as AWS KMS names them in the __type member. AWS answers
// InvalidCiphertextException, KMSInvalidMacException and
// NotAuthorizedException with an empty message, and so does this KMS.
const (
	codeAlreadyExists        = "AlreadyExistsException"
	codeDisabled             = "DisabledException"
	codeIncorrectKey         = "IncorrectKeyException"
	codeIncorrectKeyMaterial = "IncorrectKeyMaterialException"
	codeInvalidImportToken   = "InvalidImportTokenException"
	codeExpiredImportToken   = "ExpiredImportTokenException"
	codeInternal             = "KMSInternalException"
	codeInvalidArn           = "InvalidArnException"
	codeInvalidCiphertext    = "InvalidCiphertextException"
	codeInvalidGrantID       = "InvalidGrantIdException"
	codeInvalidGrantToken    = "InvalidGrantTokenException"
	codeInvalidKeyUsage      = "InvalidKeyUsageException"
	codeInvalidMac           = "KMSInvalidMacException"
	codeInvalidSignature     = "KMSInvalidSignatureException"
	codeInvalidMarker        = "InvalidMarkerException"
	codeLimitExceeded        = "LimitExceededException"
	codeNotAuthorized        = "NotAuthorizedException"
	codeInvalidState         = "KMSInvalidStateException"
	codeNotFound             = "NotFoundException"
	codeSerialization        = "SerializationException"
	codeTag                  = "TagException"
	codeUnknownOperation     = "UnknownOperationException"
	codeUnsupported          = "UnsupportedOperationException"
	codeValidation           = "ValidationException"
)

// Error is a KMS error as the client sees it: a code from AWS's list and a
// human-readable message. It is the endpoint's shared error type.
type Error = awsproto.Error

func errorf(code, format string, args ...any) *Error {
	return awsproto.Errorf(code, format, args...)
}

// wire is KMS's flavour of AWS JSON 1.1: plain __type codes and the code in
// X-Amzn-ErrorType.
func wire() awsproto.JSON {
	return awsproto.JSON{Version: "1.1", ErrorTypeHeader: true}
}

// errInternal is what a client sees of an error that is not *Error:
// KMSInternalException with status 500.
func errInternal() *Error { return awsproto.Internalf(codeInternal, "internal error") }

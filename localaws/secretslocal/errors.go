package secretslocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// Error codes as Secrets Manager names them in the __type member.
const (
	codeAccessDenied      = "AccessDeniedException"
	codeInternal          = "InternalServiceError"
	codeInvalidParameter  = "InvalidParameterException"
	codeMalformedPolicy   = "MalformedPolicyDocumentException"
	codeInvalidRequest    = "InvalidRequestException"
	codeInvalidNextToken  = "InvalidNextTokenException"
	codeResourceExists    = "ResourceExistsException"
	codeResourceNotFound  = "ResourceNotFoundException"
	codeUnknownOperation  = "UnknownOperationException"
	codeValidation        = "ValidationException"
	msgSecretNotFound     = "Secrets Manager can't find the specified secret."
	msgMarkedForDeletion  = "You can't perform this operation on the secret because it was marked for deletion."
	msgScheduledDeletion  = "You can't create this secret because a secret with this name is already scheduled for deletion."
	msgStringAndBinary    = "You can't specify both a binary secret value and a string secret value in the same secret."
	msgForceWithRecovery  = "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."
	msgRecoveryWindowSize = "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)."
	msgInvalidName        = "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"
	msgTokenRequired      = "You must provide a ClientRequestToken value. We recommend a UUID-type value."
	msgStageNotOnVersion  = "You provided a VersionStage that is not associated to the provided VersionId."
)

// proto is how Secrets Manager answers on the wire: AWS JSON 1.1, the bare
// code in __type and in X-Amzn-ErrorType, and the message as "Message"
// (LocalStack's AWS-validated test_no_client_request_token records AWS's raw
// error body).
var proto = awsproto.JSON{Version: "1.1", ErrorTypeHeader: true, CapitalMessage: true}

// errInternal is what a client sees of a failure of the emulator itself.
func errInternal() *awsproto.Error {
	return awsproto.Internalf(codeInternal, "An error occurred on the server side.")
}

func errorf(code, format string, args ...any) *awsproto.Error {
	return awsproto.Errorf(code, format, args...)
}

// newError is an error with a fixed AWS message.
func newError(code, msg string) *awsproto.Error { return &awsproto.Error{Code: code, Message: msg} }

// errNotFound is the answer for a SecretId that names no secret.
func errNotFound() *awsproto.Error { return newError(codeResourceNotFound, msgSecretNotFound) }

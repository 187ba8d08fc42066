package sfnlocal

import (
	"errors"
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsproto"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// Error codes, as the service puts them in a response's __type.
const (
	codeActivityAlreadyExists        = "ActivityAlreadyExists"
	codeActivityDoesNotExist         = "ActivityDoesNotExist"
	codeConflict                     = "ConflictException"
	codeInvalidEncryptionConfig      = "InvalidEncryptionConfiguration"
	codeExecutionAlreadyExists       = "ExecutionAlreadyExists"
	codeExecutionDoesNotExist        = "ExecutionDoesNotExist"
	codeExecutionLimitExceeded       = "ExecutionLimitExceeded"
	codeExecutionNotRedrivable       = "ExecutionNotRedrivable"
	codeInvalidArn                   = "InvalidArn"
	codeInvalidDefinition            = "InvalidDefinition"
	codeInvalidExecutionInput        = "InvalidExecutionInput"
	codeInvalidName                  = "InvalidName"
	codeInvalidOutput                = "InvalidOutput"
	codeInvalidToken                 = "InvalidToken"
	codeMissingRequiredParameter     = "MissingRequiredParameter"
	codeResourceNotFound             = "ResourceNotFound"
	codeSerialization                = "SerializationException"
	codeServiceQuotaExceeded         = "ServiceQuotaExceededException"
	codeStateMachineAlreadyExists    = "StateMachineAlreadyExists"
	codeStateMachineDoesNotExist     = "StateMachineDoesNotExist"
	codeStateMachineTypeNotSupported = "StateMachineTypeNotSupported"
	codeTaskDoesNotExist             = "TaskDoesNotExist"
	codeTaskTimedOut                 = "TaskTimedOut"
	codeTooManyTags                  = "TooManyTags"
	codeUnknownOperation             = "UnknownOperationException"
	codeValidation                   = "ValidationException"
	codeInternal                     = "InternalFailure"
)

// wire is Step Functions' flavour of AWS JSON 1.0: plain __type codes and
// the code in X-Amzn-ErrorType.
func wire() awsproto.JSON {
	return awsproto.JSON{Version: "1.0", ErrorTypeHeader: true}
}

// errorf builds an API error with a formatted message.
func errorf(code, format string, args ...any) error {
	return awsproto.Errorf(code, format, args...)
}

// writeError is the one place an error becomes a response. API errors
// keep their code; the engine's task-token errors get the API's; anything
// else is a fault of this service and says so with a 500.
func writeError(w http.ResponseWriter, err error) {
	wire().WriteError(w, awsproto.NewRequestID(), classify(err))
}

// classify maps any error to the API error the client sees.
func classify(err error) *awsproto.Error {
	var api *awsproto.Error
	switch {
	case errors.As(err, &api):
		return api
	case errors.Is(err, asl.ErrInvalidToken):
		return awsproto.Errorf(codeInvalidToken, "Invalid Token: 'Invalid token'")
	case errors.Is(err, asl.ErrTaskTimedOut):
		return awsproto.Errorf(codeTaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'")
	case errors.Is(err, asl.ErrTaskDoesNotExist):
		return awsproto.Errorf(codeTaskDoesNotExist, "Task Does Not Exist: 'Provided task does not exist'")
	case errors.Is(err, asl.ErrInvalidOutput):
		return awsproto.Errorf(codeInvalidOutput, "Invalid Output: 'The output is not valid JSON'")
	}
	return awsproto.Internalf(codeInternal, "%s", err.Error())
}

// stateMachineMissing is AWS's answer for a state machine ARN that names
// nothing.
func stateMachineMissing(arn string) error {
	return errorf(codeStateMachineDoesNotExist, "State Machine Does Not Exist: '%s'", arn)
}

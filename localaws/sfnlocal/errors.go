package sfnlocal

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// Error codes, as the service puts them in a response's __type.
const (
	codeConflict                     = "ConflictException"
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

// apiError is an error the API reports to the client as it stands.
type apiError struct {
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

// errorf builds an apiError with a formatted message.
func errorf(code, format string, args ...any) error {
	return &apiError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON shape of an AWS JSON 1.0 error.
type errorBody struct {
	Type    string `json:"__type"`
	Message string `json:"message"`
}

// writeError is the one place an error becomes a response. API errors
// keep their code; the engine's task-token errors get the API's; anything
// else is a fault of this service and says so with a 500.
func writeError(w http.ResponseWriter, err error) {
	api := classify(err)
	status := http.StatusBadRequest
	if api.Code == codeInternal {
		status = http.StatusInternalServerError
	}
	w.Header().Set("X-Amzn-ErrorType", api.Code)
	writeJSON(w, status, errorBody{Type: api.Code, Message: api.Message})
}

// classify maps any error to the API error the client sees.
func classify(err error) *apiError {
	var api *apiError
	switch {
	case errors.As(err, &api):
		return api
	case errors.Is(err, asl.ErrInvalidToken):
		return &apiError{codeInvalidToken, "Invalid Token: 'Invalid token'"}
	case errors.Is(err, asl.ErrTaskTimedOut):
		return &apiError{codeTaskTimedOut, "Task Timed Out: 'Provided task does not exist anymore'"}
	case errors.Is(err, asl.ErrTaskDoesNotExist):
		return &apiError{codeTaskDoesNotExist, "Task Does Not Exist: 'Provided task does not exist'"}
	case errors.Is(err, asl.ErrInvalidOutput):
		return &apiError{codeInvalidOutput, "Invalid Output: 'The output is not valid JSON'"}
	}
	return &apiError{codeInternal, err.Error()}
}

package asl

import "strings"

// Error names defined by the Amazon States Language.
const (
	ErrNameAll                    = "States.ALL"
	ErrNameTimeout                = "States.Timeout"
	ErrNameHeartbeatTimeout       = "States.HeartbeatTimeout"
	ErrNameTaskFailed             = "States.TaskFailed"
	ErrNameRuntime                = "States.Runtime"
	ErrNameDataLimitExceeded      = "States.DataLimitExceeded"
	ErrNameNoChoiceMatched        = "States.NoChoiceMatched"
	ErrNameIntrinsicFailure       = "States.IntrinsicFailure"
	ErrNameBranchFailed           = "States.BranchFailed"
	ErrNameExceedToleratedFailure = "States.ExceedToleratedFailureThreshold"
	ErrNameParameterPathFailure   = "States.ParameterPathFailure"
	ErrNameResultPathMatchFailure = "States.ResultPathMatchFailure"
)

// ValidationError reports why a definition was rejected. Error reads like
// the message of Step Functions' InvalidDefinition exception; Diagnostics
// feed ValidateStateMachineDefinition.
type ValidationError struct {
	Diagnostics []Diagnostic
}

// Diagnostic is one problem found in a definition.
type Diagnostic struct {
	// Code is an AWS diagnostic code such as SCHEMA_VALIDATION_FAILED.
	Code string
	// Message describes the problem without its location.
	Message string
	// Location is a JSON pointer-like path such as /States/A/Next.
	Location string
}

// String renders the diagnostic the way AWS embeds it in error messages.
func (d Diagnostic) String() string {
	s := d.Code + ": " + d.Message
	if d.Location != "" {
		s += " at " + d.Location
	}
	return s
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		parts[i] = d.String()
	}
	return "Invalid State Machine Definition: '" + strings.Join(parts, ", ") + "'"
}

// failure is a runtime error travelling through a thread: a named error
// that Retry and Catch match on.
type failure struct {
	name  string
	cause string
	// located is set once a States.Runtime cause names the state it
	// happened in, so an enclosing Parallel or Map does not name itself
	// as well.
	located bool
	// field is the state field whose evaluation failed ("Output/result",
	// "Items"), for the EvaluationFailed event's location; "" if none.
	field string
	// reported is set once the EvaluationFailed event for a
	// States.QueryEvaluationError is recorded, so enclosing Map or
	// Parallel states do not record it again.
	reported bool
	// heartbeat marks a States.Timeout raised because no heartbeat came
	// in time: AWS reports it as States.Timeout (timeouts/test_heartbeats
	// in LocalStack's AWS-recorded snapshots), and a Retry or Catch naming
	// States.HeartbeatTimeout still matches it.
	heartbeat bool
	// answered marks a task failure as its resource or SendTaskFailure
	// gave it: an error or cause it left out is null in the error output
	// (callback/test_callback.snapshot.json,
	// TestCallback::test_sqs_failure_in_wait_for_task_tok_no_error_field).
	answered bool
}

// output is the error output a catcher receives: {"Error", "Cause"}.
func (f *failure) output() map[string]any {
	var name, cause any = f.name, f.cause
	if f.answered && f.name == "" {
		name = nil
	}
	if f.answered && f.cause == "" {
		cause = nil
	}
	return map[string]any{"Error": name, "Cause": cause}
}

// caughtBy reports whether an ErrorEquals list covers the failure.
func (f *failure) caughtBy(errorEquals []string) bool {
	if matches(errorEquals, f.name) {
		return true
	}
	return f.heartbeat && matches(errorEquals, ErrNameHeartbeatTimeout)
}

func fail(name, cause string) *failure { return &failure{name: name, cause: cause} }

// failAt is fail for an error in evaluating the state field field.
func failAt(name, field, cause string) *failure {
	return &failure{name: name, cause: cause, field: field}
}

// matches reports whether an ErrorEquals list covers the error name,
// following AWS's rules: States.ALL matches everything except the terminal
// errors States.Runtime and States.DataLimitExceeded; States.TaskFailed
// matches any error except States.Timeout (heartbeat timeouts included)
// and the terminal errors.
func matches(errorEquals []string, name string) bool {
	if name == ErrNameRuntime {
		return false
	}
	for _, want := range errorEquals {
		switch {
		case want == name:
			return true
		case want == ErrNameAll && name != ErrNameDataLimitExceeded:
			return true
		case want == ErrNameTaskFailed && !isTimeout(name) && name != ErrNameDataLimitExceeded:
			return true
		case want == ErrNameTimeout && name == ErrNameHeartbeatTimeout:
			return true
		}
	}
	return false
}

func isTimeout(name string) bool {
	return name == ErrNameTimeout || name == ErrNameHeartbeatTimeout
}

package asl

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// This file is the contract between the interpreter and its callers
// (localaws/sfnlocal, the local stack). Its names and signatures are fixed;
// implementations live in the other files of the package.

// Resource runs the service call of a Task state. The engine strips the
// ".waitForTaskToken" suffix before looking the resource up, calls it, and
// then waits for the token itself.
//
// To fail the task with a named error, return a *TaskFailure; any other
// error fails it as States.TaskFailed with the error text as cause.
type Resource func(ctx context.Context, call TaskCall) (json.RawMessage, error)

// Resources maps a resource ARN without integration suffix, such as
// "arn:aws:states:::sqs:sendMessage", to its implementation.
type Resources map[string]Resource

// TaskCall is one invocation of a Task state's resource.
type TaskCall struct {
	// Resource is the ARN as written in the definition, suffix included.
	Resource string
	// Parameters is the effective input after InputPath and Parameters.
	Parameters json.RawMessage
	// TaskToken is set for .waitForTaskToken integrations.
	TaskToken    string
	ExecutionArn string
	StateName    string
}

// TaskFailure is a task error with a name that Retry and Catch match on.
type TaskFailure struct {
	Name  string
	Cause string
}

func (f *TaskFailure) Error() string { return f.Name + ": " + f.Cause }

// Errors returned by the Send* methods of Engine, matching Step Functions'
// API error types.
var (
	ErrTaskDoesNotExist = errors.New("TaskDoesNotExist")
	ErrTaskTimedOut     = errors.New("TaskTimedOut")
	ErrInvalidToken     = errors.New("InvalidToken")
	ErrInvalidOutput    = errors.New("InvalidOutput")
	// ErrExecutionNotRunning is returned by Execution.Stop on a closed
	// execution.
	ErrExecutionNotRunning = errors.New("execution is not running")
)

// StartParams describes a new execution.
type StartParams struct {
	ExecutionArn     string
	Name             string
	StateMachineArn  string
	StateMachineName string
	RoleArn          string
	Input            json.RawMessage
	StartTime        time.Time
}

// Event is one history event, in the shape GetExecutionHistory returns:
// the API marshals Details under the key DetailsKey (for example
// "taskScheduledEventDetails").
type Event struct {
	ID              int64
	PreviousEventID int64
	Timestamp       time.Time
	Type            string // AWS HistoryEventType, e.g. "TaskStateEntered"
	DetailsKey      string
	Details         any
}

// Recorder receives an execution's events in order. It is called
// synchronously and must not block for long.
type Recorder interface {
	Record(Event)
}

// Outcome is how an execution ended.
type Outcome struct {
	Status   string // SUCCEEDED, FAILED, TIMED_OUT or ABORTED
	Output   json.RawMessage
	Error    string
	Cause    string
	StopTime time.Time
}

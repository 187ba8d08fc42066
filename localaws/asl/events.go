package asl

// The details types below marshal to the JSON shapes of Step Functions'
// GetExecutionHistory; Event.DetailsKey names the member they go under.

// DataDetails says whether a payload in an event was truncated. This
// engine never truncates.
type DataDetails struct {
	Truncated bool `json:"truncated"`
}

// ExecutionStartedEventDetails are the details of ExecutionStarted.
type ExecutionStartedEventDetails struct {
	Input        string      `json:"input"`
	InputDetails DataDetails `json:"inputDetails"`
	RoleArn      string      `json:"roleArn,omitempty"`
}

// ExecutionSucceededEventDetails are the details of ExecutionSucceeded.
type ExecutionSucceededEventDetails struct {
	Output        string      `json:"output"`
	OutputDetails DataDetails `json:"outputDetails"`
}

// FailureEventDetails carries an error and a cause: the details of
// ExecutionFailed, ExecutionAborted and ExecutionTimedOut.
type FailureEventDetails struct {
	Error string `json:"error,omitempty"`
	Cause string `json:"cause,omitempty"`
}

// StateEnteredEventDetails are the details of every *StateEntered event.
type StateEnteredEventDetails struct {
	Name         string      `json:"name"`
	Input        string      `json:"input"`
	InputDetails DataDetails `json:"inputDetails"`
}

// StateExitedEventDetails are the details of every *StateExited event.
// AssignedVariables holds, by name, the JSON text of each variable the
// state's Assign (or its catcher's) set; AWS reports them, with
// AssignedVariablesDetails, only when the state assigned some.
type StateExitedEventDetails struct {
	Name                     string            `json:"name"`
	Output                   string            `json:"output"`
	OutputDetails            DataDetails       `json:"outputDetails"`
	AssignedVariables        map[string]string `json:"assignedVariables,omitempty"`
	AssignedVariablesDetails *DataDetails      `json:"assignedVariablesDetails,omitempty"`
}

// exitedDetails builds a state's exit details, with the variables it
// assigned if any.
func exitedDetails(name, output string, assigned map[string]string) *StateExitedEventDetails {
	d := &StateExitedEventDetails{Name: name, Output: output}
	if assigned != nil {
		d.AssignedVariables = assigned
		d.AssignedVariablesDetails = &DataDetails{}
	}
	return d
}

// TaskScheduledEventDetails are the details of TaskScheduled.
type TaskScheduledEventDetails struct {
	ResourceType       string `json:"resourceType"`
	Resource           string `json:"resource"`
	Region             string `json:"region"`
	Parameters         string `json:"parameters"`
	TimeoutInSeconds   *int64 `json:"timeoutInSeconds,omitempty"`
	HeartbeatInSeconds *int64 `json:"heartbeatInSeconds,omitempty"`
}

// TaskStartedEventDetails are the details of TaskStarted.
type TaskStartedEventDetails struct {
	ResourceType string `json:"resourceType"`
	Resource     string `json:"resource"`
}

// TaskOutputEventDetails are the details of TaskSubmitted and
// TaskSucceeded.
type TaskOutputEventDetails struct {
	ResourceType  string      `json:"resourceType"`
	Resource      string      `json:"resource"`
	Output        string      `json:"output"`
	OutputDetails DataDetails `json:"outputDetails"`
}

// TaskFailureEventDetails are the details of TaskFailed and TaskTimedOut.
type TaskFailureEventDetails struct {
	ResourceType string `json:"resourceType"`
	Resource     string `json:"resource"`
	Error        string `json:"error,omitempty"`
	Cause        string `json:"cause,omitempty"`
}

// EvaluationFailedEventDetails are the details of EvaluationFailed, the
// event AWS records before a States.QueryEvaluationError fails a thread.
type EvaluationFailedEventDetails struct {
	Error    string `json:"error"`
	Cause    string `json:"cause"`
	Location string `json:"location,omitempty"`
	State    string `json:"state"`
}

// MapStateStartedEventDetails are the details of MapStateStarted.
type MapStateStartedEventDetails struct {
	Length int `json:"length"`
}

// MapIterationEventDetails are the details of the MapIteration* events.
type MapIterationEventDetails struct {
	Name  string `json:"name"`
	Index int    `json:"index"`
}

// History event types the engine records besides the per-state
// "<Type>StateEntered" and "<Type>StateExited".
const (
	EventExecutionStarted   = "ExecutionStarted"
	EventExecutionSucceeded = "ExecutionSucceeded"
	EventExecutionFailed    = "ExecutionFailed"
	EventExecutionAborted   = "ExecutionAborted"
	EventExecutionTimedOut  = "ExecutionTimedOut"
	EventEvaluationFailed   = "EvaluationFailed"
)

// Execution statuses reported in Outcome.Status.
const (
	StatusSucceeded = "SUCCEEDED"
	StatusFailed    = "FAILED"
	StatusTimedOut  = "TIMED_OUT"
	StatusAborted   = "ABORTED"
)

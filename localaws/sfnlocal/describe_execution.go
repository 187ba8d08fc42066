package sfnlocal

import "context"

type describeExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
}

// payloadDetails says whether a payload is included in a response.
type payloadDetails struct {
	Included bool `json:"included"`
}

type describeExecutionOutput struct {
	ExecutionArn           string          `json:"executionArn"`
	StateMachineArn        string          `json:"stateMachineArn"`
	StateMachineVersionArn string          `json:"stateMachineVersionArn,omitempty"`
	StateMachineAliasArn   string          `json:"stateMachineAliasArn,omitempty"`
	RedriveCount           int             `json:"redriveCount"`
	RedriveDate            *epochTime      `json:"redriveDate,omitempty"`
	RedriveStatus          string          `json:"redriveStatus"`
	RedriveStatusReason    string          `json:"redriveStatusReason,omitempty"`
	Name                   string          `json:"name"`
	Status                 string          `json:"status"`
	StartDate              *epochTime      `json:"startDate"`
	StopDate               *epochTime      `json:"stopDate,omitempty"`
	Input                  string          `json:"input"`
	InputDetails           payloadDetails  `json:"inputDetails"`
	Output                 *string         `json:"output,omitempty"`
	OutputDetails          *payloadDetails `json:"outputDetails,omitempty"`
	Error                  string          `json:"error,omitempty"`
	Cause                  string          `json:"cause,omitempty"`
}

// describeExecution reports an execution's status and, once it has ended,
// its output or its error and cause, and whether it can be redriven.
func (s *Service) describeExecution(ctx context.Context, in *describeExecutionInput) (*describeExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	x, err := s.storeOf(ctx).execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	now, redrive, reason := x.redriveStatus(s.clock.Now())
	out := &describeExecutionOutput{
		ExecutionArn:           x.arn,
		StateMachineArn:        x.machineArn,
		StateMachineVersionArn: x.versionArn,
		StateMachineAliasArn:   x.aliasArn,
		RedriveCount:           now.redriveCount,
		RedriveDate:            epoch(now.redriven),
		RedriveStatus:          redrive,
		RedriveStatusReason:    reason,
		Name:                   x.name,
		Status:                 now.status,
		StartDate:              epoch(x.started),
		StopDate:               epoch(now.stopped),
		Input:                  x.input,
		InputDetails:           payloadDetails{Included: true},
		Error:                  now.errName,
		Cause:                  now.cause,
	}
	if now.status == statusTimedOut {
		// AWS describes a timed-out execution without an error or cause
		// (LocalStack's AWS-validated test_timeouts.py::test_global_timeout);
		// its history's ExecutionTimedOut event carries them.
		out.Error, out.Cause = "", ""
	}
	if now.status == statusSucceeded {
		output := string(now.output)
		out.Output = &output
		out.OutputDetails = &payloadDetails{Included: true}
	}
	return out, nil
}

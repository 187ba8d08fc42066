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
	RedriveStatus          string          `json:"redriveStatus"`
	RedriveStatusReason    string          `json:"redriveStatusReason"`
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
// its output or its error and cause.
func (s *Service) describeExecution(ctx context.Context, in *describeExecutionInput) (*describeExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	x, err := s.storeOf(ctx).execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	now := x.snapshot()
	out := &describeExecutionOutput{
		ExecutionArn:           x.arn,
		StateMachineArn:        x.machineArn,
		StateMachineVersionArn: x.versionArn,
		StateMachineAliasArn:   x.aliasArn,
		RedriveStatus:          "NOT_REDRIVABLE",
		RedriveStatusReason:    notRedrivableReason(now.status),
		Name:                   x.name,
		Status:                 now.status,
		StartDate:              epoch(x.started),
		StopDate:               epoch(now.stopped),
		Input:                  x.input,
		InputDetails:           payloadDetails{Included: true},
		Error:                  now.errName,
		Cause:                  now.cause,
	}
	if now.status == statusSucceeded {
		output := string(now.output)
		out.Output = &output
		out.OutputDetails = &payloadDetails{Included: true}
	}
	return out, nil
}

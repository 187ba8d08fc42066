package sfnlocal

import "context"

type redriveExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	ClientToken  string `json:"clientToken"`
}

type redriveExecutionOutput struct {
	RedriveDate *epochTime `json:"redriveDate"`
}

// redriveExecution is refused: redriving restarts a failed execution from
// the state that failed, keeping the results of the states that succeeded,
// and the ASL engine (localaws/asl) has no way to resume an execution from
// a recorded point. Every execution therefore reports NOT_REDRIVABLE, and
// this action answers ExecutionNotRedrivable saying why.
func (s *Service) redriveExecution(ctx context.Context, in *redriveExecutionInput) (*redriveExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	if len(in.ClientToken) > 64 {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 64", in.ClientToken)
	}
	x, err := s.storeOf(ctx).execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	return nil, errorf(codeExecutionNotRedrivable, "Execution '%s' cannot be redriven: %s", x.arn, notRedrivableReason(x.snapshot().status))
}

// notRedrivableReason says why an execution in a status cannot be
// redriven: on AWS, only FAILED, TIMED_OUT and ABORTED executions can be;
// here, none can.
func notRedrivableReason(status string) string {
	switch status {
	case statusRunning, statusSucceeded:
		return "Execution is " + status + " and cannot be redriven"
	}
	return "This local endpoint does not redrive executions: its ASL engine cannot resume an execution from the state that failed"
}

package sfnlocal

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/payflow-dev/payflow/localaws/asl"
)

const (
	// maxErrorLength and maxCauseLength bound the error and cause members
	// of StopExecution and SendTaskFailure.
	maxErrorLength = 256
	maxCauseLength = 32768
)

type stopExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	Error        string `json:"error"`
	Cause        string `json:"cause"`
}

type stopExecutionOutput struct {
	StopDate *epochTime `json:"stopDate"`
}

// stopExecution aborts a running execution. Stopping one that has already
// ended changes nothing and reports when it ended.
func (s *Service) stopExecution(ctx context.Context, in *stopExecutionInput) (*stopExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	if err := checkErrorAndCause(in.Error, in.Cause); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	x, err := st.execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}

	x.mu.Lock()
	if x.status != statusRunning {
		stopped := x.stopped
		x.mu.Unlock()
		return &stopExecutionOutput{StopDate: epoch(stopped)}, nil
	}
	run := x.run
	if run == nil {
		// The engine has not handed back the run yet: launch applies the
		// stop as soon as it does.
		x.stopAsked = &stopRequest{errName: in.Error, cause: in.Cause}
	}
	x.mu.Unlock()

	if run != nil {
		err := run.Stop(in.Error, in.Cause)
		if errors.Is(err, asl.ErrExecutionNotRunning) {
			// It ended on its own while the request was on its way.
			return &stopExecutionOutput{StopDate: epoch(x.snapshot().stopped)}, nil
		}
		if err != nil {
			return nil, err
		}
	}
	now := s.clock.Now()
	if x.close(asl.Outcome{Status: statusAborted, Error: in.Error, Cause: in.Cause, StopTime: now}) {
		st.closed()
	}
	return &stopExecutionOutput{StopDate: epoch(x.snapshot().stopped)}, nil
}

// checkErrorAndCause applies the length limits on an error name and cause.
func checkErrorAndCause(errName, cause string) error {
	if utf8.RuneCountInString(errName) > maxErrorLength {
		return errorf(codeValidation, "1 validation error detected: Value at 'error' failed to satisfy constraint: Member must have length less than or equal to %d", maxErrorLength)
	}
	if utf8.RuneCountInString(cause) > maxCauseLength {
		return errorf(codeValidation, "1 validation error detected: Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to %d", maxCauseLength)
	}
	return nil
}

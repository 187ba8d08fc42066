package sfnlocal

import (
	"context"
	"errors"
	"time"

	"github.com/payflow-dev/payflow/localaws/asl"
)

type redriveExecutionInput struct {
	ExecutionArn string `json:"executionArn"`
	ClientToken  string `json:"clientToken"`
}

type redriveExecutionOutput struct {
	RedriveDate *epochTime `json:"redriveDate"`
}

// The limits of RedriveExecution, from its API reference: an execution
// can be redriven within 14 days of ending and until it has been open for
// a year; a client token makes the call idempotent for 15 minutes, and
// the latest 10 are remembered.
const (
	redrivePeriod    = 14 * 24 * time.Hour
	maxExecutionTime = 365 * 24 * time.Hour
	clientTokenTTL   = 15 * time.Minute
	keptClientTokens = 10
)

// redriveToken is a client token that redrove an execution, and when.
type redriveToken struct {
	token string
	date  time.Time
}

// redriveExecution resumes a Standard execution that failed, timed out or
// was aborted from the states it had not finished (the engine keeps the
// rest), with the same ARN, definition and input. A retry with a client
// token that redrove the execution in the last 15 minutes answers that
// redrive's date and does nothing more.
func (s *Service) redriveExecution(ctx context.Context, in *redriveExecutionInput) (*redriveExecutionOutput, error) {
	if err := checkExecutionArn(in.ExecutionArn); err != nil {
		return nil, err
	}
	if len(in.ClientToken) > 64 {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 64", in.ClientToken)
	}
	st := s.storeOf(ctx)
	x, err := st.execution(in.ExecutionArn)
	if err != nil {
		return nil, err
	}
	if !st.openOne() {
		return nil, errorf(codeExecutionLimitExceeded, "Execution Limit Exceeded: 'The maximum number of running executions has been reached'")
	}
	now := s.clock.Now()

	x.mu.Lock()
	if date, ok := x.tokenDateLocked(in.ClientToken, now); ok {
		x.mu.Unlock()
		st.closed()
		return &redriveExecutionOutput{RedriveDate: epoch(date)}, nil
	}
	if reason := x.notRedrivableLocked(now); reason != "" {
		x.mu.Unlock()
		st.closed()
		return nil, errorf(codeExecutionNotRedrivable, "Execution '%s' cannot be redriven: %s", x.arn, reason)
	}
	run, before := x.run, x.snapshotLocked()
	x.status, x.stopped, x.errName, x.cause, x.output = statusRunning, time.Time{}, "", "", nil
	x.redriveCount++
	x.redriven = now
	x.run = nil // a StopExecution meanwhile waits for handOver
	if in.ClientToken != "" {
		x.tokens = append(x.tokens, redriveToken{token: in.ClientToken, date: now})
		if len(x.tokens) > keptClientTokens {
			x.tokens = x.tokens[len(x.tokens)-keptClientTokens:]
		}
	}
	x.mu.Unlock()

	if _, err := run.Redrive(); err != nil {
		// The engine agreed above and nothing else redrives a RUNNING
		// execution, so this is not expected; if it happens, put the
		// execution back as it was, unless a stop has closed it meanwhile.
		x.mu.Lock()
		restore := x.status == statusRunning
		if restore {
			x.status, x.stopped, x.errName, x.cause, x.output = before.status, before.stopped, before.errName, before.cause, before.output
			x.redriveCount, x.redriven = before.redriveCount, before.redriven
		}
		x.mu.Unlock()
		x.handOver(run)
		if restore {
			st.closed()
		}
		return nil, errorf(codeExecutionNotRedrivable, "Execution '%s' cannot be redriven: %s", x.arn, engineReason(err))
	}
	x.handOver(run)
	return &redriveExecutionOutput{RedriveDate: epoch(now)}, nil
}

// tokenDateLocked returns the date of the redrive a client token made,
// if it made one in the last 15 minutes.
func (x *execution) tokenDateLocked(token string, now time.Time) (time.Time, bool) {
	if token == "" {
		return time.Time{}, false
	}
	for _, t := range x.tokens {
		if t.token == token && now.Sub(t.date) <= clientTokenTTL {
			return t.date, true
		}
	}
	return time.Time{}, false
}

// notRedrivableLocked says why the execution cannot be redriven now, in
// the words of DescribeExecution's redriveStatusReason, or "" if it can.
func (x *execution) notRedrivableLocked(now time.Time) string {
	switch {
	case x.status == statusRunning || x.status == statusSucceeded:
		return "Execution is " + x.status + " and cannot be redriven"
	case x.run == nil: // the engine has not handed the run back yet
		return "Execution is " + statusRunning + " and cannot be redriven"
	case now.Sub(x.started) > maxExecutionTime:
		return "Execution has exceeded the max execution time"
	case now.Sub(x.stopped) > redrivePeriod:
		return "Execution redrivable period exceeded"
	}
	if err := x.run.Redrivable(); err != nil {
		return engineReason(err)
	}
	return ""
}

// engineReason words the engine's refusal to redrive.
func engineReason(err error) string {
	switch {
	case errors.Is(err, asl.ErrHistoryFull):
		return "Execution history event limit exceeded"
	case errors.Is(err, asl.ErrExecutionSucceeded):
		return "Execution is " + statusSucceeded + " and cannot be redriven"
	}
	return "Execution is " + statusRunning + " and cannot be redriven"
}

// redriveStatus returns the execution's state and reports, as
// DescribeExecution does, whether it can be redriven now and, if not, why.
func (x *execution) redriveStatus(now time.Time) (snap snapshot, status, reason string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if reason := x.notRedrivableLocked(now); reason != "" {
		return x.snapshotLocked(), "NOT_REDRIVABLE", reason
	}
	return x.snapshotLocked(), "REDRIVABLE", ""
}

// openOne counts one more execution RUNNING, unless the quota is reached.
func (st *store) openOne() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.open >= maxOpenExecutions {
		return false
	}
	st.open++
	return true
}

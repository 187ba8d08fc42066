package sfnlocal

import (
	"context"
	"time"
)

type startSyncExecutionInput struct {
	StateMachineArn string  `json:"stateMachineArn"`
	Name            string  `json:"name"`
	Input           *string `json:"input"`
	TraceHeader     string  `json:"traceHeader"`
	IncludedData    string  `json:"includedData"`
}

// dataDetails says whether an input or output is in the answer.
type dataDetails struct {
	Included bool `json:"included"`
}

// billingDetails is what AWS would bill for the run: its duration rounded
// up to 100 ms and the smallest memory band, 64 MB.
type billingDetails struct {
	BilledMemoryUsedInMB         int64 `json:"billedMemoryUsedInMB"`
	BilledDurationInMilliseconds int64 `json:"billedDurationInMilliseconds"`
}

type startSyncExecutionOutput struct {
	ExecutionArn    string         `json:"executionArn"`
	StateMachineArn string         `json:"stateMachineArn"`
	Name            string         `json:"name"`
	StartDate       *epochTime     `json:"startDate"`
	StopDate        *epochTime     `json:"stopDate"`
	Status          string         `json:"status"`
	Error           string         `json:"error,omitempty"`
	Cause           string         `json:"cause,omitempty"`
	Input           *string        `json:"input,omitempty"`
	InputDetails    dataDetails    `json:"inputDetails"`
	Output          *string        `json:"output,omitempty"`
	OutputDetails   dataDetails    `json:"outputDetails"`
	BillingDetails  billingDetails `json:"billingDetails"`
}

// startSyncExecution runs an Express workflow to its end and answers with
// its result, as AWS's recorded answers show (LocalStack's AWS-validated
// test_start_sync_execution). A Standard state machine is refused. The SDKs
// send this action to a "sync-" host prefix, as they do TestState.
func (s *Service) startSyncExecution(ctx context.Context, in *startSyncExecutionInput) (*startSyncExecutionOutput, error) {
	if in.IncludedData != "" && in.IncludedData != "ALL_DATA" && in.IncludedData != "METADATA_ONLY" {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]", in.IncludedData)
	}
	name, input, err := startRequest(in.StateMachineArn, in.Name, in.Input)
	if err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	m, _, _, _, err := st.target(in.StateMachineArn)
	express := err == nil && m.kind == kindExpress
	st.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	if !express {
		return nil, errTypeNotSupported()
	}
	x, m, _, err := s.register(st, in.StateMachineArn, name, input)
	if err != nil {
		return nil, err
	}
	s.launch(st, x, m)
	select {
	case <-x.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return syncResult(x, in.IncludedData != "METADATA_ONLY"), nil
}

// syncResult is StartSyncExecution's answer for an ended execution.
func syncResult(x *execution, withData bool) *startSyncExecutionOutput {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := &startSyncExecutionOutput{
		ExecutionArn: x.arn, StateMachineArn: x.machineArn, Name: x.name,
		StartDate: epoch(x.started), StopDate: epoch(x.stopped), Status: x.status, Error: x.errName, Cause: x.cause,
		InputDetails: dataDetails{Included: withData}, OutputDetails: dataDetails{Included: withData},
		BillingDetails: billingDetails{BilledMemoryUsedInMB: 64, BilledDurationInMilliseconds: billed(x.stopped.Sub(x.started))},
	}
	if withData {
		input := x.input
		out.Input = &input
		if x.output != nil {
			output := string(x.output)
			out.Output = &output
		}
	}
	return out
}

// billed rounds a run's duration up to whole 100 ms, at least 100 ms.
func billed(d time.Duration) int64 {
	ms := (d.Milliseconds() + 99) / 100 * 100
	return max(ms, 100)
}

package sfnlocal

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl"
)

type testStateInput struct {
	Definition      string          `json:"definition"`
	RoleArn         string          `json:"roleArn"`
	Input           *string         `json:"input"`
	InspectionLevel string          `json:"inspectionLevel"`
	StateName       string          `json:"stateName"`
	Variables       *string         `json:"variables"`
	Context         *string         `json:"context"`
	Mock            json.RawMessage `json:"mock"`
}

// inspectionData is what DEBUG and TRACE add. The engine's public API
// shows a state's input, a Task's effective parameters and its raw result;
// the intermediate steps (after InputPath, ResultSelector, ResultPath) are
// not reported.
type inspectionData struct {
	Input           string `json:"input,omitempty"`
	AfterParameters string `json:"afterParameters,omitempty"`
	Result          string `json:"result,omitempty"`
}

type testStateOutput struct {
	Output         *string         `json:"output,omitempty"`
	Error          string          `json:"error,omitempty"`
	Cause          string          `json:"cause,omitempty"`
	InspectionData *inspectionData `json:"inspectionData,omitempty"`
	NextState      string          `json:"nextState,omitempty"`
	Status         string          `json:"status"`
}

// testState runs one state through the ASL engine, as the service's
// TestState does: the state runs once, Task states call their resource,
// and the answer says what it produced and which state would come next.
// Mocked results, variables, a supplied context object and callback or
// .sync integrations are refused, since the engine cannot take them.
func (s *Service) testState(ctx context.Context, in *testStateInput) (*testStateOutput, error) {
	if in.Definition == "" {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null")
	}
	switch in.InspectionLevel {
	case "", "INFO", "DEBUG", "TRACE":
	default:
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]", in.InspectionLevel)
	}
	if len(in.Mock) != 0 || in.Variables != nil || in.Context != nil {
		return nil, errorf(codeValidation, "This local endpoint's TestState does not take mock, variables or context")
	}
	input := "{}"
	if in.Input != nil {
		input = *in.Input
	}
	if err := checkPayload("input", input); err != nil {
		return nil, err
	}
	if !json.Valid([]byte(input)) {
		return nil, errorf(codeInvalidExecutionInput, "Invalid State Machine Execution Input: 'The input is not valid JSON'")
	}
	st, err := wrapState(in.Definition, in.StateName)
	if err != nil {
		return nil, err
	}
	if st.kind == "Task" {
		if in.RoleArn == "" {
			return nil, errorf(codeValidation, "RoleArn must be specified when testing a Task state")
		}
		if strings.Contains(in.Definition, ".waitForTaskToken") || strings.Contains(in.Definition, ":sync") {
			return nil, errorf(codeValidation, "This local endpoint's TestState does not run .waitForTaskToken or .sync integrations")
		}
	}
	machine, err := parseDefinition(string(st.machine))
	if err != nil {
		return nil, err
	}
	events, outcome, err := s.runOnce(ctx, machine, in.RoleArn, input)
	if err != nil {
		return nil, err
	}
	return st.report(events, outcome, in.InspectionLevel), nil
}

// runOnce runs a machine to its end and returns its history and outcome.
// A client that gives up stops the run.
func (s *Service) runOnce(ctx context.Context, machine *asl.Machine, roleArn, input string) ([]asl.Event, asl.Outcome, error) {
	sc := s.scopeOf(ctx)
	id := newUUID()
	var h history
	done := make(chan asl.Outcome, 1)
	run := s.engine.Start(machine, asl.StartParams{
		ExecutionArn:     "arn:" + sc.partition + ":states:" + sc.region + ":" + sc.account + ":express:" + testStateName + ":" + id,
		Name:             id,
		StateMachineArn:  sc.stateMachineArn(testStateName),
		StateMachineName: testStateName,
		RoleArn:          roleArn,
		Input:            json.RawMessage(input),
		StartTime:        s.clock.Now(),
	}, &h, func(o asl.Outcome) { done <- o })
	select {
	case o := <-done:
		events, _, _ := h.page(0, h.length(), false)
		return events, o, nil
	case <-ctx.Done():
		_ = run.Stop("States.Runtime", "the TestState request was cancelled") // it may have just ended
		return nil, asl.Outcome{}, ctx.Err()
	}
}

// report reads a run's history into TestState's answer.
func (st *stateUnderTest) report(events []asl.Event, o asl.Outcome, level string) *testStateOutput {
	var out testStateOutput
	var data inspectionData
	exited := false
	for _, e := range events {
		switch d := e.Details.(type) {
		case *asl.StateEnteredEventDetails:
			if d.Name == st.name && data.Input == "" {
				data.Input = d.Input
			} else if d.Name != st.name && exited && out.NextState == "" {
				out.NextState = d.Name
			}
		case *asl.StateExitedEventDetails:
			if d.Name == st.name {
				exited = true
				output := d.Output
				out.Output = &output
			}
		case *asl.TaskScheduledEventDetails:
			data.AfterParameters = d.Parameters
		case *asl.TaskOutputEventDetails:
			if e.Type == "TaskSucceeded" {
				data.Result = d.Output
			}
		case *asl.TaskFailureEventDetails:
			out.Error, out.Cause = d.Error, d.Cause
		case *asl.FailureEventDetails:
			if e.Type != "ExecutionFailed" && !exited {
				out.Error, out.Cause = d.Error, d.Cause
			}
		}
	}
	switch {
	case o.Status != statusSucceeded:
		out.Output, out.NextState = nil, ""
		out.Error, out.Cause = o.Error, o.Cause
		out.Status = "FAILED"
		for _, r := range st.retriers {
			if r.retries(o.Error) {
				out.Status = "RETRIABLE"
				break
			}
		}
	case out.Error != "":
		out.Status = "CAUGHT_ERROR"
	default:
		out.Status = "SUCCEEDED"
		out.Error, out.Cause = "", ""
		if out.Output == nil {
			output := string(o.Output)
			out.Output = &output
		}
	}
	if level == "DEBUG" || level == "TRACE" {
		out.InspectionData = &data
	}
	return &out
}

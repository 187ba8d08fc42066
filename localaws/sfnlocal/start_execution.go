package sfnlocal

import (
	"context"
	"encoding/json"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// maxPayloadBytes is the largest execution input or task output, 256 KiB.
const maxPayloadBytes = 256 << 10

type startExecutionInput struct {
	StateMachineArn string  `json:"stateMachineArn"`
	Name            string  `json:"name"`
	Input           *string `json:"input"`
}

type startExecutionOutput struct {
	ExecutionArn string     `json:"executionArn"`
	StartDate    *epochTime `json:"startDate"`
}

// startExecution starts an execution, idempotently as Standard workflows
// do: the same name and input while the first execution still runs returns
// that execution; any other reuse of a name fails.
func (s *Service) startExecution(_ context.Context, in *startExecutionInput) (*startExecutionOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	name := in.Name
	if name == "" {
		name = newUUID()
	}
	if err := checkName(name); err != nil {
		return nil, err
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

	x, m, existing, err := s.register(in.StateMachineArn, name, input)
	if err != nil {
		return nil, err
	}
	if !existing {
		s.launch(x, m)
	}
	return &startExecutionOutput{ExecutionArn: x.arn, StartDate: epoch(x.started)}, nil
}

// register records a new RUNNING execution, or returns the running one a
// retried start with the same name and input refers to.
func (s *Service) register(machineArn, name, input string) (*execution, *stateMachine, bool, error) {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	m, ok := s.store.machines[machineArn]
	if !ok {
		return nil, nil, false, errorf(codeStateMachineDoesNotExist, "State Machine Does Not Exist: '%s'", machineArn)
	}
	arn := s.executionArn(m.name, name)
	if old, ok := s.store.executions[arn]; ok {
		if old.input == input && old.snapshot().status == statusRunning {
			return old, m, true, nil
		}
		return nil, nil, false, errorf(codeExecutionAlreadyExists, "Execution Already Exists: '%s'", arn)
	}
	if s.store.open >= maxOpenExecutions {
		return nil, nil, false, errorf(codeExecutionLimitExceeded, "Execution Limit Exceeded: 'The maximum number of running executions has been reached'")
	}
	x := &execution{
		arn:        arn,
		name:       name,
		machineArn: m.arn,
		input:      input,
		started:    s.clock.Now(),
		status:     statusRunning,
	}
	s.store.executions[arn] = x
	m.executions = append(m.executions, x)
	s.store.open++
	return x, m, false, nil
}

// launch hands a registered execution to the engine. No lock is held while
// the engine starts, since it may record events or even finish at once.
func (s *Service) launch(x *execution, m *stateMachine) {
	s.store.mu.RLock()
	machine, role := m.machine, m.roleArn
	s.store.mu.RUnlock()
	run := s.engine.Start(machine, asl.StartParams{
		ExecutionArn:     x.arn,
		Name:             x.name,
		StateMachineArn:  m.arn,
		StateMachineName: m.name,
		RoleArn:          role,
		Input:            json.RawMessage(x.input),
		StartTime:        x.started,
	}, &x.history, func(o asl.Outcome) {
		if o.StopTime.IsZero() {
			o.StopTime = s.clock.Now()
		}
		if x.close(o) {
			s.store.closed()
		}
	})

	x.mu.Lock()
	stop := x.stopAsked
	if x.status == statusRunning {
		x.run = run
	}
	x.mu.Unlock()
	if stop != nil {
		_ = run.Stop(stop.errName, stop.cause) // already recorded as ABORTED; a finished run has nothing to stop
	}
}

// checkPayload applies the 256 KiB limit on inputs and outputs.
func checkPayload(member, payload string) error {
	if len(payload) > maxPayloadBytes {
		return errorf(codeValidation, "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", member, maxPayloadBytes)
	}
	return nil
}

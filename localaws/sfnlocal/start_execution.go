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

// startExecution starts an execution of a state machine's current
// revision, of a version, or of the version an alias picks. It is
// idempotent as Standard workflows are: the same name and input while the
// first execution still runs returns that execution; any other reuse of a
// name fails.
func (s *Service) startExecution(ctx context.Context, in *startExecutionInput) (*startExecutionOutput, error) {
	name, input, err := startRequest(in.StateMachineArn, in.Name, in.Input)
	if err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	x, m, existing, err := s.register(st, in.StateMachineArn, name, input)
	if err != nil {
		return nil, err
	}
	if !existing {
		s.launch(st, x, m)
	}
	return &startExecutionOutput{ExecutionArn: x.arn, StartDate: epoch(x.started)}, nil
}

// startRequest checks what StartExecution and StartSyncExecution are
// given: the state machine ARN, the name (a new UUID when there is none)
// and the input ("{}" when there is none), which it returns.
func startRequest(machineArn, name string, input *string) (string, string, error) {
	if err := checkStateMachineArn(machineArn); err != nil {
		return "", "", err
	}
	if name == "" {
		name = newUUID()
	}
	if err := checkName(name); err != nil {
		return "", "", err
	}
	in := "{}"
	if input != nil {
		in = *input
	}
	if err := checkPayload("input", in); err != nil {
		return "", "", err
	}
	if err := checkExecutionInput(in); err != nil {
		return "", "", err
	}
	return name, in, nil
}

// target resolves what StartExecution names: a state machine (its current
// revision), a version, or an alias (the version it picks). The caller
// holds the store's lock.
func (st *store) target(arn string) (m *stateMachine, rev *revision, versionArn, aliasArn string, err error) {
	if m, ok := st.machines[arn]; ok {
		return m, m.cur, "", "", nil
	}
	notFound := stateMachineMissing(arn)
	if _, q, ok := splitQualified(arn); ok && !isVersionNumber(q) {
		_, a, ok := st.aliasOf(arn)
		if !ok {
			return nil, nil, "", "", notFound
		}
		arn, aliasArn = a.pick(), arn
	}
	m, v, ok := st.version(arn)
	if !ok || v == nil {
		return nil, nil, "", "", notFound
	}
	return m, v.rev, v.arn, aliasArn, nil
}

// register records a new RUNNING execution, or returns the running one a
// retried start with the same name and input refers to.
func (s *Service) register(st *store, targetArn, name, input string) (*execution, *stateMachine, bool, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	m, rev, versionArn, aliasArn, err := st.target(targetArn)
	if err != nil {
		return nil, nil, false, err
	}
	if m.kind == kindExpress {
		return s.newExpress(st, m, rev, versionArn, aliasArn, name, input)
	}
	arn := executionArnOf(m.arn, name)
	if old, ok := st.executions[arn]; ok {
		if old.input == input && old.snapshot().status == statusRunning {
			return old, m, true, nil
		}
		return nil, nil, false, errorf(codeExecutionAlreadyExists, "Execution Already Exists: '%s'", arn)
	}
	if st.open >= maxOpenExecutions {
		return nil, nil, false, errorf(codeExecutionLimitExceeded, "Execution Limit Exceeded: 'The maximum number of running executions has been reached'")
	}
	x := &execution{
		arn:        arn,
		name:       name,
		machineArn: m.arn,
		versionArn: versionArn,
		aliasArn:   aliasArn,
		rev:        rev,
		input:      input,
		started:    s.clock.Now(),
		status:     statusRunning,
	}
	st.executions[arn] = x
	m.executions = append(m.executions, x)
	st.open++
	return x, m, false, nil
}

// launch hands a registered execution to the engine. No lock is held while
// the engine starts, since it may record events or even finish at once.
func (s *Service) launch(st *store, x *execution, m *stateMachine) {
	run := s.engine.Start(x.rev.machine, asl.StartParams{
		ExecutionArn:     x.arn,
		Name:             x.name,
		StateMachineArn:  m.arn,
		StateMachineName: m.name,
		RoleArn:          x.rev.roleArn,
		Input:            json.RawMessage(x.input),
		StartTime:        x.started,
	}, &x.history, func(o asl.Outcome) {
		if o.StopTime.IsZero() {
			o.StopTime = s.clock.Now()
		}
		if x.close(o) {
			st.closed()
			if x.done != nil {
				close(x.done)
			}
		}
	})

	x.handOver(run)
}

// handOver records the engine's handle for a started or redriven run and
// applies a StopExecution that came while it was being handed over.
func (x *execution) handOver(run *asl.Execution) {
	x.mu.Lock()
	stop := x.stopAsked
	x.stopAsked = nil
	x.run = run
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

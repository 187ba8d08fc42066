package sfnlocal

import "context"

type deleteStateMachineInput struct {
	StateMachineArn string `json:"stateMachineArn"`
}

type deleteStateMachineOutput struct{}

// deleteStateMachine removes a state machine, its versions, its aliases
// and its executions from the API. Executions still running go on in the
// engine until they end, as on the service, and their task tokens keep
// working; they are just no longer listed. Deleting an unknown machine
// succeeds, as it does on AWS.
func (s *Service) deleteStateMachine(ctx context.Context, in *deleteStateMachineInput) (*deleteStateMachineOutput, error) {
	if err := checkStateMachineArn(in.StateMachineArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, ok := st.machines[in.StateMachineArn]
	if !ok {
		return &deleteStateMachineOutput{}, nil
	}
	delete(st.machines, m.arn)
	for _, x := range m.executions {
		delete(st.executions, x.arn)
	}
	return &deleteStateMachineOutput{}, nil
}

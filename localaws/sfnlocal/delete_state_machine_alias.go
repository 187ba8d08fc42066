package sfnlocal

import "context"

type deleteStateMachineAliasInput struct {
	StateMachineAliasArn string `json:"stateMachineAliasArn"`
}

type deleteStateMachineAliasOutput struct{}

// deleteStateMachineAlias removes an alias. Deleting one that does not
// exist succeeds, as it does on the service; executions started through
// the alias carry on and keep its ARN.
func (s *Service) deleteStateMachineAlias(ctx context.Context, in *deleteStateMachineAliasInput) (*deleteStateMachineAliasOutput, error) {
	if err := checkAliasArn(in.StateMachineAliasArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	if m, a, ok := st.aliasOf(in.StateMachineAliasArn); ok {
		delete(m.aliases, a.name)
	}
	return &deleteStateMachineAliasOutput{}, nil
}

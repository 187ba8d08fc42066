package sfnlocal

import "context"

type describeStateMachineAliasInput struct {
	StateMachineAliasArn string `json:"stateMachineAliasArn"`
}

type describeStateMachineAliasOutput struct {
	StateMachineAliasArn string     `json:"stateMachineAliasArn"`
	Name                 string     `json:"name"`
	Description          string     `json:"description,omitempty"`
	RoutingConfiguration []route    `json:"routingConfiguration"`
	CreationDate         *epochTime `json:"creationDate"`
	UpdateDate           *epochTime `json:"updateDate"`
}

// describeStateMachineAlias reports an alias's routing.
func (s *Service) describeStateMachineAlias(ctx context.Context, in *describeStateMachineAliasInput) (*describeStateMachineAliasOutput, error) {
	if err := checkAliasArn(in.StateMachineAliasArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	defer st.mu.RUnlock()
	_, a, ok := st.aliasOf(in.StateMachineAliasArn)
	if !ok {
		return nil, errorf(codeResourceNotFound, "Request references a resource that does not exist.")
	}
	return &describeStateMachineAliasOutput{
		StateMachineAliasArn: a.arn,
		Name:                 a.name,
		Description:          a.description,
		RoutingConfiguration: append([]route(nil), a.routing...),
		CreationDate:         epoch(a.created),
		UpdateDate:           epoch(a.updated),
	}, nil
}

// checkAliasArn validates an alias ARN from a request.
func checkAliasArn(arn string) error {
	if _, err := arnParts(arn, "stateMachineAliasArn", "stateMachine", 2, 2); err != nil {
		return err
	}
	if _, q, _ := splitQualified(arn); isVersionNumber(q) {
		return errorf(codeInvalidArn, "Invalid Arn: 'Invalid alias ARN: %s'", arn)
	}
	return nil
}

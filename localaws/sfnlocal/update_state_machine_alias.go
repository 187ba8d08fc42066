package sfnlocal

import "context"

type updateStateMachineAliasInput struct {
	StateMachineAliasArn string  `json:"stateMachineAliasArn"`
	Description          *string `json:"description"`
	RoutingConfiguration []route `json:"routingConfiguration"`
}

type updateStateMachineAliasOutput struct {
	UpdateDate *epochTime `json:"updateDate"`
}

// updateStateMachineAlias changes an alias's description or routing. New
// routing must stay within the alias's own state machine.
func (s *Service) updateStateMachineAlias(ctx context.Context, in *updateStateMachineAliasInput) (*updateStateMachineAliasOutput, error) {
	if err := checkAliasArn(in.StateMachineAliasArn); err != nil {
		return nil, err
	}
	if in.Description == nil && in.RoutingConfiguration == nil {
		return nil, errorf(codeValidation, "Either the description or the routingConfiguration must be specified: the update needs at least one of them")
	}
	if err := checkAliasDescription(in.Description); err != nil {
		return nil, err
	}
	base := ""
	if in.RoutingConfiguration != nil {
		var err error
		if base, err = checkRouting(in.RoutingConfiguration); err != nil {
			return nil, err
		}
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, a, ok := st.aliasOf(in.StateMachineAliasArn)
	if !ok {
		return nil, errorf(codeResourceNotFound, "Request references a resource that does not exist.")
	}
	if in.RoutingConfiguration != nil {
		if base != m.arn {
			return nil, errorf(codeValidation, "Routing configuration must contain state machine version ARNs of the alias's own state machine. Received: [%s]", base)
		}
		if err := st.checkVersionsExist(in.RoutingConfiguration); err != nil {
			return nil, err
		}
		a.routing = append([]route(nil), in.RoutingConfiguration...)
	}
	if in.Description != nil {
		a.description = *in.Description
	}
	a.updated = s.clock.Now()
	return &updateStateMachineAliasOutput{UpdateDate: epoch(a.updated)}, nil
}

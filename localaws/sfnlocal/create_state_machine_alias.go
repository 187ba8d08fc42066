package sfnlocal

import "context"

type createStateMachineAliasInput struct {
	Name                 string  `json:"name"`
	Description          *string `json:"description"`
	RoutingConfiguration []route `json:"routingConfiguration"`
}

type createStateMachineAliasOutput struct {
	StateMachineAliasArn string     `json:"stateMachineAliasArn"`
	CreationDate         *epochTime `json:"creationDate"`
}

// createStateMachineAlias names one or two versions of a state machine.
// It is idempotent on name, description and routing, as on the service;
// the same name with anything else different is a conflict.
func (s *Service) createStateMachineAlias(ctx context.Context, in *createStateMachineAliasInput) (*createStateMachineAliasOutput, error) {
	if err := checkAliasName(in.Name); err != nil {
		return nil, err
	}
	if err := checkAliasDescription(in.Description); err != nil {
		return nil, err
	}
	base, err := checkRouting(in.RoutingConfiguration)
	if err != nil {
		return nil, err
	}
	description := ""
	if in.Description != nil {
		description = *in.Description
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, ok := st.machines[base]
	if !ok {
		return nil, errorf(codeResourceNotFound, "Request references a resource that does not exist.")
	}
	if err := st.checkVersionsExist(in.RoutingConfiguration); err != nil {
		return nil, err
	}
	if old, ok := m.aliases[in.Name]; ok {
		if old.description != description || !sameRouting(old.routing, in.RoutingConfiguration) {
			return nil, errorf(codeConflict, "Failed to create alias because an alias with the same name and a different routing configuration already exists.")
		}
		return &createStateMachineAliasOutput{StateMachineAliasArn: old.arn, CreationDate: epoch(old.created)}, nil
	}
	if len(m.aliases) >= maxAliases {
		return nil, errorf(codeServiceQuotaExceeded, "Maximum number of aliases (%d) reached for state machine '%s'", maxAliases, m.arn)
	}
	now := s.clock.Now()
	a := &alias{
		arn:         m.arn + ":" + in.Name,
		name:        in.Name,
		description: description,
		routing:     append([]route(nil), in.RoutingConfiguration...),
		created:     now,
		updated:     now,
	}
	m.aliases[in.Name] = a
	return &createStateMachineAliasOutput{StateMachineAliasArn: a.arn, CreationDate: epoch(now)}, nil
}

// checkAliasDescription applies the length limit on a description.
func checkAliasDescription(d *string) error {
	if d != nil && len(*d) > 256 {
		return errorf(codeValidation, "1 validation error detected: Value '%s' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256", *d)
	}
	return nil
}

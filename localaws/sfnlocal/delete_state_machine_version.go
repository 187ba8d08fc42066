package sfnlocal

import (
	"context"
	"slices"
	"strings"
)

type deleteStateMachineVersionInput struct {
	StateMachineVersionArn string `json:"stateMachineVersionArn"`
}

type deleteStateMachineVersionOutput struct{}

// deleteStateMachineVersion removes a version that no alias routes to.
// Deleting a version that does not exist succeeds, as on the service;
// executions already running on the version carry on.
func (s *Service) deleteStateMachineVersion(ctx context.Context, in *deleteStateMachineVersionInput) (*deleteStateMachineVersionOutput, error) {
	if _, err := arnParts(in.StateMachineVersionArn, "stateMachineVersionArn", "stateMachine", 2, 2); err != nil {
		return nil, err
	}
	if _, q, _ := splitQualified(in.StateMachineVersionArn); !isVersionNumber(q) {
		return nil, errorf(codeInvalidArn, "Invalid Arn: 'Invalid version ARN: %s'", in.StateMachineVersionArn)
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	m, v, ok := st.version(in.StateMachineVersionArn)
	if !ok {
		return &deleteStateMachineVersionOutput{}, nil
	}
	var referencing []string
	for _, a := range m.aliases {
		if a.routesTo(v.arn) {
			referencing = append(referencing, a.name)
		}
	}
	if len(referencing) > 0 {
		slices.Sort(referencing)
		return nil, errorf(codeConflict, "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [%s]", strings.Join(referencing, ", "))
	}
	m.versions = slices.DeleteFunc(m.versions, func(x *version) bool { return x == v })
	return &deleteStateMachineVersionOutput{}, nil
}

package sfnlocal

import (
	"context"
	"slices"
	"strings"
)

type listStateMachinesInput struct {
	MaxResults int    `json:"maxResults"`
	NextToken  string `json:"nextToken"`
}

type stateMachineListItem struct {
	StateMachineArn string     `json:"stateMachineArn"`
	Name            string     `json:"name"`
	Type            string     `json:"type"`
	CreationDate    *epochTime `json:"creationDate"`
}

type listStateMachinesOutput struct {
	StateMachines []stateMachineListItem `json:"stateMachines"`
	NextToken     string                 `json:"nextToken,omitempty"`
}

// listStateMachinesScope ties ListStateMachines tokens to that action.
const listStateMachinesScope = "ListStateMachines"

// listStateMachines pages through the state machines in name order. A
// token remembers the last name returned, so machines created or deleted
// between pages never make a page repeat or skip the others.
func (s *Service) listStateMachines(ctx context.Context, in *listStateMachinesInput) (*listStateMachinesOutput, error) {
	n, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	tok, _, err := decodeToken(in.NextToken, listStateMachinesScope)
	if err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	all := make([]*stateMachine, 0, len(st.machines))
	for _, m := range st.machines {
		if m.name > tok.Key {
			all = append(all, m)
		}
	}
	st.mu.RUnlock()
	slices.SortFunc(all, func(a, b *stateMachine) int { return strings.Compare(a.name, b.name) })

	out := &listStateMachinesOutput{StateMachines: []stateMachineListItem{}}
	for _, m := range all[:min(n, len(all))] {
		out.StateMachines = append(out.StateMachines, stateMachineListItem{
			StateMachineArn: m.arn, Name: m.name, Type: m.kind, CreationDate: epoch(m.created),
		})
	}
	if len(all) > n {
		out.NextToken = pageToken{Scope: listStateMachinesScope, Key: all[n-1].name}.encode()
	}
	return out, nil
}

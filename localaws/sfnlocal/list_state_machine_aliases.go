package sfnlocal

import (
	"context"
	"slices"
	"strings"
)

type listStateMachineAliasesInput struct {
	StateMachineArn string `json:"stateMachineArn"`
	MaxResults      int    `json:"maxResults"`
	NextToken       string `json:"nextToken"`
}

type stateMachineAliasItem struct {
	StateMachineAliasArn string     `json:"stateMachineAliasArn"`
	CreationDate         *epochTime `json:"creationDate"`
}

type listStateMachineAliasesOutput struct {
	StateMachineAliases []stateMachineAliasItem `json:"stateMachineAliases"`
	NextToken           string                  `json:"nextToken,omitempty"`
}

// listStateMachineAliases pages through a machine's aliases by name. A
// token holds the last name returned.
func (s *Service) listStateMachineAliases(ctx context.Context, in *listStateMachineAliasesInput) (*listStateMachineAliasesOutput, error) {
	scope := "ListStateMachineAliases " + in.StateMachineArn
	n, tok, _, err := machinePage(in.StateMachineArn, in.MaxResults, in.NextToken, scope)
	if err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	defer st.mu.RUnlock()
	m, ok := st.machines[in.StateMachineArn]
	if !ok {
		return nil, stateMachineMissing(in.StateMachineArn)
	}
	var all []*alias
	for _, a := range m.aliases {
		if a.name > tok.Key {
			all = append(all, a)
		}
	}
	slices.SortFunc(all, func(a, b *alias) int { return strings.Compare(a.name, b.name) })
	out := &listStateMachineAliasesOutput{StateMachineAliases: []stateMachineAliasItem{}}
	for _, a := range all[:min(n, len(all))] {
		out.StateMachineAliases = append(out.StateMachineAliases, stateMachineAliasItem{StateMachineAliasArn: a.arn, CreationDate: epoch(a.created)})
	}
	if len(all) > n {
		out.NextToken = pageToken{Scope: scope, Key: all[n-1].name}.encode()
	}
	return out, nil
}

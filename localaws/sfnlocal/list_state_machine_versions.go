package sfnlocal

import "context"

type listStateMachineVersionsInput struct {
	StateMachineArn string `json:"stateMachineArn"`
	MaxResults      int    `json:"maxResults"`
	NextToken       string `json:"nextToken"`
}

type stateMachineVersionItem struct {
	StateMachineVersionArn string     `json:"stateMachineVersionArn"`
	CreationDate           *epochTime `json:"creationDate"`
}

type listStateMachineVersionsOutput struct {
	StateMachineVersions []stateMachineVersionItem `json:"stateMachineVersions"`
	NextToken            string                    `json:"nextToken,omitempty"`
}

// listStateMachineVersions pages through a machine's versions, newest
// first. A token holds the number of the last version returned.
func (s *Service) listStateMachineVersions(ctx context.Context, in *listStateMachineVersionsInput) (*listStateMachineVersionsOutput, error) {
	scope := "ListStateMachineVersions " + in.StateMachineArn
	n, tok, resumed, err := machinePage(in.StateMachineArn, in.MaxResults, in.NextToken, scope)
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
	out := &listStateMachineVersionsOutput{StateMachineVersions: []stateMachineVersionItem{}}
	for i := len(m.versions) - 1; i >= 0; i-- {
		v := m.versions[i]
		if resumed && v.number >= tok.Pos {
			continue
		}
		if len(out.StateMachineVersions) == n {
			out.NextToken = pageToken{Scope: scope, Pos: m.versions[i+1].number}.encode()
			break
		}
		out.StateMachineVersions = append(out.StateMachineVersions, stateMachineVersionItem{
			StateMachineVersionArn: v.arn, CreationDate: epoch(v.created),
		})
	}
	return out, nil
}

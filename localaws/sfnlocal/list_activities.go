package sfnlocal

import (
	"context"
	"slices"
)

type listActivitiesInput struct {
	MaxResults int    `json:"maxResults"`
	NextToken  string `json:"nextToken"`
}

type activityListItem struct {
	ActivityArn  string     `json:"activityArn"`
	Name         string     `json:"name"`
	CreationDate *epochTime `json:"creationDate"`
}

type listActivitiesOutput struct {
	Activities []activityListItem `json:"activities"`
	NextToken  string             `json:"nextToken,omitempty"`
}

// listActivitiesScope ties ListActivities tokens to that action.
const listActivitiesScope = "ListActivities"

// listActivities pages through the region's activities in the order they
// were created. A token remembers the last one returned, so activities
// created or deleted between pages never make a page repeat or skip others.
func (s *Service) listActivities(ctx context.Context, in *listActivitiesInput) (*listActivitiesOutput, error) {
	n, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	tok, _, err := decodeToken(in.NextToken, listActivitiesScope)
	if err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.RLock()
	all := make([]*activity, 0, len(st.activities))
	for _, a := range st.activities {
		if a.seq > tok.Pos {
			all = append(all, a)
		}
	}
	st.mu.RUnlock()
	slices.SortFunc(all, func(a, b *activity) int { return a.seq - b.seq })

	out := &listActivitiesOutput{Activities: []activityListItem{}}
	for _, a := range all[:min(n, len(all))] {
		out.Activities = append(out.Activities, activityListItem{ActivityArn: a.arn, Name: a.name, CreationDate: epoch(a.created)})
	}
	if len(all) > n {
		out.NextToken = pageToken{Scope: listActivitiesScope, Pos: all[n-1].seq}.encode()
	}
	return out, nil
}

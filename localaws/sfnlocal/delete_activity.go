package sfnlocal

import "context"

type deleteActivityOutput struct{}

// deleteActivity removes an activity; deleting one that is not there
// succeeds, as on AWS. Tasks still queued for it are dropped: their
// executions wait until their timeouts, as they would on AWS with no
// worker left.
func (s *Service) deleteActivity(ctx context.Context, in *activityArnInput) (*deleteActivityOutput, error) {
	if err := checkActivityArn(in.ActivityArn); err != nil {
		return nil, err
	}
	st := s.storeOf(ctx)
	st.mu.Lock()
	defer st.mu.Unlock()
	if a, ok := st.activities[in.ActivityArn]; ok {
		close(a.arrived) // wake its pollers, who then find it gone
		delete(st.activities, in.ActivityArn)
	}
	return &deleteActivityOutput{}, nil
}

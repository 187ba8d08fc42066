package sfnlocal

import (
	"context"
	"time"
)

// activityPollTimeout is how long GetActivityTask waits for work before
// answering with no task, as AWS's 60 seconds.
const activityPollTimeout = 60 * time.Second

type getActivityTaskInput struct {
	ActivityArn string `json:"activityArn"`
	WorkerName  string `json:"workerName"`
}

type getActivityTaskOutput struct {
	TaskToken string `json:"taskToken,omitempty"`
	Input     string `json:"input,omitempty"`
}

// getActivityTask hands the oldest task waiting for an activity to the
// worker, waiting up to 60 seconds on the service's clock for one to be
// scheduled; with none, it answers with no token, as AWS does. Tasks whose
// execution has ended meanwhile are skipped. The worker
// then reports with SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat.
func (s *Service) getActivityTask(ctx context.Context, in *getActivityTaskInput) (*getActivityTaskOutput, error) {
	if err := checkActivityArn(in.ActivityArn); err != nil {
		return nil, err
	}
	if len(in.WorkerName) > maxNameLength {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'workerName' failed to satisfy constraint: Member must have length less than or equal to %d", in.WorkerName, maxNameLength)
	}
	st := s.storeOf(ctx)
	expired := make(chan struct{})
	timer := s.clock.AfterFunc(activityPollTimeout, func() { close(expired) })
	defer timer.Stop()
	for {
		st.mu.Lock()
		a, ok := st.activities[in.ActivityArn]
		if !ok {
			st.mu.Unlock()
			return nil, activityDoesNotExist(in.ActivityArn)
		}
		if len(a.pending) > 0 {
			t := a.pending[0]
			a.pending = a.pending[1:]
			st.mu.Unlock()
			// The history shows ActivityStarted with the worker's name; a
			// task whose execution stopped or timed out meanwhile is
			// dropped rather than handed out.
			if s.engine.ActivityStarted(t.token, in.WorkerName) != nil {
				continue
			}
			return &getActivityTaskOutput{TaskToken: t.token, Input: t.input}, nil
		}
		arrived := a.arrived
		st.mu.Unlock()
		select {
		case <-arrived:
		case <-expired:
			return &getActivityTaskOutput{}, nil
		case <-ctx.Done():
			return &getActivityTaskOutput{}, nil
		}
	}
}

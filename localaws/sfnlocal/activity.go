package sfnlocal

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// activity is one registered activity: a named queue of tasks that Task
// states put work on and workers take with GetActivityTask. Its fields
// change only under store.mu.
type activity struct {
	arn, name  string
	created    time.Time
	seq        int // creation order within the region
	tags       []tag
	encryption json.RawMessage
	// pending are the tasks scheduled and not yet handed to a worker,
	// oldest first; arrived is closed (and replaced) when one is added, to
	// wake the workers polling.
	pending []activityTask
	arrived chan struct{}
}

// activityTask is one unit of work waiting for a worker.
type activityTask struct {
	token string
	input string
}

// activityArn builds the ARN of the activity called name in the scope.
func (sc scope) activityArn(name string) string {
	return "arn:" + sc.partition + ":states:" + sc.region + ":" + sc.account + ":activity:" + name
}

// activityDoesNotExist is AWS's answer for an unknown activity ARN.
func activityDoesNotExist(arn string) error {
	return errorf(codeActivityDoesNotExist, "Activity Does Not Exist: '%s'", arn)
}

// checkActivityArn validates an activity ARN member.
func checkActivityArn(arn string) error {
	_, err := arnParts(arn, "activityArn", "activity", 1, 1)
	return err
}

// activityResource is the Task state integration for activity ARNs: it
// queues the task's input under its task token for the activity's workers
// and returns; the engine then waits for the token, as for
// .waitForTaskToken, so SendTaskSuccess, SendTaskFailure and
// SendTaskHeartbeat from the worker settle the task.
func (s *Service) activityResource(_ context.Context, call asl.TaskCall) (json.RawMessage, error) {
	parts := strings.Split(call.Resource, ":")
	if len(parts) < 4 {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "Invalid activity ARN: " + call.Resource}
	}
	st := s.storeFor(parts[3])
	st.mu.Lock()
	defer st.mu.Unlock()
	a, ok := st.activities[call.Resource]
	if !ok {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "Activity Does Not Exist: '" + call.Resource + "'"}
	}
	a.pending = append(a.pending, activityTask{token: call.TaskToken, input: string(call.Parameters)})
	close(a.arrived)
	a.arrived = make(chan struct{})
	return nil, nil
}

// resourcesWithActivities returns the configured integrations plus the one
// that runs activity tasks.
func (s *Service) resourcesWithActivities(res asl.Resources) asl.Resources {
	all := make(asl.Resources, len(res)+1)
	for k, v := range res {
		all[k] = v
	}
	all[asl.ActivityResource] = s.activityResource
	return all
}

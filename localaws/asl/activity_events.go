package asl

// Activity tasks (a Task state whose Resource is an activity ARN) show
// their own events in the history, as on AWS: ActivityScheduled when the
// task is queued for the activity's workers, ActivityStarted when a worker
// takes it with GetActivityTask, then ActivitySucceeded, ActivityFailed or
// ActivityTimedOut; ActivityScheduleFailed when it cannot be queued. The
// shapes are the HistoryEvent members of the Step Functions service model
// (botocore's stepfunctions/2016-11-23/service-2.json).

// ActivityScheduledEventDetails are the details of ActivityScheduled.
type ActivityScheduledEventDetails struct {
	Resource           string      `json:"resource"` // the activity ARN
	Input              string      `json:"input"`
	InputDetails       DataDetails `json:"inputDetails"`
	TimeoutInSeconds   *int64      `json:"timeoutInSeconds,omitempty"`
	HeartbeatInSeconds *int64      `json:"heartbeatInSeconds,omitempty"`
}

// ActivityStartedEventDetails are the details of ActivityStarted.
type ActivityStartedEventDetails struct {
	WorkerName string `json:"workerName,omitempty"`
}

// ActivitySucceededEventDetails are the details of ActivitySucceeded.
type ActivitySucceededEventDetails struct {
	Output        string      `json:"output"`
	OutputDetails DataDetails `json:"outputDetails"`
}

// scheduledEvent returns the event that says the task was handed to its
// resource: TaskScheduled, or ActivityScheduled for an activity.
func (s *taskState) scheduledEvent(region, params string, timeout, heartbeat int64) (typ, key string, details any) {
	var to, hb *int64
	if timeout > 0 {
		to = &timeout
	}
	if heartbeat > 0 {
		hb = &heartbeat
	}
	if s.activity {
		return "ActivityScheduled", "activityScheduledEventDetails", &ActivityScheduledEventDetails{
			Resource: s.resource, Input: params, TimeoutInSeconds: to, HeartbeatInSeconds: hb}
	}
	return "TaskScheduled", "taskScheduledEventDetails", &TaskScheduledEventDetails{ResourceType: s.resType,
		Resource: s.resName, Region: region, Parameters: params, TimeoutInSeconds: to, HeartbeatInSeconds: hb}
}

// succeededEvent returns TaskSucceeded, or ActivitySucceeded for an
// activity, carrying the result.
func (s *taskState) succeededEvent(output string) (typ, key string, details any) {
	if s.activity {
		return "ActivitySucceeded", "activitySucceededEventDetails", &ActivitySucceededEventDetails{Output: output}
	}
	return "TaskSucceeded", "taskSucceededEventDetails",
		&TaskOutputEventDetails{ResourceType: s.resType, Resource: s.resName, Output: output}
}

// failureEvent returns the event of a task ending in error: kind is
// "Failed", "TimedOut" or "ScheduleFailed" (activities only; a task's
// call failing is TaskFailed).
func (s *taskState) failureEvent(kind, name, cause string) (typ, key string, details any) {
	if s.activity {
		return "Activity" + kind, "activity" + kind + "EventDetails", &FailureEventDetails{Error: name, Cause: cause}
	}
	if kind == "ScheduleFailed" {
		kind = "Failed"
	}
	return "Task" + kind, "task" + kind + "EventDetails",
		&TaskFailureEventDetails{ResourceType: s.resType, Resource: s.resName, Error: name, Cause: cause}
}

// ActivityStarted records that a worker took the activity task waiting on
// token (GetActivityTask), naming the worker if it gave a name.
func (e *Engine) ActivityStarted(token, workerName string) error {
	a, err := e.lookup(token)
	if err != nil {
		return err
	}
	x := a.t.x
	x.mu.Lock()
	defer x.mu.Unlock()
	if a.closed || a.t.dead || x.closed {
		return ErrTaskTimedOut
	}
	a.t.last = x.recordLocked(a.t.last, "ActivityStarted", "activityStartedEventDetails",
		&ActivityStartedEventDetails{WorkerName: workerName})
	return nil
}

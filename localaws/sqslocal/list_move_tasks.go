package sqslocal

import "context"

type listMoveTasksInput struct {
	SourceArn  string
	MaxResults *int
}

func (in *listMoveTasksInput) fromForm(f form) *Error {
	in.SourceArn = f.str("SourceArn")
	var err *Error
	in.MaxResults, err = f.intPtr("MaxResults")
	return err
}

// moveTaskEntry is one task as ListMessageMoveTasks reports it: the handle
// only while it runs, the destination and rate only when the caller gave
// them, as in AWS's answers.
type moveTaskEntry struct {
	TaskHandle                        string `json:"TaskHandle,omitempty" xml:"TaskHandle,omitempty"`
	Status                            string `json:"Status" xml:"Status"`
	SourceArn                         string `json:"SourceArn" xml:"SourceArn"`
	DestinationArn                    string `json:"DestinationArn,omitempty" xml:"DestinationArn,omitempty"`
	MaxNumberOfMessagesPerSecond      int    `json:"MaxNumberOfMessagesPerSecond,omitempty" xml:"MaxNumberOfMessagesPerSecond,omitempty"`
	ApproximateNumberOfMessagesMoved  int    `json:"ApproximateNumberOfMessagesMoved" xml:"ApproximateNumberOfMessagesMoved"`
	ApproximateNumberOfMessagesToMove int    `json:"ApproximateNumberOfMessagesToMove" xml:"ApproximateNumberOfMessagesToMove"`
	FailureReason                     string `json:"FailureReason,omitempty" xml:"FailureReason,omitempty"`
	StartedTimestamp                  int64  `json:"StartedTimestamp" xml:"StartedTimestamp"`
}

type listMoveTasksOutput struct {
	Results []moveTaskEntry `json:"Results" xml:"ListMessageMoveTasksResultEntry"`
}

// listMessageMoveTasks lists a dead-letter queue's most recent move tasks,
// newest first: one unless MaxResults (1 to 10) asks for more.
func (s *Service) listMessageMoveTasks(_ context.Context, _ *call, in *listMoveTasksInput) (*listMoveTasksOutput, *Error) {
	if in.SourceArn == "" {
		return nil, errMissing("SourceArn")
	}
	n := 1
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > maxTasksListed {
			return nil, newError(CodeInvalidParameterValue, "Value for parameter MaxResults is invalid.")
		}
		n = *in.MaxResults
	}
	if s.byARN(in.SourceArn) == nil {
		return nil, errResourceMissing("SourceArn")
	}
	out := &listMoveTasksOutput{Results: []moveTaskEntry{}}
	for _, t := range s.tasks.recent(in.SourceArn, n) {
		t.mu.Lock()
		e := moveTaskEntry{
			Status: t.status, SourceArn: t.sourceARN, DestinationArn: t.destARN,
			MaxNumberOfMessagesPerSecond: t.rate, ApproximateNumberOfMessagesMoved: t.moved,
			ApproximateNumberOfMessagesToMove: t.toMove, FailureReason: t.failure,
			StartedTimestamp: t.started.UnixMilli(),
		}
		if t.status == taskRunning {
			e.TaskHandle = taskHandle{TaskID: t.id, SourceArn: t.sourceARN}.encode()
		}
		t.mu.Unlock()
		out.Results = append(out.Results, e)
	}
	return out, nil
}

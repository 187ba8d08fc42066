package sqslocal

import "context"

type cancelMoveTaskInput struct {
	TaskHandle string
}

func (in *cancelMoveTaskInput) fromForm(f form) *Error {
	in.TaskHandle = f.str("TaskHandle")
	return nil
}

type cancelMoveTaskOutput struct {
	ApproximateNumberOfMessagesMoved int `json:"ApproximateNumberOfMessagesMoved" xml:"ApproximateNumberOfMessagesMoved"`
}

// cancelMessageMoveTask stops a running move task. Messages it has moved
// stay where they went.
func (s *Service) cancelMessageMoveTask(_ context.Context, _ *call, in *cancelMoveTaskInput) (*cancelMoveTaskOutput, *Error) {
	if in.TaskHandle == "" {
		return nil, errMissing("TaskHandle")
	}
	h, err := parseTaskHandle(in.TaskHandle)
	if err != nil {
		return nil, err
	}
	if s.byARN(h.SourceArn) == nil {
		return nil, errResourceMissing("SourceArn")
	}
	t := s.tasks.find(h.SourceArn, h.TaskID)
	if t == nil {
		return nil, newError(CodeResourceNotFound, "Task does not exist.")
	}
	moved, ok := t.cancel()
	if !ok {
		return nil, newError(CodeInvalidParameterValue, "Only active tasks can be cancelled.")
	}
	return &cancelMoveTaskOutput{ApproximateNumberOfMessagesMoved: moved}, nil
}

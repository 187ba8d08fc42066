package sqslocal

import (
	"context"
	"encoding/base64"
	"encoding/json"
)

type startMoveTaskInput struct {
	SourceArn                    string
	DestinationArn               string
	MaxNumberOfMessagesPerSecond *int
}

func (in *startMoveTaskInput) fromForm(f form) *Error {
	in.SourceArn = f.str("SourceArn")
	in.DestinationArn = f.str("DestinationArn")
	var err *Error
	in.MaxNumberOfMessagesPerSecond, err = f.intPtr("MaxNumberOfMessagesPerSecond")
	return err
}

type startMoveTaskOutput struct {
	TaskHandle string `json:"TaskHandle" xml:"TaskHandle"`
}

// maxMoveRate is the highest MaxNumberOfMessagesPerSecond AWS accepts.
const maxMoveRate = 500

// startMessageMoveTask starts moving a dead-letter queue's messages back
// to their source queues, or to DestinationArn. The first second's worth
// moves before the answer; the rest follow a second at a time on the
// service's clock.
func (s *Service) startMessageMoveTask(_ context.Context, _ *call, in *startMoveTaskInput) (*startMoveTaskOutput, *Error) {
	if in.SourceArn == "" {
		return nil, errMissing("SourceArn")
	}
	src := s.byARN(in.SourceArn)
	if src == nil {
		return nil, errResourceMissing("SourceArn")
	}
	if in.DestinationArn != "" && s.byARN(in.DestinationArn) == nil {
		return nil, errResourceMissing("DestinationArn")
	}
	rate := 0
	if r := in.MaxNumberOfMessagesPerSecond; r != nil {
		if *r < 1 || *r > maxMoveRate {
			return nil, newError(CodeInvalidParameterValue, "Value for parameter MaxNumberOfMessagesPerSecond is invalid.")
		}
		rate = *r
	}
	if !s.isDeadLetterQueue(src) {
		return nil, newError(CodeInvalidParameterValue, "Source queue must be configured as a Dead Letter Queue.")
	}
	if s.tasks.running(src.arn) != nil {
		return nil, newError(CodeInvalidParameterValue, "There is already a task running. Only one active task is allowed for a source queue arn at a given time.")
	}
	now := s.clock.Now()
	src.mu.Lock()
	src.promoteLocked(now)
	toMove := src.nReady
	src.mu.Unlock()
	t := &moveTask{
		id: newID(), sourceARN: src.arn, destARN: in.DestinationArn, rate: rate,
		started: now, status: taskRunning, toMove: toMove,
	}
	s.tasks.add(t)
	s.step(t)
	return &startMoveTaskOutput{TaskHandle: taskHandle{TaskID: t.id, SourceArn: t.sourceARN}.encode()}, nil
}

// isDeadLetterQueue reports whether some queue of q's region names q as
// its dead-letter queue.
func (s *Service) isDeadLetterQueue(q *queue) bool {
	for _, name := range s.sortedNames(q.region, "") {
		src, err := s.lookup(q.region, name)
		if err != nil {
			continue
		}
		src.mu.Lock()
		p := src.settings.redrive
		src.mu.Unlock()
		if p != nil && p.targetARN == q.arn {
			return true
		}
	}
	return false
}

// taskHandle is what a TaskHandle carries: the task and its source queue.
type taskHandle struct {
	TaskID    string `json:"taskId"`
	SourceArn string `json:"sourceArn"`
}

func (h taskHandle) encode() string {
	b, _ := json.Marshal(h) // two strings always marshal
	return base64.StdEncoding.EncodeToString(b)
}

// parseTaskHandle decodes a handle made by encode.
func parseTaskHandle(raw string) (taskHandle, *Error) {
	invalid := newError(CodeInvalidParameterValue, "Value for parameter TaskHandle is invalid.")
	b, err := base64.StdEncoding.DecodeString(raw)
	if err != nil {
		return taskHandle{}, invalid
	}
	var h taskHandle
	if err := json.Unmarshal(b, &h); err != nil || h.TaskID == "" || h.SourceArn == "" {
		return taskHandle{}, invalid
	}
	return h, nil
}

func errResourceMissing(param string) *Error {
	return newError(CodeResourceNotFound, "The resource that you specified for the %s parameter doesn't exist.", param)
}

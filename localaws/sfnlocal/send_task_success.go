package sfnlocal

import (
	"context"
	"encoding/json"
)

// maxTaskTokenLength is the longest task token the API accepts.
const maxTaskTokenLength = 2048

type sendTaskSuccessInput struct {
	TaskToken string  `json:"taskToken"`
	Output    *string `json:"output"`
}

type sendTaskSuccessOutput struct{}

// sendTaskSuccess completes a waiting task with the given output. The
// engine knows which execution a token belongs to and whether it is still
// open; its errors become the API's at the edge.
func (s *Service) sendTaskSuccess(_ context.Context, in *sendTaskSuccessInput) (*sendTaskSuccessOutput, error) {
	if err := checkTaskToken(in.TaskToken); err != nil {
		return nil, err
	}
	if in.Output == nil {
		return nil, errorf(codeValidation, "1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null")
	}
	if err := checkPayload("output", *in.Output); err != nil {
		return nil, err
	}
	if err := s.engine.SendTaskSuccess(in.TaskToken, json.RawMessage(*in.Output)); err != nil {
		return nil, err
	}
	return &sendTaskSuccessOutput{}, nil
}

// checkTaskToken applies the length limits on a task token.
func checkTaskToken(token string) error {
	switch {
	case token == "":
		return errorf(codeValidation, "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length greater than or equal to 1")
	case len(token) > maxTaskTokenLength:
		return errorf(codeValidation, "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length less than or equal to %d", maxTaskTokenLength)
	}
	return nil
}

package sfnlocal

import "context"

type sendTaskFailureInput struct {
	TaskToken string `json:"taskToken"`
	Error     string `json:"error"`
	Cause     string `json:"cause"`
}

type sendTaskFailureOutput struct{}

// sendTaskFailure fails a waiting task with an error name that the state's
// Retry and Catch match on.
func (s *Service) sendTaskFailure(_ context.Context, in *sendTaskFailureInput) (*sendTaskFailureOutput, error) {
	if err := checkTaskToken(in.TaskToken); err != nil {
		return nil, err
	}
	if err := checkErrorAndCause(in.Error, in.Cause); err != nil {
		return nil, err
	}
	if err := s.engine.SendTaskFailure(in.TaskToken, in.Error, in.Cause); err != nil {
		return nil, err
	}
	return &sendTaskFailureOutput{}, nil
}

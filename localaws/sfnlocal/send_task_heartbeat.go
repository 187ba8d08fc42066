package sfnlocal

import "context"

type sendTaskHeartbeatInput struct {
	TaskToken string `json:"taskToken"`
}

type sendTaskHeartbeatOutput struct{}

// sendTaskHeartbeat tells the engine a waiting task's worker is alive,
// resetting the state's HeartbeatSeconds timer.
func (s *Service) sendTaskHeartbeat(_ context.Context, in *sendTaskHeartbeatInput) (*sendTaskHeartbeatOutput, error) {
	if err := checkTaskToken(in.TaskToken); err != nil {
		return nil, err
	}
	if err := s.engine.SendTaskHeartbeat(in.TaskToken); err != nil {
		return nil, err
	}
	return &sendTaskHeartbeatOutput{}, nil
}

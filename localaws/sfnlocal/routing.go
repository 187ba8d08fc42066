package sfnlocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// Routing tells a shared endpoint which requests are Step Functions': the
// AWSStepFunctions target and the "states" signing name. It has no query
// protocol.
func (s *Service) Routing() awsproto.Routing {
	return awsproto.Routing{SigningName: "states", TargetPrefix: "AWSStepFunctions"}
}

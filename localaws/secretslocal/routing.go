package secretslocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// Routing tells a shared endpoint which requests are Secrets Manager's: the
// secretsmanager target and signing name. It has no query protocol.
func (s *Service) Routing() awsproto.Routing {
	return awsproto.Routing{SigningName: "secretsmanager", TargetPrefix: "secretsmanager"}
}

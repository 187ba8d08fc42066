package kmslocal

import "github.com/payflow-dev/payflow/localaws/awsproto"

// Routing tells a shared endpoint which requests are KMS's: the
// TrentService target and the "kms" signing name. It has no query protocol.
func (s *Service) Routing() awsproto.Routing {
	return awsproto.Routing{SigningName: "kms", TargetPrefix: "TrentService"}
}

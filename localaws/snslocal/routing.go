package snslocal

import (
	"slices"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Routing tells a shared endpoint which requests are SNS's: the
// AmazonSimpleNotificationService target, the "sns" signing name, its query
// actions, and GETs of the signing certificate at CertPath.
func (s *Service) Routing() awsproto.Routing {
	actions := make([]string, 0, len(s.actions))
	for name := range s.actions {
		actions = append(actions, name)
	}
	slices.Sort(actions)
	return awsproto.Routing{
		SigningName:  "sns",
		TargetPrefix: "AmazonSimpleNotificationService",
		Actions:      actions,
		Path:         func(p string) bool { return p == CertPath },
	}
}

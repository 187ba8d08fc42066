package sqslocal

import (
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Routing tells a shared endpoint which requests are SQS's: the AmazonSQS
// target, the "sqs" signing name, its query actions, and any request posted
// to a queue URL's path.
func (s *Service) Routing() awsproto.Routing {
	actions := make([]string, 0, len(s.ops))
	for name := range s.ops {
		// SNS has actions of these names too; only requests signed for
		// SQS, JSON requests and queue URLs bring them here.
		if name != "AddPermission" && name != "RemovePermission" {
			actions = append(actions, name)
		}
	}
	slices.Sort(actions)
	return awsproto.Routing{SigningName: "sqs", TargetPrefix: "AmazonSQS", Actions: actions, Path: IsQueuePath}
}

// IsQueuePath reports whether p looks like a queue URL's path:
// /{12-digit account}/{name}.
func IsQueuePath(p string) bool {
	account, name, ok := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !ok || name == "" || strings.Contains(name, "/") || len(account) != 12 {
		return false
	}
	for _, c := range account {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

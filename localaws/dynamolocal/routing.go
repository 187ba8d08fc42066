package dynamolocal

import (
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Routing tells the endpoint's router that DynamoDB requests carry the
// DynamoDB_20120810 target prefix and the "dynamodb" SigV4 signing name.
func (s *Service) Routing() awsproto.Routing {
	return awsproto.Routing{SigningName: "dynamodb", TargetPrefix: strings.TrimSuffix(TargetPrefix, ".")}
}

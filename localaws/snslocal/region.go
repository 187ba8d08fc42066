package snslocal

import (
	"net/http"
	"slices"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// requestRegion is the region a request was signed for; unsigned requests
// (such as a notification's UnsubscribeURL opened in a browser) use the
// configured region.
func (s *Service) requestRegion(r *http.Request) string {
	if sc, ok := awsproto.CredentialScope(r); ok && awsid.ValidRegion(sc.Region) {
		return sc.Region
	}
	return s.region
}

// regionOfARN is the region field of an ARN.
func regionOfARN(arn string) string {
	a, err := awsid.ParseARN(arn)
	if err != nil {
		return ""
	}
	return a.Region
}

// arnsIn returns, in order, the ARNs keying byARN that name a resource of
// region: a List action shows only the region it was signed for.
func arnsIn[V any](byARN map[string]V, region string) []string {
	arns := make([]string, 0, len(byARN))
	for arn := range byARN {
		if regionOfARN(arn) == region {
			arns = append(arns, arn)
		}
	}
	slices.Sort(arns)
	return arns
}

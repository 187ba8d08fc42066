package sqslocal

import (
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsid"
	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// requestRegion is the region a request was signed for; unsigned requests
// (and made-up scopes) fall back to def.
func requestRegion(r *http.Request, def string) string {
	if s, ok := awsproto.CredentialScope(r); ok && awsid.ValidRegion(s.Region) {
		return s.Region
	}
	return def
}

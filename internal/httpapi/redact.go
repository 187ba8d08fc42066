package httpapi

import (
	"strings"

	"github.com/payflow-dev/payflow/internal/orders"
)

// redactedSegment replaces a path segment that looks like a card number.
const redactedSegment = "{redacted}"

// safePath is the request path as logs and problem documents may show it:
// a segment that looks like a card number (someone asking for the status
// of "order" 4111111111111111) is replaced, so a card typed into a URL
// does not travel on into the logs or back in a response.
func safePath(path string) string {
	if !strings.ContainsAny(path, "0123456789") {
		return path
	}
	segs := strings.Split(path, "/")
	changed := false
	for i, s := range segs {
		if orders.LooksLikeCardNumber(s) {
			segs[i], changed = redactedSegment, true
		}
	}
	if !changed {
		return path
	}
	return strings.Join(segs, "/")
}

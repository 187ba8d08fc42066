package httpapi_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/httpapi"
)

// TestSampleEvents replays the sample events under events/ (for sam local
// invoke -e) through the Lambda adapter, in order, so they stay events the
// API serves.
func TestSampleEvents(t *testing.T) {
	t.Parallel()
	handle := httpapi.LambdaHandler(newAPI(t).handler)
	for _, tc := range []struct {
		file string
		want int
	}{
		{"api-healthz.json", 200},
		{"api-post-order.json", 202},
		{"api-get-status.json", 200},
	} {
		var ev events.APIGatewayV2HTTPRequest
		readJSON(t, filepath.Join("..", "..", "events", tc.file), &ev)
		resp, err := handle(context.Background(), ev)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if resp.StatusCode != tc.want {
			t.Errorf("%s: status %d, want %d: %s", tc.file, resp.StatusCode, tc.want, resp.Body)
		}
	}
}

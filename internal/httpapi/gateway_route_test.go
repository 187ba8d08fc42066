package httpapi_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/httpapi"
)

// TestOrderRoutesOnlyThroughTheirOwnRouteKey replays order requests as if
// API Gateway had matched them to another route (its open $default): the
// authorizer of the order route did not run, so the API answers 404
// rather than serve them. Health, 404s and 405s come through $default.
func TestOrderRoutesOnlyThroughTheirOwnRouteKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, event, routeKey, method, path string
		wantStatus                          int
	}{
		{"post order by its route", "apigw-v2-post-order", "POST /orders", "", "", http.StatusAccepted},
		{"post order through $default", "apigw-v2-post-order", "$default", "", "", http.StatusNotFound},
		{"status through $default", "apigw-v2-get-status", "$default", "", "", http.StatusNotFound},
		{"status through a greedy route", "apigw-v2-get-status", "ANY /{proxy+}", "", "", http.StatusNotFound},
		{"health through $default", "apigw-v2-get-status", "$default", "GET", "/healthz", http.StatusOK},
		{"unknown path through $default", "apigw-v2-get-status", "$default", "GET", "/payments", http.StatusNotFound},
		{"wrong method through $default", "apigw-v2-get-status", "$default", "DELETE", "/orders", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			handle := httpapi.LambdaHandler(newAPI(t).handler)
			var ev events.APIGatewayV2HTTPRequest
			readJSON(t, filepath.Join("testdata", tt.event+".json"), &ev)
			ev.RouteKey, ev.RequestContext.RouteKey = tt.routeKey, tt.routeKey
			if tt.path != "" {
				ev.RawPath, ev.RequestContext.HTTP.Path, ev.RequestContext.HTTP.Method = tt.path, tt.path, tt.method
				ev.Body, ev.IsBase64Encoded = "", false
			}
			resp, err := handle(context.Background(), ev)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d; body %s", resp.StatusCode, tt.wantStatus, resp.Body)
			}
			// A 404 must be the router's "no such route", not an unknown
			// order that the service looked up.
			if resp.StatusCode == http.StatusNotFound {
				if p := decodeJSON[problemBody](t, []byte(resp.Body)); p.Detail != "No resource at this path." {
					t.Errorf("404 detail = %q, want the no-route problem", p.Detail)
				}
			}
		})
	}
}

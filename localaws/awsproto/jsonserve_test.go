package awsproto_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// The status codes and __type codes follow the AWS JSON protocol: a
// request for no known operation is UnknownOperationException, an
// oversized body ValidationException, both 400 from the service.
func TestServeJSON(t *testing.T) {
	t.Parallel()
	api := awsproto.JSONAPI{
		Proto:        awsproto.JSON{Version: "1.1", ErrorTypeHeader: true},
		TargetPrefix: "Echo.",
		MaxBody:      16,
		Internal:     awsproto.Internalf("InternalFailure", "internal error"),
		NotPOST:      "Echo requests are POSTs",
		Unsupported:  "operation %q is not supported",
		ReadFailed:   "read request: %v",
	}
	ops := map[string]awsproto.JSONOperation[string]{
		"Echo": func(region string, body []byte) (any, error) {
			return map[string]string{"Region": region, "Body": string(body)}, nil
		},
		"Fail": func(string, []byte) (any, error) {
			return nil, errors.New("disk on fire")
		},
		"Refuse": func(string, []byte) (any, error) {
			return nil, awsproto.Errorf("NotFoundException", "no such thing")
		},
	}
	tests := []struct {
		name       string
		method     string
		target     string
		body       string
		wantStatus int
		wantBody   string
	}{
		{"result", http.MethodPost, "Echo.Echo", `{}`, 200, `{"Body":"{}","Region":"eu-west-1"}`},
		{"not a POST", http.MethodGet, "Echo.Echo", ``, 400, `{"__type":"UnknownOperationException","message":"Echo requests are POSTs"}`},
		{"other service's target", http.MethodPost, "Other.Echo", `{}`, 400, `{"__type":"UnknownOperationException","message":"unknown target \"Other.Echo\""}`},
		{"unknown operation", http.MethodPost, "Echo.Shout", `{}`, 400, `{"__type":"UnknownOperationException","message":"operation \"Shout\" is not supported"}`},
		{"body over the limit", http.MethodPost, "Echo.Echo", strings.Repeat(" ", 17), 400, `{"__type":"ValidationException","message":"request body is larger than 16 bytes"}`},
		{"operation's API error", http.MethodPost, "Echo.Refuse", `{}`, 400, `{"__type":"NotFoundException","message":"no such thing"}`},
		{"operation's other error is internal", http.MethodPost, "Echo.Fail", `{}`, 500, `{"__type":"InternalFailure","message":"internal error"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(tt.method, "/", strings.NewReader(tt.body))
			r.Header.Set("X-Amz-Target", tt.target)
			w := httptest.NewRecorder()
			awsproto.ServeJSON(w, r, api, ops, func(*http.Request) string { return "eu-west-1" })
			if w.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", w.Code, tt.wantStatus)
			}
			if diff := cmp.Diff(tt.wantBody, w.Body.String()); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if w.Header().Get("X-Amzn-RequestId") == "" {
				t.Error("no X-Amzn-RequestId header")
			}
		})
	}
}

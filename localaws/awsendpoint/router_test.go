package awsendpoint_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// named answers with its name and the body it was given, so a test sees
// both where a request went and that the router left the body intact.
func named(name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		_, _ = io.WriteString(w, name+":"+string(b))
	})
}

func TestRouterDispatch(t *testing.T) {
	t.Parallel()
	rt := awsendpoint.NewRouter(awsendpoint.Services{
		StepFunctions: named("states"), SQS: named("sqs"), SNS: named("sns"), KMS: named("kms"),
	})
	const scope = "AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=x"
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name    string
		path    string
		headers map[string]string
		body    string
		want    string
	}{
		{"step functions target", "/", map[string]string{"X-Amz-Target": "AWSStepFunctions.StartExecution"}, "{}", "states:{}"},
		{"sqs json target", "/", map[string]string{"X-Amz-Target": "AmazonSQS.SendMessage"}, "{}", "sqs:{}"},
		{"kms target", "/", map[string]string{"X-Amz-Target": "TrentService.Encrypt"}, "{}", "kms:{}"},
		{"sns by scope", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "sns", 1), "Content-Type": form}, "Action=Publish", "sns:Action=Publish"},
		{"sqs by scope", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "sqs", 1), "Content-Type": form}, "Action=ListQueues", "sqs:Action=ListQueues"},
		{"sns by action", "/", map[string]string{"Content-Type": form}, "Action=CreateTopic&Name=t", "sns:Action=CreateTopic&Name=t"},
		{"sqs by action", "/", map[string]string{"Content-Type": form + "; charset=utf-8"}, "Version=2012-11-05&Action=ReceiveMessage", "sqs:Version=2012-11-05&Action=ReceiveMessage"},
		{"sqs by queue path", "/123456789012/orders", nil, "x", "sqs:x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, tt.path, strings.NewReader(tt.body))
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			rt.ServeHTTP(rec, req)
			if got := rec.Body.String(); got != tt.want {
				t.Errorf("routed to %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRouterUnknownService(t *testing.T) {
	t.Parallel()
	rt := awsendpoint.NewRouter(awsendpoint.Services{SQS: named("sqs")})
	tests := []struct {
		name   string
		target string
	}{
		{"unknown target", "DynamoDB_20120810.GetItem"},
		{"no hint at all", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader("{}"))
			if tt.target != "" {
				req.Header.Set("X-Amz-Target", tt.target)
			}
			rec := httptest.NewRecorder()
			rt.ServeHTTP(rec, req)
			if rec.Code != http.StatusBadRequest {
				t.Fatalf("status = %d, want 400", rec.Code)
			}
			var body struct {
				Type    string `json:"__type"`
				Message string `json:"message"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatalf("error body %q is not JSON: %v", rec.Body.String(), err)
			}
			if body.Type != "UnknownServiceException" || !strings.Contains(body.Message, "could not tell") {
				t.Errorf("error = %+v", body)
			}
		})
	}
}

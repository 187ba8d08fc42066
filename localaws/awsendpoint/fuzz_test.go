package awsendpoint_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// FuzzEndpoint sends arbitrary requests through the whole endpoint: every
// one must get an HTTP answer, and none may crash the process.
func FuzzEndpoint(f *testing.F) {
	seeds := []struct{ method, path, target, contentType, body string }{
		{"POST", "/", "AWSStepFunctions.ListStateMachines", "application/x-amz-json-1.0", "{}"},
		{"POST", "/", "AWSStepFunctions.StartExecution", "application/x-amz-json-1.0", `{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:x","input":"{"}`},
		{"POST", "/", "AmazonSQS.CreateQueue", "application/x-amz-json-1.0", `{"QueueName":"q","Attributes":{"RedrivePolicy":"{"}}`},
		{"POST", "/", "AmazonSQS.SendMessage", "application/x-amz-json-1.0", `{"QueueUrl":"http://x/123456789012/q","MessageBody":""}`},
		{"POST", "/", "TrentService.Decrypt", "application/x-amz-json-1.1", `{"CiphertextBlob":"AAAA"}`},
		{"POST", "/", "", "application/x-www-form-urlencoded", "Action=Publish&TopicArn=arn%3Aaws%3Asns&Message=hi"},
		{"POST", "/123456789012/q", "", "application/x-www-form-urlencoded", "Action=ReceiveMessage&MaxNumberOfMessages=99"},
		{"GET", "/", "", "", ""},
		{"PUT", "/%zz", "Nope.Nope", "text/plain", "\x00\xff"},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.target, s.contentType, []byte(s.body))
	}
	ep := awsendpoint.New(awsendpoint.Config{})
	f.Fuzz(func(t *testing.T, method, path, target, contentType string, body []byte) {
		req, err := http.NewRequest(method, "http://127.0.0.1:4566/", bytes.NewReader(body))
		if err != nil {
			t.Skip()
		}
		req.URL.Path = path
		if target != "" {
			req.Header.Set("X-Amz-Target", target)
		}
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		rec := httptest.NewRecorder()
		ep.ServeHTTP(rec, req)
		if rec.Code < 100 || rec.Code > 599 {
			t.Fatalf("status %d", rec.Code)
		}
	})
}

package sqslocal_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// fuzzService is a service with one queue holding one in-flight and one
// visible message, so that fuzzed requests reach real state.
func fuzzService(tb testing.TB) *sqslocal.Service {
	tb.Helper()
	svc := sqslocal.New(sqslocal.Config{Clock: clock.NewFake(epoch)})
	for _, body := range []string{
		`{"QueueName":"f","Attributes":{"VisibilityTimeout":"30"}}`,
	} {
		serveJSON(svc, "CreateQueue", body)
	}
	for range 2 {
		if _, err := svc.Send(context.Background(), "http://x/123456789012/f", "m", nil); err != nil {
			tb.Fatal(err)
		}
	}
	serveJSON(svc, "ReceiveMessage", `{"QueueUrl":"/123456789012/f"}`)
	return svc
}

func serveJSON(svc *sqslocal.Service, op, body string) *httptest.ResponseRecorder {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	r := httptest.NewRequestWithContext(ctx, http.MethodPost, "/", strings.NewReader(body))
	r.Header.Set("X-Amz-Target", "AmazonSQS."+op)
	r.Header.Set("Content-Type", "application/x-amz-json-1.0")
	w := httptest.NewRecorder()
	svc.ServeHTTP(w, r)
	return w
}

func FuzzJSONProtocol(f *testing.F) {
	seeds := []struct{ op, body string }{
		{"CreateQueue", `{"QueueName":"a","Attributes":{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:f\",\"maxReceiveCount\":\"2\"}"},"tags":{"k":"v"}}`},
		{"SendMessage", `{"QueueUrl":"http://h/123456789012/f","MessageBody":"x","DelaySeconds":3,"MessageAttributes":{"a":{"DataType":"Binary","BinaryValue":"AAE="}}}`},
		{"SendMessageBatch", `{"QueueUrl":"/123456789012/f","Entries":[{"Id":"1","MessageBody":"x"},{"Id":"1"}]}`},
		{"ReceiveMessage", `{"QueueUrl":"/123456789012/f","MaxNumberOfMessages":10,"AttributeNames":["All"],"MessageAttributeNames":["a.*"],"VisibilityTimeout":0}`},
		{"DeleteMessageBatch", `{"QueueUrl":"/123456789012/f","Entries":[{"Id":"a","ReceiptHandle":"c3Fzb2NhbDEKZgp4CjE"}]}`},
		{"ChangeMessageVisibility", `{"QueueUrl":"/123456789012/f","ReceiptHandle":"","VisibilityTimeout":-1}`},
		{"GetQueueAttributes", `{"QueueUrl":"arn:aws:sqs:us-east-1:123456789012:f","AttributeNames":["All"]}`},
		{"ListQueues", `{"MaxResults":1,"NextToken":"Zg"}`},
		{"SetQueueAttributes", `{"QueueUrl":"/123456789012/f","Attributes":{"RedrivePolicy":"{]"}}`},
		{"TagQueue", `{"QueueUrl":"/123456789012/f","Tags":null}`},
		{"PurgeQueue", `[1,2,3]`},
		{"Nope", `{`},
	}
	for _, s := range seeds {
		f.Add(s.op, s.body)
	}
	f.Fuzz(func(t *testing.T, op, body string) {
		svc := fuzzService(t)
		w := serveJSON(svc, op, body)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("%s %q: status %d: %s", op, body, w.Code, w.Body)
		}
		var doc map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s %q: answer is not JSON: %v: %s", op, body, err, w.Body)
		}
		if w.Code == http.StatusBadRequest && doc["__type"] == nil {
			t.Fatalf("%s %q: error without __type: %s", op, body, w.Body)
		}
	})
}

func FuzzQueryProtocol(f *testing.F) {
	seeds := []struct{ path, body string }{
		{"/", "Action=CreateQueue&QueueName=b&Attribute.1.Name=DelaySeconds&Attribute.1.Value=1"},
		{"/123456789012/f", "Action=SendMessage&MessageBody=hi&MessageAttribute.1.Name=n&MessageAttribute.1.Value.DataType=Number&MessageAttribute.1.Value.StringValue=1"},
		{"/123456789012/f", "Action=SendMessageBatch&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x&SendMessageBatchRequestEntry.99999999999999999999.Id=b"},
		{"/123456789012/f", "Action=ReceiveMessage&AttributeName.1=All&MessageAttributeName.1=All&MaxNumberOfMessages=10"},
		{"/123456789012/f", "Action=DeleteMessageBatch&DeleteMessageBatchRequestEntry.1.Id=a&DeleteMessageBatchRequestEntry.1.ReceiptHandle=%00"},
		{"/123456789012/f", "Action=ChangeMessageVisibilityBatch&ChangeMessageVisibilityBatchRequestEntry.1.Id=a&ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout=x"},
		{"/", "Action=ListQueues&MaxResults=0"},
		{"/x/y/z", "Action=GetQueueAttributes&AttributeName.1=All"},
		{"/", "Action=TagQueue&QueueUrl=/123456789012/f&Tag.1.Key=%FF&Tag.1.Value=%01"},
		{"/", "%zz"},
	}
	for _, s := range seeds {
		f.Add(s.path, s.body)
	}
	f.Fuzz(func(t *testing.T, path, body string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		svc := fuzzService(t)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		r, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://localhost"+path, strings.NewReader(body))
		if err != nil {
			return // not a request a client could send
		}
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		svc.ServeHTTP(w, r)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("%s %q: status %d: %s", path, body, w.Code, w.Body)
		}
		dec := xml.NewDecoder(w.Body)
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s %q: answer is not XML: %v", path, body, err)
				}
				break
			}
		}
	})
}

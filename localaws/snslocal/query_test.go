package snslocal_test

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// post sends one raw query request and returns the status and body.
func post(tb testing.TB, svc *snslocal.Service, form string) (int, string) {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	svc.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestQueryResponseShape(t *testing.T) {
	t.Parallel()
	svc := snslocal.New(snslocal.Config{})
	code, body := post(t, svc, "Action=CreateTopic&Version=2010-03-31&Name=shape")
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	var resp struct {
		XMLName  xml.Name
		TopicArn string `xml:"CreateTopicResult>TopicArn"`
		Request  string `xml:"ResponseMetadata>RequestId"`
	}
	if err := xml.Unmarshal([]byte(body), &resp); err != nil {
		t.Fatalf("response is not XML: %v\n%s", err, body)
	}
	want := xml.Name{Space: "http://sns.amazonaws.com/doc/2010-03-31/", Local: "CreateTopicResponse"}
	if resp.XMLName != want || resp.TopicArn != "arn:aws:sns:us-east-1:123456789012:shape" || len(resp.Request) != 36 {
		t.Errorf("response = %+v, want %v with the topic ARN and a request id", resp, want)
	}
}

func TestQueryErrorShape(t *testing.T) {
	t.Parallel()
	type errorDoc struct {
		XMLName xml.Name
		Type    string `xml:"Error>Type"`
		Code    string `xml:"Error>Code"`
		Message string `xml:"Error>Message"`
		Request string `xml:"RequestId"`
	}
	tests := []struct {
		name     string
		form     string
		status   int
		wantCode string
	}{
		{"missing action", "Version=2010-03-31", 400, "MissingAction"},
		{"unknown action", "Action=SendMessage", 400, "InvalidAction"},
		{"wrong version", "Action=ListTopics&Version=2012-11-05", 400, "InvalidAction"},
		{"not found", "Action=GetTopicAttributes&TopicArn=arn:aws:sns:us-east-1:123456789012:none", 404, "NotFound"},
		{"other account", "Action=DeleteTopic&TopicArn=arn:aws:sns:us-east-1:111111111111:t", 403, "AuthorizationError"},
		{"bad member index", "Action=CreateTopic&Name=t&Attributes.entry.0.key=DisplayName", 400, "InvalidParameter"},
		{"huge member index", "Action=CreateTopic&Name=t&Attributes.entry.99999999999999999999.key=a", 400, "InvalidParameter"},
		{"malformed form", "Action=CreateTopic&Name=%zz", 400, "InvalidParameter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, body := post(t, snslocal.New(snslocal.Config{}), tt.form)
			var doc errorDoc
			if err := xml.Unmarshal([]byte(body), &doc); err != nil {
				t.Fatalf("error is not XML: %v\n%s", err, body)
			}
			got := []any{code, doc.XMLName.Local, doc.Type, doc.Code, doc.Message != "", len(doc.Request)}
			want := []any{tt.status, "ErrorResponse", "Sender", tt.wantCode, true, 36}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("error (-want +got):\n%s\n%s", diff, body)
			}
		})
	}
}

// FuzzQuery feeds arbitrary form bodies to the service, which must answer
// each with a status it documents and never panic. The seeds cover every
// action and the member-list shapes.
func FuzzQuery(f *testing.F) {
	seeds := []string{
		"Action=CreateTopic&Name=t&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=x&Tags.member.1.Key=k&Tags.member.1.Value=v",
		"Action=Subscribe&TopicArn=arn:aws:sns:us-east-1:123456789012:t&Protocol=sqs&Endpoint=arn:aws:sqs:us-east-1:123456789012:q&Attributes.entry.1.key=FilterPolicy&Attributes.entry.1.value=%7B%22a%22%3A%5B%7B%22numeric%22%3A%5B%22%3E%22%2C1%5D%7D%5D%7D",
		"Action=Publish&TopicArn=arn:aws:sns:us-east-1:123456789012:t&Message=m&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=Number&MessageAttributes.entry.1.Value.StringValue=2",
		"Action=PublishBatch&TopicArn=arn:aws:sns:us-east-1:123456789012:t&PublishBatchRequestEntries.member.1.Id=a&PublishBatchRequestEntries.member.1.Message=m",
		"Action=ListTopics&NextToken=zzz", "Action=ListSubscriptions", "Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:t:x",
		"Action=SetSubscriptionAttributes&SubscriptionArn=a:b&AttributeName=FilterPolicy&AttributeValue=%7B%7D",
		"Action=GetTopicAttributes&TopicArn=arn:aws:sns:us-east-1:123456789012:t", "Action=Publish&MessageStructure=json&Message=%7B%7D",
		"", "&&&", "Action", "Action=CreateTopic&Name=t&Attributes.entry.1.=x",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, form string) {
		svc := snslocal.New(snslocal.Config{Queues: &recordingSink{}})
		// Give the fuzzer a topic and a filtered subscription to reach.
		for _, setup := range seeds[:2] {
			post(t, svc, setup)
		}
		code, body := post(t, svc, form)
		switch code {
		case 200, 400, 403, 404, 413:
		default:
			t.Fatalf("status %d for %q: %s", code, form, body)
		}
		if _, err := url.ParseQuery(form); err == nil && code != 200 && !strings.Contains(body, "<ErrorResponse") {
			t.Fatalf("error without ErrorResponse for %q: %s", form, body)
		}
		_, _ = svc.Publish(context.Background(), snslocal.PublishInput{TopicArn: "arn:aws:sns:us-east-1:123456789012:t", Message: form})
	})
}

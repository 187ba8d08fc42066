package sqslocal_test

import (
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

type xmlAttr struct {
	Name  string `xml:"Name"`
	Value string `xml:"Value"`
}

type xmlMessage struct {
	MessageID              string    `xml:"MessageId"`
	ReceiptHandle          string    `xml:"ReceiptHandle"`
	MD5OfBody              string    `xml:"MD5OfBody"`
	Body                   string    `xml:"Body"`
	Attributes             []xmlAttr `xml:"Attribute"`
	MD5OfMessageAttributes string    `xml:"MD5OfMessageAttributes"`
	MessageAttributes      []struct {
		Name  string `xml:"Name"`
		Value struct {
			StringValue string `xml:"StringValue"`
			BinaryValue string `xml:"BinaryValue"`
			DataType    string `xml:"DataType"`
		} `xml:"Value"`
	} `xml:"MessageAttribute"`
}

type receiveResponse struct {
	XMLName  xml.Name     `xml:"http://queue.amazonaws.com/doc/2012-11-05/ ReceiveMessageResponse"`
	Messages []xmlMessage `xml:"ReceiveMessageResult>Message"`
	ID       string       `xml:"ResponseMetadata>RequestId"`
}

func TestQueryProtocolMessaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	var created struct {
		XMLName  xml.Name `xml:"http://queue.amazonaws.com/doc/2012-11-05/ CreateQueueResponse"`
		QueueURL string   `xml:"CreateQueueResult>QueueUrl"`
		ID       string   `xml:"ResponseMetadata>RequestId"`
	}
	e.queryOK(t, "/", values("Action", "CreateQueue", "QueueName", "legacy",
		"Attribute.1.Name", "VisibilityTimeout", "Attribute.1.Value", "45",
		"Tag.1.Key", "team", "Tag.1.Value", "pay"), &created)
	if want := e.srv.URL + "/" + account + "/legacy"; created.QueueURL != want || created.ID == "" {
		t.Fatalf("CreateQueue = %+v, want URL %s and a request ID", created, want)
	}
	path := "/" + account + "/legacy"

	var sent struct {
		MessageID string `xml:"SendMessageResult>MessageId"`
		MD5Body   string `xml:"SendMessageResult>MD5OfMessageBody"`
		MD5Attrs  string `xml:"SendMessageResult>MD5OfMessageAttributes"`
	}
	// Posted to the queue URL itself, with no QueueUrl parameter.
	e.queryOK(t, path, values("Action", "SendMessage", "MessageBody", "hello <xml> & co",
		"MessageAttribute.1.Name", "binaryAttribute", "MessageAttribute.1.Value.DataType", "Binary",
		"MessageAttribute.1.Value.BinaryValue", base64.StdEncoding.EncodeToString([]byte("Hello binary world!"))), &sent)
	if sent.MD5Body != md5hex("hello <xml> & co") {
		t.Fatalf("MD5OfMessageBody = %s", sent.MD5Body)
	}
	if sent.MD5Attrs != "31a92b15d92f8db860eda32aceb656c3" {
		t.Fatalf("MD5OfMessageAttributes = %s, want AWS's 31a92b15d92f8db860eda32aceb656c3", sent.MD5Attrs)
	}

	var got receiveResponse
	e.queryOK(t, "/", values("Action", "ReceiveMessage", "QueueUrl", created.QueueURL, "MaxNumberOfMessages", "5",
		"AttributeName.1", "ApproximateReceiveCount", "AttributeName.2", "SentTimestamp", "MessageAttributeName.1", "All"), &got)
	if len(got.Messages) != 1 {
		t.Fatalf("received %d messages", len(got.Messages))
	}
	m := got.Messages[0]
	if m.Body != "hello <xml> & co" || m.MessageID != sent.MessageID || m.MD5OfBody != md5hex(m.Body) {
		t.Fatalf("message = %+v", m)
	}
	wantAttrs := []xmlAttr{{"ApproximateReceiveCount", "1"}, {"SentTimestamp", "1772366400000"}}
	if diff := cmp.Diff(wantAttrs, m.Attributes); diff != "" {
		t.Fatalf("attributes (-want +got):\n%s", diff)
	}
	if len(m.MessageAttributes) != 1 || m.MessageAttributes[0].Value.BinaryValue != base64.StdEncoding.EncodeToString([]byte("Hello binary world!")) ||
		m.MessageAttributes[0].Value.DataType != "Binary" || m.MD5OfMessageAttributes != sent.MD5Attrs {
		t.Fatalf("message attributes = %+v", m.MessageAttributes)
	}

	var attrs struct {
		Attributes []xmlAttr `xml:"GetQueueAttributesResult>Attribute"`
	}
	e.queryOK(t, path, values("Action", "GetQueueAttributes", "AttributeName.1", "ApproximateNumberOfMessagesNotVisible", "AttributeName.2", "VisibilityTimeout"), &attrs)
	if diff := cmp.Diff([]xmlAttr{{"ApproximateNumberOfMessagesNotVisible", "1"}, {"VisibilityTimeout", "45"}}, attrs.Attributes); diff != "" {
		t.Fatalf("GetQueueAttributes (-want +got):\n%s", diff)
	}

	var batch struct {
		OK []struct {
			ID string `xml:"Id"`
		} `xml:"ChangeMessageVisibilityBatchResult>ChangeMessageVisibilityBatchResultEntry"`
		Failed []struct {
			ID          string `xml:"Id"`
			Code        string `xml:"Code"`
			SenderFault bool   `xml:"SenderFault"`
		} `xml:"ChangeMessageVisibilityBatchResult>BatchResultErrorEntry"`
	}
	e.queryOK(t, path, values("Action", "ChangeMessageVisibilityBatch",
		"ChangeMessageVisibilityBatchRequestEntry.1.Id", "ok", "ChangeMessageVisibilityBatchRequestEntry.1.ReceiptHandle", m.ReceiptHandle,
		"ChangeMessageVisibilityBatchRequestEntry.1.VisibilityTimeout", "0",
		"ChangeMessageVisibilityBatchRequestEntry.2.Id", "bad", "ChangeMessageVisibilityBatchRequestEntry.2.ReceiptHandle", "xyz",
		"ChangeMessageVisibilityBatchRequestEntry.2.VisibilityTimeout", "3"), &batch)
	if len(batch.OK) != 1 || batch.OK[0].ID != "ok" || len(batch.Failed) != 1 || batch.Failed[0].Code != "ReceiptHandleIsInvalid" || !batch.Failed[0].SenderFault {
		t.Fatalf("ChangeMessageVisibilityBatch = %+v", batch)
	}

	got = receiveResponse{}
	e.queryOK(t, path, values("Action", "ReceiveMessage"), &got)
	if len(got.Messages) != 1 {
		t.Fatalf("after visibility 0: %d messages", len(got.Messages))
	}
	e.queryOK(t, path, values("Action", "DeleteMessage", "ReceiptHandle", got.Messages[0].ReceiptHandle), nil)
	e.clock.Advance(time.Hour)
	got = receiveResponse{}
	e.queryOK(t, path, values("Action", "ReceiveMessage"), &got)
	if len(got.Messages) != 0 {
		t.Fatalf("deleted message came back")
	}

	var tags struct {
		Tags []struct {
			Key   string `xml:"Key"`
			Value string `xml:"Value"`
		} `xml:"ListQueueTagsResult>Tag"`
	}
	e.queryOK(t, path, values("Action", "ListQueueTags"), &tags)
	if len(tags.Tags) != 1 || tags.Tags[0].Key != "team" || tags.Tags[0].Value != "pay" {
		t.Fatalf("ListQueueTags = %+v", tags)
	}
	var list struct {
		URLs []string `xml:"ListQueuesResult>QueueUrl"`
	}
	e.queryOK(t, "/", values("Action", "ListQueues", "QueueNamePrefix", "leg"), &list)
	if diff := cmp.Diff([]string{created.QueueURL}, list.URLs); diff != "" {
		t.Fatalf("ListQueues (-want +got):\n%s", diff)
	}
	status, body := e.query(t, path, values("Action", "DeleteQueue"))
	if status != http.StatusOK || !strings.Contains(string(body), "<DeleteQueueResponse") || strings.Contains(string(body), "DeleteQueueResult") {
		t.Fatalf("DeleteQueue: %d %s", status, body)
	}
}

func TestQueryProtocolSendBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.queryOK(t, "/", values("Action", "CreateQueue", "QueueName", "qb"), nil)
	var out struct {
		OK []struct {
			ID       string `xml:"Id"`
			MD5Body  string `xml:"MD5OfMessageBody"`
			MD5Attrs string `xml:"MD5OfMessageAttributes"`
		} `xml:"SendMessageBatchResult>SendMessageBatchResultEntry"`
		Failed []struct {
			ID   string `xml:"Id"`
			Code string `xml:"Code"`
		} `xml:"SendMessageBatchResult>BatchResultErrorEntry"`
	}
	e.queryOK(t, "/"+account+"/qb", values("Action", "SendMessageBatch",
		"SendMessageBatchRequestEntry.1.Id", "n", "SendMessageBatchRequestEntry.1.MessageBody", "num",
		"SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "customNumberTypeAttrib",
		"SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "Number.float",
		"SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "4563442423554324324264524243.32543234",
		"SendMessageBatchRequestEntry.2.Id", "d", "SendMessageBatchRequestEntry.2.MessageBody", "late",
		"SendMessageBatchRequestEntry.2.DelaySeconds", "1000"), &out)
	if len(out.OK) != 1 || out.OK[0].ID != "n" || out.OK[0].MD5Attrs != "9fe1b90bbd9965bdf77bac517c7d2495" || out.OK[0].MD5Body != md5hex("num") {
		t.Fatalf("successful = %+v", out.OK)
	}
	if len(out.Failed) != 1 || out.Failed[0].ID != "d" || out.Failed[0].Code != "InvalidParameterValue" {
		t.Fatalf("failed = %+v", out.Failed)
	}
}

func TestQueryProtocolErrors(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.queryOK(t, "/", values("Action", "CreateQueue", "QueueName", "q", "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "1"), nil)
	qurl := e.srv.URL + "/" + account + "/q"
	e.queryOK(t, "/", values("Action", "SendMessage", "QueueUrl", qurl, "MessageBody", "x"), nil)
	e.clock.Advance(time.Second) // the queue's DelaySeconds
	var got receiveResponse
	e.queryOK(t, "/", values("Action", "ReceiveMessage", "QueueUrl", qurl), &got)
	if len(got.Messages) != 1 {
		t.Fatalf("received %d messages", len(got.Messages))
	}
	deleted := got.Messages[0].ReceiptHandle
	e.queryOK(t, "/", values("Action", "DeleteMessage", "QueueUrl", qurl, "ReceiptHandle", deleted), nil)
	tests := []struct {
		name   string
		path   string
		params []string
		code   string
	}{
		{"missing queue", "/", []string{"Action", "SendMessage", "QueueUrl", e.srv.URL + "/" + account + "/nope", "MessageBody", "x"}, "AWS.SimpleQueueService.NonExistentQueue"},
		{"other account", "/", []string{"Action", "GetQueueAttributes", "QueueUrl", e.srv.URL + "/999999999999/q"}, "AWS.SimpleQueueService.NonExistentQueue"},
		{"unknown action", "/", []string{"Action", "Explode"}, "InvalidAction"},
		{"no action", "/", []string{"QueueName", "q"}, "MissingParameter"},
		{"conflicting create", "/", []string{"Action", "CreateQueue", "QueueName", "q", "Attribute.1.Name", "DelaySeconds", "Attribute.1.Value", "2"}, "QueueAlreadyExists"},
		{"missing body", "/", []string{"Action", "SendMessage", "QueueUrl", qurl}, "MissingParameter"},
		{"not an integer", "/", []string{"Action", "ReceiveMessage", "QueueUrl", qurl, "MaxNumberOfMessages", "ten"}, "InvalidParameterValue"},
		{"bad handle", "/", []string{"Action", "DeleteMessage", "QueueUrl", qurl, "ReceiptHandle", "abc"}, "ReceiptHandleIsInvalid"},
		{"empty batch", "/", []string{"Action", "DeleteMessageBatch", "QueueUrl", qurl}, "AWS.SimpleQueueService.EmptyBatchRequest"},
		{"duplicate ids", "/", []string{"Action", "DeleteMessageBatch", "QueueUrl", qurl,
			"DeleteMessageBatchRequestEntry.1.Id", "a", "DeleteMessageBatchRequestEntry.1.ReceiptHandle", "h",
			"DeleteMessageBatchRequestEntry.2.Id", "a", "DeleteMessageBatchRequestEntry.2.ReceiptHandle", "h"}, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"},
		{"unknown attribute", "/", []string{"Action", "SetQueueAttributes", "QueueUrl", qurl, "Attribute.1.Name", "Nope", "Attribute.1.Value", "1"}, "InvalidAttributeName"},
		{"deleted message", "/", []string{"Action", "ChangeMessageVisibility", "QueueUrl", qurl, "VisibilityTimeout", "5",
			"ReceiptHandle", deleted}, "InvalidParameterValue"},
		{"unknown permission label", "/", []string{"Action", "RemovePermission", "QueueUrl", qurl, "Label", "l"}, "InvalidParameterValue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, body := e.query(t, tc.path, values(tc.params...))
			if status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", status, body)
			}
			var qe queryError
			if err := xml.Unmarshal(body, &qe); err != nil {
				t.Fatalf("decode %s: %v", body, err)
			}
			if qe.Error.Code != tc.code || qe.Error.Type != "Sender" || qe.RequestID == "" || qe.Error.Message == "" {
				t.Fatalf("error = %+v, want code %s from the Sender with a message and request ID", qe, tc.code)
			}
		})
	}
}

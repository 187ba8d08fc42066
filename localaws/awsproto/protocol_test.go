package awsproto_test

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// The wire shapes below follow the AWS protocol documentation (Smithy's
// awsJson1_0/awsJson1_1 and awsQuery protocol pages: __type, the
// x-amzn-query-error header of query-compatible services, ErrorResponse
// with Type/Code/Message) and what SQS and SNS answered when recorded.

func TestJSONWriteError(t *testing.T) {
	t.Parallel()
	sqs := awsproto.JSON{Version: "1.0", TypePrefix: "com.amazonaws.sqs#", QueryCode: func(code string) string {
		if code == "QueueDoesNotExist" {
			return "AWS.SimpleQueueService.NonExistentQueue"
		}
		return code
	}}
	kms := awsproto.JSON{Version: "1.1", ErrorTypeHeader: true}
	tests := []struct {
		name        string
		proto       awsproto.JSON
		err         *awsproto.Error
		wantStatus  int
		wantBody    string
		wantHeaders map[string]string
	}{
		{
			name: "query-compatible SQS", proto: sqs, err: awsproto.Errorf("QueueDoesNotExist", "The specified queue does not exist."),
			wantStatus: 400, wantBody: `{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}`,
			wantHeaders: map[string]string{
				"Content-Type": "application/x-amz-json-1.0", "X-Amzn-Query-Error": "AWS.SimpleQueueService.NonExistentQueue;Sender",
				"X-Amzn-Requestid": "req-1", "X-Amzn-Errortype": "",
			},
		},
		{
			name: "KMS with the error type header", proto: kms, err: awsproto.Internalf("KMSInternalException", "internal error"),
			wantStatus: 500, wantBody: `{"__type":"KMSInternalException","message":"internal error"}`,
			wantHeaders: map[string]string{
				"Content-Type": "application/x-amz-json-1.1", "X-Amzn-Errortype": "KMSInternalException", "X-Amzn-Query-Error": "",
			},
		},
		{
			// AWS answers an error without words with no message member
			// (KMS in LocalStack's AWS-validated snapshots).
			name: "no message", proto: kms, err: awsproto.Errorf("InvalidCiphertextException", ""),
			wantStatus: 400, wantBody: `{"__type":"InvalidCiphertextException"}`,
			wantHeaders: map[string]string{"X-Amzn-Errortype": "InvalidCiphertextException"},
		},
		{
			name: "capital Message (Secrets Manager)", proto: awsproto.JSON{Version: "1.1", CapitalMessage: true},
			err: awsproto.Errorf("ResourceNotFoundException", "Secrets Manager can't find the specified secret."), wantStatus: 400,
			wantBody:    `{"Message":"Secrets Manager can't find the specified secret.","__type":"ResourceNotFoundException"}`,
			wantHeaders: map[string]string{"Content-Type": "application/x-amz-json-1.1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			tt.proto.WriteError(rec, "req-1", tt.err)
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("body = %s, want %s", got, tt.wantBody)
			}
			for k, want := range tt.wantHeaders {
				if got := rec.Header().Get(k); got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestJSONWriteResult(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	awsproto.JSON{Version: "1.0"}.WriteResult(rec, "r", map[string]string{"QueueUrl": "http://x/1/q"})
	if rec.Code != http.StatusOK || rec.Body.String() != `{"QueueUrl":"http://x/1/q"}` {
		t.Errorf("got %d %s", rec.Code, rec.Body.String())
	}
	rec = httptest.NewRecorder()
	awsproto.JSON{Version: "1.0"}.WriteResult(rec, "r", func() {})
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "InternalFailure") {
		t.Errorf("unencodable result answered %d %s, want a 500 InternalFailure", rec.Code, rec.Body.String())
	}
}

func TestDecodeJSON(t *testing.T) {
	t.Parallel()
	type input struct {
		Name  string `json:"Name"`
		Limit int    `json:"Limit"`
	}
	tests := []struct {
		name     string
		body     string
		want     input
		wantCode string
	}{
		{"empty body is an empty object", "  ", input{}, ""},
		{"unknown members are ignored", `{"Name":"a","DryRun":true}`, input{Name: "a"}, ""},
		{"not JSON", `{"Name":`, input{}, "SerializationException"},
		{"wrong type", `{"Limit":"ten"}`, input{}, "SerializationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got input
			err := awsproto.DecodeJSON([]byte(tt.body), &got)
			if code := codeOf(err); code != tt.wantCode {
				t.Fatalf("DecodeJSON(%s) error = %v, want code %q", tt.body, err, tt.wantCode)
			}
			if err == nil && got != tt.want {
				t.Errorf("decoded %+v, want %+v", got, tt.want)
			}
		})
	}
}

func codeOf(err error) string {
	if err == nil {
		return ""
	}
	return awsproto.AsError(err, awsproto.Internalf("Internal", "")).Code
}

type queueURL struct {
	QueueURL string `xml:"QueueUrl"`
}

func TestQueryWriteResult(t *testing.T) {
	t.Parallel()
	q := awsproto.Query{Namespace: "http://queue.amazonaws.com/doc/2012-11-05/"}
	tests := []struct {
		name   string
		result any
		want   string
	}{
		{"with a result", &queueURL{"http://x/1/q"}, `<GetQueueUrlResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><GetQueueUrlResult><QueueUrl>http://x/1/q</QueueUrl></GetQueueUrlResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetQueueUrlResponse>`},
		{"nil pointer writes only metadata", (*queueURL)(nil), `<GetQueueUrlResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetQueueUrlResponse>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			q.WriteResult(rec, "GetQueueUrl", "r-1", tt.result)
			if got := strings.TrimPrefix(rec.Body.String(), xml.Header); got != tt.want {
				t.Errorf("body:\n%s\nwant:\n%s", got, tt.want)
			}
			if rec.Header().Get("Content-Type") != "text/xml" || rec.Header().Get("X-Amzn-RequestId") != "r-1" {
				t.Errorf("headers = %v", rec.Header())
			}
		})
	}
}

func TestQueryWriteError(t *testing.T) {
	t.Parallel()
	sqs := awsproto.Query{Namespace: "http://queue.amazonaws.com/doc/2012-11-05/", ErrorDetail: true, Code: func(c string) string {
		return "AWS.SimpleQueueService." + c
	}}
	sns := awsproto.Query{Namespace: "http://sns.amazonaws.com/doc/2010-03-31/"}
	tests := []struct {
		name       string
		proto      awsproto.Query
		err        *awsproto.Error
		wantStatus int
		want       string
	}{
		{"SQS flavour with Detail and the query code", sqs, awsproto.Errorf("NonExistentQueue", "The specified queue does not exist."), 400,
			`<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code><Message>The specified queue does not exist.</Message><Detail></Detail></Error><RequestId>r-2</RequestId></ErrorResponse>`},
		{"SNS flavour without Detail", sns, awsproto.StatusErrorf(404, "NotFound", "Topic does not exist"), 404,
			`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r-2</RequestId></ErrorResponse>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := httptest.NewRecorder()
			tt.proto.WriteError(rec, "r-2", tt.err)
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if diff := cmp.Diff(tt.want, strings.TrimPrefix(rec.Body.String(), xml.Header)); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

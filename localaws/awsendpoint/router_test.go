package awsendpoint_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/awsproto"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
	"github.com/payflow-dev/payflow/localaws/kmslocal"
	"github.com/payflow-dev/payflow/localaws/secretslocal"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
	"github.com/payflow-dev/payflow/localaws/snslocal"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// named is a service that answers with its name and the body it was given,
// so a test sees both where a request went and that the router left the
// body intact. Its routing is copied from a real service's.
type named struct {
	name    string
	routing awsproto.Routing
}

func (n named) Routing() awsproto.Routing { return n.routing }

func (n named) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	_, _ = io.WriteString(w, n.name+":"+string(b))
}

// realRoutings returns stand-ins that route exactly like the real
// emulators, so the test checks the actions each service declares.
func realRoutings() []awsproto.Routable {
	return []awsproto.Routable{
		named{"states", sfnlocal.New(sfnlocal.Config{}).Routing()},
		named{"sqs", sqslocal.New(sqslocal.Config{}).Routing()},
		named{"sns", snslocal.New(snslocal.Config{}).Routing()},
		named{"kms", kmslocal.New(kmslocal.Config{}).Routing()},
		named{"secretsmanager", secretslocal.New(secretslocal.Config{}).Routing()},
		named{"dynamodb", dynamolocal.New(dynamolocal.Config{}).Routing()},
	}
}

func newRouter(tb testing.TB, services ...awsproto.Routable) *awsendpoint.Router {
	tb.Helper()
	rt, err := awsendpoint.NewRouter(services...)
	if err != nil {
		tb.Fatal(err)
	}
	return rt
}

func TestRouterDispatch(t *testing.T) {
	t.Parallel()
	rt := newRouter(t, realRoutings()...)
	const scope = "AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=x"
	form := "application/x-www-form-urlencoded"
	tests := []struct {
		name    string
		method  string
		path    string
		headers map[string]string
		body    string
		want    string
	}{
		{"step functions target", "POST", "/", map[string]string{"X-Amz-Target": "AWSStepFunctions.StartExecution"}, "{}", "states:{}"},
		{"sqs json target", "POST", "/", map[string]string{"X-Amz-Target": "AmazonSQS.SendMessage"}, "{}", "sqs:{}"},
		{"kms target", "POST", "/", map[string]string{"X-Amz-Target": "TrentService.Encrypt"}, "{}", "kms:{}"},
		{"secrets manager target", "POST", "/", map[string]string{"X-Amz-Target": "secretsmanager.GetSecretValue"}, "{}", "secretsmanager:{}"},
		{"secrets manager by scope", "POST", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "secretsmanager", 1)}, "{}", "secretsmanager:{}"},
		{"dynamodb target", "POST", "/", map[string]string{"X-Amz-Target": "DynamoDB_20120810.GetItem"}, "{}", "dynamodb:{}"},
		{"dynamodb by scope", "POST", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "dynamodb", 1)}, "{}", "dynamodb:{}"},
		{"sns by scope", "POST", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "sns", 1), "Content-Type": form}, "Action=Publish", "sns:Action=Publish"},
		{"sqs by scope", "POST", "/", map[string]string{"Authorization": strings.Replace(scope, "%s", "sqs", 1), "Content-Type": form}, "Action=ListQueues", "sqs:Action=ListQueues"},
		{"sns by action", "POST", "/", map[string]string{"Content-Type": form}, "Action=CreateTopic&Name=t", "sns:Action=CreateTopic&Name=t"},
		{"sqs by action", "POST", "/", map[string]string{"Content-Type": form + "; charset=utf-8"}, "Version=2012-11-05&Action=ReceiveMessage", "sqs:Version=2012-11-05&Action=ReceiveMessage"},
		{"sqs action in the URL", "GET", "/?Action=ListQueues", nil, "", "sqs:"},
		{"sqs by queue path", "POST", "/123456789012/orders", nil, "x", "sqs:x"},
		{"an action both have, posted to a queue URL", "POST", "/123456789012/orders", map[string]string{"Content-Type": form},
			"Action=AddPermission&Label=l", "sqs:Action=AddPermission&Label=l"},
		{"an action both have, posted to the root", "POST", "/", map[string]string{"Content-Type": form},
			"Action=AddPermission&Label=l", "sns:Action=AddPermission&Label=l"},
		{"sns signing certificate", "GET", snslocal.CertPath, nil, "", "sns:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
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
	rt := newRouter(t, realRoutings()...)
	tests := []struct {
		name    string
		headers map[string]string
		body    string
	}{
		{"unknown target", map[string]string{"X-Amz-Target": "Kinesis_20131202.PutRecord"}, "{}"},
		{"unknown action", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "Action=DescribeInstances"},
		{"no hint at all", nil, "{}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(tt.body))
			for k, v := range tt.headers {
				req.Header.Set(k, v)
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

func TestRouterListsItsServices(t *testing.T) {
	t.Parallel()
	rec := httptest.NewRecorder()
	newRouter(t, realRoutings()...).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	var got struct{ Services []string }
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("GET / = %d %q: %v", rec.Code, rec.Body.String(), err)
	}
	if diff := cmp.Diff([]string{"dynamodb", "kms", "secretsmanager", "sns", "sqs", "states"}, got.Services); diff != "" {
		t.Errorf("services (-want +got):\n%s", diff)
	}
}

func TestRegisterRefusesClashes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		routing awsproto.Routing
		want    string
	}{
		{"same signing name", awsproto.Routing{SigningName: "sqs"}, `signing name "sqs" is already sqs's`},
		{"same target prefix", awsproto.Routing{SigningName: "other", TargetPrefix: "TrentService"}, `X-Amz-Target prefix "TrentService" is already kms's`},
		{"same query action", awsproto.Routing{SigningName: "other", Actions: []string{"Publish"}}, `query action "Publish" is already sns's`},
		{"no signing name", awsproto.Routing{TargetPrefix: "X"}, "no SigV4 signing name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rt := newRouter(t, realRoutings()...)
			err := rt.Register(named{"other", tt.routing})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Register = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

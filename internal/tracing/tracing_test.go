package tracing_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/smithy-go/middleware"

	"github.com/payflow-dev/payflow/internal/tracing"
)

// header is the AWSTraceHeader format SQS documents for the system
// attribute (docs.aws.amazon.com, SQS "ReceiveMessage" MessageSystemAttributeName).
const header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"

func TestTheMessageTraceReachesEveryAWSCall(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Get(tracing.HeaderName))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		_, _ = w.Write([]byte(`{}`))
	}))
	defer srv.Close()
	cfg := aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", ""),
		APIOptions:  []func(*middleware.Stack) error{tracing.AddToRequests}}
	c := sfn.NewFromConfig(cfg)
	if _, err := c.SendTaskHeartbeat(tracing.WithHeader(context.Background(), header), &sfn.SendTaskHeartbeatInput{TaskToken: aws.String("t")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SendTaskHeartbeat(context.Background(), &sfn.SendTaskHeartbeatInput{TaskToken: aws.String("t")}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0] != header || seen[1] != "" {
		t.Errorf("trace headers sent = %q, want the message's on the first call and none on the second", seen)
	}
}

func TestLogLinesNameTheRequestAndTrace(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	log := slog.New(tracing.LogHandler(slog.NewJSONHandler(&out, nil))).With("orderId", "o-1")
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
	log.InfoContext(tracing.WithHeader(ctx, header), "paid")
	log.InfoContext(context.Background(), "no context")
	lines := bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n"))
	var first, second map[string]any
	if err := json.Unmarshal(lines[0], &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lines[1], &second); err != nil {
		t.Fatal(err)
	}
	if first["requestId"] != "req-1" || first["traceId"] != "1-5759e988-bd862e3fe1be46a994272793" || first["orderId"] != "o-1" {
		t.Errorf("first line = %v, want requestId, traceId and orderId", first)
	}
	if _, ok := second["traceId"]; ok {
		t.Errorf("a line without a traced context names a trace: %v", second)
	}
}

func TestTraceID(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		header:                      "1-5759e988-bd862e3fe1be46a994272793",
		"Sampled=0; Root=1-abc-def": "1-abc-def",
		"":                          "",
		"Parent=1":                  "",
	} {
		if got := tracing.TraceID(in); got != want {
			t.Errorf("TraceID(%q) = %q, want %q", in, got, want)
		}
	}
}

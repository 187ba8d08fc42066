package e2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/cmd/local/hosted"
	"github.com/payflow-dev/payflow/localaws/stack"
)

const templatePath = "../../template.yml"

// harness is one local stack started for one test.
type harness struct {
	tb     testing.TB
	local  *stack.Local
	clock  *clock.Fake // nil with the real clock
	sqs    *sqs.Client
	sfn    *sfn.Client
	http   *http.Client
	logs   *logtest.Buffer
	seenMu sync.Mutex
	seen   []string // every response body and message body the test saw
	// orderIDs are the orders placed, whose encryption contexts the
	// ciphertext search tries.
	orderIDs []string

	paymentQueue string
	dlq          string
	testQueue    string
	callbackID   string
}

type options struct {
	fakeClock  bool
	noCallback bool              // leave the callback function unstarted
	params     map[string]string // template parameters
}

func start(tb testing.TB, o options) *harness {
	tb.Helper()
	h := &harness{tb: tb, logs: &logtest.Buffer{}, http: &http.Client{Timeout: 10 * time.Second}}
	h.http.Transport = signedTransport(nil, "us-east-1", func() time.Time {
		if h.clock != nil {
			return h.clock.Now()
		}
		return time.Now()
	})
	var clk clock.Clock = clock.NewReal()
	if o.fakeClock {
		h.clock = clock.NewFake(time.Now().UTC().Truncate(time.Second))
		clk = h.clock
	}
	code := hosted.Code()
	if o.noCallback {
		code.Queue = nil
	}
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: templatePath, Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "e2e", Code: code, Clock: clk, Parameters: o.params,
		Logger: slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		tb.Fatalf("start the local stack: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := local.Close(ctx); err != nil {
			tb.Errorf("close the local stack: %v", err)
		}
	})
	h.local = local
	h.sqs = sqs.NewFromConfig(local.AWS)
	h.sfn = sfn.NewFromConfig(local.AWS)
	h.discover()
	return h
}

// discover finds the payment queue (the callback's event source), its
// dead-letter queue (from its RedrivePolicy) and the test queue (the
// template output naming it).
func (h *harness) discover() {
	h.tb.Helper()
	for _, f := range h.local.Stack.Functions {
		if len(f.Queues) > 0 {
			h.paymentQueue, h.callbackID = f.Queues[0].QueueURL, f.LogicalID
		}
	}
	if h.paymentQueue == "" {
		h.tb.Fatal("template has no function with an SQS event")
	}
	attrs := h.queueAttributes(h.paymentQueue, "RedrivePolicy")
	var redrive struct {
		DeadLetterTargetArn string `json:"deadLetterTargetArn"`
	}
	if err := json.Unmarshal([]byte(attrs["RedrivePolicy"]), &redrive); err != nil {
		h.tb.Fatalf("payment queue RedrivePolicy %q: %v", attrs["RedrivePolicy"], err)
	}
	name := redrive.DeadLetterTargetArn[strings.LastIndexByte(redrive.DeadLetterTargetArn, ':')+1:]
	out, err := h.sqs.GetQueueUrl(context.Background(), &sqs.GetQueueUrlInput{QueueName: aws.String(name)})
	if err != nil {
		h.tb.Fatalf("dead-letter queue: %v", err)
	}
	h.dlq = aws.ToString(out.QueueUrl)
	for name, o := range h.local.Stack.Outputs {
		lower := strings.ToLower(name)
		if strings.Contains(lower, "test") && strings.Contains(lower, "url") {
			h.testQueue = o.Value
		}
	}
	if h.testQueue == "" {
		h.tb.Fatalf("no output names the test queue URL: %v", h.local.Stack.Outputs)
	}
}

func (h *harness) queueAttributes(url string, names ...string) map[string]string {
	h.tb.Helper()
	var attrNames []sqstypes.QueueAttributeName
	for _, n := range names {
		attrNames = append(attrNames, sqstypes.QueueAttributeName(n))
	}
	out, err := h.sqs.GetQueueAttributes(context.Background(), &sqs.GetQueueAttributesInput{QueueUrl: aws.String(url), AttributeNames: attrNames})
	if err != nil {
		h.tb.Fatalf("GetQueueAttributes %s: %v", url, err)
	}
	return out.Attributes
}

// count returns a queue's visible plus in-flight messages.
func (h *harness) count(url string) int {
	h.tb.Helper()
	a := h.queueAttributes(url, "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")
	var n, m int
	fmt.Sscan(a["ApproximateNumberOfMessages"], &n)
	fmt.Sscan(a["ApproximateNumberOfMessagesNotVisible"], &m)
	return n + m
}

func (h *harness) record(s string) {
	h.seenMu.Lock()
	h.seen = append(h.seen, s)
	h.seenMu.Unlock()
}

// do sends one API request and returns the status and body.
func (h *harness) do(method, path string, body any) (int, []byte) {
	h.tb.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			h.tb.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, h.local.APIURL+path, r)
	if err != nil {
		h.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := h.http.Do(req)
	if err != nil {
		h.tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		h.tb.Fatal(err)
	}
	h.record(string(b))
	return resp.StatusCode, b
}

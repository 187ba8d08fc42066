package e2e_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/simulator"
)

// callbackEnv builds one callback environment (one Lambda execution
// environment) from the template's Environment, with its own SDK clients
// over transport and the processor every environment shares, as they
// would share one acquirer.
func (h *harness) callbackEnv(tb testing.TB, p orders.PaymentProcessor, transport http.RoundTripper) functions.CallbackHandler {
	tb.Helper()
	var env map[string]string
	for _, f := range h.local.Stack.Functions {
		if f.LogicalID == h.callbackID {
			env = f.Env
		}
	}
	cfg := h.local.AWS.Copy()
	if transport != nil {
		cfg.HTTPClient = &http.Client{Transport: transport}
	}
	handle, err := functions.Callback(context.Background(), functions.Deps{
		AWS: cfg, Getenv: func(k string) string { return env[k] }, Clock: h.clock, Processor: p,
		Logger: slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		tb.Fatal(err)
	}
	return handle
}

// receive takes the payment message of the one order waiting, as the
// event source mapping would hand it to a function.
func (h *harness) receive(tb testing.TB) events.SQSEvent {
	tb.Helper()
	var out *sqs.ReceiveMessageOutput
	waitFor(tb, "the payment message", func() bool {
		var err error
		out, err = h.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{
			QueueUrl: aws.String(h.paymentQueue), MaxNumberOfMessages: 1, VisibilityTimeout: 0,
		})
		if err != nil {
			tb.Fatal(err)
		}
		return len(out.Messages) == 1
	})
	m := out.Messages[0]
	h.record(aws.ToString(m.Body))
	return events.SQSEvent{Records: []events.SQSMessage{{
		MessageId: aws.ToString(m.MessageId), ReceiptHandle: aws.ToString(m.ReceiptHandle), Body: aws.ToString(m.Body),
	}}}
}

// failSendTaskSuccess is a transport on which Step Functions throttles
// every SendTaskSuccess, as a callback environment in trouble sees it.
type failSendTaskSuccess struct{ next http.RoundTripper }

func (f failSendTaskSuccess) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Header.Get("X-Amz-Target") == "AWSStepFunctions.SendTaskSuccess" {
		body := `{"__type":"ThrottlingException","message":"Rate exceeded"}`
		return &http.Response{StatusCode: 400, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
			Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
	}
	return f.next.RoundTrip(r)
}

// crashAfterCharge approves through the shared processor, then dies before
// anything is recorded: a panic (the function crashed) or, with timeout,
// by outliving the invocation's deadline (Lambda's timeout).
type crashAfterCharge struct {
	orders.PaymentProcessor
	timeout bool
}

func (c crashAfterCharge) Authorize(ctx context.Context, ch orders.Charge) (orders.Approval, error) {
	a, err := c.PaymentProcessor.Authorize(ctx, ch)
	if c.timeout {
		<-ctx.Done()
		return a, err
	}
	panic("the function crashed after the charge")
}

// TestRedeliveryToAnotherEnvironmentChargesOnce runs two callback
// environments against one stack: A charges and then cannot answer
// (throttled answer, crash, Lambda timeout), B gets the redelivery. The
// processor charges once and the order ends PAID.
func TestRedeliveryToAnotherEnvironmentChargesOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		transport func() http.RoundTripper
		wrap      func(orders.PaymentProcessor) orders.PaymentProcessor
		timeout   bool
	}{
		{"SendTaskSuccess fails", func() http.RoundTripper { return failSendTaskSuccess{next: http.DefaultTransport} }, nil, false},
		{"crash between charge and answer", nil, func(p orders.PaymentProcessor) orders.PaymentProcessor {
			return crashAfterCharge{PaymentProcessor: p}
		}, false},
		{"Lambda timeout after the charge", nil, func(p orders.PaymentProcessor) orders.PaymentProcessor {
			return crashAfterCharge{PaymentProcessor: p, timeout: true}
		}, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := start(t, options{fakeClock: true, noCallback: true})
			defer dumpLogs(t, h)
			shared := simulator.New(simulator.Config{Clock: h.clock})
			var pa orders.PaymentProcessor = shared
			if tt.wrap != nil {
				pa = tt.wrap(shared)
			}
			var transport http.RoundTripper
			if tt.transport != nil {
				transport = tt.transport()
			}
			a := h.callbackEnv(t, pa, transport)
			b := h.callbackEnv(t, shared, nil)
			id := fmt.Sprintf("two-envs-%d", i)
			if code, _ := h.place(newOrder(id, cardApproved)); code != 202 {
				t.Fatalf("POST = %d", code)
			}
			event := h.receive(t)
			ctx := context.Background()
			if tt.timeout {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, 200*time.Millisecond)
				defer cancel()
			}
			resp, err := a(ctx, event)
			if err != nil || len(resp.BatchItemFailures) != 1 {
				t.Fatalf("A = %+v, %v; want its message left for a redelivery", resp, err)
			}
			// The redelivery comes after the visibility timeout, by which
			// time a claim A left behind has expired.
			h.clock.Advance(6 * time.Minute)
			resp, err = b(context.Background(), event)
			if err != nil || len(resp.BatchItemFailures) != 0 {
				t.Fatalf("B = %+v, %v; want the message done", resp, err)
			}
			if got := h.waitTerminal(id, 0); got.PaymentStatus != orders.PaymentPaid {
				t.Errorf("status = %+v, want PAID", got)
			}
			if n := shared.Performed(); n != 1 {
				t.Errorf("the processor charged %d times, want once", n)
			}
			h.checkVaultEmpty(t, id)
			h.checkNoCardData(cardApproved)
		})
	}
}

// blockingProcessor holds every authorization until released.
type blockingProcessor struct {
	*simulator.Processor
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *blockingProcessor) Authorize(ctx context.Context, c orders.Charge) (orders.Approval, error) {
	b.once.Do(func() { close(b.started) })
	select {
	case <-b.release:
	case <-ctx.Done():
		return orders.Approval{}, ctx.Err()
	}
	return b.Processor.Authorize(ctx, c)
}

// TestStopWhileAuthorizingVoids stops the execution while the processor
// is authorizing: the approval that follows cannot be given to the
// workflow, so it is voided and a VOIDED notification published.
func TestStopWhileAuthorizingVoids(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	defer dumpLogs(t, h)
	p := &blockingProcessor{
		Processor: simulator.New(simulator.Config{Clock: h.clock}),
		started:   make(chan struct{}), release: make(chan struct{}),
	}
	handle := h.callbackEnv(t, p, nil)
	code, placed := h.place(newOrder("stop-1", cardApproved))
	if code != 202 {
		t.Fatalf("POST = %d", code)
	}
	event := h.receive(t)
	done := make(chan events.SQSEventResponse, 1)
	go func() {
		resp, err := handle(context.Background(), event)
		if err != nil {
			t.Error(err)
		}
		done <- resp
	}()
	select {
	case <-p.started:
	case <-time.After(20 * time.Second):
		t.Fatal("the authorization never started")
	}
	if _, err := h.sfn.StopExecution(context.Background(), &sfn.StopExecutionInput{ExecutionArn: aws.String(placed.ExecutionArn)}); err != nil {
		t.Fatal(err)
	}
	if got := h.waitTerminal("stop-1", 0); got.PaymentStatus != orders.PaymentCancelled {
		t.Fatalf("status = %+v, want CANCELLED", got)
	}
	close(p.release)
	select {
	case resp := <-done:
		if len(resp.BatchItemFailures) != 0 {
			t.Errorf("the message was left for a retry: %+v", resp)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the callback never finished")
	}
	if p.Performed() != 1 {
		t.Fatalf("performed %d authorizations, want 1", p.Performed())
	}
	notes := h.notifications()["stop-1"]
	if len(notes) != 1 || notes[0].Status != orders.PaymentVoided {
		t.Errorf("notifications = %+v, want one VOIDED", notes)
	}
	h.checkVaultEmpty(t, "stop-1")
	h.checkNoCardData(cardApproved)
}

// TestReplayWithAnotherCVVIsAReplay places an order, then places it again
// without its first CVV: the CVV is not part of what identifies an order.
func TestReplayWithAnotherCVVIsAReplay(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
	o := newOrder("cvv-1", cardApproved)
	code, first := h.place(o)
	if code != 202 {
		t.Fatalf("first POST = %d", code)
	}
	if got := h.waitTerminal("cvv-1", 0); got.PaymentStatus != orders.PaymentPaid {
		t.Fatalf("status = %+v", got)
	}
	o.CVV = "123"
	if code, again := h.place(o); code != 200 || again.ExecutionArn != first.ExecutionArn {
		t.Errorf("replay with another CVV = %d %s, want 200 with %s", code, again.ExecutionArn, first.ExecutionArn)
	}
	h.checkVaultEmpty(t, "cvv-1")
}

// checkVaultEmpty fails if the card vault holds any entry of the orders.
func (h *harness) checkVaultEmpty(tb testing.TB, orderIDs ...string) {
	tb.Helper()
	var table string
	for _, f := range h.local.Stack.Functions {
		if f.LogicalID == h.callbackID {
			table = f.Env[functions.EnvVaultTable]
		}
	}
	out, err := dynamodb.NewFromConfig(h.local.AWS).Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(table), ConsistentRead: aws.Bool(true)})
	if err != nil {
		tb.Fatalf("scan the vault: %v", err)
	}
	for _, item := range out.Items {
		key, _ := item["orderId"].(*ddbtypes.AttributeValueMemberS)
		for _, id := range orderIDs {
			if key != nil && key.Value == id {
				tb.Errorf("the vault still holds a card of %s", id)
			}
		}
	}
}

package templatecheck_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/asl"
)

const (
	queueURL = "http://127.0.0.1:4566/123456789012/PaymentQueue"
	topicArn = "arn:aws:sns:us-east-1:123456789012:NotificationTopic"
)

// workflow runs the payment state machine on the ASL engine, with the
// queue and the topic replaced by recorders.
type workflow struct {
	engine *asl.Engine
	clock  *clock.Fake
	queued chan asl.TaskCall

	mu        sync.Mutex
	published []json.RawMessage
	snsErr    error
}

func newWorkflow(tb testing.TB) (*workflow, *asl.Machine) {
	tb.Helper()
	def := readDefinition(tb, loadTemplate(tb))
	def = strings.NewReplacer("${PaymentQueueUrl}", queueURL, "${PaymentTopicArn}", topicArn, "${CardVaultTable}", "CardVault").Replace(def)
	m, err := asl.Parse([]byte(def))
	if err != nil {
		tb.Fatalf("the engine refuses the definition: %v", err)
	}
	w := &workflow{clock: clock.NewFake(time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)), queued: make(chan asl.TaskCall, 4)}
	w.engine = asl.NewEngine(asl.EngineConfig{Clock: w.clock, Resources: asl.Resources{
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			w.queued <- c
			return json.RawMessage(`{"MessageId":"m-1"}`), nil
		},
		"arn:aws:states:::dynamodb:deleteItem": func(context.Context, asl.TaskCall) (json.RawMessage, error) {
			return json.RawMessage(`{}`), nil
		},
		"arn:aws:states:::sns:publish": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			w.mu.Lock()
			defer w.mu.Unlock()
			w.published = append(w.published, c.Parameters)
			if w.snsErr != nil {
				return nil, w.snsErr
			}
			return json.RawMessage(`{"MessageId":"n-1"}`), nil
		},
	}})
	return w, m
}

type nopRecorder struct{}

func (nopRecorder) Record(asl.Event) {}

func (w *workflow) start(m *asl.Machine, name string, input any) <-chan asl.Outcome {
	raw, _ := json.Marshal(input)
	done := make(chan asl.Outcome, 1)
	w.engine.Start(m, asl.StartParams{
		ExecutionArn: "arn:aws:states:us-east-1:123456789012:execution:Payments:" + name, Name: name,
		StateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Payments", StateMachineName: "Payments",
		Input: raw,
	}, nopRecorder{}, func(o asl.Outcome) { done <- o })
	return done
}

// await waits for the outcome. With advance set it also moves the fake
// clock whenever the workflow waits on it, for retry intervals; only
// scenarios whose task timers are already closed may set it, or the clock
// would race the task's own timeouts.
func (w *workflow) await(tb testing.TB, done <-chan asl.Outcome, advance bool) asl.Outcome {
	tb.Helper()
	stop := make(chan struct{})
	defer close(stop)
	if advance {
		go func() {
			for w.clock.WaitForTimers(1, stop) {
				w.clock.Advance(10 * time.Second)
			}
		}()
	}
	select {
	case o := <-done:
		return o
	case <-time.After(10 * time.Second):
		tb.Fatal("the execution never ended")
	}
	return asl.Outcome{}
}

// notification is what one sns:publish call carried.
type notification struct {
	Subject string
	Status  string
	Message orders.Notification
}

func (w *workflow) notifications(tb testing.TB) []notification {
	tb.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []notification
	for _, raw := range w.published {
		var p struct {
			TopicArn, Subject, Message string
			MessageAttributes          map[string]struct{ DataType, StringValue string }
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			tb.Fatalf("sns:publish parameters: %v", err)
		}
		if p.TopicArn != topicArn {
			tb.Errorf("published to %q, want %q", p.TopicArn, topicArn)
		}
		var n orders.Notification
		dec := json.NewDecoder(strings.NewReader(p.Message))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&n); err != nil {
			tb.Fatalf("notification message %q is not an orders.Notification: %v", p.Message, err)
		}
		out = append(out, notification{Subject: p.Subject, Status: p.MessageAttributes["status"].StringValue, Message: n})
	}
	return out
}

func sealedInput() orders.PaymentRequest {
	return orders.PaymentRequest{
		OrderID: "order-1", CustomerID: "cust-42", OrderDate: "2026-11-26", Amount: "100.00", Currency: "EUR",
		Card:     orders.CardRef{Brand: "visa", Last4: "4242"},
		VaultRef: "ref-1", RequestDigest: "ZGlnZXN0",
	}
}

// walkthroughInput is the original walkthrough's CLI input.
func walkthroughInput() map[string]any {
	return map[string]any{
		"orderId": "1234567", "customerId": "98766", "orderDate": "2024-01-14", "amount": 100,
		"nameOnCard": "FIRSTNAME LASTNAME", "creditCardNumber": "1234 1234 1234 1234", "expiry": "XX/YY", "cvv": "123",
	}
}

func TestWorkflowOutcomes(t *testing.T) {
	t.Parallel()
	paid := orders.Notification{OrderID: "order-1", Amount: "100.00", Currency: "EUR", Brand: "visa", Last4: "4242"}
	with := func(n orders.Notification, status, errName, reason string) orders.Notification {
		n.Status, n.Error, n.Reason = status, errName, reason
		return n
	}
	tests := []struct {
		name   string
		input  any
		answer func(w *workflow, token string) // nil: no message expected on the queue
		snsErr error
		want   asl.Outcome
		note   notification
	}{
		{
			name:  "approved ends SUCCEEDED",
			input: sealedInput(),
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskSuccess(token, json.RawMessage(`{"status":"PAID","authorizationId":"auth-1","authorizedAt":"2026-11-26T10:00:00Z","notification":{"orderId":"order-1","status":"PAID","amount":"100.00","currency":"EUR","brand":"visa","last4":"4242"}}`)))
			},
			want: asl.Outcome{Status: orders.ExecutionSucceeded},
			note: notification{Subject: "Payment PAID for order order-1", Status: "PAID", Message: with(paid, "PAID", "", "")},
		},
		{
			name:  "declined ends FAILED with the callback's error",
			input: sealedInput(),
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskFailure(token, orders.ErrorDeclined, "the card was declined by its issuer"))
			},
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorDeclined, Cause: "the card was declined by its issuer"},
			note: notification{Subject: "Payment DECLINED for order order-1", Status: "DECLINED",
				Message: with(paid, "DECLINED", orders.ErrorDeclined, "the card was declined by its issuer")},
		},
		{
			name:  "insufficient funds",
			input: sealedInput(),
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskFailure(token, orders.ErrorInsufficientFunds, "the card has insufficient funds"))
			},
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorInsufficientFunds, Cause: "the card has insufficient funds"},
			note: notification{Subject: "Payment DECLINED for order order-1", Status: "DECLINED",
				Message: with(paid, "DECLINED", orders.ErrorInsufficientFunds, "the card has insufficient funds")},
		},
		{
			name:  "no heartbeat ends TIMED_OUT in the notification and Payment.TimedOut in the execution",
			input: sealedInput(),
			answer: func(w *workflow, _ string) {
				// The task's timeout and heartbeat timers, then past the
				// heartbeat deadline only.
				if !w.clock.WaitForTimers(2, t.Context().Done()) {
					t.Error("the task never armed its timers")
				}
				w.clock.Advance(421 * time.Second)
			},
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorTimedOut,
				Cause: "The payment processor did not answer before the task's timeout or heartbeat deadline."},
			note: notification{Subject: "Payment TIMED_OUT for order order-1", Status: "TIMED_OUT",
				Message: with(paid, "TIMED_OUT", orders.ErrorTimedOut, "The payment processor did not answer in time (States.Timeout).")},
		},
		{
			name:  "callback's invalid request",
			input: sealedInput(),
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskFailure(token, orders.ErrorInvalidRequest, "the sealed card cannot be opened for order order-1"))
			},
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorInvalidRequest, Cause: "the sealed card cannot be opened for order order-1"},
			note: notification{Subject: "Payment FAILED for order order-1", Status: "FAILED",
				Message: orders.Notification{OrderID: "order-1", Status: "FAILED", Error: orders.ErrorInvalidRequest, Reason: "the sealed card cannot be opened for order order-1"}},
		},
		{
			name:  "any other error ends Payment.Failed without internals in the notification",
			input: sealedInput(),
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskFailure(token, "Processor.Exploded", "stack trace with internals"))
			},
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorFailed,
				Cause: "The payment could not be processed; the execution history has the details."},
			note: notification{Subject: "Payment FAILED for order order-1", Status: "FAILED",
				Message: with(paid, "FAILED", orders.ErrorFailed, "The payment could not be processed.")},
		},
		{
			name:   "a notification that cannot be sent does not change a payment",
			input:  sealedInput(),
			snsErr: &asl.TaskFailure{Name: "SNS.InternalErrorException", Cause: "down"},
			answer: func(w *workflow, token string) {
				mustSend(t, w.engine.SendTaskSuccess(token, json.RawMessage(`{"status":"PAID","notification":{"orderId":"order-1","status":"PAID","amount":"100.00","currency":"EUR","brand":"visa","last4":"4242"}}`)))
			},
			want: asl.Outcome{Status: orders.ExecutionSucceeded},
			note: notification{Subject: "Payment PAID for order order-1", Status: "PAID", Message: with(paid, "PAID", "", "")},
		},
		{
			name:  "walkthrough's raw input never reaches the queue",
			input: walkthroughInput(),
			want:  asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorInvalidRequest},
			note: notification{Subject: "Payment FAILED for order order-1", Status: "FAILED",
				Message: orders.Notification{OrderID: "order-1", Status: "FAILED", Error: orders.ErrorInvalidRequest}},
		},
		{
			// Types and values are the callback's to check (it answers
			// Payment.InvalidRequest); the workflow refuses what lacks a
			// field, without spending a state transition per paid order.
			name: "input without a vault reference never reaches the queue",
			input: func() map[string]any {
				var m map[string]any
				raw, _ := json.Marshal(sealedInput())
				_ = json.Unmarshal(raw, &m)
				delete(m, "vaultRef")
				return m
			}(),
			want: asl.Outcome{Status: orders.ExecutionFailed, Error: orders.ErrorInvalidRequest},
			note: notification{Subject: "Payment FAILED for order order-1", Status: "FAILED",
				Message: orders.Notification{OrderID: "order-1", Status: "FAILED", Error: orders.ErrorInvalidRequest}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w, m := newWorkflow(t)
			w.snsErr = tt.snsErr
			done := w.start(m, "order-1", tt.input)
			if tt.answer != nil {
				var call asl.TaskCall
				select {
				case call = <-w.queued:
				case <-time.After(10 * time.Second):
					t.Fatal("nothing was queued")
				}
				checkQueued(t, call)
				tt.answer(w, call.TaskToken)
			}
			got := w.await(t, done, tt.snsErr != nil)
			if tt.answer == nil {
				// The cause explains what a sealed request looks like.
				if !strings.Contains(got.Cause, "not a payment request") {
					t.Errorf("cause %q does not explain the refusal", got.Cause)
				}
				got.Cause = ""
				select {
				case c := <-w.queued:
					t.Errorf("an invalid input was queued: %s", c.Parameters)
				default:
				}
			}
			got.Output, got.StopTime = nil, time.Time{}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("outcome (-want +got):\n%s", diff)
			}
			notes := w.notifications(t)
			if len(notes) == 0 {
				t.Fatal("nothing was published")
			}
			last := notes[len(notes)-1]
			if tt.answer == nil {
				last.Message.Reason = ""
			}
			if diff := cmp.Diff(tt.note, last); diff != "" {
				t.Errorf("notification (-want +got):\n%s", diff)
			}
			w.mu.Lock()
			published := string(joinRaw(w.published))
			w.mu.Unlock()
			for _, secret := range []string{"1234 1234 1234 1234", `"cvv"`, "creditCardNumber", "c2VhbGVk"} {
				if strings.Contains(published, secret) {
					t.Errorf("a notification carries %q: %s", secret, published)
				}
			}
		})
	}
}

// checkQueued checks the payment message the workflow queued.
func checkQueued(tb testing.TB, call asl.TaskCall) {
	tb.Helper()
	var p struct {
		QueueUrl    string
		MessageBody orders.PaymentMessage
	}
	if err := json.Unmarshal(call.Parameters, &p); err != nil {
		tb.Fatalf("sqs:sendMessage parameters: %v", err)
	}
	want := orders.PaymentMessage{
		TaskToken: call.TaskToken, ExecutionARN: "arn:aws:states:us-east-1:123456789012:execution:Payments:order-1", Payment: sealedInput(),
	}
	if diff := cmp.Diff(want, p.MessageBody); diff != "" || p.QueueUrl != queueURL || call.TaskToken == "" {
		tb.Errorf("queued %s to %s (-want +got body):\n%s", call.Parameters, p.QueueUrl, diff)
	}
}

func mustSend(tb testing.TB, err error) {
	tb.Helper()
	if err != nil && !errors.Is(err, asl.ErrTaskDoesNotExist) {
		tb.Errorf("answering the task: %v", err)
	}
}

func joinRaw(rs []json.RawMessage) []byte {
	var b []byte
	for _, r := range rs {
		b = append(b, r...)
	}
	return b
}

package statemachine_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
	"github.com/payflow-dev/payflow/statemachine"
)

const (
	queueURL   = "http://127.0.0.1:4566/123456789012/payments"
	topicARN   = "arn:aws:sns:us-east-1:123456789012:payments"
	vaultTable = "CardVault"
)

// workflow is the payment definition deployed on the local Step Functions,
// reached through the SDK, with its queue and topic replaced by channels.
type workflow struct {
	sfn       *sfn.Client
	arn       string
	clock     *clock.Fake
	queued    chan asl.TaskCall
	published chan asl.TaskCall
	forgotten chan asl.TaskCall
}

func deploy(tb testing.TB) *workflow {
	tb.Helper()
	w := &workflow{
		clock:  clock.NewFake(time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)),
		queued: make(chan asl.TaskCall, 4), published: make(chan asl.TaskCall, 4), forgotten: make(chan asl.TaskCall, 4),
	}
	states := sfnlocal.New(sfnlocal.Config{Clock: w.clock, Resources: asl.Resources{
		"arn:aws:states:::dynamodb:deleteItem": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			w.forgotten <- c
			return json.RawMessage(`{}`), nil
		},
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			w.queued <- c
			return json.RawMessage(`{"MessageId":"m-1","MD5OfMessageBody":"x"}`), nil
		},
		"arn:aws:states:::sns:publish": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			w.published <- c
			return json.RawMessage(`{"MessageId":"n-1"}`), nil
		},
	}})
	srv := httptest.NewServer(states)
	tb.Cleanup(srv.Close)
	w.sfn = sfn.NewFromConfig(aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDLOCAL", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
	})
	sm, err := w.sfn.CreateStateMachine(context.Background(), &sfn.CreateStateMachineInput{
		Name: aws.String("Payment"), Definition: aws.String(statemachine.Payment(queueURL, topicARN, vaultTable)),
		RoleArn: aws.String("arn:aws:iam::123456789012:role/PaymentStateMachineRole"),
	})
	if err != nil {
		tb.Fatalf("create state machine: %v", err)
	}
	w.arn = aws.ToString(sm.StateMachineArn)
	return w
}

func (w *workflow) start(tb testing.TB, name, input string) string {
	tb.Helper()
	out, err := w.sfn.StartExecution(context.Background(), &sfn.StartExecutionInput{
		StateMachineArn: aws.String(w.arn), Name: aws.String(name), Input: aws.String(input),
	})
	if err != nil {
		tb.Fatalf("start execution: %v", err)
	}
	return aws.ToString(out.ExecutionArn)
}

// await polls DescribeExecution until the execution ends, for at most ten
// seconds.
func (w *workflow) await(tb testing.TB, arn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, err := w.sfn.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
		if err != nil {
			tb.Fatal(err)
		}
		if out.Status != "RUNNING" {
			return out
		}
		if time.Now().After(deadline) {
			tb.Fatalf("execution %s still running", arn)
		}
		if w.clock.Pending() > 0 {
			// The execution waits for a timeout: let it pass.
			w.clock.Advance(time.Hour)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func recv(tb testing.TB, c <-chan asl.TaskCall, what string) asl.TaskCall {
	tb.Helper()
	select {
	case call := <-c:
		return call
	case <-time.After(10 * time.Second):
		tb.Fatalf("no %s", what)
		return asl.TaskCall{}
	}
}

func sealedRequest(orderID string) orders.PaymentRequest {
	return orders.PaymentRequest{
		OrderID: orderID, CustomerID: "c-1", OrderDate: "2026-11-26", Amount: "100.00", Currency: "EUR",
		Card: orders.CardRef{Brand: "visa", Last4: "4242"}, VaultRef: "ref-1", RequestDigest: "ZGlnZXN0",
	}
}

// transitions counts the states the execution entered, which is what Step
// Functions bills a Standard workflow for (one state transition each).
func (w *workflow) transitions(tb testing.TB, arn string) []string {
	tb.Helper()
	var states []string
	p := sfn.NewGetExecutionHistoryPaginator(w.sfn, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arn)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range page.Events {
			if strings.HasSuffix(string(e.Type), "StateEntered") && e.StateEnteredEventDetails != nil {
				states = append(states, aws.ToString(e.StateEnteredEventDetails.Name))
			}
		}
	}
	return states
}

// TestPaymentWorkflowContract runs the project's state machine with each
// callback answer: the queued message carries the token and the sealed
// request only, the execution ends with the payment's outcome, and one
// notification without card data is published.
func TestPaymentWorkflowContract(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		input      func(orderID string) string
		answer     func(w *workflow, token string) error
		wantStatus string
		wantError  string
		wantNote   string
		wantStates []string // entered, in order: the billed state transitions
	}{
		{"paid", sealedInput, func(w *workflow, tok string) error {
			_, err := w.sfn.SendTaskSuccess(context.Background(), &sfn.SendTaskSuccessInput{
				TaskToken: aws.String(tok),
				Output: aws.String(`{"status":"PAID","authorizationId":"a-1","authorizedAt":"2026-01-02T03:04:06Z",` +
					`"notification":{"orderId":"order-paid","status":"PAID","amount":"100.00","currency":"EUR","brand":"visa","last4":"4242"}}`),
			})
			return err
		}, orders.ExecutionSucceeded, "", orders.PaymentPaid,
			[]string{"CheckOrder", "ProcessPayment", "NotifyPaid"}},
		{"declined", sealedInput, func(w *workflow, tok string) error {
			_, err := w.sfn.SendTaskFailure(context.Background(), &sfn.SendTaskFailureInput{
				TaskToken: aws.String(tok), Error: aws.String(orders.ErrorDeclined), Cause: aws.String("The card was declined."),
			})
			return err
		}, orders.ExecutionFailed, orders.ErrorDeclined, orders.PaymentDeclined,
			[]string{"CheckOrder", "ProcessPayment", "BuildDeclinedNotification", "NotifyDeclined", "Declined"}},
		{"timed out", sealedInput, func(*workflow, string) error { return nil }, orders.ExecutionFailed, orders.ErrorTimedOut, orders.PaymentTimedOut,
			[]string{"CheckOrder", "ProcessPayment", "ForgetCardAfterTimeout", "BuildTimedOutNotification", "NotifyTimedOut", "TimedOut"}},
		{"raw card input", func(string) string {
			return `{"orderId":"o-2","card":{"number":"4242424242424242","cvv":"123"}}`
		}, nil, orders.ExecutionFailed, orders.ErrorInvalidRequest, orders.PaymentFailed,
			[]string{"CheckOrder", "RejectInput", "BuildInvalidRequestNotification", "NotifyInvalidRequest", "InvalidRequest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			w := deploy(t)
			orderID := "order-" + strings.ReplaceAll(tt.name, " ", "-")
			arn := w.start(t, orderID, tt.input(orderID))
			if tt.answer != nil {
				call := recv(t, w.queued, "queued payment")
				var params struct {
					QueueUrl    string
					MessageBody orders.PaymentMessage
				}
				if err := json.Unmarshal(call.Parameters, &params); err != nil {
					t.Fatalf("queue parameters %s: %v", call.Parameters, err)
				}
				want := orders.PaymentMessage{TaskToken: call.TaskToken, ExecutionARN: arn, Payment: sealedRequest(orderID)}
				if diff := cmp.Diff(want, params.MessageBody); diff != "" || params.QueueUrl != queueURL {
					t.Errorf("queued message to %s (-want +got):\n%s", params.QueueUrl, diff)
				}
				if err := tt.answer(w, call.TaskToken); err != nil {
					t.Fatal(err)
				}
			}
			out := w.await(t, arn)
			if got := []string{string(out.Status), aws.ToString(out.Error)}; !cmp.Equal(got, []string{tt.wantStatus, tt.wantError}) {
				t.Errorf("execution ended %v, want [%s %s] (cause %q)", got, tt.wantStatus, tt.wantError, aws.ToString(out.Cause))
			}
			note := recv(t, w.published, "notification")
			var params struct{ TopicArn, Message string }
			if err := json.Unmarshal(note.Parameters, &params); err != nil {
				t.Fatal(err)
			}
			var n orders.Notification
			if err := json.Unmarshal([]byte(params.Message), &n); err != nil {
				t.Fatalf("notification %q: %v", params.Message, err)
			}
			if n.OrderID != orderID || n.Status != tt.wantNote || params.TopicArn != topicARN {
				t.Errorf("notification %+v to %s, want %s for %s", n, params.TopicArn, tt.wantNote, orderID)
			}
			if strings.Contains(params.Message, "4242424242424242") {
				t.Errorf("card number in notification %s", params.Message)
			}
			if diff := cmp.Diff(tt.wantStates, w.transitions(t, arn)); diff != "" {
				t.Errorf("states entered (-want +got):\n%s", diff)
			}
		})
	}
}

func sealedInput(orderID string) string {
	b, err := json.Marshal(sealedRequest(orderID))
	if err != nil {
		panic(err)
	}
	return string(b)
}

package asl

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/payflow-dev/payflow/internal/orders"
)

// TestProjectPaymentMachine runs the project's own state machine
// (statemachine/payment.asl.json) through the engine with in-test queue
// and topic resources: the message on the queue carries the token and a
// sealed card only, and each callback outcome ends the execution as the
// orders API expects.
func TestProjectPaymentMachine(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", "statemachine", "payment.asl.json"))
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("statemachine/payment.asl.json is not in this checkout")
	}
	if err != nil {
		t.Fatal(err)
	}
	def := strings.NewReplacer(
		"${PaymentQueueUrl}", "http://127.0.0.1:4566/123456789012/payments",
		"${PaymentTopicArn}", "arn:aws:sns:us-east-1:123456789012:payments",
	).Replace(string(raw))
	m := mustParse(t, def)

	sealed := orders.PaymentRequest{OrderID: "o-1", CustomerID: "c-1", OrderDate: "2026-01-02T03:04:05Z", Amount: "100.00",
		Currency: "EUR", Card: orders.SealedCard{Brand: "visa", Last4: "4242", Sealed: "AQIDBA=="}, RequestDigest: "ZGlnZXN0"}
	sealedJSON, err := json.Marshal(sealed)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		input     string
		answer    func(e *Engine, token string) error
		wantState string
		wantError string
		wantQueue bool
	}{
		{"paid", string(sealedJSON), func(e *Engine, tok string) error {
			return e.SendTaskSuccess(tok, json.RawMessage(`{"status":"PAID","authorizationId":"a-1","authorizedAt":"2026-01-02T03:04:06Z"}`))
		}, StatusSucceeded, "", true},
		{"declined", string(sealedJSON), func(e *Engine, tok string) error {
			return e.SendTaskFailure(tok, orders.ErrorDeclined, "The card was declined.")
		}, StatusFailed, orders.ErrorDeclined, true},
		{"raw card input", `{"orderId":"o-2","card":{"number":"4242424242424242","cvv":"123"}}`, nil,
			StatusFailed, orders.ErrorInvalidRequest, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			queued := make(chan TaskCall, 1)
			var published []string
			e, _ := newFakeEngine(Resources{
				"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c TaskCall) (json.RawMessage, error) {
					queued <- c
					return json.RawMessage(`{"MessageId":"m-1","MD5OfMessageBody":"x"}`), nil
				},
				"arn:aws:states:::sns:publish": func(_ context.Context, c TaskCall) (json.RawMessage, error) {
					published = append(published, string(c.Parameters))
					return json.RawMessage(`{"MessageId":"n-1"}`), nil
				},
			})
			r := start(t, e, m, tc.input)
			if tc.wantQueue {
				call := recvCall(t, queued)
				var params struct {
					MessageBody orders.PaymentMessage
				}
				if err := json.Unmarshal(call.Parameters, &params); err != nil {
					t.Fatalf("queue parameters %s: %v", call.Parameters, err)
				}
				if params.MessageBody.TaskToken != call.TaskToken || params.MessageBody.Payment != sealed {
					t.Errorf("queue message = %+v, want the token and the sealed request", params.MessageBody)
				}
				if err := tc.answer(e, call.TaskToken); err != nil {
					t.Fatal(err)
				}
			}
			o := r.wait(t)
			if o.Status != tc.wantState || o.Error != tc.wantError {
				t.Errorf("outcome = %s %s (%s), want %s %s", o.Status, o.Error, o.Cause, tc.wantState, tc.wantError)
			}
			if len(published) == 0 {
				t.Errorf("no notification published")
			}
			for _, p := range published {
				if strings.Contains(p, "4242424242424242") {
					t.Errorf("card number leaked into notification %s", p)
				}
			}
			select {
			case c := <-queued:
				t.Errorf("unexpected queue message %s", c.Parameters)
			default:
			}
		})
	}
}

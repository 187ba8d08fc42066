package functions_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/kmslocal"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
	"github.com/payflow-dev/payflow/statemachine"
)

// stack is the local Step Functions and KMS behind one endpoint, with the
// payment workflow deployed and its queue replaced by a channel.
type stack struct {
	cfg    aws.Config
	sfn    *sfn.Client
	kms    *kms.Client
	keyID  string
	smArn  string
	queued chan asl.TaskCall
}

func newStack(tb testing.TB) *stack {
	tb.Helper()
	st := &stack{queued: make(chan asl.TaskCall, 8)}
	states := sfnlocal.New(sfnlocal.Config{Resources: asl.Resources{
		"arn:aws:states:::sqs:sendMessage": func(_ context.Context, c asl.TaskCall) (json.RawMessage, error) {
			st.queued <- c
			return json.RawMessage(`{"MessageId":"m-1"}`), nil
		},
		"arn:aws:states:::sns:publish": func(context.Context, asl.TaskCall) (json.RawMessage, error) {
			return json.RawMessage(`{"MessageId":"n-1"}`), nil
		},
	}})
	keys := kmslocal.New(kmslocal.Config{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Header.Get("X-Amz-Target"), "TrentService.") {
			keys.ServeHTTP(w, r)
			return
		}
		states.ServeHTTP(w, r)
	}))
	tb.Cleanup(srv.Close)
	st.cfg = aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDLOCAL", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
	}
	st.sfn = sfn.NewFromConfig(st.cfg)
	st.kms = kms.NewFromConfig(st.cfg)

	ctx := context.Background()
	key, err := st.kms.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: kmstypes.KeySpecSymmetricDefault})
	if err != nil {
		tb.Fatalf("create card key: %v", err)
	}
	st.keyID = aws.ToString(key.KeyMetadata.Arn)
	definition := statemachine.Payment(
		"http://127.0.0.1:4566/123456789012/PaymentQueue", "arn:aws:sns:us-east-1:123456789012:NotificationTopic")
	sm, err := st.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("Payments"), Definition: aws.String(definition),
		RoleArn: aws.String("arn:aws:iam::123456789012:role/PaymentStateMachineRole"),
	})
	if err != nil {
		tb.Fatalf("create state machine: %v", err)
	}
	st.smArn = aws.ToString(sm.StateMachineArn)
	return st
}

// startPayment seals a card as the orders API does and starts the
// workflow; it returns the execution ARN and the queued message as an SQS
// record.
func (st *stack) startPayment(tb testing.TB, orderID, number string) (string, events.SQSMessage) {
	tb.Helper()
	ctx := context.Background()
	secret, _ := json.Marshal(orders.CardSecret{Number: number, CVV: "846", Expiry: "12/30", NameOnCard: "ADA LOVELACE"})
	enc, err := st.kms.Encrypt(ctx, &kms.EncryptInput{
		KeyId: aws.String(st.keyID), Plaintext: secret,
		EncryptionContext: map[string]string{orders.EncryptionContextKey: orderID},
	})
	if err != nil {
		tb.Fatalf("seal card: %v", err)
	}
	input, _ := json.Marshal(orders.PaymentRequest{
		OrderID: orderID, CustomerID: "cust-42", OrderDate: "2026-11-26", Amount: "100.00", Currency: "USD",
		Card:          orders.SealedCard{Brand: "visa", Last4: number[len(number)-4:], Sealed: base64.StdEncoding.EncodeToString(enc.CiphertextBlob)},
		RequestDigest: "ZGlnZXN0", PlacementID: "placement-1",
	})
	exec, err := st.sfn.StartExecution(ctx, &sfn.StartExecutionInput{
		StateMachineArn: aws.String(st.smArn), Name: aws.String(orderID), Input: aws.String(string(input)),
	})
	if err != nil {
		tb.Fatalf("start execution: %v", err)
	}
	var call asl.TaskCall
	select {
	case call = <-st.queued:
	case <-time.After(10 * time.Second):
		tb.Fatal("the workflow queued nothing")
	}
	var params struct{ MessageBody json.RawMessage }
	if err := json.Unmarshal(call.Parameters, &params); err != nil {
		tb.Fatal(err)
	}
	return aws.ToString(exec.ExecutionArn), events.SQSMessage{MessageId: "msg-" + orderID, Body: string(params.MessageBody)}
}

// awaitEnd polls DescribeExecution until the execution leaves RUNNING.
func (st *stack) awaitEnd(tb testing.TB, arn string) *sfn.DescribeExecutionOutput {
	tb.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		out, err := st.sfn.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
		if err != nil {
			tb.Fatal(err)
		}
		if out.Status != "RUNNING" {
			return out
		}
		time.Sleep(5 * time.Millisecond)
	}
	tb.Fatal("the execution is still running")
	return nil
}

func TestCallbackAgainstLocalStepFunctionsAndKMS(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts a local Step Functions and KMS")
	}
	st := newStack(t)
	handle, err := functions.Callback(t.Context(), functions.Deps{
		AWS:    st.cfg,
		Logger: slog.New(slog.DiscardHandler),
		Getenv: func(k string) string { return map[string]string{"HEARTBEAT_SECONDS": "5"}[k] },
		Clock:  clock.NewReal(),
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		orderID, number   string
		wantStatus, error string
	}{
		{"order-paid", "4242424242424242", "SUCCEEDED", ""},
		{"order-declined", "4000000000000002", "FAILED", orders.ErrorDeclined},
		{"order-funds", "4000000000009995", "FAILED", orders.ErrorInsufficientFunds},
	}
	var batch events.SQSEvent
	arns := map[string]string{}
	for _, tt := range tests {
		arn, msg := st.startPayment(t, tt.orderID, tt.number)
		arns[tt.orderID] = arn
		batch.Records = append(batch.Records, msg)
	}
	// A message without a token travels in the same batch.
	batch.Records = append(batch.Records, events.SQSMessage{MessageId: "msg-poison", Body: `{"payment":{}}`})

	resp, err := handle(t.Context(), batch)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]events.SQSBatchItemFailure{{ItemIdentifier: "msg-poison"}}, resp.BatchItemFailures); diff != "" {
		t.Errorf("BatchItemFailures (-want +got):\n%s", diff)
	}
	for _, tt := range tests {
		out := st.awaitEnd(t, arns[tt.orderID])
		got := []string{string(out.Status), aws.ToString(out.Error)}
		if diff := cmp.Diff([]string{tt.wantStatus, tt.error}, got); diff != "" {
			t.Errorf("%s status and error (-want +got):\n%s", tt.orderID, diff)
		}
	}

	// Redelivering the paid order's message finds its task closed: the
	// message completes and nothing is retried.
	resp, err = handle(t.Context(), events.SQSEvent{Records: batch.Records[:1]})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.BatchItemFailures) != 0 {
		t.Errorf("a redelivered message for a finished task was retried: %+v", resp.BatchItemFailures)
	}
}

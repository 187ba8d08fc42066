package awsadapter_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/awsadapter"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

var testNow = time.Date(2026, time.November, 26, 4, 30, 0, 0, time.UTC)

// local is the local AWS endpoint with a state machine and the two keys,
// reached through the real SDK clients.
type local struct {
	sfn             *sfn.Client
	kms             *kms.Client
	stateMachine    string
	cardKey, macKey string
}

// newLocal deploys definition (waitForever by default) on a fresh endpoint.
func newLocal(tb testing.TB, definition string) local {
	tb.Helper()
	ctx := context.Background()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{Clock: clock.NewFake(testNow)}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDLOCAL", "local-secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
	}
	l := local{sfn: sfn.NewFromConfig(cfg), kms: kms.NewFromConfig(cfg)}
	sm, err := l.sfn.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("Payment"), Definition: aws.String(definition),
		RoleArn: aws.String("arn:aws:iam::123456789012:role/payment"),
	})
	if err != nil {
		tb.Fatalf("create state machine: %v", err)
	}
	l.stateMachine = aws.ToString(sm.StateMachineArn)
	card, err := l.kms.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		tb.Fatal(err)
	}
	mac, err := l.kms.CreateKey(ctx, &kms.CreateKeyInput{KeySpec: kmstypes.KeySpecHmac256, KeyUsage: kmstypes.KeyUsageTypeGenerateVerifyMac})
	if err != nil {
		tb.Fatal(err)
	}
	l.cardKey, l.macKey = aws.ToString(card.KeyMetadata.Arn), aws.ToString(mac.KeyMetadata.Arn)
	return l
}

// waitForever keeps every execution RUNNING: the fake clock never moves.
const waitForever = `{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}`

// waitForTask parks every execution on a task token nobody answers.
const waitForTask = `{"StartAt":"Pay","States":{"Pay":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",` +
	`"Parameters":{"QueueUrl":"http://127.0.0.1:4566/123456789012/none","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}}}`

func TestWorkflowsAgainstStepFunctions(t *testing.T) {
	t.Parallel()
	l := newLocal(t, waitForever)
	ctx := context.Background()
	w, err := awsadapter.NewWorkflows(l.sfn, l.stateMachine)
	if err != nil {
		t.Fatal(err)
	}
	req := orders.PaymentRequest{OrderID: "order-1", Amount: "1.00", VaultRef: "p-1"}
	first, err := w.StartPayment(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	const wantARN = "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1"
	if first.ARN != wantARN || w.ExecutionARN("order-1") != wantARN {
		t.Errorf("execution ARN = %s, computed %s; want %s", first.ARN, w.ExecutionARN("order-1"), wantARN)
	}
	// Step Functions' idempotent start, through the real SDK: the same
	// input while running is the same execution; another input conflicts.
	again, err := w.StartPayment(ctx, req)
	if err != nil || again.ARN != first.ARN {
		t.Errorf("restart with the same input = %+v, %v; want the first execution", again, err)
	}
	other := req
	other.VaultRef = "p-2"
	if _, err := w.StartPayment(ctx, other); !errors.Is(err, orders.ErrConflict) {
		t.Errorf("start with another input = %v, want ErrConflict", err)
	}
	got, err := w.DescribePayment(ctx, "order-1")
	if err != nil {
		t.Fatal(err)
	}
	want := orders.Execution{ARN: wantARN, Status: orders.ExecutionRunning, StartDate: testNow,
		Input: []byte(`{"orderId":"order-1","customerId":"","orderDate":"","amount":"1.00","currency":"","card":{"brand":"","last4":""},"vaultRef":"p-1","requestDigest":"","paymentMethod":""}`)}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("DescribePayment (-want +got):\n%s", diff)
	}
	if _, err := w.DescribePayment(ctx, "order-2"); !errors.Is(err, orders.ErrNotFound) {
		t.Errorf("describe of an unknown order = %v, want ErrNotFound", err)
	}
}

func TestNewWorkflowsRefusesOtherARNs(t *testing.T) {
	t.Parallel()
	for _, arn := range []string{
		"Payment",
		"arn:aws:states:us-east-1:123456789012:execution:Payment:order-1",
		"arn:aws:sqs:us-east-1:123456789012:stateMachine:Payment",
		"arn:aws:states:us-east-1:123456789012:stateMachine:",
	} {
		if _, err := awsadapter.NewWorkflows(nil, arn); err == nil {
			t.Errorf("NewWorkflows(%q) succeeded", arn)
		}
	}
}

func TestCardKeyBindsTheCardToItsOrder(t *testing.T) {
	t.Parallel()
	l := newLocal(t, waitForever)
	ctx := context.Background()
	card := orders.CardSecret{Number: "4242424242424242", CVV: "123", Expiry: "12/28", NameOnCard: "ADA LOVELACE"}
	sealed, err := awsadapter.NewCardKey(l.kms, l.cardKey).SealCard(ctx, "order-1", card)
	if err != nil {
		t.Fatal(err)
	}
	opener := awsadapter.NewCardKey(l.kms, "") // the callback knows no key id
	got, err := opener.OpenCard(ctx, "order-1", sealed)
	if err != nil || got != card {
		t.Errorf("OpenCard = %+v, %v; want the card", got, err)
	}
	if _, err := opener.OpenCard(ctx, "order-2", sealed); !errors.Is(err, orders.ErrCardUnreadable) {
		t.Errorf("OpenCard for another order = %v, want ErrCardUnreadable", err)
	}
	if _, err := opener.OpenCard(ctx, "order-1", []byte("garbage")); !errors.Is(err, orders.ErrCardUnreadable) {
		t.Errorf("OpenCard of garbage = %v, want ErrCardUnreadable", err)
	}
	if _, err := awsadapter.NewCardKey(l.kms, "alias/none").SealCard(ctx, "order-1", card); !errors.Is(err, orders.ErrUpstream) {
		t.Errorf("SealCard with an unknown key = %v, want ErrUpstream", err)
	}
}

func TestOrderMAC(t *testing.T) {
	t.Parallel()
	l := newLocal(t, waitForever)
	ctx := context.Background()
	m := awsadapter.NewOrderMAC(l.kms, l.macKey)
	a, err := m.DigestOrder(ctx, []byte("order"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.DigestOrder(ctx, []byte("order"))
	if err != nil || !cmp.Equal(a, b) || len(a) != 32 {
		t.Errorf("digests %x and %x (%v), want the same 32 bytes", a, b, err)
	}
	if _, err := awsadapter.NewOrderMAC(l.kms, l.cardKey).DigestOrder(ctx, []byte("order")); !errors.Is(err, orders.ErrUpstream) {
		t.Errorf("MAC with the encryption key = %v, want ErrUpstream", err)
	}
}

func TestTasksReportClosedTasks(t *testing.T) {
	t.Parallel()
	l := newLocal(t, waitForTask)
	ctx := context.Background()
	tasks := awsadapter.NewTasks(l.sfn)
	for name, send := range map[string]func() error{
		"succeed": func() error {
			return tasks.Succeed(ctx, "not-a-token", orders.Authorization{Status: orders.PaymentPaid})
		},
		"fail":      func() error { return tasks.Fail(ctx, "not-a-token", orders.ErrorDeclined, "declined") },
		"heartbeat": func() error { return tasks.Heartbeat(ctx, "not-a-token") },
	} {
		if err := send(); !errors.Is(err, orders.ErrTaskClosed) {
			t.Errorf("%s with an invalid token = %v, want ErrTaskClosed", name, err)
		}
	}
}

package functions_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	kmstypes "github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

var testNow = time.Date(2026, time.November, 26, 4, 30, 0, 0, time.UTC)

const orderBody = `{"orderId":"order-42","customerId":"98766","orderDate":"2026-11-25","amount":19.99,` +
	`"nameOnCard":"FIRSTNAME LASTNAME","creditCardNumber":"4242 4242 4242 4242","expiry":"12/28","cvv":"123"}`

// local is the order API built by functions.API, talking through the real
// SDK clients to the local AWS endpoint in an httptest.Server.
type local struct {
	api  http.Handler
	sfn  *sfn.Client
	kms  *kms.Client
	ddb  *dynamodb.Client
	logs *bytes.Buffer
}

// newLocal creates the keys and a state machine with the definition on
// the local endpoint, then builds the API against them.
func newLocal(tb testing.TB, definition string) local {
	tb.Helper()
	ctx := context.Background()
	clk := clock.NewFake(testNow)
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{Clock: clk}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDLOCAL", "local-secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
	}
	sfnClient, kmsClient := sfn.NewFromConfig(cfg), kms.NewFromConfig(cfg)

	cardKey, err := kmsClient.CreateKey(ctx, &kms.CreateKeyInput{})
	if err != nil {
		tb.Fatalf("create card key: %v", err)
	}
	macKey, err := kmsClient.CreateKey(ctx, &kms.CreateKeyInput{
		KeySpec: kmstypes.KeySpecHmac256, KeyUsage: kmstypes.KeyUsageTypeGenerateVerifyMac,
	})
	if err != nil {
		tb.Fatalf("create MAC key: %v", err)
	}
	sm, err := sfnClient.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name:       aws.String("Payment"),
		Definition: aws.String(definition),
		RoleArn:    aws.String("arn:aws:iam::123456789012:role/payment"),
	})
	if err != nil {
		tb.Fatalf("create state machine: %v", err)
	}
	ddb := dynamodb.NewFromConfig(cfg)
	_, err = ddb.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:   aws.String("CardVault"),
		BillingMode: ddbtypes.BillingModePayPerRequest,
		AttributeDefinitions: []ddbtypes.AttributeDefinition{
			{AttributeName: aws.String("orderId"), AttributeType: ddbtypes.ScalarAttributeTypeS},
			{AttributeName: aws.String("ref"), AttributeType: ddbtypes.ScalarAttributeTypeS},
		},
		KeySchema: []ddbtypes.KeySchemaElement{
			{AttributeName: aws.String("orderId"), KeyType: ddbtypes.KeyTypeHash},
			{AttributeName: aws.String("ref"), KeyType: ddbtypes.KeyTypeRange},
		},
	})
	if err != nil {
		tb.Fatalf("create vault table: %v", err)
	}
	env := map[string]string{
		functions.EnvVaultTable:      "CardVault",
		functions.EnvStateMachineARN: aws.ToString(sm.StateMachineArn),
		functions.EnvCardKeyID:       aws.ToString(cardKey.KeyMetadata.KeyId),
		functions.EnvMACKeyID:        aws.ToString(macKey.KeyMetadata.KeyId),
	}
	logs := &bytes.Buffer{}
	h, err := functions.API(ctx, functions.Deps{
		AWS:    cfg,
		Getenv: func(k string) string { return env[k] },
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		Clock:  clk,
	})
	if err != nil {
		tb.Fatalf("functions.API: %v", err)
	}
	return local{api: h, sfn: sfnClient, kms: kmsClient, ddb: ddb, logs: logs}
}

// waitForever keeps every execution RUNNING: the fake clock never moves.
const waitForever = `{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":3600,"End":true}}}`

// declineAll fails every execution as the callback would for a declined card.
const declineAll = `{"StartAt":"Declined","States":{"Declined":{"Type":"Fail","Error":"Payment.Declined","Cause":"The card was declined."}}}`

func TestOrdersThroughSDKAndLocalEndpoint(t *testing.T) {
	t.Parallel()
	l := newLocal(t, waitForever)
	steps := []struct {
		name       string
		method     string
		path, body string
		wantStatus int
		wantJSON   map[string]any // fields of the response to compare
	}{
		{"place", "POST", "/orders", orderBody, 202, map[string]any{"status": "RUNNING", "paymentStatus": "PENDING"}},
		{"status", "GET", "/orders/order-42/status", "", 200, map[string]any{"status": "RUNNING", "paymentStatus": "PENDING"}},
		{"replay", "POST", "/orders", strings.Replace(orderBody, "4242 4242 4242 4242", "4242-4242-4242-4242", 1), 200, map[string]any{"status": "RUNNING"}},
		{"conflict", "POST", "/orders", strings.Replace(orderBody, "19.99", "29.99", 1), 409, map[string]any{"status": 409.0}},
		{"unknown order", "GET", "/orders/order-43/status", "", 404, map[string]any{"status": 404.0}},
	}
	for _, s := range steps {
		req := httptest.NewRequestWithContext(context.Background(), s.method, s.path, strings.NewReader(s.body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		l.api.ServeHTTP(rec, req)
		if rec.Code != s.wantStatus {
			t.Fatalf("%s: status %d, want %d; body %s", s.name, rec.Code, s.wantStatus, rec.Body)
		}
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatalf("%s: body is not JSON: %v", s.name, err)
		}
		got := map[string]any{}
		for k := range s.wantJSON {
			got[k] = body[k]
		}
		if diff := cmp.Diff(s.wantJSON, got); diff != "" {
			t.Errorf("%s: body mismatch (-want +got):\n%s", s.name, diff)
		}
	}
	checkSealedExecution(t, l)
}

// checkSealedExecution reads the execution and the vault back through the
// SDK: the execution's input and history hold no card data, sealed or not;
// the vault holds the sealed card, which KMS opens only under the order's
// encryption context.
func checkSealedExecution(tb testing.TB, l local) {
	tb.Helper()
	ctx := context.Background()
	arn := "arn:aws:states:us-east-1:123456789012:execution:Payment:order-42"
	desc, err := l.sfn.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		tb.Fatalf("describe execution: %v", err)
	}
	hist, err := l.sfn.GetExecutionHistory(ctx, &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		tb.Fatalf("get execution history: %v", err)
	}
	histJSON, err := json.Marshal(hist.Events)
	if err != nil {
		tb.Fatal(err)
	}
	for _, text := range []string{aws.ToString(desc.Input), string(histJSON), l.logs.String()} {
		for _, secret := range []string{"4242424242424242", "4242 4242 4242 4242", `"123"`, "12/28", "sealed", "FIRSTNAME"} {
			if strings.Contains(text, secret) {
				tb.Errorf("found %q in %s", secret, text)
			}
		}
	}
	var req orders.PaymentRequest
	if err := json.Unmarshal([]byte(aws.ToString(desc.Input)), &req); err != nil {
		tb.Fatalf("execution input: %v", err)
	}
	if req.Amount != "19.99" || req.Currency != "USD" || req.Card.Last4 != "4242" || req.Card.Brand != "visa" || req.VaultRef == "" {
		tb.Errorf("execution input = %+v", req)
	}
	item, err := l.ddb.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String("CardVault"),
		Key: map[string]ddbtypes.AttributeValue{
			"orderId": &ddbtypes.AttributeValueMemberS{Value: "order-42"},
			"ref":     &ddbtypes.AttributeValueMemberS{Value: req.VaultRef},
		},
	})
	if err != nil || item.Item == nil {
		tb.Fatalf("vault entry of order-42: %+v, %v", item, err)
	}
	blob := item.Item["sealed"].(*ddbtypes.AttributeValueMemberB).Value
	if _, err := l.kms.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob: blob, EncryptionContext: map[string]string{orders.EncryptionContextKey: "order-41"},
	}); err == nil {
		tb.Error("KMS opened the card under another order's encryption context")
	}
	out, err := l.kms.Decrypt(ctx, &kms.DecryptInput{
		CiphertextBlob: blob, EncryptionContext: map[string]string{orders.EncryptionContextKey: "order-42"},
	})
	if err != nil {
		tb.Fatalf("unseal: %v", err)
	}
	var secret orders.CardSecret
	if err := json.Unmarshal(out.Plaintext, &secret); err != nil {
		tb.Fatalf("card secret: %v", err)
	}
	want := orders.CardSecret{Number: "4242424242424242", CVV: "123", Expiry: "12/28", NameOnCard: "FIRSTNAME LASTNAME"}
	if diff := cmp.Diff(want, secret); diff != "" {
		tb.Errorf("unsealed card mismatch (-want +got):\n%s", diff)
	}
}

func TestDeclinedOrderStatus(t *testing.T) {
	t.Parallel()
	l := newLocal(t, declineAll)
	req := httptest.NewRequestWithContext(context.Background(), "POST", "/orders", strings.NewReader(orderBody))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	l.api.ServeHTTP(rec, req)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("place: status %d; body %s", rec.Code, rec.Body)
	}
	// The execution runs in the emulator's goroutine; a Fail state needs no
	// clock, so it ends almost at once.
	var body map[string]any
	for deadline := time.Now().Add(5 * time.Second); ; {
		rec := httptest.NewRecorder()
		l.api.ServeHTTP(rec, httptest.NewRequestWithContext(context.Background(), "GET", "/orders/order-42/status", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("status: %d; body %s", rec.Code, rec.Body)
		}
		body = map[string]any{}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body["status"] != "RUNNING" || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	want := map[string]any{"status": "FAILED", "paymentStatus": "DECLINED", "error": "Payment.Declined", "reason": "The card was declined."}
	got := map[string]any{"status": body["status"], "paymentStatus": body["paymentStatus"], "error": body["error"], "reason": body["reason"]}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("status mismatch (-want +got):\n%s", diff)
	}
}

func TestNewNamesEveryMissingSetting(t *testing.T) {
	t.Parallel()
	_, err := functions.API(context.Background(), functions.Deps{
		Getenv: func(string) string { return "" },
		Logger: slog.New(slog.DiscardHandler),
		Clock:  clock.NewFake(testNow),
	})
	if err == nil {
		t.Fatal("New() with no environment succeeded")
	}
	for _, name := range []string{functions.EnvStateMachineARN, functions.EnvCardKeyID, functions.EnvMACKeyID, functions.EnvVaultTable} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}

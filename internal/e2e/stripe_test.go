package e2e_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/stripemock"
)

// startWithStripe starts the stack with PaymentProcessor=stripe against a
// stripe-mock of its own, and puts a test key in the template's secret as
// an operator would put the live key on AWS.
func startWithStripe(t *testing.T) (*harness, *stripemock.Server) {
	t.Helper()
	mock := stripemock.ForTest(t)
	h := start(t, options{params: map[string]string{"PaymentProcessor": "stripe", "StripeApiUrl": mock.URL}})
	secret := h.local.Stack.Outputs["StripeSecretArn"].Value
	if _, err := secretsmanager.NewFromConfig(h.local.AWS).PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String(secret), SecretString: aws.String("sk_test_123"),
	}); err != nil {
		t.Fatalf("put the Stripe key in %s: %v", secret, err)
	}
	return h, mock
}

// TestRawCardOrderThroughStripe runs a card order through the API, the
// workflow and the callback with the Stripe adapter on stripe-mock: one
// PaymentIntent for the order, its id as the authorization, and no card
// data anywhere but in the request to Stripe.
func TestRawCardOrderThroughStripe(t *testing.T) {
	t.Parallel()
	h, mock := startWithStripe(t)
	const id = "stripe-raw-1"
	if code, placed := h.place(newOrder(id, cardApproved)); code != 202 || placed.ExecutionArn == "" {
		t.Fatalf("POST /orders = %d %+v, want 202", code, placed)
	}
	got := h.waitTerminal(id, 0)
	if got.Status != orders.ExecutionSucceeded || got.PaymentStatus != orders.PaymentPaid {
		dumpLogs(t, h)
		t.Fatalf("status = %+v, want SUCCEEDED/PAID", got)
	}
	var intents []stripemock.Request
	for _, r := range mock.Requests() {
		if r.Path == "/v1/payment_intents" {
			intents = append(intents, r)
		}
	}
	if len(intents) != 1 {
		t.Fatalf("payment intents created = %+v, want exactly one", intents)
	}
	pi := intents[0]
	if pi.IdempotencyKey != id || pi.Form.Get("metadata[orderId]") != id || pi.Form.Get("amount") != "10025" || pi.Form.Get("currency") != "usd" {
		t.Errorf("payment intent request = key %q, form %v; want the orderId as key and metadata, 10025 usd", pi.IdempotencyKey, pi.Form)
	}
	if auth := authorizationID(t, h, got.ExecutionArn); !strings.HasPrefix(auth, "pi_") {
		t.Errorf("authorization id = %q, want Stripe's PaymentIntent id", auth)
	}
	if state, auth := chargeRecord(t, h, id); state != orders.ChargeApproved || !strings.HasPrefix(auth, "pi_") {
		t.Errorf("charge record = %s %q, want approved with Stripe's PaymentIntent id", state, auth)
	}
	h.checkNoCardData(cardApproved)
}

// authorizationID reads the authorization the callback answered the
// payment task with, from the execution's history.
func authorizationID(tb testing.TB, h *harness, arn string) string {
	tb.Helper()
	hist, err := h.sfn.GetExecutionHistory(context.Background(), &sfn.GetExecutionHistoryInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		tb.Fatalf("history of %s: %v", arn, err)
	}
	for _, e := range hist.Events {
		if e.TaskSucceededEventDetails == nil {
			continue
		}
		var out struct {
			AuthorizationID string `json:"authorizationId"`
		}
		if err := json.Unmarshal([]byte(aws.ToString(e.TaskSucceededEventDetails.Output)), &out); err == nil && out.AuthorizationID != "" {
			return out.AuthorizationID
		}
	}
	tb.Fatalf("no task of %s succeeded with an authorization", arn)
	return ""
}

// declines maps an orderId to the error body Stripe answers its
// PaymentIntent with (shapes as in https://docs.stripe.com/api/errors).
var declines = map[string]string{
	"stripe-3ds":     `{"error":{"type":"card_error","code":"authentication_required","decline_code":"authentication_required","message":"Your card was declined. This transaction requires authentication."}}`,
	"stripe-funds":   `{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}`,
	"stripe-stolen":  `{"error":{"type":"card_error","code":"card_declined","decline_code":"stolen_card","message":"Your card was declined."}}`,
	"stripe-expired": `{"error":{"type":"card_error","code":"expired_card","message":"Your card has expired."}}`,
}

// TestStripeDeclinesThroughTheWorkflow sends orders through the whole flow
// to a Stripe that declines them as Stripe does (402 and a card_error), and
// checks what the shop sees: the workflow error, DECLINED, and the decline
// code in the reason.
func TestStripeDeclinesThroughTheWorkflow(t *testing.T) {
	t.Parallel()
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if err := r.ParseForm(); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if r.URL.Path == "/v1/payment_methods" {
			_, _ = io.WriteString(w, `{"id":"pm_fake","object":"payment_method","type":"card"}`)
			return
		}
		w.WriteHeader(http.StatusPaymentRequired)
		_, _ = io.WriteString(w, declines[r.PostForm.Get("metadata[orderId]")])
	}))
	t.Cleanup(fake.Close)
	h := start(t, options{params: map[string]string{"PaymentProcessor": "stripe", "StripeApiUrl": fake.URL}})
	if _, err := secretsmanager.NewFromConfig(h.local.AWS).PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String(h.local.Stack.Outputs["StripeSecretArn"].Value), SecretString: aws.String("sk_test_fake"),
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, wantError, wantReason string
	}{
		{"stripe-3ds", orders.ErrorAuthenticationRequired, "3-D Secure"},
		{"stripe-funds", orders.ErrorInsufficientFunds, "insufficient_funds"},
		{"stripe-stolen", orders.ErrorDeclined, "decline code stolen_card"},
		{"stripe-expired", orders.ErrorCardExpired, "expired_card"},
	}
	for _, tt := range tests {
		if code, _ := h.place(newOrder(tt.id, cardApproved)); code != 202 {
			t.Fatalf("POST /orders %s = %d, want 202", tt.id, code)
		}
	}
	for _, tt := range tests {
		got := h.waitTerminal(tt.id, 0)
		if got.PaymentStatus != orders.PaymentDeclined || got.Error != tt.wantError || !strings.Contains(got.Reason, tt.wantReason) {
			t.Errorf("%s: status = %+v, want DECLINED with %s and a reason containing %q", tt.id, got, tt.wantError, tt.wantReason)
		}
	}
	notes := h.notifications()
	for _, tt := range tests {
		if n := notes[tt.id]; len(n) != 1 || n[0].Status != orders.PaymentDeclined || n[0].Error != tt.wantError {
			t.Errorf("notifications for %s = %+v, want one DECLINED %s", tt.id, n, tt.wantError)
		}
	}
}

// physicalID returns the physical id of the template resource logicalID.
func physicalID(tb testing.TB, h *harness, logicalID string) string {
	tb.Helper()
	for _, r := range h.local.Stack.Resources {
		if r.LogicalID == logicalID {
			return r.PhysicalID
		}
	}
	tb.Fatalf("the stack has no %s", logicalID)
	return ""
}

// chargeRecord reads the order's charge record: its state and the
// authorization id stored with an approval.
func chargeRecord(tb testing.TB, h *harness, orderID string) (state, authorizationID string) {
	tb.Helper()
	out, err := dynamodb.NewFromConfig(h.local.AWS).GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(physicalID(tb, h, "ChargeRecords")),
		Key:       map[string]ddbtypes.AttributeValue{"orderId": &ddbtypes.AttributeValueMemberS{Value: orderID}},
	})
	if err != nil {
		tb.Fatalf("charge record of %s: %v", orderID, err)
	}
	s := func(name string) string {
		v, _ := out.Item[name].(*ddbtypes.AttributeValueMemberS)
		if v == nil {
			return ""
		}
		return v.Value
	}
	return s("state"), s("authorizationId")
}

// TestTokenizedOrderThroughStripe places an order with a Stripe
// PaymentMethod instead of card fields. Both KMS keys are disabled and the
// card vault's table deleted first: had the order touched either, it could
// not have been paid.
func TestTokenizedOrderThroughStripe(t *testing.T) {
	t.Parallel()
	h, mock := startWithStripe(t)
	ctx := context.Background()
	keys := kms.NewFromConfig(h.local.AWS)
	for _, id := range []string{"CardKey", "MacKey"} {
		if _, err := keys.DisableKey(ctx, &kms.DisableKeyInput{KeyId: aws.String(physicalID(t, h, id))}); err != nil {
			t.Fatalf("disable %s: %v", id, err)
		}
	}
	if _, err := dynamodb.NewFromConfig(h.local.AWS).DeleteTable(ctx, &dynamodb.DeleteTableInput{
		TableName: aws.String(physicalID(t, h, "CardVault")),
	}); err != nil {
		t.Fatalf("delete the card vault: %v", err)
	}
	const id = "stripe-token-1"
	code, body := h.do("POST", "/orders", map[string]any{
		"orderId": id, "customerId": "98766", "orderDate": time.Now().Format("2006-01-02"),
		"amount": "19.99", "currency": "EUR", "paymentMethod": "pm_card_visa",
	})
	if code != 202 {
		t.Fatalf("POST /orders = %d %s, want 202", code, body)
	}
	got := h.waitTerminal(id, 0)
	if got.Status != orders.ExecutionSucceeded || got.PaymentStatus != orders.PaymentPaid {
		dumpLogs(t, h)
		t.Fatalf("status = %+v, want SUCCEEDED/PAID", got)
	}
	var paths []string
	var pi stripemock.Request
	for _, r := range mock.Requests() {
		paths = append(paths, r.Path)
		if r.Path == "/v1/payment_intents" {
			pi = r
		}
	}
	if len(paths) != 1 || pi.Form.Get("payment_method") != "pm_card_visa" || pi.IdempotencyKey != id || pi.Form.Get("amount") != "1999" || pi.Form.Get("currency") != "eur" {
		t.Errorf("Stripe requests %v, payment intent %v key %q; want one PaymentIntent charging pm_card_visa 1999 eur keyed by the orderId", paths, pi.Form, pi.IdempotencyKey)
	}
	state, auth := chargeRecord(t, h, id)
	if state != orders.ChargeApproved || !strings.HasPrefix(auth, "pi_") {
		t.Errorf("charge record = %s %q, want approved with Stripe's PaymentIntent id", state, auth)
	}
}

// TestBothCardAndTokenRefused checks the API's answer to an order that
// sends card fields and a paymentMethod: 422, naming the card fields, and
// no execution.
func TestBothCardAndTokenRefused(t *testing.T) {
	t.Parallel()
	h := start(t, options{noCallback: true})
	o := newOrder("both-1", cardApproved)
	body, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	m["paymentMethod"] = "pm_card_visa"
	code, resp := h.do("POST", "/orders", m)
	if code != 422 || !strings.Contains(string(resp), "creditCardNumber") || !strings.Contains(string(resp), "paymentMethod") {
		t.Errorf("POST /orders with card and token = %d %s, want 422 naming the card fields", code, resp)
	}
	if n := h.executions("both-1"); n != 0 {
		t.Errorf("executions = %d, want none", n)
	}
}

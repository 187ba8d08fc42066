package orders_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

const (
	testStateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:Payment"
	testCardKey      = "alias/payflow-card"
	testMACKey       = "alias/payflow-mac"
)

// fixture is a Service wired to fakes that a test can inspect.
type fixture struct {
	svc   *orders.Service
	execs *orderstest.Executions
	kms   *orderstest.KMS
	clock *clock.Fake
}

func newFixture(tb testing.TB) fixture {
	tb.Helper()
	clk := clock.NewFake(testNow)
	execs := orderstest.NewExecutions(testStateMachine, clk)
	keys := orderstest.NewKMS(testCardKey, testMACKey)
	svc, err := orders.NewService(orders.Config{
		StateMachineARN: testStateMachine, CardKeyID: testCardKey, MACKeyID: testMACKey,
		Starter: execs, Describer: execs, Sealer: keys, Digester: keys,
		Validator: orders.NewValidator(clk),
	})
	if err != nil {
		tb.Fatalf("NewService: %v", err)
	}
	return fixture{svc: svc, execs: execs, kms: keys, clock: clk}
}

func TestPlaceStartsOneSealedExecution(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	got, err := f.svc.Place(context.Background(), validOrder())
	if err != nil {
		t.Fatalf("Place: %v", err)
	}
	want := orders.Placement{
		OrderID:       "order-1234567",
		ExecutionARN:  "arn:aws:states:us-east-1:123456789012:execution:Payment:order-1234567",
		Status:        orders.ExecutionRunning,
		PaymentStatus: orders.PaymentPending,
		StartDate:     testNow,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Place() mismatch (-want +got):\n%s", diff)
	}

	inputs := f.execs.Inputs()
	if len(inputs) != 1 {
		t.Fatalf("StartExecution called %d times, want 1", len(inputs))
	}
	var req orders.PaymentRequest
	if err := json.Unmarshal([]byte(inputs[0]), &req); err != nil {
		t.Fatalf("execution input is not a PaymentRequest: %v", err)
	}
	if req.RequestDigest == "" || req.Card.Sealed == "" {
		t.Fatalf("execution input lacks digest or sealed card: %s", inputs[0])
	}
	sealed := req.Card.Sealed
	req.Card.Sealed, req.RequestDigest = "", ""
	wantReq := orders.PaymentRequest{
		OrderID: "order-1234567", CustomerID: "98766", OrderDate: "2026-11-25",
		Amount: "100.00", Currency: "USD",
		Card: orders.SealedCard{Brand: orders.BrandVisa, Last4: "4242"},
	}
	if diff := cmp.Diff(wantReq, req); diff != "" {
		t.Errorf("execution input mismatch (-want +got):\n%s", diff)
	}

	secret := unseal(t, f.kms, sealed, "order-1234567")
	wantSecret := orders.CardSecret{Number: "4242424242424242", CVV: "123", Expiry: "12/28", NameOnCard: "FIRSTNAME LASTNAME"}
	if diff := cmp.Diff(wantSecret, secret); diff != "" {
		t.Errorf("sealed card mismatch (-want +got):\n%s", diff)
	}
	blob, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		t.Fatalf("sealed card is not base64: %v", err)
	}
	_, err = f.kms.Decrypt(context.Background(), &kms.DecryptInput{
		CiphertextBlob: blob, EncryptionContext: map[string]string{orders.EncryptionContextKey: "another-order"},
	})
	if err == nil {
		t.Error("sealed card opened under another order's encryption context")
	}
}

func TestPlaceAgain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		mutate   func(*orders.Order)
		conflict bool
	}{
		{"identical", func(*orders.Order) {}, false},
		{"same order typed differently", func(o *orders.Order) {
			o.CreditCardNumber = "4242-4242-4242-4242"
			o.Amount = "100.00"
			o.Currency = ""
		}, false},
		{"different amount", func(o *orders.Order) { o.Amount = "100.01" }, true},
		{"different card", func(o *orders.Order) { o.CreditCardNumber = "4000 0000 0000 0002" }, true},
		{"different cvv", func(o *orders.Order) { o.CVV = "124" }, true},
		{"different customer", func(o *orders.Order) { o.CustomerID = "other" }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			first, err := f.svc.Place(context.Background(), validOrder())
			if err != nil {
				t.Fatalf("first Place: %v", err)
			}
			if err := f.execs.Finish(first.OrderID, types.ExecutionStatusSucceeded, "", ""); err != nil {
				t.Fatal(err)
			}
			again := validOrder()
			tt.mutate(&again)
			got, err := f.svc.Place(context.Background(), again)
			if tt.conflict {
				if !errors.Is(err, orders.ErrConflict) {
					t.Fatalf("second Place error = %v, want ErrConflict", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("second Place: %v", err)
			}
			want := first
			want.Replayed = true
			want.Status, want.PaymentStatus = orders.ExecutionSucceeded, orders.PaymentPaid
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("replay mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPlaceOverHandStartedExecutionConflicts(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	o := validOrder()
	f.execs.Put(o.OrderID, `{"orderId":"order-1234567","amount":100,"creditCardNumber":"1234 1234 1234 1234"}`)
	if _, err := f.svc.Place(context.Background(), o); !errors.Is(err, orders.ErrConflict) {
		t.Fatalf("Place error = %v, want ErrConflict", err)
	}
}

func TestPlaceInvalidStartsNothing(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	o := validOrder()
	o.CreditCardNumber = "1234 1234 1234 1234"
	if _, err := f.svc.Place(context.Background(), o); !errors.Is(err, orders.ErrInvalid) {
		t.Fatalf("Place error = %v, want ErrInvalid", err)
	}
	if n := len(f.execs.Inputs()); n != 0 {
		t.Errorf("StartExecution called %d times, want 0", n)
	}
}

func TestPlaceClassifiesUpstreamErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		sfnErr  error
		kmsErr  error
		wantErr error
	}{
		{"sfn throttled", &smithy.GenericAPIError{Code: "ThrottlingException", Message: "Rate exceeded"}, nil, orders.ErrUnavailable},
		{"sfn server fault", &smithy.GenericAPIError{Code: "Whatever", Fault: smithy.FaultServer}, nil, orders.ErrUnavailable},
		{"sfn 503 unmodelled", &smithyhttp.ResponseError{
			Response: &smithyhttp.Response{Response: &http.Response{StatusCode: 503}},
			Err:      &smithy.GenericAPIError{Code: "Unknown"},
		}, nil, orders.ErrUnavailable},
		{"sfn connection refused", &smithyhttp.RequestSendError{Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}, nil, orders.ErrUnavailable},
		{"sfn access denied", &smithy.GenericAPIError{Code: "AccessDeniedException"}, nil, orders.ErrUpstream},
		{"sfn state machine missing", &types.StateMachineDoesNotExist{Message: aws.String("gone")}, nil, orders.ErrUpstream},
		{"kms throttled", nil, &smithy.GenericAPIError{Code: "ThrottlingException"}, orders.ErrUnavailable},
		{"kms internal", nil, &smithy.GenericAPIError{Code: "KMSInternalException"}, orders.ErrUnavailable},
		{"kms key disabled", nil, &smithy.GenericAPIError{Code: "DisabledException"}, orders.ErrUpstream},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t)
			f.execs.FailWith(tt.sfnErr)
			f.kms.FailWith(tt.kmsErr)
			_, err := f.svc.Place(context.Background(), validOrder())
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Place error = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestNewServiceRefusesIncompleteConfig(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mutate func(*orders.Config)
	}{
		{"execution ARN instead of state machine", func(c *orders.Config) { c.StateMachineARN = "arn:aws:states:us-east-1:1:execution:a:b" }},
		{"no card key", func(c *orders.Config) { c.CardKeyID = "" }},
		{"no MAC key", func(c *orders.Config) { c.MACKeyID = "" }},
		{"no sealer", func(c *orders.Config) { c.Sealer = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(testNow)
			execs := orderstest.NewExecutions(testStateMachine, clk)
			keys := orderstest.NewKMS(testCardKey, testMACKey)
			cfg := orders.Config{
				StateMachineARN: testStateMachine, CardKeyID: testCardKey, MACKeyID: testMACKey,
				Starter: execs, Describer: execs, Sealer: keys, Digester: keys, Validator: orders.NewValidator(clk),
			}
			tt.mutate(&cfg)
			if svc, err := orders.NewService(cfg); err == nil {
				t.Fatalf("NewService() = %v, nil; want an error", svc)
			}
		})
	}
}

// unseal opens a SealedCard.Sealed value with the fake KMS, as the
// callback would.
func unseal(tb testing.TB, k *orderstest.KMS, sealed, orderID string) orders.CardSecret {
	tb.Helper()
	blob, err := base64.StdEncoding.DecodeString(sealed)
	if err != nil {
		tb.Fatalf("sealed card is not base64: %v", err)
	}
	out, err := k.Decrypt(context.Background(), &kms.DecryptInput{
		CiphertextBlob: blob, EncryptionContext: map[string]string{orders.EncryptionContextKey: orderID},
	})
	if err != nil {
		tb.Fatalf("unseal: %v", err)
	}
	var s orders.CardSecret
	if err := json.Unmarshal(out.Plaintext, &s); err != nil {
		tb.Fatalf("sealed card is not a CardSecret: %v", err)
	}
	return s
}

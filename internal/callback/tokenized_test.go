package callback_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/orders"
)

// TestTokenizedPaymentSkipsVaultAndKMS sends a tokenized payment while
// every vault and KMS operation fails: the token is charged, the task
// answered, and neither is touched.
func TestTokenizedPaymentSkipsVaultAndKMS(t *testing.T) {
	t.Parallel()
	tasks := &fakeTasks{}
	cards := &fakeCards{errFor: func(string) error { return errors.New("KMS must not be called for a tokenized payment") }}
	r := newRig(t, tasks, cards, 0)
	r.vault.FailWith(errors.New("the vault must not be used for a tokenized payment"))
	event := events.SQSEvent{Records: []events.SQSMessage{{
		MessageId: "msg-token",
		Body: `{"taskToken":"token-tok","executionArn":"arn:aws:states:us-east-1:123456789012:execution:Payment:order-tok",` +
			`"payment":{"orderId":"order-tok","customerId":"cust-42","orderDate":"2026-11-26","amount":"19.99","currency":"EUR",` +
			`"card":{"brand":"","last4":""},"vaultRef":"ref-tok","requestDigest":"sha256:abc","paymentMethod":"pm_card_chargeDeclined"}}`,
	}}}
	resp, err := r.handler.Handle(t.Context(), event)
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.BatchItemFailures) != 0 {
		t.Fatalf("retries = %v, want the payment answered; logs:\n%s", resp.BatchItemFailures, r.logs.String())
	}
	if got := r.charges.get("order-tok"); got.State != orders.ChargeDeclined || got.DeclineCode != orders.ErrorDeclined {
		t.Errorf("charge record = %+v, want the simulator's decline of pm_card_chargeDeclined", got)
	}
	if strings.Contains(r.logs.String(), "vault") {
		t.Errorf("the handler went to the vault for a tokenized payment:\n%s", r.logs.String())
	}
	if tasks.count("SendTaskFailure") != 1 {
		t.Errorf("calls = %+v, want one SendTaskFailure", tasks.sortedCalls())
	}
}

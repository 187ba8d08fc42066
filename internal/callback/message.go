package callback

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/internal/orders"
)

// rawCardFields are the names under which unsealed card data arrives when a
// workflow is started by hand with the original walkthrough's input. Their
// presence is named in the failure cause; their values never are.
var rawCardFields = []string{"creditCardNumber", "cardNumber", "cvv", "expiry", "nameOnCard", "number"}

// errNoToken means a message cannot be answered at all.
var errNoToken = errors.New("the message has no task token")

// invalidPayment explains, without quoting any value, why a message that
// does carry a task token cannot be authorized. It becomes the cause of a
// Payment.InvalidRequest task failure.
type invalidPayment struct{ cause string }

func (e *invalidPayment) Error() string { return e.cause }

func invalidf(format string, args ...any) *invalidPayment {
	return &invalidPayment{cause: fmt.Sprintf(format, args...)}
}

// parsed is a message whose payment passed every check.
type parsed struct {
	token        string
	executionARN string
	payment      orders.PaymentRequest
}

// parseMessage reads a payment queue message body. It returns errNoToken
// when there is no task token to answer, the token and an *invalidPayment
// when there is one but the payment is unusable, and the parsed message
// otherwise.
func parseMessage(body string) (parsed, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &fields); err != nil {
		return parsed{}, fmt.Errorf("the message is not a JSON object: %w", errNoToken)
	}
	// encoding/json matches keys case-insensitively, so the original
	// walkthrough's "TaskToken" is found too.
	var envelope struct {
		TaskToken    string `json:"taskToken"`
		ExecutionARN string `json:"executionArn"`
	}
	if err := json.Unmarshal([]byte(body), &envelope); err != nil || strings.TrimSpace(envelope.TaskToken) == "" {
		return parsed{}, errNoToken
	}
	msg := parsed{token: envelope.TaskToken, executionARN: envelope.ExecutionARN}
	raw, ok := fields["payment"]
	if !ok {
		if found := presentRawFields(fields); len(found) > 0 {
			return msg, rawCardError(found)
		}
		return msg, invalidf("the message has no payment object")
	}
	var payFields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &payFields); err != nil {
		return msg, invalidf("the payment is not a JSON object")
	}
	if found := presentRawFields(payFields); len(found) > 0 {
		return msg, rawCardError(found)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&msg.payment); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return msg, invalidf("the payment field %q has the wrong type", typeErr.Field)
		}
		return msg, invalidf("the payment has fields a sealed payment request does not have")
	}
	if err := msg.payment.Check(); err != nil {
		return msg, invalidf("%s", err.Error())
	}
	return msg, nil
}

// presentRawFields lists which raw card field names fields has.
func presentRawFields(fields map[string]json.RawMessage) []string {
	var found []string
	for _, name := range rawCardFields {
		if _, ok := fields[name]; ok {
			found = append(found, name)
		}
	}
	return found
}

func rawCardError(found []string) *invalidPayment {
	return invalidf("the payment carries raw card fields (%s); cards must be sealed by the orders API, never sent in clear",
		strings.Join(found, ", "))
}

package callback

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/internal/orders"
)

// rawCardFields are the names under which unsealed card data arrives when a
// workflow is started by hand with the original walkthrough's input. Their
// presence is named in the failure cause; their values never are.
var rawCardFields = []string{"creditCardNumber", "cardNumber", "cvv", "expiry", "nameOnCard", "number"}

var (
	orderIDPattern  = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)
	amountPattern   = regexp.MustCompile(`^[0-9]{1,12}\.[0-9]{2}$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
	last4Pattern    = regexp.MustCompile(`^[0-9]{4}$`)
)

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

// parsed is a message whose payment passed every check, with its sealed
// card decoded.
type parsed struct {
	token      string
	payment    orders.PaymentRequest
	ciphertext []byte
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
		TaskToken string `json:"taskToken"`
	}
	if err := json.Unmarshal([]byte(body), &envelope); err != nil || strings.TrimSpace(envelope.TaskToken) == "" {
		return parsed{}, errNoToken
	}
	msg := parsed{token: envelope.TaskToken}
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
	if err := validatePayment(msg.payment); err != nil {
		return msg, err
	}
	ct, err := base64.StdEncoding.DecodeString(msg.payment.Card.Sealed)
	if err != nil {
		return msg, invalidf("the sealed card is not base64")
	}
	msg.ciphertext = ct
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

// validatePayment checks what the callback relies on, listing every
// problem at once.
func validatePayment(p orders.PaymentRequest) error {
	var problems []string
	if !orderIDPattern.MatchString(p.OrderID) {
		problems = append(problems, "orderId must be 1-64 letters, digits, '-' or '_'")
	}
	if !amountPattern.MatchString(p.Amount) || strings.Trim(p.Amount, "0.") == "" {
		problems = append(problems, "amount must be a positive decimal with two fraction digits")
	}
	if !currencyPattern.MatchString(p.Currency) {
		problems = append(problems, "currency must be an ISO 4217 code")
	}
	if p.Card.Sealed == "" {
		problems = append(problems, "card.sealed is missing")
	}
	if !last4Pattern.MatchString(p.Card.Last4) {
		problems = append(problems, "card.last4 must be four digits")
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return invalidf("the payment request is invalid: %s", strings.Join(problems, "; "))
}

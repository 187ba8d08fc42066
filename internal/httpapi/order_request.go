package httpapi

import (
	"encoding/json"
	"reflect"

	"github.com/payflow-dev/payflow/internal/orders"
)

// orderRequest is the body of POST /orders as api/openapi.yaml spells it.
// It differs from orders.Order only in how the amount is written on the
// wire, which is the HTTP edge's business, not the domain's.
type orderRequest struct {
	OrderID          string     `json:"orderId"`
	CustomerID       string     `json:"customerId"`
	OrderDate        string     `json:"orderDate"`
	Amount           amountText `json:"amount"`
	Currency         string     `json:"currency,omitempty"`
	NameOnCard       string     `json:"nameOnCard"`
	CreditCardNumber string     `json:"creditCardNumber"`
	Expiry           string     `json:"expiry"`
	CVV              string     `json:"cvv"`
	PaymentMethod    string     `json:"paymentMethod,omitempty"`
}

// order returns the request as the domain's Order, still unvalidated.
func (r orderRequest) order() orders.Order {
	return orders.Order{
		OrderID:          r.OrderID,
		CustomerID:       r.CustomerID,
		OrderDate:        r.OrderDate,
		Amount:           orders.Amount(r.Amount),
		Currency:         r.Currency,
		NameOnCard:       r.NameOnCard,
		CreditCardNumber: r.CreditCardNumber,
		Expiry:           r.Expiry,
		CVV:              r.CVV,
		PaymentMethod:    r.PaymentMethod,
	}
}

// amountText is an amount as the client wrote it: the contents of a JSON
// string ("654321.17", what the contract asks for, because generated
// clients keep a string exactly) or the text of a JSON number (654321.17,
// still accepted). Either way the text is kept as written and never passes
// through a float; orders.Validator decides whether it is a valid amount.
type amountText string

// UnmarshalJSON accepts a JSON string or number; anything else is a type
// error that names no value. A null leaves the amount empty, as
// encoding/json does for every other field, so "is required" follows.
func (a *amountText) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*a = amountText(s)
		return nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*a = amountText(b)
		return nil
	}
	return &json.UnmarshalTypeError{Value: "non-amount", Type: reflect.TypeFor[amountText]()}
}

package orders

import (
	"fmt"
	"log/slog"
)

// Order is what a shop submits to take a payment. The validate tags are the
// rules; Validator enforces them and names each broken one.
//
// An Order holds the card in clear, so it never leaves the request that
// carried it: it formats and logs as its orderId and card brand only.
type Order struct {
	// OrderID is the shop's id for the order and the execution name, hence
	// the Step Functions naming rules.
	// Neither id may look like a card number: ids travel in execution
	// names, ARNs, URLs and logs, where a card number must never be.
	OrderID    string `json:"orderId" validate:"required,ident,notcard"`
	CustomerID string `json:"customerId" validate:"required,ident,notcard"`
	// OrderDate is a calendar date, YYYY-MM-DD, within OrderDateWindow.
	OrderDate string `json:"orderDate" validate:"required,datetime=2006-01-02,orderdate"`
	// Amount is greater than zero, at most MaxAmountMinor minor units, with
	// at most two decimal places.
	Amount Amount `json:"amount" validate:"required,amount,amount_positive,amount_max"`
	// Currency is an ISO 4217 code; empty means DefaultCurrency.
	Currency string `json:"currency,omitempty" validate:"omitempty,currency"`
	// The card is given either as its fields (NameOnCard, CreditCardNumber,
	// Expiry, CVV) or as PaymentMethod, never both.
	NameOnCard string `json:"nameOnCard" validate:"required_without=PaymentMethod,excluded_with=PaymentMethod,omitempty,max=100,cardname"`
	// CreditCardNumber is 13–19 digits, optionally grouped by single spaces
	// or dashes, and passes the Luhn check.
	CreditCardNumber string `json:"creditCardNumber" validate:"required_without=PaymentMethod,excluded_with=PaymentMethod,omitempty,cardnumber,luhn"`
	// Expiry is MM/YY; the card is valid through the end of that month.
	Expiry string `json:"expiry" validate:"required_without=PaymentMethod,excluded_with=PaymentMethod,omitempty,expiry,unexpired"`
	CVV    string `json:"cvv" validate:"required_without=PaymentMethod,excluded_with=PaymentMethod,omitempty,cvv"`
	// PaymentMethod is a token the storefront created with Stripe's client
	// libraries (pm_...), so the card never reaches this service: no KMS
	// seal, no vault entry.
	PaymentMethod string `json:"paymentMethod,omitempty" validate:"omitempty,paymentmethod"`
}

// Tokenized reports whether the order pays with a PaymentMethod token
// instead of card fields.
func (o Order) Tokenized() bool { return o.PaymentMethod != "" }

// normalOrder is a validated Order reduced to the forms the workflow uses:
// card digits only, the amount in minor units, the currency defaulted.
type normalOrder struct {
	Order
	digits   string
	minor    int64
	currency string
}

// normalize converts a validated order. It still checks what it converts,
// so a caller that skipped validation gets ErrInvalid rather than garbage.
func (o Order) normalize() (normalOrder, error) {
	digits, ok := CardDigits(o.CreditCardNumber)
	switch {
	case o.Tokenized() && (o.CreditCardNumber != "" || o.CVV != "" || o.Expiry != "" || o.NameOnCard != ""):
		return normalOrder{}, fmt.Errorf("normalize order: card fields and paymentMethod together: %w", ErrInvalid)
	case o.Tokenized() && !IsPaymentMethod(o.PaymentMethod):
		return normalOrder{}, fmt.Errorf("normalize order: paymentMethod: %w", ErrInvalid)
	case !o.Tokenized() && !ok:
		return normalOrder{}, fmt.Errorf("normalize order: card number: %w", ErrInvalid)
	}
	minor, err := MinorUnits(string(o.Amount))
	if err != nil {
		return normalOrder{}, fmt.Errorf("normalize order: amount: %w", ErrInvalid)
	}
	currency := o.Currency
	if currency == "" {
		currency = DefaultCurrency
	}
	return normalOrder{Order: o, digits: digits, minor: minor, currency: currency}, nil
}

// Format prints only the orderId and card brand, whatever the verb, so an
// Order passed to fmt or a log call by mistake never prints the card.
func (o Order) Format(f fmt.State, _ rune) {
	fmt.Fprintf(f, "Order{orderId:%q card:%s}", o.OrderID, o.brand())
}

// LogValue logs only the orderId and card brand, for the same reason.
func (o Order) LogValue() slog.Value {
	return slog.GroupValue(slog.String("orderId", o.OrderID), slog.String("brand", o.brand()))
}

// brand is the card brand if the number is well formed, "token" for a
// tokenized order, else BrandUnknown.
func (o Order) brand() string {
	if o.Tokenized() {
		return "token"
	}
	digits, ok := CardDigits(o.CreditCardNumber)
	if !ok {
		return BrandUnknown
	}
	return BrandOf(digits)
}

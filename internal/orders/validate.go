package orders

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/go-playground/validator/v10"

	"github.com/payflow-dev/payflow/clock"
)

// Validator checks orders against their validate tags. Build one with
// NewValidator at start-up and share it: the underlying *validator.Validate
// caches struct metadata and is safe for concurrent use.
type Validator struct {
	v *validator.Validate
}

// NewValidator returns a Validator whose expiry rule reads time from c.
func NewValidator(c clock.Clock) *Validator {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Name fields as the client wrote them, not as Go spells them.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	rules := map[string]func(string) bool{
		"ident":           IsIdent,
		"notcard":         func(s string) bool { return !LooksLikeCardNumber(s) },
		"orderdate":       func(s string) bool { return inOrderDateWindow(s, c.Now()) },
		"amount":          func(s string) bool { _, err := MinorUnits(s); return err == nil },
		"amount_positive": func(s string) bool { n, _ := MinorUnits(s); return n > 0 },
		"amount_max":      func(s string) bool { n, _ := MinorUnits(s); return n <= MaxAmountMinor },
		"currency":        KnownCurrency,
		"cardname":        isCardName,
		"cardnumber":      func(s string) bool { _, ok := CardDigits(s); return ok },
		"luhn":            func(s string) bool { d, _ := CardDigits(s); return LuhnValid(d) },
		"expiry":          func(s string) bool { _, ok := ExpiryEnd(s); return ok },
		"unexpired":       func(s string) bool { end, _ := ExpiryEnd(s); return c.Now().Before(end) },
		"cvv":             ValidCVV,
		"paymentmethod":   IsPaymentMethod,
	}
	for tag, ok := range rules {
		err := v.RegisterValidation(tag, func(fl validator.FieldLevel) bool { return ok(fl.Field().String()) })
		if err != nil {
			// Only a malformed tag name fails here, a programming error
			// every test would catch.
			panic(fmt.Sprintf("orders: register validation %q: %v", tag, err))
		}
	}
	return &Validator{v: v}
}

// Validate checks a struct, usually an Order. It returns nil or a
// *ValidationError listing each broken field once, in field order.
func (v *Validator) Validate(x any) error {
	err := v.v.Struct(x)
	if err == nil {
		return nil
	}
	var verrs validator.ValidationErrors
	if !errors.As(err, &verrs) {
		return fmt.Errorf("validate: %w", err)
	}
	fields := make([]FieldError, 0, len(verrs))
	for _, fe := range verrs {
		fields = append(fields, FieldError{Field: fe.Field(), Message: message(fe)})
	}
	return &ValidationError{Fields: fields}
}

// message explains a broken rule without quoting the rejected value.
func message(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "ident":
		return "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'"
	case "datetime":
		return "must be a calendar date formatted YYYY-MM-DD"
	case "notcard":
		return "must not look like a card number (13 to 19 digits passing the Luhn check)"
	case "orderdate":
		return "must be a date within the last 365 days and not after tomorrow (UTC)"
	case "amount":
		return "must be a plain decimal number with at most 2 decimal places"
	case "amount_positive":
		return "must be greater than 0"
	case "amount_max":
		return "must not exceed " + FormatMinor(MaxAmountMinor)
	case "currency":
		return "must be a supported uppercase ISO 4217 code with 2 decimal places, such as USD or EUR"
	case "max":
		return "must be at most " + fe.Param() + " characters"
	case "cardname":
		return "must contain printable characters only"
	case "cardnumber":
		return "must be 13 to 19 digits, optionally grouped by single spaces or dashes"
	case "luhn":
		return "is not a valid card number (Luhn check failed)"
	case "expiry":
		return "must be MM/YY"
	case "unexpired":
		return "card has expired"
	case "cvv":
		return "must be 3 or 4 digits"
	case "required_without":
		return "is required unless paymentMethod is given"
	case "excluded_with":
		return "must not be given with paymentMethod: send either the card fields or paymentMethod"
	case "paymentmethod":
		return "must be a Stripe PaymentMethod id: pm_ followed by 1 to 250 letters, digits or '_'"
	}
	return "is invalid (" + fe.Tag() + ")"
}

// IsIdent reports whether s is 1–64 characters of [A-Za-z0-9_-], the rule
// for orderId and customerId: safe as a Step Functions execution name, as a
// DynamoDB key and in a URL path.
func IsIdent(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// LooksLikeCardNumber reports whether s is 13–19 digits that pass the
// Luhn check: what a card number looks like, and so what an id must not
// be, and what the HTTP edge keeps out of logs and responses.
func LooksLikeCardNumber(s string) bool {
	return len(s) >= MinCardDigits && len(s) <= MaxCardDigits && allDigits(s) && LuhnValid(s)
}

// OrderDateWindow is how far back an orderDate may lie. An order is paid
// when it is placed, so a year is generous; it stops the years 0000 and
// 9999 and typos such as 2062. One day ahead is allowed because a shop
// east of UTC (up to UTC+14) is already on the next date.
const OrderDateWindow = 365 * 24 * time.Hour

// inOrderDateWindow reports whether the YYYY-MM-DD date s lies between
// OrderDateWindow before today and tomorrow, both in UTC, inclusive.
func inOrderDateWindow(s string, now time.Time) bool {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return false
	}
	today := now.UTC().Truncate(24 * time.Hour)
	return !d.Before(today.Add(-OrderDateWindow)) && !d.After(today.Add(24*time.Hour))
}

// isCardName reports whether s has something besides spaces and only
// printable characters, so names with accents pass and control bytes do not.
func isCardName(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// IsPaymentMethod reports whether s looks like a Stripe PaymentMethod id:
// "pm_" and 1 to 250 of [A-Za-z0-9_] (test tokens such as pm_card_visa
// included). It can never be a card number.
func IsPaymentMethod(s string) bool {
	rest, ok := strings.CutPrefix(s, "pm_")
	if !ok || rest == "" || len(rest) > 250 {
		return false
	}
	for _, c := range rest {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

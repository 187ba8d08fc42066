package orders

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// MaxAmountMinor is the largest amount an order may carry, in minor units
// (1,000,000.00). Anything larger is far more likely a typo or an attack
// than a purchase, and it keeps minor units far from int64 overflow.
const MaxAmountMinor = 100_000_000

// Amount is the order total exactly as the client wrote it: the text of a
// JSON number. Keeping the text, rather than a float64, means "0.1" is one
// tenth and never 0.1000000000000000055.
type Amount string

// UnmarshalJSON accepts a JSON number only; a quoted amount such as "100"
// is a type error, as it would be for any other number field. A null leaves
// the amount empty, as encoding/json does for every other field.
func (a *Amount) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	if len(b) == 0 || (b[0] != '-' && (b[0] < '0' || b[0] > '9')) {
		return &json.UnmarshalTypeError{Value: jsonKind(b), Type: reflect.TypeFor[Amount]()}
	}
	*a = Amount(b)
	return nil
}

// errAmountFormat is returned by MinorUnits for text that is not a plain
// decimal with at most two fraction digits.
var errAmountFormat = errors.New("amount must be a plain decimal with at most 2 decimal places")

// MinorUnits parses a non-negative decimal such as "100", "100.5" or
// "100.50" into minor units (10050) with integer arithmetic only. Exponents,
// signs, leading zeros and more than two fraction digits are refused. It
// checks the form only: an order's amount must also be greater than zero
// and at most MaxAmountMinor (see ParseAmount).
func MinorUnits(text string) (int64, error) {
	whole, frac, hasPoint := strings.Cut(text, ".")
	if whole == "" || !allDigits(whole) || (hasPoint && (frac == "" || !allDigits(frac))) || len(frac) > 2 {
		return 0, errAmountFormat
	}
	if len(whole) > 1 && whole[0] == '0' {
		return 0, errAmountFormat
	}
	if len(whole) > 12 {
		return 0, fmt.Errorf("amount exceeds %s", FormatMinor(MaxAmountMinor))
	}
	frac += strings.Repeat("0", 2-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return 0, errAmountFormat
	}
	return n, nil
}

// FormatMinor renders minor units as a decimal with exactly two fraction
// digits, the form PaymentRequest.Amount carries.
func FormatMinor(minor int64) string {
	return fmt.Sprintf("%d.%02d", minor/100, minor%100)
}

// ParseAmount applies every amount rule an order obeys: a plain decimal
// with at most two fraction digits (see MinorUnits), greater than zero and
// at most MaxAmountMinor. It returns the amount in minor units.
func ParseAmount(text string) (int64, error) {
	n, err := MinorUnits(text)
	switch {
	case err != nil:
		return 0, err
	case n <= 0:
		return 0, errAmountNotPositive
	case n > MaxAmountMinor:
		return 0, fmt.Errorf("amount exceeds %s", FormatMinor(MaxAmountMinor))
	}
	return n, nil
}

// errAmountNotPositive is returned by ParseAmount for a zero amount.
var errAmountNotPositive = errors.New("amount must be greater than 0")

// allDigits reports whether s is non-empty and made of ASCII digits only.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// jsonKind names the kind of a JSON value by its first byte, for type
// errors that must not echo the value itself.
func jsonKind(b []byte) string {
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "value"
}

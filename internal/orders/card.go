package orders

import (
	"strings"
	"time"
)

// Card brands that BrandOf recognises.
const (
	BrandVisa       = "visa"
	BrandMastercard = "mastercard"
	BrandAmex       = "amex"
	BrandDiscover   = "discover"
	BrandJCB        = "jcb"
	BrandDinersClub = "diners"
	BrandUnionPay   = "unionpay"
	BrandMaestro    = "maestro"
	BrandUnknown    = "unknown"
)

// Card number lengths this service accepts. ISO/IEC 7812 allows up to 19
// digits; no scheme the service routes issues numbers shorter than 13.
const (
	MinCardDigits = 13
	MaxCardDigits = 19
)

// CardDigits strips the single spaces or dashes a customer may type between
// digit groups ("4242 4242 4242 4242", "4242-4242-4242-4242") and returns
// the digits. It reports false for anything else: letters, doubled or
// leading separators, or a digit count outside MinCardDigits–MaxCardDigits.
// It does not check the Luhn digit; ValidCardNumber does both.
func CardDigits(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	prevSep := true // a separator may not lead
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
			prevSep = false
		case (c == ' ' || c == '-') && !prevSep:
			prevSep = true
		default:
			return "", false
		}
	}
	if prevSep || b.Len() < MinCardDigits || b.Len() > MaxCardDigits {
		return "", false
	}
	return b.String(), true
}

// ValidCardNumber returns the digits of a card number that is well formed
// (see CardDigits) and passes the Luhn check, the one rule the API, the
// callback and the simulator all apply.
func ValidCardNumber(s string) (string, bool) {
	digits, ok := CardDigits(s)
	if !ok || !LuhnValid(digits) {
		return "", false
	}
	return digits, true
}

// LuhnValid reports whether a non-empty string of ASCII digits passes the
// Luhn check that every payment card number carries.
func LuhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return digits != "" && sum%10 == 0
}

// BrandOf names the card scheme of a digits-only card number from its
// issuer prefix, or BrandUnknown. It is for display and routing, not
// validation: an unknown brand is still a valid card.
func BrandOf(digits string) string {
	prefix := func(n int) int {
		if len(digits) < n {
			return -1
		}
		v := 0
		for i := 0; i < n; i++ {
			v = v*10 + int(digits[i]-'0')
		}
		return v
	}
	p2, p3, p4, p6 := prefix(2), prefix(3), prefix(4), prefix(6)
	switch {
	case p2 == 34 || p2 == 37:
		return BrandAmex
	case (p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720):
		return BrandMastercard
	case p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925):
		return BrandDiscover
	case p2 == 62:
		return BrandUnionPay
	case p4 >= 3528 && p4 <= 3589:
		return BrandJCB
	case p2 == 36 || p2 == 38 || p2 == 39 || (p3 >= 300 && p3 <= 305) || p3 == 309:
		return BrandDinersClub
	case p2 == 50 || (p2 >= 56 && p2 <= 69):
		return BrandMaestro
	case strings.HasPrefix(digits, "4"):
		return BrandVisa
	}
	return BrandUnknown
}

// Last4 returns the last four digits of a card number, the most of it that
// may ever leave the API. Spaces and dashes are ignored; a number with
// fewer than four digits, or with anything but digits and separators, has
// no last four and gives "".
func Last4(number string) string {
	digits := make([]byte, 0, len(number))
	for i := 0; i < len(number); i++ {
		switch c := number[i]; {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == ' ' || c == '-':
		default:
			return ""
		}
	}
	if len(digits) < 4 {
		return ""
	}
	return string(digits[len(digits)-4:])
}

// IsLast4 reports whether s has the form Last4 produces: four digits.
func IsLast4(s string) bool { return len(s) == 4 && allDigits(s) }

// ExpiryEnd parses an MM/YY expiry and returns the first instant after the
// card expires, in UTC: a card is valid through the last day of its expiry
// month, so "11/26" ends at 2026-12-01T00:00:00Z, and a card is expired at
// any instant t with !t.Before(end).
func ExpiryEnd(s string) (time.Time, bool) {
	if len(s) != 5 || s[2] != '/' || !allDigits(s[:2]) || !allDigits(s[3:]) {
		return time.Time{}, false
	}
	month := int(s[0]-'0')*10 + int(s[1]-'0')
	year := 2000 + int(s[3]-'0')*10 + int(s[4]-'0')
	if month < 1 || month > 12 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month)+1, 1, 0, 0, 0, 0, time.UTC), true
}

// ValidCVV reports whether s is a card verification value: 3 or 4 digits.
func ValidCVV(s string) bool { return len(s) >= 3 && len(s) <= 4 && allDigits(s) }

package orders

import "strings"

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

// cardDigits strips the single spaces or dashes a customer may type between
// digit groups ("4242 4242 4242 4242", "4242-4242-4242-4242"). It reports
// false for anything else: letters, doubled or leading separators, or a
// digit count outside 13–19.
func cardDigits(s string) (string, bool) {
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
	if prevSep || b.Len() < 13 || b.Len() > 19 {
		return "", false
	}
	return b.String(), true
}

// luhnValid reports whether a string of digits passes the Luhn check that
// every payment card number carries.
func luhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
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

// Last4 returns the last four digits of a digits-only card number, the most
// of it that may ever leave the API.
func Last4(digits string) string {
	if len(digits) < 4 {
		return digits
	}
	return digits[len(digits)-4:]
}

package payments

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Test card numbers, following the convention payment providers use. Any
// other Luhn-valid number is approved by the simulator.
const (
	CardApproved          = "4242424242424242"
	CardDeclined          = "4000000000000002"
	CardInsufficientFunds = "4000000000009995"
	CardExpired           = "4000000000000069"
	CardProcessorError    = "4000000000000119"
)

// luhnValid reports whether digits (ASCII digits only) pass the Luhn
// checksum that every real card number carries.
func luhnValid(digits string) bool {
	if len(digits) < 12 || len(digits) > 19 {
		return false
	}
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
	return sum%10 == 0
}

// normalizeNumber strips the spaces and dashes people type inside card
// numbers.
func normalizeNumber(number string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, number)
}

// expiryEnd parses an MM/YY expiry and returns the first instant after the
// card's last valid day, in UTC: a card is valid through the end of its
// expiry month.
func expiryEnd(expiry string) (time.Time, error) {
	month, year, ok := strings.Cut(strings.TrimSpace(expiry), "/")
	if !ok || len(month) != 2 || len(year) != 2 {
		return time.Time{}, fmt.Errorf("expiry is not MM/YY")
	}
	m, err := strconv.Atoi(month)
	if err != nil || m < 1 || m > 12 {
		return time.Time{}, fmt.Errorf("expiry month is not 01-12")
	}
	y, err := strconv.Atoi(year)
	if err != nil || y < 0 {
		return time.Time{}, fmt.Errorf("expiry year is not two digits")
	}
	return time.Date(2000+y, time.Month(m)+1, 1, 0, 0, 0, 0, time.UTC), nil
}

// Last4 returns the last four digits of a card number, the only part of it
// that may be logged or shown.
func Last4(number string) string {
	n := normalizeNumber(number)
	if len(n) < 4 {
		return ""
	}
	return n[len(n)-4:]
}

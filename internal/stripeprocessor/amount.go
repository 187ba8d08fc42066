package stripeprocessor

import (
	"fmt"
	"strconv"
	"strings"
)

// minorUnits converts an amount with exactly two fraction digits ("100.00")
// into minor units (10000), as Stripe's amount wants for the two-decimal
// currencies the orders API accepts. No float is involved.
func minorUnits(amount string) (int64, error) {
	whole, frac, ok := strings.Cut(amount, ".")
	if !ok || len(frac) != 2 || whole == "" || len(whole) > 12 || !digits(whole) || !digits(frac) {
		return 0, fmt.Errorf("amount %q is not a decimal with two fraction digits", amount)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", amount, err)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("amount %q: %w", amount, err)
	}
	return w*100 + f, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// expiry splits a card's MM/YY into Stripe's exp_month and four-digit
// exp_year.
func expiry(mmyy string) (month, year int64, err error) {
	m, y, ok := strings.Cut(strings.TrimSpace(mmyy), "/")
	if !ok || len(m) != 2 || len(y) != 2 || !digits(m) || !digits(y) {
		return 0, 0, fmt.Errorf("expiry is not MM/YY")
	}
	month, _ = strconv.ParseInt(m, 10, 64)
	year, _ = strconv.ParseInt(y, 10, 64)
	if month < 1 || month > 12 {
		return 0, 0, fmt.Errorf("expiry month is not 01-12")
	}
	return month, 2000 + year, nil
}

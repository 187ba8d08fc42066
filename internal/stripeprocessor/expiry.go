package stripeprocessor

import (
	"fmt"
	"strconv"
	"strings"
)

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

// digits reports whether s is made of ASCII digits only.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

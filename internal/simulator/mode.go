package simulator

import (
	"fmt"
	"strings"
)

// Mode selects how the processor decides.
type Mode string

// The modes PAYMENT_MODE accepts.
const (
	// ModeSimulated decides by test card number and expiry, always the
	// same way for the same card.
	ModeSimulated Mode = "simulated"
	// ModeRandom approves or declines at random, like the original
	// walkthrough's callback.
	ModeRandom Mode = "random"
)

// ParseMode reads a PAYMENT_MODE value; empty means ModeSimulated.
func ParseMode(s string) (Mode, error) {
	switch Mode(strings.ToLower(strings.TrimSpace(s))) {
	case "", ModeSimulated:
		return ModeSimulated, nil
	case ModeRandom:
		return ModeRandom, nil
	}
	return "", fmt.Errorf("payment mode %q is neither %q nor %q", s, ModeSimulated, ModeRandom)
}

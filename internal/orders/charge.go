package orders

import "time"

// Charge record states. A record is created by the first claim and only
// moves forward: CLAIMED -> APPROVED or DECLINED, APPROVED -> VOIDED. A
// claim whose lease has run out may be taken over (CLAIMED -> CLAIMED by
// another claimant); a claimant that could not reach a decision releases
// its claim (the record is removed) so a redelivery can claim at once.
const (
	ChargeClaimed  = "CLAIMED"
	ChargeApproved = "APPROVED"
	ChargeDeclined = "DECLINED"
	ChargeVoided   = "VOIDED"
)

// ChargeRecord is the durable memory of one order's charge: who is
// charging it now, or what came of it. It holds no card data.
type ChargeRecord struct {
	OrderID string
	State   string
	// Claimant and LeaseUntil are set while CLAIMED: until LeaseUntil no
	// one else may charge the order.
	Claimant   string
	LeaseUntil time.Time
	// AuthorizationID and AuthorizedAt are set from APPROVED on.
	AuthorizationID string
	AuthorizedAt    time.Time
	// DeclineCode (an Error* name) and DeclineReason are set when DECLINED.
	DeclineCode   string
	DeclineReason string
	// UpdatedAt is when the record last changed.
	UpdatedAt time.Time
}

// Settled reports whether the record holds a decision a redelivery must
// answer with instead of charging again.
func (r ChargeRecord) Settled() bool {
	return r.State == ChargeApproved || r.State == ChargeDeclined || r.State == ChargeVoided
}

package orders

// The shapes in this file are the contract between the HTTP API (which
// builds them), the state machine in statemachine/ (which forwards them) and
// the callback Lambda (which reads them). None of them ever holds a card
// number or CVV in clear.

// PaymentRequest is the input of every workflow execution that the API
// starts, and the "payment" field of the message the state machine sends to
// the payment queue.
type PaymentRequest struct {
	OrderID    string `json:"orderId"`
	CustomerID string `json:"customerId"`
	OrderDate  string `json:"orderDate"`
	// Amount is a decimal string with exactly two fraction digits ("100.00"),
	// so money never passes through a float.
	Amount   string     `json:"amount"`
	Currency string     `json:"currency"`
	Card     SealedCard `json:"card"`
	// RequestDigest is a keyed digest (KMS GenerateMac, HMAC_SHA_256, base64)
	// of the canonical order, card included. It tells an idempotent replay
	// from a conflicting reuse of the same orderId without storing any
	// unkeyed hash of the card.
	RequestDigest string `json:"requestDigest"`
	// PlacementID is random and new for every Place call. Step Functions
	// answers a start with the same name and the same input as a running
	// execution with that execution, as if it were new; a placement id
	// makes every Place's input its own, so that a second Place of the
	// same order always meets ExecutionAlreadyExists and is told apart as
	// a replay or a conflict, while the SDK's own retries of one start
	// still find their execution.
	PlacementID string `json:"placementId"`
}

// SealedCard is what the workflow knows of a card: enough to show a
// customer which card paid, and a sealed blob only the callback can open.
type SealedCard struct {
	Brand string `json:"brand"`
	Last4 string `json:"last4"`
	// Sealed is base64 of the KMS Encrypt ciphertext of the JSON encoding of
	// CardSecret, encrypted with the card key and the encryption context
	// {"orderId": <orderId>}.
	Sealed string `json:"sealed"`
}

// CardSecret is the plaintext sealed inside SealedCard.Sealed. It exists
// only in memory, inside the request that carried it and inside the callback
// that authorizes it.
type CardSecret struct {
	Number     string `json:"number"` // digits only
	CVV        string `json:"cvv"`
	Expiry     string `json:"expiry"` // MM/YY
	NameOnCard string `json:"nameOnCard"`
}

// EncryptionContextKey is the KMS encryption context key under which the
// orderId binds a sealed card to its order.
const EncryptionContextKey = "orderId"

// PaymentMessage is the body of a message on the payment queue, as the state
// machine writes it.
type PaymentMessage struct {
	TaskToken string         `json:"taskToken"`
	Payment   PaymentRequest `json:"payment"`
}

// Authorization is the task output the callback sends with SendTaskSuccess.
type Authorization struct {
	Status          string `json:"status"` // always PaymentPaid
	AuthorizationID string `json:"authorizationId"`
	AuthorizedAt    string `json:"authorizedAt"` // RFC 3339
}

// Error names the callback sends with SendTaskFailure and the state machine
// ends its Fail states with. DescribeExecution returns them as "error", and
// PaymentStatusOf maps them to what a shop sees.
const (
	ErrorDeclined          = "Payment.Declined"
	ErrorInsufficientFunds = "Payment.InsufficientFunds"
	ErrorCardExpired       = "Payment.CardExpired"
	// ErrorAuthenticationRequired: the card's issuer wants 3-D Secure,
	// which a server-side charge cannot perform; the storefront has to
	// collect a payment method that passed it.
	ErrorAuthenticationRequired = "Payment.AuthenticationRequired"
	ErrorInvalidRequest         = "Payment.InvalidRequest"
	ErrorTimedOut               = "Payment.TimedOut"
	ErrorFailed                 = "Payment.Failed"
)

// Workflow statuses as Step Functions reports them.
const (
	ExecutionRunning   = "RUNNING"
	ExecutionSucceeded = "SUCCEEDED"
	ExecutionFailed    = "FAILED"
	ExecutionTimedOut  = "TIMED_OUT"
	ExecutionAborted   = "ABORTED"
)

// Payment statuses as a shop sees them.
const (
	PaymentPending   = "PENDING"
	PaymentPaid      = "PAID"
	PaymentDeclined  = "DECLINED"
	PaymentFailed    = "FAILED"
	PaymentTimedOut  = "TIMED_OUT"
	PaymentCancelled = "CANCELLED"
)

// Notification is the message the workflow publishes to the SNS topic once
// the payment has an outcome. Status is one of PaymentPaid,
// PaymentDeclined, PaymentFailed or PaymentTimedOut.
type Notification struct {
	OrderID  string `json:"orderId"`
	Status   string `json:"status"`
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
	Brand    string `json:"brand,omitempty"`
	Last4    string `json:"last4,omitempty"`
	Error    string `json:"error,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

package orders

// The shapes in this file are the contract between the HTTP API (which
// builds them), the state machine in statemachine/ (which forwards them) and
// the callback Lambda (which reads them). None of them ever holds a card
// number or CVV, in clear or sealed: sealed cards live only in the vault.

// PaymentRequest is the input of every workflow execution that the API
// starts, and the "payment" field of the message the state machine sends to
// the payment queue. It holds no card data beyond brand and last four: the
// sealed card waits in the card vault under VaultRef.
type PaymentRequest struct {
	OrderID    string `json:"orderId"`
	CustomerID string `json:"customerId"`
	OrderDate  string `json:"orderDate"`
	// Amount is a decimal string with exactly two fraction digits ("100.00"),
	// so money never passes through a float.
	Amount   string  `json:"amount"`
	Currency string  `json:"currency"`
	Card     CardRef `json:"card"`
	// VaultRef names the card vault entry (with OrderID) that holds this
	// placement's sealed card. It is random and new for every Place: Step
	// Functions answers a start with the same name and the same input as a
	// running execution with that execution, as if it were new, so a
	// reference of its own makes every Place's input its own, and a second
	// Place of the same order always meets ExecutionAlreadyExists and is told
	// apart as a replay or a conflict.
	VaultRef string `json:"vaultRef"`
	// RequestDigest is a keyed digest (KMS GenerateMac, HMAC_SHA_256, base64)
	// of the canonical order without its CVV. It tells an idempotent replay
	// from a conflicting reuse of the same orderId without storing any
	// unkeyed hash of the card, and without keeping anything derived from
	// the CVV after the authorization.
	RequestDigest string `json:"requestDigest"`
	// PaymentMethod is the storefront's Stripe token for a tokenized
	// order, and empty for a card order. It is always present, so the
	// state machine can pass it on without a path that may be missing. A
	// tokenized order has no vault entry (VaultRef names none) and no
	// brand or last four.
	PaymentMethod string `json:"paymentMethod"`
}

// CardRef is what the workflow knows of a card: enough to show a customer
// which card paid, and nothing that could charge it.
type CardRef struct {
	Brand string `json:"brand"`
	Last4 string `json:"last4"`
}

// CardSecret is the card as the vault holds it, sealed with KMS (JSON,
// encrypted with the card key under the encryption context
// {"orderId": <orderId>}). In clear it exists only in memory, inside the
// request that carried it and inside the callback that authorizes it.
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
	TaskToken string `json:"taskToken"`
	// ExecutionARN lets the callback ask, when the task turns out closed
	// after an approval, whether the workflow took the answer (SUCCEEDED) or
	// ended without it (timed out, stopped), in which case it voids.
	ExecutionARN string         `json:"executionArn"`
	Payment      PaymentRequest `json:"payment"`
}

// Authorization is the task output the callback sends with SendTaskSuccess.
type Authorization struct {
	Status          string `json:"status"` // always PaymentPaid
	AuthorizationID string `json:"authorizationId"`
	AuthorizedAt    string `json:"authorizedAt"` // RFC 3339
	// Notification is what the workflow publishes for the paid order, so
	// that publishing needs no state of its own.
	Notification Notification `json:"notification"`
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
	// PaymentVoided is an authorization released because the workflow
	// ended (timed out, stopped) before it could take it: the customer is
	// not charged. It is published on the topic by the callback.
	PaymentVoided = "VOIDED"
)

// Notification is the message published to the SNS topic once the payment
// has an outcome. Status is one of PaymentPaid, PaymentDeclined,
// PaymentFailed or PaymentTimedOut (published by the workflow), or
// PaymentVoided (published by the callback).
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

// Package simulator is the payment processor of the local stack and of the
// default deployment: a deterministic simulator with documented test
// cards, and the original walkthrough's coin flip for those who still want
// it. It implements orders.PaymentProcessor.
//
// It is not a client of any real acquirer. Its only job is to give every
// outcome the workflow knows (approved, declined, insufficient funds,
// expired card, a transient processor error) a card number that produces it
// on demand, so that tests, demos and the local stack can drive each branch
// of the state machine. It applies the card rules of package orders (Luhn,
// 13-19 digits, the expiry instant) exactly as the API does.
//
// The orderId is the idempotency key towards the processor: the simulator
// keeps an in-memory ledger of the first definitive result per orderId, so a
// redelivered queue message never charges a card twice. The ledger lives as
// long as the Processor value (one Lambda execution environment); a real
// processor keeps it on its side, which is why the callback sends the
// orderId with every charge.
package simulator

package simulator

// Test card numbers, following the convention payment providers use. Any
// other valid card number is approved by the simulator.
const (
	CardApproved          = "4242424242424242"
	CardDeclined          = "4000000000000002"
	CardInsufficientFunds = "4000000000009995"
	CardExpired           = "4000000000000069"
	CardProcessorError    = "4000000000000119"
)

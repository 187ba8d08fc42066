package stripeprocessor_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/payflow-dev/payflow/internal/stripemock"
	"github.com/payflow-dev/payflow/internal/stripeprocessor"
)

// BenchmarkAuthorizeOnStripeMock measures one Authorize (a PaymentMethod
// and a confirmed PaymentIntent, two requests) against stripe-mock over
// loopback: the adapter's own cost plus stripe-mock's validation, not
// Stripe's latency.
func BenchmarkAuthorizeOnStripeMock(b *testing.B) {
	mock := stripemock.ForTest(b)
	p := newProcessor(b, mock.URL, stripeprocessor.StaticKey("sk_test_123"), nil)
	b.ResetTimer()
	for i := range b.N {
		if _, err := p.Authorize(context.Background(), charge(fmt.Sprintf("bench-%d", i), "10.00", "USD")); err != nil {
			b.Fatal(err)
		}
	}
}

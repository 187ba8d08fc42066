package httpapi

import (
	"context"
	"net/http"
	"time"
)

// DefaultRequestBudget is how long a request may take when Config leaves
// RequestBudget zero: well inside the API function's 10 s Lambda timeout
// and API Gateway's 30 s integration timeout, so that running out is this
// API's 503 problem with Retry-After rather than Lambda's timeout or API
// Gateway's bare 500 or 503.
const DefaultRequestBudget = 6 * time.Second

// lambdaMargin is kept free before the Lambda invocation's own deadline to
// write the 503 and return.
const lambdaMargin = time.Second

// withBudget gives each request a deadline: the budget, or less when the
// request already has an earlier one (the Lambda invocation's deadline
// reaches the request's context through the adapter), less a margin for
// answering. Every AWS call made for the request inherits it; when it
// passes, the call fails with context.DeadlineExceeded and problemFor
// answers 503.
func withBudget(budget time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), budgetFor(r.Context(), budget))
			defer cancel()
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// budgetFor is the budget, cut to leave lambdaMargin (or half of what is
// left, when that is less) before an existing deadline.
func budgetFor(ctx context.Context, budget time.Duration) time.Duration {
	deadline, ok := ctx.Deadline()
	if !ok {
		return budget
	}
	left := time.Until(deadline)
	room := left - lambdaMargin
	if room < left/2 {
		room = left / 2
	}
	return min(budget, room)
}

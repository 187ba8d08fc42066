package e2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/payflow-dev/payflow/internal/apiclient"
	"github.com/payflow-dev/payflow/internal/orders"
)

// TestGeneratedClientChargesExactAmounts places orders through the Go
// client generated from api/openapi.yaml, through the local HTTP API, and
// checks that the workflow charged, and the notification announced,
// exactly the amount placed. Before amounts were strings in the contract,
// the generated client sent 654321.17 as 654321.2 and 999999.99 as 1e+06.
func TestGeneratedClientChargesExactAmounts(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true})
	client, err := apiclient.NewClientWithResponses(h.local.APIURL, apiclient.WithHTTPClient(h.http))
	if err != nil {
		t.Fatal(err)
	}
	amounts := []string{"654321.17", "999999.99", "0.01", "0.10", "1000000.00", "100", "42.5"}
	// A fixed sample over the whole range, in cents, so that a failure
	// names an amount that fails again on the next run.
	rng := rand.New(rand.NewPCG(9, 17))
	for range 25 {
		cents := 1 + rng.Int64N(orders.MaxAmountMinor)
		amounts = append(amounts, fmt.Sprintf("%d.%02d", cents/100, cents%100))
	}
	ctx := context.Background()
	placed := map[string]string{} // orderId -> the amount as a shop wrote it
	for i, amount := range amounts {
		id := fmt.Sprintf("exact-%02d", i)
		resp, err := client.PlaceOrderWithResponse(ctx, apiclient.Order{
			OrderId: id, CustomerId: "98766", OrderDate: openapi_types.Date{Time: time.Now()},
			Amount: amount, NameOnCard: ptr("FIRSTNAME LASTNAME"), CreditCardNumber: ptr(cardApproved),
			Expiry: ptr("12/" + time.Now().AddDate(2, 0, 0).Format("06")), Cvv: ptr(cvv),
		})
		if err != nil {
			t.Fatalf("place %s: %v", amount, err)
		}
		if resp.JSON202 == nil {
			t.Fatalf("place %s: %d %s", amount, resp.StatusCode(), resp.Body)
		}
		placed[id] = amount
	}
	for id, amount := range placed {
		st := waitWithClient(t, client, id)
		if st.PaymentStatus != apiclient.PaymentStatusPAID {
			t.Errorf("%s (%s): payment %s, want PAID", id, amount, st.PaymentStatus)
		}
		if got := chargedAmount(t, h, st.ExecutionArn); got != twoDecimals(amount) {
			t.Errorf("%s: charged %s, want %s", id, got, twoDecimals(amount))
		}
	}
	notes := h.notifications()
	for id, amount := range placed {
		n := notes[id]
		if len(n) != 1 || n[0].Amount != twoDecimals(amount) || n[0].Currency != "USD" {
			t.Errorf("notifications for %s = %+v, want one for %s USD", id, n, twoDecimals(amount))
		}
	}
}

// waitWithClient polls the order's status with the generated client until
// its workflow has ended.
func waitWithClient(tb testing.TB, c *apiclient.ClientWithResponses, id string) apiclient.OrderStatus {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := c.GetOrderStatusWithResponse(context.Background(), id)
		if err != nil || resp.JSON200 == nil {
			tb.Fatalf("status of %s: %v %s", id, err, resp.Body)
		}
		if resp.JSON200.Status != apiclient.ExecutionStatusRUNNING {
			return *resp.JSON200
		}
		if time.Now().After(deadline) {
			tb.Fatalf("order %s still running", id)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// chargedAmount reads the amount from the execution's input: the
// PaymentRequest the callback charges, as it is queued for it.
func chargedAmount(tb testing.TB, h *harness, arn string) string {
	tb.Helper()
	out, err := h.sfn.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
	if err != nil {
		tb.Fatalf("describe %s: %v", arn, err)
	}
	var req orders.PaymentRequest
	if err := json.Unmarshal([]byte(aws.ToString(out.Input)), &req); err != nil {
		tb.Fatalf("execution input: %v", err)
	}
	return req.Amount
}

// twoDecimals writes a plain decimal with exactly two fraction digits, as
// the workflow carries amounts.
func twoDecimals(s string) string {
	whole, frac := s, ""
	for i := range len(s) {
		if s[i] == '.' {
			whole, frac = s[:i], s[i+1:]
			break
		}
	}
	for len(frac) < 2 {
		frac += "0"
	}
	return whole + "." + frac
}

// ptr returns a pointer to v, for the generated client's optional fields
// (the card fields are optional since an order may carry a paymentMethod
// instead).
func ptr[T any](v T) *T { return &v }

package httpapi_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/logtest"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

// The deployed stack's state machine, and the instant the spec's examples
// show: the examples are what the API answers in these conditions.
const exampleStateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:payflow-PaymentStateMachine"

var exampleStart = time.Date(2026, time.November, 26, 4, 30, 0, 123e6, time.UTC)

// exampleOrder is the spec's "approved" request example.
func exampleOrder(id, card string) string {
	return `{"orderId":"` + id + `","customerId":"98766","orderDate":"2026-11-25","amount":"100.00","currency":"USD",` +
		`"nameOnCard":"FIRSTNAME LASTNAME","creditCardNumber":"` + card + `","expiry":"12/28","cvv":"123"}`
}

// TestSpecSuccessExamplesAreRealResponses produces every documented 200 and
// 202 body with the real router and service (fake workflows ending as the
// state machine ends them) and compares it with the spec's example.
func TestSpecSuccessExamplesAreRealResponses(t *testing.T) {
	t.Parallel()
	doc := loadSpecDoc(t)
	example := func(path, method, code, name string) any {
		ex := dig(t, doc, "paths", path, method, "responses", code, "content", "application/json", "examples", name)
		return ex["value"]
	}
	var (
		h     http.Handler
		execs *orderstest.Workflows
		clk   *clock.Fake
	)
	fresh := func() {
		clk = clock.NewFake(exampleStart)
		execs = orderstest.NewWorkflows(exampleStateMachine, clk)
		keys := orderstest.NewKeys("test")
		v := orders.NewValidator(clk)
		svc, err := orders.NewService(orders.Config{Workflows: execs, Sealer: keys, Digester: keys, Vault: orderstest.NewVault(), Validator: v, Clock: clk})
		if err != nil {
			t.Fatal(err)
		}
		h = httpapi.NewHandler(httpapi.Config{Orders: svc, Validator: v, Logger: newLogger(&logtest.Buffer{}), Clock: clk})
	}
	fresh()
	got := func(_ any, body []byte) any {
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("response %s: %v", body, err)
		}
		return v
	}
	check := func(name string, want, have any) {
		t.Helper()
		if diff := cmp.Diff(want, have); diff != "" {
			t.Errorf("example %s differs from the real response (-spec +real):\n%s", name, diff)
		}
	}
	place := func(id, card string) (int, any) {
		rec := do(t, h, http.MethodPost, "/orders", "application/json", exampleOrder(id, card))
		return rec.Code, got(rec, rec.Body.Bytes())
	}
	status := func(id string) any {
		rec := do(t, h, http.MethodGet, "/orders/"+id+"/status", "", "")
		return got(rec, rec.Body.Bytes())
	}

	code, accepted := place("order-1234567", "4242 4242 4242 4242")
	if code != 202 {
		t.Fatalf("place: %d", code)
	}
	check("accepted", example("/orders", "post", "202", "accepted"), accepted)
	check("pending", example("/orders/{orderId}/status", "get", "200", "pending"), status("order-1234567"))
	clk.Advance(1333 * time.Millisecond)
	if err := execs.Finish("order-1234567", orders.ExecutionSucceeded, "", ""); err != nil {
		t.Fatal(err)
	}
	check("paid", example("/orders/{orderId}/status", "get", "200", "paid"), status("order-1234567"))
	if code, replayed := place("order-1234567", "4242 4242 4242 4242"); code != 200 {
		t.Errorf("replay: %d", code)
	} else {
		check("replayed", example("/orders", "post", "200", "replayed"), replayed)
	}

	// A decline, with the reason the simulator gives, and a timeout, with
	// the state machine's own cause.
	fresh()
	place("order-1234568", "4000 0000 0000 0002")
	clk.Advance(1333 * time.Millisecond)
	if err := execs.Finish("order-1234568", orders.ExecutionFailed, orders.ErrorDeclined, "the card was declined by its issuer"); err != nil {
		t.Fatal(err)
	}
	check("declined", example("/orders/{orderId}/status", "get", "200", "declined"), status("order-1234568"))
	fresh()
	place("order-1234569", "4242 4242 4242 4242")
	clk.Advance(1800 * time.Second)
	if err := execs.Finish("order-1234569", orders.ExecutionFailed, orders.ErrorTimedOut,
		"The payment processor did not answer before the task's timeout or heartbeat deadline."); err != nil {
		t.Fatal(err)
	}
	check("timedOut", example("/orders/{orderId}/status", "get", "200", "timedOut"), status("order-1234569"))
}

// TestSpecProblemExamplesAreRealResponses sends, for each documented
// client-error example, a request that earns it, and compares the whole
// problem document with the example.
func TestSpecProblemExamplesAreRealResponses(t *testing.T) {
	t.Parallel()
	doc := loadSpecDoc(t)
	shared := dig(t, doc, "components", "responses")
	example := func(path, method, code, name string) any {
		r := dig(t, doc, "paths", path, method, "responses", code)
		if ref, ok := r["$ref"].(string); ok {
			r = shared[ref[len("#/components/responses/"):]].(map[string]any)
		}
		// Through JSON, so YAML's ints compare with JSON's numbers.
		raw, err := json.Marshal(dig(t, r, "content", "application/problem+json", "examples", name)["value"])
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	valid := exampleOrder("order-1234567", "4242 4242 4242 4242")
	tests := []struct {
		path, method, code, name string
		reqPath, reqMethod, ct   string
		body                     string
	}{
		{"/orders", "post", "400", "unknownField", "/orders", "POST", "application/json", `{"tip":1,` + valid[1:]},
		{"/orders", "post", "400", "wrongType", "/orders", "POST", "application/json", `{"orderId":1234567}`},
		{"/orders", "post", "400", "malformed", "/orders", "POST", "application/json", `{"orderId":,}`},
		{"/orders", "post", "405", "methodNotAllowed", "/orders", "DELETE", "", ""},
		{"/orders", "post", "413", "tooLarge", "/orders", "POST", "application/json", `{"nameOnCard":"` + string(make([]byte, 17000)) + `"}`},
		{"/orders", "post", "415", "unsupported", "/orders", "POST", "text/plain", valid},
		{"/orders", "post", "422", "invalid", "/orders", "POST", "application/json",
			`{"orderId":"order-1234567","customerId":"98766","orderDate":"2026-11-25","amount":"0","nameOnCard":"FIRSTNAME LASTNAME",` +
				`"creditCardNumber":"4242 4242 4242 4241","expiry":"01/20","cvv":"123"}`},
		{"/orders/{orderId}/status", "get", "404", "notFound", "/orders/order-0000000/status", "GET", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code+" "+tt.name, func(t *testing.T) {
			t.Parallel()
			rec := do(t, newAPI(t).handler, tt.reqMethod, tt.reqPath, tt.ct, tt.body)
			var real any
			if err := json.Unmarshal(rec.Body.Bytes(), &real); err != nil {
				t.Fatalf("%s: %v", rec.Body, err)
			}
			if diff := cmp.Diff(example(tt.path, tt.method, tt.code, tt.name), real); diff != "" {
				t.Errorf("example differs from the real response (-spec +real):\n%s", diff)
			}
		})
	}
}

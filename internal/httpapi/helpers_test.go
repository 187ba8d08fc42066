package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/internal/logtest"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/orders/orderstest"
)

const testStateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:Payment"

// testNow is the time on every test clock.
var testNow = time.Date(2026, time.November, 26, 4, 30, 0, 0, time.UTC)

// validBody is an order that passes every rule at testNow.
const validBody = `{"orderId":"order-1","customerId":"98766","orderDate":"2026-11-25","amount":100,` +
	`"currency":"USD","nameOnCard":"FIRSTNAME LASTNAME","creditCardNumber":"4242 4242 4242 4242",` +
	`"expiry":"12/28","cvv":"123"}`

// api is the router over a real orders.Service and fakes of the
// interfaces orders owns, with everything it logs kept for inspection.
type api struct {
	handler http.Handler
	execs   *orderstest.Workflows
	kms     *orderstest.Keys
	logs    *logtest.Buffer
}

func newAPI(tb testing.TB) api {
	tb.Helper()
	clk := clock.NewFake(testNow)
	execs := orderstest.NewWorkflows(testStateMachine, clk)
	keys := orderstest.NewKeys("test")
	v := orders.NewValidator(clk)
	svc, err := orders.NewService(orders.Config{Workflows: execs, Sealer: keys, Digester: keys, Vault: orderstest.NewVault(), Validator: v, Clock: clk})
	if err != nil {
		tb.Fatalf("NewService: %v", err)
	}
	logs := &logtest.Buffer{}
	h := httpapi.NewHandler(httpapi.Config{Orders: svc, Validator: v, Logger: newLogger(logs), Clock: clk})
	return api{handler: h, execs: execs, kms: keys, logs: logs}
}

// newLogger logs everything, debug included, as JSON to w.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// do serves one request and returns the recorded response.
func do(tb testing.TB, h http.Handler, method, path, contentType, body string) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequestWithContext(context.Background(), method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// problemBody is an RFC 9457 problem as a client reads it.
type problemBody struct {
	Type     string              `json:"type"`
	Title    string              `json:"title"`
	Status   int                 `json:"status"`
	Detail   string              `json:"detail"`
	Instance string              `json:"instance"`
	Errors   []orders.FieldError `json:"errors"`
}

// decodeJSON strictly decodes a response body into a T.
func decodeJSON[T any](tb testing.TB, body []byte) T {
	tb.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		tb.Fatalf("decode %T from %s: %v", v, body, err)
	}
	return v
}

package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/internal/orders"
)

// TestCardNeverLeaks places orders every way a client can (new, replayed,
// conflicting, invalid, through Lambda) and searches everything the API
// produced for the card: the execution inputs Step Functions received,
// every response, and every log line. Only brand and last four may appear.
func TestCardNeverLeaks(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	var responses []string
	post := func(body string) {
		rec := do(t, a.handler, http.MethodPost, "/orders", "application/json", body)
		responses = append(responses, headerText(rec.Header())+rec.Body.String())
	}

	post(validBody)                                                                                                                             // 202
	post(strings.Replace(validBody, `"4242 4242 4242 4242"`, `"4242-4242-4242-4242"`, 1))                                                       // 200 replay
	post(strings.Replace(validBody, `"cvv":"123"`, `"cvv":"124"`, 1))                                                                           // 200: another CVV is a replay
	post(strings.NewReplacer(`"order-1"`, `"order-2"`, `"4242 4242 4242 4242"`, `"4242424242424241"`, `"12/28"`, `"12/20"`).Replace(validBody)) // 422
	post(strings.Replace(validBody, `"cvv":"123"`, `"cvv":123`, 1))                                                                             // 400 wrong type
	post(strings.Replace(validBody, `"cvv":"123"`, `"cvv":"123","cvc":"123"`, 1))                                                               // 400 unknown field
	if err := a.execs.Finish("order-1", orders.ExecutionFailed, orders.ErrorDeclined, "Card declined."); err != nil {
		t.Fatal(err)
	}
	rec := do(t, a.handler, http.MethodGet, "/orders/order-1/status", "", "")
	responses = append(responses, headerText(rec.Header())+rec.Body.String())

	raw, err := os.ReadFile(filepath.Join("testdata", "apigw-v2-post-order.json"))
	if err != nil {
		t.Fatal(err)
	}
	var event events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(raw, &event); err != nil {
		t.Fatal(err)
	}
	resp, err := httpapi.LambdaHandler(a.handler)(context.Background(), event)
	if err != nil {
		t.Fatal(err)
	}
	responses = append(responses, resp.Body, headerText(http.Header{"X": []string{strings.Join(mapValues(resp.Headers), " ")}}))

	inputs := a.execs.Inputs()
	if len(inputs) < 3 {
		t.Fatalf("only %d execution inputs recorded; the search below would prove little", len(inputs))
	}
	for _, in := range inputs {
		if !strings.Contains(in, `"last4":"4242"`) || !strings.Contains(in, `"vaultRef":"`) {
			t.Errorf("execution input lacks the card's last four or vault reference: %s", in)
		}
	}
	if !strings.Contains(a.logs.String(), `"status":202`) {
		t.Fatalf("requests were not logged; the search below would prove little: %s", a.logs)
	}

	secrets := []string{
		"4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "424242424242", "4242424242424241",
		`"cvv":`, `"cvc":`, `"123"`, `:123,`, `:123}`, `"124"`,
		"12/28", "12/20", "FIRSTNAME", "LASTNAME",
	}
	places := map[string][]string{
		"execution input": inputs,
		"response":        responses,
		"log":             {a.logs.String()},
	}
	for where, texts := range places {
		for _, text := range texts {
			for _, secret := range secrets {
				if strings.Contains(text, secret) {
					t.Errorf("%s contains %q: %s", where, secret, text)
				}
			}
		}
	}
}

func headerText(h http.Header) string {
	var b strings.Builder
	for k, vs := range h {
		b.WriteString(k + ": " + strings.Join(vs, ",") + "\n")
	}
	return b.String()
}

func mapValues(m map[string]string) []string {
	var vs []string
	for _, v := range m {
		vs = append(vs, v)
	}
	return vs
}

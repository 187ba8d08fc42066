package e2e_test

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/internal/orders"
)

// Test cards, as documented in the README.
const (
	cardApproved     = "4242 4242 4242 4242"
	cardDeclined     = "4000 0000 0000 0002"
	cardInsufficient = "4000 0000 0000 9995"
	cardTransient    = "4000 0000 0000 0119"
	// cvv is unusual enough that finding it next to "cvv" anywhere is a
	// leak.
	cvv = "7319"
)

// order is the body of POST /orders.
type order struct {
	OrderID          string  `json:"orderId"`
	CustomerID       string  `json:"customerId"`
	OrderDate        string  `json:"orderDate"`
	Amount           float64 `json:"amount"`
	Currency         string  `json:"currency,omitempty"`
	NameOnCard       string  `json:"nameOnCard"`
	CreditCardNumber string  `json:"creditCardNumber"`
	Expiry           string  `json:"expiry"`
	CVV              string  `json:"cvv"`
}

func newOrder(id, card string) order {
	return order{
		OrderID: id, CustomerID: "98766", OrderDate: time.Now().Format("2006-01-02"), Amount: 100.25,
		Currency: "USD", NameOnCard: "FIRSTNAME LASTNAME", CreditCardNumber: card,
		Expiry: "12/" + time.Now().AddDate(2, 0, 0).Format("06"), CVV: cvv,
	}
}

// status is the body of GET /orders/{id}/status.
type status struct {
	OrderID       string `json:"orderId"`
	ExecutionArn  string `json:"executionArn"`
	Status        string `json:"status"`
	PaymentStatus string `json:"paymentStatus"`
	Error         string `json:"error"`
	Reason        string `json:"reason"`
}

func (h *harness) place(o order) (int, status) {
	h.tb.Helper()
	h.seenMu.Lock()
	h.orderIDs = append(h.orderIDs, o.OrderID)
	h.seenMu.Unlock()
	code, body := h.do("POST", "/orders", o)
	var s status
	if code < 300 {
		if err := json.Unmarshal(body, &s); err != nil {
			h.tb.Fatalf("POST /orders body %s: %v", body, err)
		}
	}
	return code, s
}

func (h *harness) status(id string) status {
	h.tb.Helper()
	code, body := h.do("GET", "/orders/"+id+"/status", nil)
	if code != 200 {
		h.tb.Fatalf("GET status of %s = %d %s", id, code, body)
	}
	var s status
	if err := json.Unmarshal(body, &s); err != nil {
		h.tb.Fatal(err)
	}
	return s
}

// waitTerminal polls the status until the workflow has ended. With a fake
// clock, advance (if not zero) moves time on between polls, for outcomes
// that only come with time.
func (h *harness) waitTerminal(id string, advance time.Duration) status {
	h.tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := h.status(id)
		if s.Status != orders.ExecutionRunning {
			return s
		}
		if time.Now().After(deadline) {
			h.tb.Fatalf("order %s still %s/%s", id, s.Status, s.PaymentStatus)
		}
		if advance > 0 && h.clock != nil {
			h.clock.Advance(advance)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// notifications drains the test queue and returns the notifications by
// order, unwrapping SNS envelopes.
func (h *harness) notifications() map[string][]orders.Notification {
	h.tb.Helper()
	out := map[string][]orders.Notification{}
	for {
		resp, err := h.sqs.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{
			QueueUrl: aws.String(h.testQueue), MaxNumberOfMessages: 10, VisibilityTimeout: 600,
		})
		if err != nil {
			h.tb.Fatalf("receive notifications: %v", err)
		}
		if len(resp.Messages) == 0 {
			return out
		}
		for _, m := range resp.Messages {
			body := aws.ToString(m.Body)
			h.record(body)
			n := parseNotification(h, body)
			out[n.OrderID] = append(out[n.OrderID], n)
		}
	}
}

func parseNotification(h *harness, body string) orders.Notification {
	h.tb.Helper()
	var envelope struct{ Type, Message string }
	if json.Unmarshal([]byte(body), &envelope) == nil && envelope.Type == "Notification" {
		body = envelope.Message
	}
	var n orders.Notification
	if err := json.Unmarshal([]byte(body), &n); err != nil {
		h.tb.Fatalf("notification %q: %v", body, err)
	}
	return n
}

// checkNoCardData searches everything the test can see for the card
// numbers and the CVV: responses, messages, execution histories, logs.
func (h *harness) checkNoCardData(cards ...string) {
	h.tb.Helper()
	ctx := context.Background()
	var corpus []string
	h.seenMu.Lock()
	corpus = append(corpus, h.seen...)
	h.seenMu.Unlock()
	for _, url := range []string{h.paymentQueue, h.dlq, h.testQueue} {
		resp, err := h.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url), MaxNumberOfMessages: 10, VisibilityTimeout: 0})
		if err != nil {
			h.tb.Fatal(err)
		}
		for _, m := range resp.Messages {
			corpus = append(corpus, aws.ToString(m.Body))
		}
	}
	machines, err := h.sfn.ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
	if err != nil {
		h.tb.Fatal(err)
	}
	for _, sm := range machines.StateMachines {
		p := sfn.NewListExecutionsPaginator(h.sfn, &sfn.ListExecutionsInput{StateMachineArn: sm.StateMachineArn})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				h.tb.Fatal(err)
			}
			for _, x := range page.Executions {
				hp := sfn.NewGetExecutionHistoryPaginator(h.sfn, &sfn.GetExecutionHistoryInput{ExecutionArn: x.ExecutionArn})
				for hp.HasMorePages() {
					hist, err := hp.NextPage(ctx)
					if err != nil {
						h.tb.Fatal(err)
					}
					b, err := json.Marshal(hist.Events)
					if err != nil {
						h.tb.Fatal(err)
					}
					corpus = append(corpus, string(b))
				}
			}
		}
	}
	corpus = append(corpus, h.logs.String())
	all := strings.Join(corpus, "\n")
	for _, found := range h.sealedCards(all) {
		h.tb.Errorf("a KMS ciphertext in what the stack exposes decrypts to card data (order %s)", found)
	}
	for _, c := range cards {
		digits := strings.ReplaceAll(c, " ", "")
		for _, needle := range []string{c, digits} {
			if strings.Contains(all, needle) {
				h.tb.Errorf("card number %q found in what the stack exposes", needle)
			}
		}
	}
	for _, needle := range []string{`"cvv":"` + cvv, `cvv=` + cvv, `\"cvv\":\"` + cvv} {
		if strings.Contains(all, needle) {
			h.tb.Errorf("CVV found in what the stack exposes (%s)", needle)
		}
	}
}

// executions counts the executions named name across the state machines.
func (h *harness) executions(name string) int {
	h.tb.Helper()
	ctx := context.Background()
	machines, err := h.sfn.ListStateMachines(ctx, &sfn.ListStateMachinesInput{})
	if err != nil {
		h.tb.Fatal(err)
	}
	n := 0
	for _, sm := range machines.StateMachines {
		p := sfn.NewListExecutionsPaginator(h.sfn, &sfn.ListExecutionsInput{StateMachineArn: sm.StateMachineArn})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				h.tb.Fatal(err)
			}
			for _, x := range page.Executions {
				if aws.ToString(x.Name) == name {
					n++
				}
			}
		}
	}
	return n
}

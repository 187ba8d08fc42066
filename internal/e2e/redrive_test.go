package e2e_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/internal/simulator"
)

// TestRedriveFromTheDeadLetterQueueEndsTheOrderOnce follows the runbook's
// redrive. A callback that charges but cannot answer its task (Step
// Functions throttles every SendTaskSuccess) sees the message
// maxReceiveCount times, one visibility timeout apart, and the queue
// dead-letters it. By then the task's TimeoutSeconds (about five
// visibility timeouts, see template.yml) has ended the order TIMED_OUT.
// The operator moves the message back with StartMessageMoveTask; a healthy
// callback finds the charge record, cannot answer the closed task, and
// voids the authorization. One charge, voided; one execution, ended once.
func TestRedriveFromTheDeadLetterQueueEndsTheOrderOnce(t *testing.T) {
	t.Parallel()
	h := start(t, options{fakeClock: true, noCallback: true})
	defer dumpLogs(t, h)
	ctx := context.Background()
	shared := simulator.New(simulator.Config{Clock: h.clock})
	troubled := h.callbackEnv(t, shared, failSendTaskSuccess{next: http.DefaultTransport})
	healthy := h.callbackEnv(t, shared, nil)
	if code, _ := h.place(newOrder("redrive-1", cardApproved)); code != 202 {
		t.Fatalf("POST = %d", code)
	}

	visibility := time.Duration(h.visibilitySeconds()+1) * time.Second
	for delivery := 1; delivery <= h.maxReceiveCount(); delivery++ {
		resp, err := troubled(ctx, h.receive(t))
		if err != nil || len(resp.BatchItemFailures) != 1 {
			t.Fatalf("delivery %d: %+v, %v; want the message left for a retry", delivery, resp, err)
		}
		h.clock.Advance(visibility)
	}
	// The receive after the last allowed one moves the message to the DLQ.
	if _, err := h.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(h.paymentQueue)}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the message in the DLQ", func() bool { return h.count(h.dlq) == 1 })
	if got := h.waitTerminal("redrive-1", 0); got.PaymentStatus != orders.PaymentTimedOut {
		t.Fatalf("status = %+v, want TIMED_OUT once the message is dead-lettered", got)
	}

	dlqARN := h.queueAttributes(h.dlq, "QueueArn")["QueueArn"]
	if _, err := h.sqs.StartMessageMoveTask(ctx, &sqs.StartMessageMoveTaskInput{SourceArn: aws.String(dlqARN)}); err != nil {
		t.Fatalf("StartMessageMoveTask: %v", err)
	}
	waitFor(t, "the message back on the payment queue", func() bool { return h.count(h.paymentQueue) == 1 && h.count(h.dlq) == 0 })
	resp, err := healthy(ctx, h.receive(t))
	if err != nil || len(resp.BatchItemFailures) != 0 {
		t.Fatalf("after the redrive: %+v, %v; want the message done", resp, err)
	}

	if n := shared.Performed(); n != 1 {
		t.Errorf("the processor charged %d times, want once", n)
	}
	var statuses []string
	for _, n := range h.notifications()["redrive-1"] {
		statuses = append(statuses, n.Status)
	}
	if want := []string{orders.PaymentTimedOut, orders.PaymentVoided}; !slices.Equal(statuses, want) {
		t.Errorf("notifications = %v, want %v", statuses, want)
	}
	if got := h.status("redrive-1"); got.PaymentStatus != orders.PaymentTimedOut {
		t.Errorf("status after the redrive = %+v, want TIMED_OUT still", got)
	}
	if n := h.executions("redrive-1"); n != 1 {
		t.Errorf("%d executions for the order, want 1", n)
	}
	h.checkVaultEmpty(t, "redrive-1")
	h.checkNoCardData(cardApproved)
}

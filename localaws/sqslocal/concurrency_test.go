package sqslocal_test

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// TestNoLostWakeups runs producers against long-polling consumers while the
// fake clock stands still, so a consumer only ever returns because it was
// woken by a message. A lost wake-up leaves messages undelivered and fails
// the test; a double delivery shows up as a duplicate.
func TestNoLostWakeups(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	url := e.createQueue(t, "busy", nil)
	const producers, perProducer, consumers = 4, 150, 6
	total := producers * perProducer

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := make(chan string, total*2)
	var wg sync.WaitGroup
	for c := range consumers {
		wg.Go(func() {
			for ctx.Err() == nil {
				out, err := e.sqs.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20, MaxNumberOfMessages: int32(1 + c%10)})
				if err != nil {
					if ctx.Err() == nil {
						t.Error(err)
					}
					return
				}
				var entries []types.DeleteMessageBatchRequestEntry
				for i, m := range out.Messages {
					seen <- aws.ToString(m.Body)
					entries = append(entries, types.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: m.ReceiptHandle})
				}
				if len(entries) > 0 {
					if _, err := e.sqs.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: &url, Entries: entries}); err != nil && ctx.Err() == nil {
						t.Error(err)
					}
				}
			}
		})
	}
	for p := range producers {
		wg.Go(func() {
			for i := range perProducer {
				body := strconv.Itoa(p) + "-" + strconv.Itoa(i)
				var err error
				if i%2 == 0 {
					_, err = e.svc.Send(ctx, url, body, nil)
				} else {
					_, err = e.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &url, MessageBody: &body})
				}
				if err != nil {
					// The last send can still be waiting for its response
					// when its message has been received and the test has
					// cancelled: only an error before that is a failure.
					if ctx.Err() == nil {
						t.Error(err)
					}
					return
				}
			}
		})
	}
	got := map[string]bool{}
	deadline := time.After(20 * time.Second)
	for len(got) < total {
		select {
		case body := <-seen:
			if got[body] {
				t.Fatalf("message %s delivered twice", body)
			}
			got[body] = true
		case <-deadline:
			t.Fatalf("only %d of %d messages delivered: a wake-up was lost", len(got), total)
		}
	}
	cancel()
	wg.Wait()
}

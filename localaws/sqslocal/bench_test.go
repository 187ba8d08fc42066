package sqslocal_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// BenchmarkSDKSendReceiveDelete measures end-to-end throughput over HTTP
// with the real SDK: producers send one message per call while long-polling
// consumers receive batches of ten and delete them in batches.
func BenchmarkSDKSendReceiveDelete(b *testing.B) {
	svc := sqslocal.New(sqslocal.Config{Clock: clock.NewReal()})
	srv := httptest.NewServer(svc)
	defer srv.Close()
	client := newClient(srv.URL)
	ctx := context.Background()
	out, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	url := out.QueueUrl
	const producers, consumers = 4, 4
	// Consumers still parked in a long poll when the last message arrives
	// are released by cancelling their context, so a run measures the
	// messages rather than the poll's 1-second wait.
	pollCtx, stopPolling := context.WithCancel(ctx)
	defer stopPolling()
	var received atomic.Int64
	total := int64(b.N)
	b.ResetTimer()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range producers {
		wg.Go(func() {
			for next.Add(1) <= total {
				if _, err := client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: url, MessageBody: aws.String(`{"orderId":"bench"}`)}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	for range consumers {
		wg.Go(func() {
			for received.Load() < total {
				got, err := client.ReceiveMessage(pollCtx, &sqs.ReceiveMessageInput{QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1})
				if pollCtx.Err() != nil {
					return
				}
				if err != nil {
					b.Error(err)
					return
				}
				if len(got.Messages) == 0 {
					continue
				}
				entries := make([]types.DeleteMessageBatchRequestEntry, len(got.Messages))
				for i, m := range got.Messages {
					entries[i] = types.DeleteMessageBatchRequestEntry{Id: aws.String(strconv.Itoa(i)), ReceiptHandle: m.ReceiptHandle}
				}
				if _, err := client.DeleteMessageBatch(ctx, &sqs.DeleteMessageBatchInput{QueueUrl: url, Entries: entries}); err != nil {
					b.Error(err)
					return
				}
				if received.Add(int64(len(got.Messages))) >= total {
					stopPolling()
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkHandlerSendReceiveDelete measures the emulator itself, without
// sockets or the SDK: one JSON SendMessage, ReceiveMessage and DeleteMessage
// per message through ServeHTTP.
func BenchmarkHandlerSendReceiveDelete(b *testing.B) {
	svc := sqslocal.New(sqslocal.Config{Clock: clock.NewReal()})
	call := func(op, body string) string {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("X-Amz-Target", "AmazonSQS."+op)
		w := httptest.NewRecorder()
		svc.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", op, w.Code, w.Body)
		}
		return w.Body.String()
	}
	call("CreateQueue", `{"QueueName":"bench"}`)
	const url = `"QueueUrl":"http://example.com/123456789012/bench"`
	b.ReportAllocs()
	for b.Loop() {
		call("SendMessage", `{`+url+`,"MessageBody":"{\"orderId\":\"bench\"}"}`)
		got := call("ReceiveMessage", `{`+url+`}`)
		_, rest, _ := strings.Cut(got, `"ReceiptHandle":"`)
		handle, _, _ := strings.Cut(rest, `"`)
		call("DeleteMessage", `{`+url+`,"ReceiptHandle":"`+handle+`"}`)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

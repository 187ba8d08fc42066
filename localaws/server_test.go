package localaws_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws"
)

func TestStartServesTheSDKInItsRegion(t *testing.T) {
	t.Parallel()
	ep := localaws.Start(t, localaws.Options{Region: "eu-west-1", Account: "111122223333"})
	topic, err := sns.NewFromConfig(ep.AWSConfig()).CreateTopic(context.Background(), &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := aws.ToString(topic.TopicArn), "arn:aws:sns:eu-west-1:111122223333:outcomes"; got != want {
		t.Errorf("TopicArn = %s, want %s", got, want)
	}
}

func TestStartRefusesWhatTheDocSaysItRefuses(t *testing.T) {
	t.Parallel()
	ep := localaws.Start(t, localaws.Options{})
	tests := []struct {
		name    string
		host    string
		headers map[string]string
		want    int
	}{
		{"rebinding Host", "attacker.rebind.example", nil, http.StatusForbidden},
		{"page on another origin", "", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{"another AWS service", "", map[string]string{"X-Amz-Target": "AmazonEC2.DescribeInstances"}, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(http.MethodPost, ep.URL, strings.NewReader("{}"))
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestCloseStopsServing(t *testing.T) {
	t.Parallel()
	ep, err := localaws.New(localaws.Options{})
	if err != nil {
		t.Fatal(err)
	}
	client := sfn.NewFromConfig(ep.AWSConfig())
	if _, err := client.ListStateMachines(context.Background(), &sfn.ListStateMachinesInput{}); err != nil {
		t.Fatalf("before Close: %v", err)
	}
	if err := ep.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := ep.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	_, err = client.ListStateMachines(context.Background(), &sfn.ListStateMachinesInput{})
	var apiErr smithy.APIError
	if err == nil || errors.As(err, &apiErr) {
		t.Errorf("after Close the endpoint still answered: %v", err)
	}
}

func TestCloseCutsALongPollShort(t *testing.T) {
	t.Parallel()
	// On a fake clock that nobody moves, the long poll never ends on its own.
	fc := clock.NewFake(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	ep, err := localaws.New(localaws.Options{Clock: fc})
	if err != nil {
		t.Fatal(err)
	}
	client := sqs.NewFromConfig(ep.AWSConfig(), func(o *sqs.Options) { o.RetryMaxAttempts = 1 })
	q, err := client.CreateQueue(context.Background(), &sqs.CreateQueueInput{QueueName: aws.String("idle")})
	if err != nil {
		t.Fatal(err)
	}
	before := fc.Pending()
	polled := make(chan error, 1)
	go func() {
		_, err := client.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 20})
		polled <- err
	}()
	parked := make(chan struct{})
	timer := time.AfterFunc(10*time.Second, func() { close(parked) })
	defer timer.Stop()
	if !fc.WaitForTimers(before+1, parked) {
		t.Fatal("the long poll never started waiting")
	}
	start := time.Now()
	if err := ep.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Close took %s with a long poll in flight", took)
	}
	select {
	case err := <-polled:
		if err == nil {
			t.Error("the long poll answered normally after Close")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the long poll still waits 10 s after Close")
	}
}

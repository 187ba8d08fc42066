package main

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// startWaiting creates a state machine that sends its token to a queue
// nobody reads, starts it, and returns the execution's name once the
// token is on the queue.
func startWaiting(tb testing.TB, cfg aws.Config) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q, err := sqs.NewFromConfig(cfg).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("nobody-reads")})
	if err != nil {
		tb.Fatal(err)
	}
	def := `{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",` +
		`"Parameters":{"QueueUrl":"` + aws.ToString(q.QueueUrl) + `","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}`
	c := sfn.NewFromConfig(cfg)
	m, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String("waits"), Definition: aws.String(def),
		RoleArn: aws.String("arn:aws:iam::123456789012:role/waits")})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: m.StateMachineArn, Name: aws.String("left-waiting")}); err != nil {
		tb.Fatal(err)
	}
	got, err := sqs.NewFromConfig(cfg).ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 10, VisibilityTimeout: 600})
	if err != nil || len(got.Messages) != 1 {
		tb.Fatalf("the token never reached the queue: %v", err)
	}
	return "left-waiting"
}

// waitFor polls an execution until it has the status, within 20 s.
func waitFor(tb testing.TB, cfg aws.Config, arn, status string) {
	tb.Helper()
	c := sfn.NewFromConfig(cfg)
	deadline := time.Now().Add(20 * time.Second)
	for {
		x, err := c.DescribeExecution(context.Background(), &sfn.DescribeExecutionInput{ExecutionArn: aws.String(arn)})
		if err != nil {
			tb.Fatal(err)
		}
		if string(x.Status) == status {
			return
		}
		if x.Status != "RUNNING" || time.Now().After(deadline) {
			tb.Fatalf("execution %s is %s, want %s", arn, x.Status, status)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func chromiumArgs(extra ...string) []string {
	return append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--virtual-time-budget=4000", "--window-size=1400,900"}, extra...)
}

// render loads page in headless Chromium, lets its script run, and
// returns the DOM it built.
func render(tb testing.TB, browser, page string) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, browser, chromiumArgs("--user-data-dir="+tb.TempDir(), "--dump-dom", page)...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		tb.Fatalf("chromium: %v\n%s", err, errOut.String())
	}
	return strings.ReplaceAll(out.String(), "\n", "")
}

// screenshot saves a PNG of page, for the README.
func screenshot(tb testing.TB, browser, page, path string) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, chromiumArgs("--user-data-dir="+tb.TempDir(), "--screenshot="+path, page)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("chromium screenshot: %v\n%s", err, out)
	}
}

package sqslocal_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/payflow-dev/payflow/localaws/clienttest"
)

// TestAWSCLI drives the local SQS with both AWS CLI majors the way the
// walkthrough does with --endpoint-url: v1 (pip) speaks SQS's JSON
// protocol, Debian's v2 the query protocol. Without a CLI it skips on a
// developer machine and fails when CI=true.
func TestAWSCLI(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts the AWS CLI several times")
	}
	for _, major := range []int{1, 2} {
		t.Run(fmt.Sprintf("v%d", major), func(t *testing.T) {
			t.Parallel()
			testAWSCLI(t, clienttest.AWSCLI(t, major))
		})
	}
}

func testAWSCLI(t *testing.T, bin string) {
	e := newEnv(t)
	dir := t.TempDir()
	run := func(out any, args ...string) {
		t.Helper()
		cmd := exec.Command(bin, append(args, "--endpoint-url", e.srv.URL, "--region", "us-east-1", "--output", "json")...)
		cmd.Env = append(os.Environ(),
			"AWS_ACCESS_KEY_ID=AKIDLOCAL", "AWS_SECRET_ACCESS_KEY=secret",
			"AWS_CONFIG_FILE="+filepath.Join(dir, "config"),
			"AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "credentials"),
			"AWS_PAGER=")
		got, err := cmd.Output()
		if err != nil {
			var stderr []byte
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				stderr = ee.Stderr
			}
			t.Fatalf("aws %v: %v\n%s", args, err, stderr)
		}
		if out != nil {
			if err := json.Unmarshal(got, out); err != nil {
				t.Fatalf("aws %v: decode %s: %v", args, got, err)
			}
		}
	}
	var created struct{ QueueUrl string }
	run(&created, "sqs", "create-queue", "--queue-name", "cli-test", "--attributes", "VisibilityTimeout=40")
	if want := e.srv.URL + "/" + account + "/cli-test"; created.QueueUrl != want {
		t.Fatalf("create-queue QueueUrl = %q, want %q", created.QueueUrl, want)
	}
	var sent struct{ MessageId, MD5OfMessageBody, MD5OfMessageAttributes string }
	run(&sent, "sqs", "send-message", "--queue-url", created.QueueUrl, "--message-body", `{"orderId":"o-9"}`,
		"--message-attributes", `{"attribName1":{"DataType":"String","StringValue":"attribValue 1"}}`)
	if sent.MD5OfMessageBody != md5hex(`{"orderId":"o-9"}`) || sent.MD5OfMessageAttributes != "19e27d4e946b072f3f58da80d94fd778" {
		t.Fatalf("send-message = %+v", sent)
	}
	var got struct {
		Messages []struct {
			MessageId, ReceiptHandle, Body string
			Attributes                     map[string]string
		}
	}
	run(&got, "sqs", "receive-message", "--queue-url", created.QueueUrl, "--attribute-names", "All", "--message-attribute-names", "All")
	if len(got.Messages) != 1 || got.Messages[0].MessageId != sent.MessageId || got.Messages[0].Attributes["ApproximateReceiveCount"] != "1" {
		t.Fatalf("receive-message = %+v", got)
	}
	run(nil, "sqs", "delete-message", "--queue-url", created.QueueUrl, "--receipt-handle", got.Messages[0].ReceiptHandle)
	var attrs struct{ Attributes map[string]string }
	run(&attrs, "sqs", "get-queue-attributes", "--queue-url", created.QueueUrl, "--attribute-names", "All")
	if attrs.Attributes["VisibilityTimeout"] != "40" || attrs.Attributes["ApproximateNumberOfMessagesNotVisible"] != "0" {
		t.Fatalf("get-queue-attributes = %+v", attrs.Attributes)
	}

	// The runbook's DLQ redrive, as an operator types it, with CLIs that
	// know the command (Debian's v2.9 predates message move tasks).
	if err := exec.Command(bin, "sqs", "start-message-move-task", "--generate-cli-skeleton").Run(); err != nil {
		t.Logf("%s has no sqs start-message-move-task (%v); the redrive is checked with the other CLI", bin, err)
		return
	}
	src, dlq := e.redrivePair(t, "cli-jobs")
	e.deadLetter(t, src, 2)
	var started struct{ TaskHandle string }
	run(&started, "sqs", "start-message-move-task", "--source-arn", arnOf("cli-jobs-dlq"))
	var tasks struct {
		Results []struct {
			Status                           string
			ApproximateNumberOfMessagesMoved int
		}
	}
	run(&tasks, "sqs", "list-message-move-tasks", "--source-arn", arnOf("cli-jobs-dlq"))
	if started.TaskHandle == "" || len(tasks.Results) != 1 || tasks.Results[0].Status != "COMPLETED" || tasks.Results[0].ApproximateNumberOfMessagesMoved != 2 {
		t.Fatalf("start-message-move-task = %+v, list-message-move-tasks = %+v", started, tasks)
	}
	if got := [2]string{e.counts(t, src)[0], e.counts(t, dlq)[0]}; got != [2]string{"2", "0"} {
		t.Fatalf("after the redrive the source and DLQ hold %v, want [2 0]", got)
	}
}

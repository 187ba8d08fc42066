package sqslocal_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/clienttest"
)

// botoQueryPath finds a Python path whose boto3 still speaks the query
// protocol to SQS: $SQSLOCAL_QUERY_BOTO_PATH, Debian's python3-boto3 (1.26,
// before SQS moved to JSON), or the botocore bundled with the Google Cloud
// SDK. It returns "" when there is none.
func botoQueryPath(python string) string {
	candidates := []string{os.Getenv("SQSLOCAL_QUERY_BOTO_PATH"), "/usr/lib/python3/dist-packages", "/usr/lib/google-cloud-sdk/lib/third_party"}
	for _, dir := range candidates {
		if dir == "" {
			continue
		}
		cmd := exec.Command(python, "-c", "import boto3; print(boto3.session.Session()._session.get_service_model('sqs').protocol)")
		cmd.Env = append(os.Environ(), "PYTHONPATH="+dir)
		out, err := cmd.Output()
		if err == nil && strings.TrimSpace(string(out)) == "query" {
			return dir
		}
	}
	return ""
}

// TestBotoQueryProtocol drives the query protocol with a real botocore
// serializer and parser, as older CLIs and SDKs do.
func TestBotoQueryProtocol(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts Python")
	}
	python := clienttest.Python(t)
	dir := botoQueryPath(python)
	if dir == "" {
		clienttest.Missing(t, "a boto3 that uses the SQS query protocol is needed (Debian's python3-boto3, or set SQSLOCAL_QUERY_BOTO_PATH)")
	}
	e := newEnv(t)
	script, err := filepath.Abs(filepath.Join("testdata", "query_client.py"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, script, e.srv.URL)
	cmd.Env = append(os.Environ(), "PYTHONPATH="+dir, "AWS_CONFIG_FILE="+filepath.Join(t.TempDir(), "none"))
	raw, err := cmd.Output()
	if err != nil {
		var stderr []byte
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			stderr = ee.Stderr
		}
		t.Fatalf("query client: %v\n%s", err, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	url := e.srv.URL + "/" + account + "/boto"
	body := `{"orderId":"o-7"} <&>`
	send := got["send"].(map[string]any)
	want := map[string]any{
		"protocol":  "query",
		"queue_url": url,
		"send": map[string]any{
			"MessageId": send["MessageId"], "MD5OfMessageBody": md5hex(body),
			"MD5OfMessageAttributes": attrsDigest,
		},
		"batch": map[string]any{"ok": []any{"ok"}, "failed": []any{[]any{"late", "InvalidParameterValue", true}}},
		"received": []any{
			map[string]any{
				"MessageId": send["MessageId"], "Body": body, "MD5OfBody": md5hex(body), "ReceiveCount": "1",
				"MD5OfMessageAttributes": attrsDigest,
				"MessageAttributes": map[string]any{
					"attribName1": "attribValue 1", "binaryAttribute": "SGVsbG8gYmluYXJ5IHdvcmxkIQ==",
					"customNumberTypeAttrib": "4563442423554324324264524243.32543234",
				},
			},
			got["received"].([]any)[len(got["received"].([]any))-1],
		},
		"visibility_ok": []any{"m0", "m1"},
		"deleted":       float64(2),
		"attributes": map[string]any{
			"VisibilityTimeout": "40", "ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0",
			"QueueArn":      "arn:aws:sqs:us-east-1:123456789012:boto",
			"RedrivePolicy": `{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:boto-dlq","maxReceiveCount":3}`,
		},
		"tags":                map[string]any{"team": "payments"},
		"list":                []any{url, url + "-dlq"},
		"dead_letter_sources": []any{url},
		"errors": map[string]any{
			"missing_queue": []any{"AWS.SimpleQueueService.NonExistentQueue", float64(400)},
			"bad_handle":    []any{"ReceiptHandleIsInvalid", float64(400)},
			"too_many":      []any{"InvalidParameterValue", float64(400)},
		},
		"after_delete": []any{url + "-dlq"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("query client saw (-want +got):\n%s", diff)
	}
	if second := got["received"].([]any)[1].(map[string]any); second["Body"] != "second" {
		t.Fatalf("second message = %v", second)
	}
}

// attrsDigest is the MD5OfMessageAttributes AWS publishes for the three
// attributes the query client sends.
const attrsDigest = "c932db14a896c663f83c260297d594ff"

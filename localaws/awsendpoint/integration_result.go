package awsendpoint

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/payflow-dev/payflow/localaws/asl"
)

// Step Functions runs its optimized SQS and SNS integrations through the
// AWS SDK for Java (v1), and a task's result is that SDK's result object
// serialised: the service's own members plus SdkHttpMetadata (the HTTP
// response's status and headers) and SdkResponseMetadata (the request id).
// A failed call becomes "<Service>.<Java exception class>" with the SDK's
// message, which ends in "(Service: ...; Status Code: ...; Error Code: ...;
// Request ID: ...; Proxy: null)". The shapes below follow executions
// recorded on AWS (the histories behind the SQS and SNS task-service
// snapshots of a peer emulator's AWS-validated tests).

// sdkHTTPMetadata is the SdkHttpMetadata member of a task result.
type sdkHTTPMetadata struct {
	AllHTTPHeaders map[string][]string `json:"AllHttpHeaders"`
	HTTPHeaders    map[string]string   `json:"HttpHeaders"`
	HTTPStatusCode int                 `json:"HttpStatusCode"`
}

// sdkResponseMetadata is the SdkResponseMetadata member of a task result.
type sdkResponseMetadata struct {
	RequestID string `json:"RequestId"`
}

// sdkMetadata is what every successful SQS or SNS task result carries
// besides the service's own members.
type sdkMetadata struct {
	SdkHTTPMetadata     sdkHTTPMetadata     `json:"SdkHttpMetadata"`
	SdkResponseMetadata sdkResponseMetadata `json:"SdkResponseMetadata"`
}

// newSDKMetadata describes a 200 response of contentType and length bytes,
// sent at now.
func newSDKMetadata(contentType string, length int, now time.Time) sdkMetadata {
	id := newRequestID()
	headers := map[string]string{
		"connection":       "keep-alive",
		"Content-Length":   strconv.Itoa(length),
		"Content-Type":     contentType,
		"Date":             now.UTC().Format(http.TimeFormat),
		"x-amzn-RequestId": id,
	}
	all := make(map[string][]string, len(headers))
	for k, v := range headers {
		all[k] = []string{v}
	}
	return sdkMetadata{
		SdkHTTPMetadata:     sdkHTTPMetadata{AllHTTPHeaders: all, HTTPHeaders: headers, HTTPStatusCode: http.StatusOK},
		SdkResponseMetadata: sdkResponseMetadata{RequestID: id},
	}
}

// sdkFailure is a failed service call as the Java SDK reports it: the
// exception's class names the error, and the message carries the service,
// status, error code and request id.
func sdkFailure(service, class, code, message string, status int) *asl.TaskFailure {
	return &asl.TaskFailure{
		Name: service + "." + class,
		Cause: fmt.Sprintf("%s (Service: Amazon%s; Status Code: %d; Error Code: %s; Request ID: %s; Proxy: null)",
			message, service, status, code, newRequestID()),
	}
}

// newRequestID returns a random version 4 UUID, as AWS request ids are.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

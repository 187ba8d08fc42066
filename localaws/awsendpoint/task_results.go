package awsendpoint

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/payflow-dev/payflow/localaws/snslocal"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// sendMessageResult is the result of an sqs:sendMessage task.
type sendMessageResult struct {
	MD5OfMessageAttributes string `json:"MD5OfMessageAttributes,omitempty"`
	MD5OfMessageBody       string `json:"MD5OfMessageBody"`
	MessageID              string `json:"MessageId"`
	sdkMetadata
}

// sendMessageResult wraps a sent message in the metadata of the SQS JSON
// response that would have carried it.
func (in *integrations) sendMessageResult(res sqslocal.SendResult) sendMessageResult {
	out := sendMessageResult{
		MD5OfMessageAttributes: res.MD5OfMessageAttributes,
		MD5OfMessageBody:       res.MD5OfMessageBody,
		MessageID:              res.MessageID,
	}
	body, _ := json.Marshal(struct { // strings only: always encodes
		MD5OfMessageAttributes string `json:"MD5OfMessageAttributes,omitempty"`
		MD5OfMessageBody       string `json:"MD5OfMessageBody"`
		MessageID              string `json:"MessageId"`
	}{out.MD5OfMessageAttributes, out.MD5OfMessageBody, out.MessageID})
	out.sdkMetadata = newSDKMetadata("application/x-amz-json-1.0", len(body), in.clock.Now())
	return out
}

// publishResult is the result of an sns:publish task; a FIFO topic adds
// the message's sequence number.
type publishResult struct {
	MessageID      string `json:"MessageId"`
	SequenceNumber string `json:"SequenceNumber,omitempty"`
	sdkMetadata
}

// publishResult wraps a published message's id in the metadata of the SNS
// XML response that would have carried it.
func (in *integrations) publishResult(id, sequence string) publishResult {
	out := publishResult{MessageID: id, SequenceNumber: sequence, sdkMetadata: newSDKMetadata("text/xml", 0, in.clock.Now())}
	seq := ""
	if sequence != "" {
		seq = "    <SequenceNumber>" + sequence + "</SequenceNumber>\n"
	}
	body := "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n" +
		"  <PublishResult>\n" + seq + "    <MessageId>" + id + "</MessageId>\n  </PublishResult>\n" +
		"  <ResponseMetadata>\n    <RequestId>" + out.SdkResponseMetadata.RequestID + "</RequestId>\n  </ResponseMetadata>\n" +
		"</PublishResponse>\n"
	length := strconv.Itoa(len(body))
	out.SdkHTTPMetadata.HTTPHeaders["Content-Length"] = length
	out.SdkHTTPMetadata.AllHTTPHeaders["Content-Length"] = []string{length}
	return out
}

// sqsUnmodeled are the SQS error codes the Java SDK has no exception class
// for; they surface as its generic AmazonSQSException.
var sqsUnmodeled = map[string]bool{
	sqslocal.CodeMissingParameter:      true,
	sqslocal.CodeInvalidParameterValue: true,
	sqslocal.CodeInvalidAddress:        true,
	sqslocal.CodeInvalidAction:         true,
	sqslocal.CodeInternalError:         true,
	sqslocal.CodeInvalidAttributeValue: true,
}

// sqsFailure names an SQS error as a Task failure: SQS.<exception class>,
// so that a Catch on SQS.AmazonSQSException matches what it matches on AWS.
func sqsFailure(e *sqslocal.Error) error {
	class, code, status := e.Code+"Exception", e.Code, http.StatusBadRequest
	if sqsUnmodeled[e.Code] {
		class = "AmazonSQSException"
	}
	switch e.Code {
	case sqslocal.CodeQueueDoesNotExist:
		code = "AWS.SimpleQueueService.NonExistentQueue" // the query protocol's name, which SDK v1 reports
	case sqslocal.CodeInternalError:
		status = http.StatusInternalServerError
	}
	return sdkFailure("SQS", class, code, e.Message, status)
}

// snsFailure names an SNS error as a Task failure: SNS.<code>Exception,
// each SNS error code having its own exception class.
func snsFailure(e *snslocal.Error) error {
	class := e.Code
	if class == "ParameterValueInvalid" {
		class = "InvalidParameterValue" // the code's exception class (botocore's sns model)
	}
	if !strings.HasSuffix(class, "Exception") {
		class += "Exception"
	}
	status := http.StatusBadRequest
	switch e.Code {
	case "NotFound":
		status = http.StatusNotFound
	case "AuthorizationError":
		status = http.StatusForbidden
	case "InternalError":
		status = http.StatusInternalServerError
	}
	return sdkFailure("SNS", class, e.Code, e.Message, status)
}

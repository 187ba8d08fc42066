package awsendpoint

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/dynamolocal"
	"github.com/payflow-dev/payflow/localaws/snslocal"
	"github.com/payflow-dev/payflow/localaws/sqslocal"
)

// taskAttribute is a message attribute as Task Parameters write it.
type taskAttribute struct {
	DataType    string `json:"DataType"`
	StringValue string `json:"StringValue"`
	BinaryValue string `json:"BinaryValue"` // base64, as in the JSON APIs
}

type sendMessageParams struct {
	QueueURL          string                   `json:"QueueUrl"`
	MessageBody       json.RawMessage          `json:"MessageBody"`
	MessageAttributes map[string]taskAttribute `json:"MessageAttributes"`
	DelaySeconds      *int                     `json:"DelaySeconds"`
}

type publishParams struct {
	TopicArn               string                   `json:"TopicArn"`
	Message                json.RawMessage          `json:"Message"`
	Subject                string                   `json:"Subject"`
	MessageAttributes      map[string]taskAttribute `json:"MessageAttributes"`
	MessageGroupID         string                   `json:"MessageGroupId"`
	MessageDeduplicationID string                   `json:"MessageDeduplicationId"`
}

// integrations are the Task resources backed by the local emulators.
type integrations struct {
	sqs       *sqslocal.Service
	sns       *snslocal.Service
	functions *functions
	dynamo    *dynamolocal.Service
	log       *slog.Logger
	// clock dates the HTTP metadata of task results.
	clock clock.Clock
}

// resources returns the asl.Resources the Step Functions emulator runs
// Task states with.
func (in *integrations) resources() asl.Resources {
	out := asl.Resources{
		"arn:aws:states:::sqs:sendMessage": in.sendMessage,
		"arn:aws:states:::sns:publish":     in.publish,
		"arn:aws:states:::lambda:invoke":   in.invoke,
	}
	for resource, run := range in.dynamoResources() {
		out[resource] = run
	}
	for resource, run := range in.sdkDynamoResources() {
		out[resource] = run
	}
	return out
}

// sendMessage is arn:aws:states:::sqs:sendMessage: the result is
// SendMessage's members plus the SDK metadata, as in AWS.
func (in *integrations) sendMessage(ctx context.Context, call asl.TaskCall) (json.RawMessage, error) {
	var p sendMessageParams
	if err := decodeParams(call.Parameters, &p); err != nil {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "sqs:sendMessage parameters: " + err.Error()}
	}
	if p.QueueURL == "" {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "sqs:sendMessage needs QueueUrl"}
	}
	body := textOf(p.MessageBody)
	if body == "" { // missing, null or "": SQS's own refusal
		return nil, sqsFailure(&sqslocal.Error{Code: sqslocal.CodeMissingParameter, Message: "The request must contain the parameter MessageBody."})
	}
	if p.DelaySeconds != nil && *p.DelaySeconds != 0 {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "sqs:sendMessage: DelaySeconds is not supported by the local integration"}
	}
	attrs := make(map[string]sqslocal.MessageAttribute, len(p.MessageAttributes))
	for name, a := range p.MessageAttributes {
		bin, err := decodeBinary(a.BinaryValue)
		if err != nil {
			return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: fmt.Sprintf("sqs:sendMessage attribute %s: %v", name, err)}
		}
		attrs[name] = sqslocal.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: bin}
	}
	res, err := in.sqs.Send(ctx, queueIn(call.ExecutionArn, p.QueueURL), body, attrs)
	if err != nil {
		var e *sqslocal.Error
		if errors.As(err, &e) {
			return nil, sqsFailure(e)
		}
		return nil, err
	}
	in.log.Info("task sent a message", "execution", executionName(call.ExecutionArn), "state", call.StateName,
		"queue", queueName(p.QueueURL), "waitForTaskToken", call.TaskToken != "")
	return json.Marshal(in.sendMessageResult(res))
}

// publish is arn:aws:states:::sns:publish: the result is {"MessageId"}
// plus the SDK metadata, as in AWS.
func (in *integrations) publish(ctx context.Context, call asl.TaskCall) (json.RawMessage, error) {
	var p publishParams
	if err := decodeParams(call.Parameters, &p); err != nil {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "sns:publish parameters: " + err.Error()}
	}
	if p.TopicArn == "" || len(p.Message) == 0 {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "sns:publish needs TopicArn and Message"}
	}
	attrs := make(map[string]snslocal.MessageAttribute, len(p.MessageAttributes))
	for name, a := range p.MessageAttributes {
		bin, err := decodeBinary(a.BinaryValue)
		if err != nil {
			return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: fmt.Sprintf("sns:publish attribute %s: %v", name, err)}
		}
		attrs[name] = snslocal.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: bin}
	}
	msg := textOf(p.Message)
	id, sequence, err := in.sns.PublishSequenced(ctx, snslocal.PublishInput{TopicArn: p.TopicArn, Subject: p.Subject, Message: msg, Attributes: attrs,
		MessageGroupID: p.MessageGroupID, MessageDeduplicationID: p.MessageDeduplicationID})
	if err != nil {
		var e *snslocal.Error
		if errors.As(err, &e) {
			return nil, snsFailure(e)
		}
		return nil, err
	}
	in.log.Info("task published a notification", "execution", executionName(call.ExecutionArn), "state", call.StateName,
		"topic", p.TopicArn[strings.LastIndexByte(p.TopicArn, ':')+1:], "status", statusOf(msg))
	return json.Marshal(in.publishResult(id, sequence))
}

// SendToQueue implements snslocal.QueueSink with the SQS emulator.
func (in *integrations) SendToQueue(ctx context.Context, queueArn, body string, attrs map[string]snslocal.MessageAttribute) error {
	conv := make(map[string]sqslocal.MessageAttribute, len(attrs))
	for k, a := range attrs {
		conv[k] = sqslocal.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
	}
	_, err := in.sqs.Send(ctx, queueArn, body, conv)
	return err
}

// SendToFIFOQueue implements snslocal.FIFOQueueSink with the SQS emulator.
func (in *integrations) SendToFIFOQueue(ctx context.Context, queueArn, body string, attrs map[string]snslocal.MessageAttribute, groupID, dedupID string) error {
	conv := make(map[string]sqslocal.MessageAttribute, len(attrs))
	for k, a := range attrs {
		conv[k] = sqslocal.MessageAttribute{DataType: a.DataType, StringValue: a.StringValue, BinaryValue: a.BinaryValue}
	}
	_, err := in.sqs.SendFIFO(ctx, queueArn, body, conv, groupID, dedupID)
	return err
}

// textOf returns a JSON string's contents, or the compact JSON text of any
// other value, as Step Functions does for MessageBody and Message.
func textOf(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var b bytes.Buffer
	if json.Compact(&b, raw) == nil {
		return b.String()
	}
	return string(raw)
}

func decodeParams(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	return dec.Decode(v)
}

func decodeBinary(s string) ([]byte, error) {
	if s == "" {
		return nil, nil
	}
	return base64.StdEncoding.DecodeString(s)
}

func executionName(arn string) string { return arn[strings.LastIndexByte(arn, ':')+1:] }

func queueName(url string) string { return url[strings.LastIndexByte(url, '/')+1:] }

// queueIn names a task's queue in the region its execution runs in, as
// Step Functions calls SQS in the state machine's region: a queue URL or
// name (which carry no region here) becomes the queue's ARN in that
// region; an ARN, or anything unrecognised, is left for SQS to judge.
func queueIn(executionArn, queue string) string {
	exec := strings.Split(executionArn, ":") // arn:partition:states:region:account:execution:...
	if strings.HasPrefix(queue, "arn:") || len(exec) < 5 || exec[3] == "" {
		return queue
	}
	account, name := exec[4], queue
	if strings.Contains(queue, "/") {
		path := strings.Split(strings.TrimSuffix(queue, "/"), "/")
		if len(path) < 2 {
			return queue
		}
		account, name = path[len(path)-2], path[len(path)-1]
	}
	return "arn:" + exec[1] + ":sqs:" + exec[3] + ":" + account + ":" + name
}

// statusOf returns the "status" field of a JSON object message, for the
// progress log; anything else yields "".
func statusOf(msg string) string {
	var v struct {
		Status string `json:"status"`
	}
	if json.Unmarshal([]byte(msg), &v) != nil {
		return ""
	}
	return v.Status
}

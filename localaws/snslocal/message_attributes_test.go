package snslocal_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/aws/smithy-go/middleware"
)

// withoutValidation lets the SDK send what its own checks would stop (an
// attribute without a DataType), as LocalStack's test does with boto3's
// parameter_validation=False.
func withoutValidation(o *sns.Options) {
	o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
		_, err := stack.Initialize.Remove("OperationInputValidation")
		return err
	})
}

// TestMessageAttributeRefusalsRecordedFromAWS holds refused message
// attributes to AWS's answers for the same requests, as LocalStack's
// test_empty_or_wrong_message_attributes records them from AWS
// (tests/aws/services/sns/test_sns.snapshot.json): code
// ParameterValueInvalid, which the SDK reads as
// InvalidParameterValueException, and the same refusal for a PublishBatch
// carrying the attribute in one of its entries, which fails as a whole.
func TestMessageAttributeRefusalsRecordedFromAWS(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	str := func(typ, val string) types.MessageAttributeValue {
		return types.MessageAttributeValue{DataType: aws.String(typ), StringValue: aws.String(val)}
	}
	bin := func(typ string, val []byte) types.MessageAttributeValue {
		return types.MessageAttributeValue{DataType: aws.String(typ), BinaryValue: val}
	}
	tests := []struct {
		name     string
		attrName string
		attr     types.MessageAttributeValue
		want     string
	}{
		{"missing_string_attr", "attr1", str("String", ""), "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'."},
		{"fully_missing_string_attr", "attr1", types.MessageAttributeValue{DataType: aws.String("String")}, "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'."},
		{"missing_binary_attr", "attr1", bin("Binary", []byte{}), "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'Binary'."},
		{"str_attr_binary_value", "attr1", bin("String", []byte("123")), "The message attribute 'attr1' with type 'String' must use field 'String'."},
		{"int_attr_binary_value", "attr1", bin("Number", []byte("123")), "The message attribute 'attr1' with type 'Number' must use field 'String'."},
		{"binary_attr_string_value", "attr1", str("Binary", "123"), "The message attribute 'attr1' with type 'Binary' must use field 'Binary'."},
		{"invalid_attr_string_value", "attr1", str("InvalidType", "123"), "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."},
		{"too_long_name", strings.Repeat("a", 257), str("String", "123"), "Length of message attribute name must be less than 256 bytes."},
		{"invalid_name", "a^*?", str("String", "123"), "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots."},
		{"invalid_name_2", ".abc", str("String", "123"), "Invalid message attribute name starting with character '.' was found."},
		{"invalid_name_3", "abc.", str("String", "123"), "Invalid message attribute name ending with character '.' was found."},
		{"invalid_name_4", "a..bc", str("String", "123"), "Message attribute name can not have successive '.' character."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			attrs := map[string]types.MessageAttributeValue{tc.attrName: tc.attr}
			_, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("test message"), MessageAttributes: attrs})
			var typed *types.InvalidParameterValueException
			if !errorsAs(err, &typed) {
				t.Fatalf("Publish: %v, want InvalidParameterValueException", err)
			}
			if got := errorMessageOf(t, err); got != tc.want {
				t.Errorf("Publish message %q\nwant            %q", got, tc.want)
			}
			_, err = e.client.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: &topic, PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
				{Id: aws.String("1"), Message: aws.String("test-batch"), MessageAttributes: attrs},
				{Id: aws.String("3"), Message: aws.String("valid-batch")},
			}})
			if got := errorCode(t, err); got != "ParameterValueInvalid" {
				t.Fatalf("PublishBatch: %q (%v), want the whole batch refused with ParameterValueInvalid", got, err)
			}
			if got := errorMessageOf(t, err); got != tc.want {
				t.Errorf("PublishBatch message %q\nwant                 %q", got, tc.want)
			}
		})
	}
}

// TestAttributeWithoutDataType: AWS answers an attribute sent without a
// DataType with a model validation error naming the member
// (test_empty_or_wrong_message_attributes, fully_missing_data_type and
// batch-fully_missing_data_type, recorded from AWS).
func TestAttributeWithoutDataType(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	attrs := map[string]types.MessageAttributeValue{"attr1": {StringValue: aws.String("value")}}
	_, err := e.client.Publish(ctx, &sns.PublishInput{TopicArn: &topic, Message: aws.String("test message"), MessageAttributes: attrs}, withoutValidation)
	want := "1 validation error detected: Value null at 'messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null"
	if code, msg := errorCode(t, err), errorMessageOf(t, err); code != "ValidationError" || msg != want {
		t.Errorf("Publish: %s %q\nwant ValidationError %q", code, msg, want)
	}
	_, err = e.client.PublishBatch(ctx, &sns.PublishBatchInput{TopicArn: &topic, PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
		{Id: aws.String("1"), Message: aws.String("test-batch"), MessageAttributes: attrs},
		{Id: aws.String("3"), Message: aws.String("valid-batch")},
	}}, withoutValidation)
	want = "1 validation error detected: Value null at 'publishBatchRequestEntries.1.member.messageAttributes.attr1.member.dataType' failed to satisfy constraint: Member must not be null"
	if code, msg := errorCode(t, err), errorMessageOf(t, err); code != "ValidationError" || msg != want {
		t.Errorf("PublishBatch: %s %q\nwant ValidationError %q", code, msg, want)
	}
}

// TestBatchEntryIDRefusals holds refused batch entry Ids to AWS's
// wordings (LocalStack's test_publish_batch_invalid_entry_id, recorded
// from AWS).
func TestBatchEntryIDRefusals(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "recorded")
	long := strings.Repeat("a", 81)
	tests := []struct{ name, id, want string }{
		{"dot", "message.id", "The Id of a batch entry in the batch request contains an impermissible character: message.id"},
		{"special characters", "msg@123#test", "The Id of a batch entry in the batch request contains an impermissible character: msg@123#test"},
		{"81 characters", long, "The Id of a batch entry in the batch request is too long: " + long},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.PublishBatch(context.Background(), &sns.PublishBatchInput{TopicArn: &topic,
				PublishBatchRequestEntries: []types.PublishBatchRequestEntry{{Id: aws.String(tc.id), Message: aws.String("m")}}})
			var typed *types.InvalidBatchEntryIdException
			if !errorsAs(err, &typed) {
				t.Fatalf("PublishBatch: %v, want InvalidBatchEntryIdException", err)
			}
			if got := errorMessageOf(t, err); got != tc.want {
				t.Errorf("message %q\nwant    %q", got, tc.want)
			}
		})
	}
}

// TestBatchSizeCountsAttributes: a batch's size limit counts each entry's
// attributes (name, type and value) with its message, and a batch at the
// limit goes through (LocalStack's test_publish_batch_too_long_message,
// recorded from AWS).
func TestBatchSizeCountsAttributes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "sized")
	attrs := map[string]types.MessageAttributeValue{"attr1": {DataType: aws.String("Number"), StringValue: aws.String("1")}}
	full := strings.Repeat("a", 256*1024-len("attr1")-len("Number")-len("1"))
	batch := func(first string) error {
		_, err := e.client.PublishBatch(context.Background(), &sns.PublishBatchInput{TopicArn: &topic, PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
			{Id: aws.String("1"), Message: aws.String(first), MessageAttributes: attrs},
			{Id: aws.String("2"), Message: aws.String("b")},
		}})
		return err
	}
	var tooLong *types.BatchRequestTooLongException
	if err := batch(full); !errorsAs(err, &tooLong) {
		t.Errorf("one byte over with the attributes: %v, want BatchRequestTooLongException", err)
	}
	if err := batch(full[1:]); err != nil {
		t.Errorf("at the limit: %v", err)
	}
}

// TestBatchEntryWithoutDefaultFailsTheBatch: an entry whose
// MessageStructure json lacks a default fails the whole batch, before a
// FIFO topic's group check (LocalStack's test_publish_batch_exceptions,
// no-default-key-json, recorded from AWS).
func TestBatchEntryWithoutDefaultFailsTheBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createFIFOTopic(t, "t.fifo", nil)
	_, err := e.client.PublishBatch(context.Background(), &sns.PublishBatchInput{TopicArn: &topic, PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
		{Id: aws.String("1"), Message: aws.String(`{"sqs": "test sqs"}`), MessageStructure: aws.String("json")},
	}})
	want := "Invalid parameter: Message Structure - No default entry in JSON message body"
	if got := errorMessageOf(t, err); errorCode(t, err) != "InvalidParameter" || got != want {
		t.Errorf("PublishBatch: %q\nwant %q", got, want)
	}
}

package snslocal_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
)

func TestPublishBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "batch")
	e.subscribe(t, topic, "bq", map[string]string{"RawMessageDelivery": "true"})
	out, err := e.client.PublishBatch(context.Background(), &sns.PublishBatchInput{
		TopicArn: &topic,
		PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
			{Id: aws.String("one"), Message: aws.String("first")},
			{Id: aws.String("two"), Message: aws.String(""), Subject: aws.String("empty")},
			{Id: aws.String("three"), Message: aws.String("third"), MessageAttributes: map[string]types.MessageAttributeValue{"k": strAttr("v")}},
		},
	})
	if err != nil {
		t.Fatalf("PublishBatch: %v", err)
	}
	if len(out.Successful) != 2 || *out.Successful[0].Id != "one" || *out.Successful[1].Id != "three" {
		t.Errorf("Successful = %+v, want one and three", out.Successful)
	}
	if len(out.Failed) != 1 || *out.Failed[0].Id != "two" || *out.Failed[0].Code != "InvalidParameter" || !out.Failed[0].SenderFault {
		t.Errorf("Failed = %+v, want two with InvalidParameter", out.Failed)
	}
	got := e.sink.to("bq")
	if len(got) != 2 || got[0].Body != "first" || got[1].Body != "third" || got[1].Attrs["k"].StringValue != "v" {
		t.Errorf("deliveries = %+v, want first then third with k=v", got)
	}
}

func TestPublishBatchRejects(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topic := e.createTopic(t, "batchrej")
	entries := func(ids ...string) []types.PublishBatchRequestEntry {
		var out []types.PublishBatchRequestEntry
		for _, id := range ids {
			out = append(out, types.PublishBatchRequestEntry{Id: aws.String(id), Message: aws.String("m")})
		}
		return out
	}
	var eleven []string
	for i := range 11 {
		eleven = append(eleven, fmt.Sprint("e", i))
	}
	tests := []struct {
		name    string
		topic   string
		entries []types.PublishBatchRequestEntry
		want    string
	}{
		{name: "empty", topic: topic, entries: []types.PublishBatchRequestEntry{}, want: "EmptyBatchRequest"},
		{name: "eleven", topic: topic, entries: entries(eleven...), want: "TooManyEntriesInBatchRequest"},
		{name: "duplicate ids", topic: topic, entries: entries("a", "a"), want: "BatchEntryIdsNotDistinct"},
		{name: "bad id", topic: topic, entries: entries("not ok!"), want: "InvalidBatchEntryId"},
		{name: "unknown topic", topic: topic + "x", entries: entries("a"), want: "NotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.client.PublishBatch(context.Background(), &sns.PublishBatchInput{TopicArn: &tt.topic, PublishBatchRequestEntries: tt.entries})
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("code %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

package snslocal_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/snslocal"
)

// TestPublishedHearsEveryPublish checks the hook a console uses: each
// publish is reported once, with the topic, subject, message and time;
// a publish to a missing topic is not.
func TestPublishedHearsEveryPublish(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var heard []snslocal.Published
	svc := snslocal.New(snslocal.Config{Clock: clock.NewFake(t0), Published: func(p snslocal.Published) {
		mu.Lock()
		defer mu.Unlock()
		heard = append(heard, p)
	}})
	srv := httptest.NewServer(svc)
	defer srv.Close()
	c := sns.New(sns.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", "")})
	ctx := context.Background()
	topic, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String("outcomes")})
	if err != nil {
		t.Fatal(err)
	}
	out, err := c.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Subject: aws.String("paid"), Message: aws.String(`{"status":"PAID"}`)})
	if err != nil {
		t.Fatal(err)
	}
	missing := "arn:aws:sns:us-east-1:123456789012:missing"
	if _, err := c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(missing), Message: aws.String("x")}); err == nil {
		t.Fatal("publish to a missing topic succeeded")
	}
	want := []snslocal.Published{{TopicARN: aws.ToString(topic.TopicArn), MessageID: aws.ToString(out.MessageId),
		Subject: "paid", Message: `{"status":"PAID"}`, At: t0}}
	mu.Lock()
	defer mu.Unlock()
	if diff := cmp.Diff(want, heard); diff != "" {
		t.Errorf("published (-want +got):\n%s", diff)
	}
}

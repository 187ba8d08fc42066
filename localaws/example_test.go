package localaws_test

import (
	"context"
	"fmt"
	"log"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws"
)

// A test starts an endpoint, points real SDK clients at it and uses them
// as against AWS. In a test, localaws.Start(t, localaws.Options{}) does the
// same and closes the endpoint when the test ends.
func Example() {
	ep, err := localaws.New(localaws.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer ep.Close()

	ctx := context.Background()
	client := sqs.NewFromConfig(ep.AWSConfig())
	q, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("orders")})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("order-1001")}); err != nil {
		log.Fatal(err)
	}
	out, err := client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 1})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range out.Messages {
		fmt.Println(aws.ToString(m.Body))
	}
	// Output: order-1001
}

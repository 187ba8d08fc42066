package statemachine

import (
	_ "embed"
	"strings"
)

// paymentASL is payment.asl.json as template.yml deploys it, before the
// DefinitionSubstitutions are made.
//
//go:embed payment.asl.json
var paymentASL string

// Payment returns the payment workflow's definition with the template's
// DefinitionSubstitutions made: queueURL for ${PaymentQueueUrl} and
// topicARN for ${PaymentTopicArn}.
func Payment(queueURL, topicARN string) string {
	return strings.NewReplacer("${PaymentQueueUrl}", queueURL, "${PaymentTopicArn}", topicARN).Replace(paymentASL)
}

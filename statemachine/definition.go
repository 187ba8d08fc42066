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
// DefinitionSubstitutions made: queueURL for ${PaymentQueueUrl}, topicARN
// for ${PaymentTopicArn} and vaultTable for ${CardVaultTable}.
func Payment(queueURL, topicARN, vaultTable string) string {
	return strings.NewReplacer(
		"${PaymentQueueUrl}", queueURL, "${PaymentTopicArn}", topicARN, "${CardVaultTable}", vaultTable,
	).Replace(paymentASL)
}

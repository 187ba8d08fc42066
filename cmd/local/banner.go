package main

import (
	"github.com/payflow-dev/payflow/localaws/console"
	"github.com/payflow-dev/payflow/localaws/gateway"

	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// printBanner prints where everything listens, the stack's outputs and
// commands to paste.
func printBanner(w io.Writer, l *stack.Local, o options, payments string, took time.Duration, now time.Time) {
	fmt.Fprintf(w, "Local stack %q is up (%d resources, started in %s)\n\n", l.Stack.Name, len(l.Stack.Resources), took.Round(time.Millisecond))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  AWS endpoint\t%s\t(Step Functions, SQS, SNS, KMS, Secrets Manager, DynamoDB; region %s, account %s, any credentials)\n", l.EndpointURL, o.region, o.account)
	fmt.Fprintf(tw, "  HTTP API\t%s\t(order routes: AuthMode %s; /healthz open)\n", l.APIURL, o.authMode())
	fmt.Fprintf(tw, "  Payments\t%s\t\n", payments)
	fmt.Fprintf(tw, "  Console\t%s\t(executions, waiting tokens, queues, topics, metrics; loopback only)\n", l.EndpointURL+console.Prefix)
	tw.Flush()

	fmt.Fprintln(w, "\nOutputs:")
	names := make([]string, 0, len(l.Stack.Outputs))
	for n := range l.Stack.Outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, n := range names {
		fmt.Fprintf(tw, "  %s\t%s\n", n, l.Stack.Outputs[n].Value)
	}
	tw.Flush()

	if ignored := ignoredTypes(l.Stack.Resources); ignored != "" {
		fmt.Fprintf(w, "\nAccepted but not emulated locally: %s\n", ignored)
	}

	endpoint := strings.Replace(l.EndpointURL, "127.0.0.1", "localhost", 1)
	expiry := fmt.Sprintf("12/%02d", (now.Year()+1)%100)
	order := fmt.Sprintf(`{"orderId":"order-1001","customerId":"98766","orderDate":"%s","amount":"100.00","currency":"USD",`+
		`"nameOnCard":"FIRSTNAME LASTNAME","creditCardNumber":"4242 4242 4242 4242","expiry":"%s","cvv":"123"}`,
		now.Format("2006-01-02"), expiry)
	fmt.Fprintln(w, "\nTry it (test card 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 declined):")
	sign := ""
	switch o.authMode() {
	case gateway.AuthIAM:
		sign = fmt.Sprintf(` --aws-sigv4 "aws:amz:%s:execute-api" --user %s:%s`, o.region, o.apiAccessKey, o.apiSecretKey)
	case gateway.AuthJWT:
		sign = ` -H "Authorization: Bearer $TOKEN"`
	}
	fmt.Fprintf(w, "  curl -i -X POST %s/orders%s -H 'Content-Type: application/json' \\\n    -d '%s'\n", l.APIURL, sign, order)
	fmt.Fprintf(w, "  curl -s%s %s/orders/order-1001/status\n", sign, l.APIURL)
	token := fmt.Sprintf(`{"orderId":"order-1002","customerId":"98766","orderDate":"%s","amount":"19.99","currency":"EUR",`+
		`"paymentMethod":"pm_card_visa"}`, now.Format("2006-01-02"))
	fmt.Fprintln(w, "A tokenized order (a Stripe PaymentMethod instead of card fields; never sealed or vaulted):")
	fmt.Fprintf(w, "  curl -i -X POST %s/orders%s -H 'Content-Type: application/json' \\\n    -d '%s'\n", l.APIURL, sign, token)
	if q := findOutput(l.Stack.Outputs, "test", "url"); q != "" {
		fmt.Fprintf(w, "  aws sqs receive-message --endpoint-url %s --region %s --queue-url %s --max-number-of-messages 10 --wait-time-seconds 20\n", endpoint, o.region, q)
	}
	if sm := findOutput(l.Stack.Outputs, "statemachine", "arn"); sm != "" {
		fmt.Fprintf(w, "  aws stepfunctions list-executions --endpoint-url %s --region %s --state-machine-arn %s\n", endpoint, o.region, sm)
		fmt.Fprintln(w, "\nThe original walkthrough, plus --endpoint-url (its raw card fields are refused: FAILED, Payment.InvalidRequest):")
		fmt.Fprintf(w, "  aws stepfunctions start-execution --endpoint-url %s --region %s --state-machine-arn %s \\\n"+
			"    --input '{\"orderId\": \"1234567\",\"customerId\": \"98766\",\"orderDate\": \"2024-01-14\",\"amount\": 100,"+
			"\"nameOnCard\": \"FIRSTNAME LASTNAME\",\"creditCardNumber\": \"1234 1234 1234 1234\",\"expiry\": \"XX/YY\",\"cvv\": \"123\"}'\n",
			endpoint, o.region, sm)
	}
	if topic := findOutput(l.Stack.Outputs, "notification", "topic"); topic != "" {
		fmt.Fprintln(w, "\nA webhook of yours (here on port 8080) learns every outcome, signed; open the SubscribeURL of the first POST to confirm:")
		fmt.Fprintf(w, "  aws sns subscribe --endpoint-url %s --region %s --topic-arn %s \\\n    --protocol http --notification-endpoint http://127.0.0.1:8080/payflow\n", endpoint, o.region, topic)
	}
	fmt.Fprintln(w, "\nOrder progress is logged below. Ctrl-C stops.")
}

// findOutput returns the value of the first output (by name) whose name
// contains every word, case-insensitively.
func findOutput(outputs map[string]stack.Output, words ...string) string {
	names := make([]string, 0, len(outputs))
	for n := range outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		lower := strings.ToLower(n)
		ok := true
		for _, w := range words {
			if !strings.Contains(lower, w) {
				ok = false
				break
			}
		}
		if ok {
			return outputs[n].Value
		}
	}
	return ""
}

// ignoredTypes lists the resource types the stack accepted without
// creating anything, with how many of each.
func ignoredTypes(resources []stack.Resource) string {
	counts := map[string]int{}
	for _, r := range resources {
		if r.Ignored {
			counts[r.Type]++
		}
	}
	types := make([]string, 0, len(counts))
	for t := range counts {
		types = append(types, t)
	}
	sort.Strings(types)
	for i, t := range types {
		types[i] = fmt.Sprintf("%s (%d)", t, counts[t])
	}
	return strings.Join(types, ", ")
}

package stack_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
	"github.com/payflow-dev/payflow/localaws/gateway"
	"github.com/payflow-dev/payflow/localaws/stack"
)

func deploy(tb testing.TB, path string) (*stack.Stack, aws.Config, string) {
	tb.Helper()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
	tb.Cleanup(srv.Close)
	cfg := aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	}
	st, err := stack.Deploy(context.Background(), stack.DeployConfig{
		TemplatePath: path, Region: "us-east-1", AccountID: "123456789012", StackName: "demo",
		AWS: cfg, APIURL: "http://127.0.0.1:3000",
	})
	if err != nil {
		tb.Fatalf("Deploy: %v", err)
	}
	return st, cfg, srv.URL
}

func TestDeployCreatesWhatTheTemplateDeclares(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, cfg, endpoint := deploy(t, "testdata/template.yml")
	sqsc, snsc, sfnc, kmsc := sqs.NewFromConfig(cfg), sns.NewFromConfig(cfg), sfn.NewFromConfig(cfg), kms.NewFromConfig(cfg)

	wantOutputs := map[string]stack.Output{
		"ApiUrl":          {Description: "the API", Value: "http://127.0.0.1:3000/"},
		"StateMachineArn": {Value: "arn:aws:states:us-east-1:123456789012:stateMachine:demo-Flow"},
		"TestQueueUrl":    {Value: endpoint + "/123456789012/demo-notifications"},
		"LogGroup":        {Value: "/aws/http-api/demo"},
	}
	if diff := cmp.Diff(wantOutputs, st.Outputs); diff != "" {
		t.Errorf("outputs (-want +got):\n%s", diff)
	}

	attrs, err := sqsc.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(endpoint + "/123456789012/demo-PaymentQueue"), AttributeNames: []sqstypes.QueueAttributeName{"All"},
	})
	if err != nil {
		t.Fatalf("payment queue: %v", err)
	}
	if got := attrs.Attributes["VisibilityTimeout"]; got != "60" {
		t.Errorf("VisibilityTimeout = %q", got)
	}
	if got := attrs.Attributes["RedrivePolicy"]; !strings.Contains(got, "arn:aws:sqs:us-east-1:123456789012:demo-PaymentDLQ") || !strings.Contains(got, "3") {
		t.Errorf("RedrivePolicy = %q", got)
	}

	policy, err := sqsc.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(wantOutputs["TestQueueUrl"].Value), AttributeNames: []sqstypes.QueueAttributeName{"Policy"},
	})
	if err != nil || policy.Attributes["Policy"] != `{"Statement":[]}` {
		t.Errorf("test queue Policy = %v, %v; want the QueuePolicy's document", policy, err)
	}

	subs, err := snsc.ListSubscriptionsByTopic(ctx, &sns.ListSubscriptionsByTopicInput{TopicArn: aws.String("arn:aws:sns:us-east-1:123456789012:demo-Topic")})
	if err != nil || len(subs.Subscriptions) != 1 || aws.ToString(subs.Subscriptions[0].Endpoint) != "arn:aws:sqs:us-east-1:123456789012:demo-notifications" {
		t.Errorf("subscriptions = %+v, %v", subs, err)
	}

	aliases, err := kmsc.ListAliases(ctx, &kms.ListAliasesInput{})
	if err != nil || len(aliases.Aliases) != 1 || aws.ToString(aliases.Aliases[0].AliasName) != "alias/demo-card" {
		t.Errorf("aliases = %+v, %v", aliases, err)
	}

	sm, err := sfnc.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(wantOutputs["StateMachineArn"].Value)})
	if err != nil {
		t.Fatalf("state machine: %v", err)
	}
	def := aws.ToString(sm.Definition)
	for _, want := range []string{`"TimeoutSeconds": 900`, endpoint + "/123456789012/demo-PaymentQueue", "arn:aws:sns:us-east-1:123456789012:demo-Topic"} {
		if !strings.Contains(def, want) {
			t.Errorf("definition lacks %q:\n%s", want, def)
		}
	}

	var api, callback stack.Function
	for _, f := range st.Functions {
		switch f.LogicalID {
		case "ApiFunction":
			api = f
		case "CallbackFunction":
			callback = f
		}
	}
	wantEnv := map[string]string{
		"LOG_LEVEL":         "info",
		"STATE_MACHINE_ARN": wantOutputs["StateMachineArn"].Value,
	}
	if !strings.HasPrefix(api.Env["CARD_KEY_ID"], "arn:aws:kms:us-east-1:123456789012:key/") {
		t.Errorf("CARD_KEY_ID = %q", api.Env["CARD_KEY_ID"])
	}
	delete(api.Env, "CARD_KEY_ID")
	if diff := cmp.Diff(wantEnv, api.Env); diff != "" {
		t.Errorf("api env (-want +got):\n%s", diff)
	}
	wantRoutes := []gateway.Route{{Method: "POST", Path: "/orders"}, {Method: "GET", Path: "/orders/{orderId}/status"}}
	if diff := cmp.Diff(wantRoutes, api.Routes, cmp.Comparer(func(a, b gateway.Handler) bool { return a == nil && b == nil })); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
	wantQueues := []stack.QueueEvent{{
		QueueARN: "arn:aws:sqs:us-east-1:123456789012:demo-PaymentQueue", QueueURL: endpoint + "/123456789012/demo-PaymentQueue",
		BatchSize: 5, BatchingWindow: time.Second, ReportBatchItemFailures: true,
	}}
	if diff := cmp.Diff(wantQueues, callback.Queues); diff != "" {
		t.Errorf("event source mapping (-want +got):\n%s", diff)
	}
	if api.CodeURI != "cmd/api" || callback.CodeURI != "cmd/callback" || callback.Timeout != 30*time.Second || api.Timeout != 10*time.Second {
		t.Errorf("code/timeout: api %q %v, callback %q %v", api.CodeURI, api.Timeout, callback.CodeURI, callback.Timeout)
	}
}

func TestDeployErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		src     string
		wantErr string
	}{
		{"unknown substitution", `Resources:
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${Nope}","End":true}}}'
`, "${Nope}"},
		{"bad reference", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref Missing}\n", "Ref Missing"},
		{"invalid definition", `Resources:
  M:
    Type: AWS::StepFunctions::StateMachine
    Properties: {DefinitionString: '{"StartAt":"A","States":{}}'}
`, "create state machine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := t.TempDir() + "/template.yml"
			if err := writeFile(path, tt.src); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{}))
			defer srv.Close()
			_, err := stack.Deploy(context.Background(), stack.DeployConfig{
				TemplatePath: path, Region: "us-east-1", AccountID: "123456789012", StackName: "demo",
				AWS: aws.Config{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Credentials: credentials.NewStaticCredentialsProvider("A", "B", "")},
			})
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Deploy error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

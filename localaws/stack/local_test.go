package stack_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/gateway"
	"github.com/payflow-dev/payflow/localaws/stack"
)

// tinyCode stands in for real functions: the HTTP one starts an execution
// named after the path, the queue one answers each task token with the
// message's receive count.
func tinyCode() stack.Code {
	return stack.Code{
		HTTP: map[string]stack.HTTPFunction{"cmd/api": func(_ context.Context, d stack.FunctionDeps) (gateway.Handler, error) {
			client := sfn.NewFromConfig(d.AWS)
			arn := d.Getenv("STATE_MACHINE_ARN")
			return func(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
				out, err := client.StartExecution(ctx, &sfn.StartExecutionInput{
					StateMachineArn: aws.String(arn), Name: aws.String(ev.PathParameters["orderId"]), Input: aws.String(`{}`),
				})
				if err != nil {
					return events.APIGatewayV2HTTPResponse{}, err
				}
				return events.APIGatewayV2HTTPResponse{StatusCode: 202, Body: aws.ToString(out.ExecutionArn)}, nil
			}, nil
		}},
		Queue: map[string]stack.QueueFunction{"cmd/callback": func(_ context.Context, d stack.FunctionDeps) (eventsource.Handler, error) {
			client := sfn.NewFromConfig(d.AWS)
			return func(ctx context.Context, ev events.SQSEvent) (events.SQSEventResponse, error) {
				for _, r := range ev.Records {
					var body struct{ Token string }
					if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
						return events.SQSEventResponse{}, err
					}
					out := fmt.Sprintf(`{"receives":%s}`, r.Attributes["ApproximateReceiveCount"])
					if _, err := client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: aws.String(body.Token), Output: aws.String(out)}); err != nil {
						return events.SQSEventResponse{}, err
					}
				}
				return events.SQSEventResponse{}, nil
			}, nil
		}},
	}
}

func TestLocalRunsTheFunctionsEndToEnd(t *testing.T) {
	t.Parallel()
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: "testdata/template.yml", Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "demo", Code: tinyCode(),
	})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := local.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	if got := local.Stack.Outputs["ApiUrl"].Value; got != local.APIURL+"/" {
		t.Errorf("ApiUrl output = %q, want the local API %q", got, local.APIURL+"/")
	}
	resp, err := http.Get(local.APIURL + "/orders/o-7/status")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 202 || !strings.HasSuffix(string(body), ":o-7") {
		t.Fatalf("GET = %d %s", resp.StatusCode, body)
	}
	resp, err = http.Get(local.APIURL + "/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("unknown route = %d, want 404", resp.StatusCode)
	}
	out, err := sqs.NewFromConfig(local.AWS).ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{
		QueueUrl: aws.String(local.Stack.Outputs["TestQueueUrl"].Value), WaitTimeSeconds: 5,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Messages) != 1 || !strings.Contains(aws.ToString(out.Messages[0].Body), `{\"receives\":1}`) {
		t.Fatalf("notifications = %+v", out.Messages)
	}
}

func TestStartFailureReleasesThePorts(t *testing.T) {
	t.Parallel()
	cfg := stack.LocalConfig{
		TemplatePath: "testdata/does-not-exist.yml", Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "demo",
	}
	if _, err := stack.Start(context.Background(), cfg); err == nil {
		t.Fatal("Start succeeded without a template")
	}
}

func TestLocalFunctionsAreInvocableFromTasks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	local, err := stack.Start(ctx, stack.LocalConfig{
		TemplatePath: "testdata/template.yml", Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "inv", Code: tinyCode(),
	})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	defer local.Close(ctx)
	client := sfn.NewFromConfig(local.AWS)
	def := `{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
	  "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:inv-ApiFunction",
	    "Payload":{"pathParameters":{"orderId":"via-invoke"}}},"OutputPath":"$.Payload.statusCode","End":true}}}`
	sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("caller"), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
	})
	if err != nil {
		t.Fatal(err)
	}
	exec, err := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, err := client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: exec.ExecutionArn})
		if err != nil {
			t.Fatal(err)
		}
		if out.Status != "RUNNING" {
			if out.Status != "SUCCEEDED" || aws.ToString(out.Output) != "202" {
				t.Fatalf("execution %s output %s error %s", out.Status, aws.ToString(out.Output), aws.ToString(out.Cause))
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("execution still running")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

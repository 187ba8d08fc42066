package awsendpoint_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// shoutError is a function error with a type name of its own.
type shoutError struct{ msg string }

func (e *shoutError) Error() string { return e.msg }

func TestLambdaInvokeCallsHostedFunctions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ep := awsendpoint.New(awsendpoint.Config{})
	ep.RegisterFunction("shout", func(_ context.Context, payload json.RawMessage) (json.RawMessage, error) {
		var in struct{ Word string }
		if err := json.Unmarshal(payload, &in); err != nil {
			return nil, err
		}
		if in.Word == "" {
			return nil, &shoutError{"nothing to shout"}
		}
		return json.Marshal(map[string]string{"loud": strings.ToUpper(in.Word)})
	})
	ep.RegisterFunction("crash", func(context.Context, json.RawMessage) (json.RawMessage, error) {
		return nil, errors.New("unreachable")
	})
	srv := httptest.NewServer(ep)
	t.Cleanup(srv.Close)
	client := sfn.NewFromConfig(aws.Config{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
	})
	tests := []struct {
		name, function, input string
		wantStatus            sfntypes.ExecutionStatus
		wantOutput, wantError string
	}{
		{"by name", "shout", `{"Word":"hi"}`, sfntypes.ExecutionStatusSucceeded, `{"loud":"HI"}`, ""},
		{"by arn", "arn:aws:lambda:us-east-1:123456789012:function:shout", `{"Word":"yo"}`, sfntypes.ExecutionStatusSucceeded, `{"loud":"YO"}`, ""},
		{"function error", "shout", `{}`, sfntypes.ExecutionStatusFailed, "", "shoutError"},
		{"unknown function", "nope", `{}`, sfntypes.ExecutionStatusFailed, "", "Lambda.ResourceNotFoundException"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			def := `{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			  "Parameters":{"FunctionName":"` + tt.function + `","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}`
			sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
				Name: aws.String("call-" + string(rune('a'+i))), Definition: aws.String(def), RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
			})
			if err != nil {
				t.Fatal(err)
			}
			exec, err := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(tt.input)})
			if err != nil {
				t.Fatal(err)
			}
			desc := waitDone(t, client, aws.ToString(exec.ExecutionArn))
			if desc.Status != tt.wantStatus || aws.ToString(desc.Error) != tt.wantError {
				t.Fatalf("execution %s error %q cause %q, want %s %q", desc.Status, aws.ToString(desc.Error), aws.ToString(desc.Cause), tt.wantStatus, tt.wantError)
			}
			if tt.wantOutput != "" && aws.ToString(desc.Output) != tt.wantOutput {
				t.Errorf("output = %s, want %s", aws.ToString(desc.Output), tt.wantOutput)
			}
		})
	}
}

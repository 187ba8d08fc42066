package sfnlocal_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/sfnlocal"
)

// testStateClient serves a Step Functions whose lambda:invoke resource
// echoes its parameters, and fails with Lambda.Boom when they say so.
func testStateClient(tb testing.TB) *sfn.Client {
	tb.Helper()
	svc := sfnlocal.New(sfnlocal.Config{Clock: clock.NewFake(epoch0), Resources: asl.Resources{
		"arn:aws:states:::lambda:invoke": func(_ context.Context, call asl.TaskCall) (json.RawMessage, error) {
			var p struct{ Fail bool }
			_ = json.Unmarshal(call.Parameters, &p)
			if p.Fail {
				return nil, &asl.TaskFailure{Name: "Lambda.Boom", Cause: "it broke"}
			}
			return json.RawMessage(`{"Payload":{"echo":true}}`), nil
		},
	}})
	srv := httptest.NewServer(svc)
	tb.Cleanup(srv.Close)
	return sfn.New(sfn.Options{
		Region: testRegion, BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "SECRET", ""), Retryer: aws.NopRetryer{},
		// TestState's endpoint carries the "sync-" host prefix, which a local
		// endpoint's host name cannot take: clients turn it off.
		APIOptions: []func(*middleware.Stack) error{func(stack *middleware.Stack) error {
			return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("NoHostPrefix",
				func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
					return next.HandleInitialize(smithyhttp.DisableEndpointHostPrefix(ctx, true), in)
				}), middleware.Before)
		}},
	})
}

// The expected answers follow TestState responses recorded on AWS (the
// AWS-validated TestState snapshots of LocalStack's test suite): a Pass
// answers its output, a Choice its output and nextState, a Fail FAILED
// with its error and cause, a caught error CAUGHT_ERROR with the catcher
// as nextState, a matching retrier RETRIABLE.
func TestTestStateRunsOneState(t *testing.T) {
	t.Parallel()
	c := testStateClient(t)
	task := func(params string, extra string) string {
		return `{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":` + params + extra + `,"Next":"After"}`
	}
	cases := []struct {
		name, definition, input string
		level                   types.InspectionLevel
		want                    sfn.TestStateOutput
	}{
		{"pass", `{"Type":"Pass","Result":{"resultKey":"result value"},"ResultPath":"$.r","End":true}`, `{"a":1}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusSucceeded, Output: aws.String(`{"a":1,"r":{"resultKey":"result value"}}`)}},
		{"choice", `{"Type":"Choice","Choices":[{"Variable":"$.value","NumericGreaterThan":20,"Next":"ValueInTwenties"}],"Default":"Other"}`, `{"value":22}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusSucceeded, NextState: aws.String("ValueInTwenties"), Output: aws.String(`{"value":22}`)}},
		{"fail", `{"Type":"Fail","Error":"SomeFailure","Cause":"This state machines raises a 'SomeFailure' failure."}`, `{}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusFailed, Error: aws.String("SomeFailure"), Cause: aws.String("This state machines raises a 'SomeFailure' failure.")}},
		{"wait does not wait", `{"Type":"Wait","Seconds":3600,"Next":"Later"}`, `{"x":1}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusSucceeded, NextState: aws.String("Later"), Output: aws.String(`{"x":1}`)}},
		{"task", task(`{"FunctionName":"f","Payload.$":"$"}`, `,"ResultSelector":{"p.$":"$.Payload"}`), `{"in":1}`, types.InspectionLevelDebug,
			sfn.TestStateOutput{Status: types.TestExecutionStatusSucceeded, NextState: aws.String("After"), Output: aws.String(`{"p":{"echo":true}}`),
				InspectionData: &types.InspectionData{Input: aws.String(`{"in":1}`), AfterParameters: aws.String(`{"FunctionName":"f","Payload":{"in":1}}`),
					Result: aws.String(`{"Payload":{"echo":true}}`)}}},
		{"caught", task(`{"Fail":true}`, `,"Catch":[{"ErrorEquals":["Lambda.Boom"],"Next":"Handle"}]`), `{}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusCaughtError, NextState: aws.String("Handle"), Error: aws.String("Lambda.Boom"),
				Cause: aws.String("it broke"), Output: aws.String(`{"Error":"Lambda.Boom","Cause":"it broke"}`)}},
		{"parallel", `{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}},` +
			`{"StartAt":"B","States":{"B":{"Type":"Pass","Result":2,"End":true}}}],"Next":"Join"}`, `{}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusSucceeded, NextState: aws.String("Join"), Output: aws.String(`[1,2]`)}},
		{"retriable", task(`{"Fail":true}`, `,"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}]`), `{}`, "",
			sfn.TestStateOutput{Status: types.TestExecutionStatusRetriable, Error: aws.String("Lambda.Boom"), Cause: aws.String("it broke")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.TestState(context.Background(), &sfn.TestStateInput{
				Definition: aws.String(tc.definition), Input: aws.String(tc.input), InspectionLevel: tc.level, RoleArn: aws.String(testRole),
			})
			if err != nil {
				t.Fatal(err)
			}
			got.ResultMetadata = tc.want.ResultMetadata
			if diff := cmp.Diff(&tc.want, got, cmp.AllowUnexported(sfn.TestStateOutput{}), cmp.FilterPath(func(p cmp.Path) bool {
				return p.Last().String() == ".ResultMetadata" || p.Last().String() == ".noSmithyDocumentSerde"
			}, cmp.Ignore()), cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Output" }, cmp.Comparer(sameJSON))); diff != "" {
				t.Errorf("TestState (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTestStateOfAStateInAMachine(t *testing.T) {
	t.Parallel()
	c := testStateClient(t)
	machine := `{"StartAt":"First","States":{"First":{"Type":"Pass","Next":"Second"},"Second":{"Type":"Pass","Result":"two","Next":"Second"}}}`
	out, err := c.TestState(context.Background(), &sfn.TestStateInput{Definition: aws.String(machine), StateName: aws.String("Second"), Input: aws.String(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	// A state that loops back to itself still runs once.
	if out.Status != types.TestExecutionStatusSucceeded || aws.ToString(out.NextState) != "Second" || aws.ToString(out.Output) != `"two"` {
		t.Errorf("TestState(Second) = %s next %q output %q", out.Status, aws.ToString(out.NextState), aws.ToString(out.Output))
	}
	_, err = c.TestState(context.Background(), &sfn.TestStateInput{Definition: aws.String(machine), StateName: aws.String("Third")})
	isValidationError(t, err)
}

func TestTestStateRefusals(t *testing.T) {
	t.Parallel()
	c := testStateClient(t)
	_, err := c.TestState(context.Background(), &sfn.TestStateInput{
		Definition: aws.String(`{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}`),
	})
	isValidationError(t, err)
	if got := apiMessage(t, err); got != "RoleArn must be specified when testing a Task state" {
		t.Errorf("message %q", got)
	}
	_, err = c.TestState(context.Background(), &sfn.TestStateInput{Definition: aws.String(`{"Type":"Pass","End":true}`), Input: aws.String("{nope")})
	wantAPIError[*types.InvalidExecutionInput](t, err)
	_, err = c.TestState(context.Background(), &sfn.TestStateInput{Definition: aws.String(`{"Type":"Nope","End":true}`)})
	wantAPIError[*types.InvalidDefinition](t, err)
}

// sameJSON compares two optional JSON texts as values, so that member order
// does not matter.
func sameJSON(a, b *string) bool {
	if a == nil || b == nil {
		return a == b
	}
	var x, y any
	if json.Unmarshal([]byte(*a), &x) != nil || json.Unmarshal([]byte(*b), &y) != nil {
		return *a == *b
	}
	return cmp.Equal(x, y)
}

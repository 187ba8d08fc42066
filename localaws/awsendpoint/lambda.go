package awsendpoint

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/payflow-dev/payflow/localaws/asl"
	"github.com/payflow-dev/payflow/localaws/lambdacall"
)

// Function is a Lambda function hosted in this process, invoked with its
// raw JSON payload as Lambda would.
type Function func(ctx context.Context, payload json.RawMessage) (json.RawMessage, error)

// functions are the hosted functions that lambda:invoke tasks may call, by
// name.
type functions struct {
	mu     sync.RWMutex
	byName map[string]Function
}

// RegisterFunction makes a hosted function callable from Task states
// through arn:aws:states:::lambda:invoke, by name or ARN, and from SNS
// lambda subscriptions.
func (e *Endpoint) RegisterFunction(name string, f Function) {
	e.functions.mu.Lock()
	defer e.functions.mu.Unlock()
	e.functions.byName[name] = f
}

func (fs *functions) lookup(ref string) (Function, bool) {
	name := ref
	// arn:aws:lambda:region:account:function:name[:qualifier]
	if strings.HasPrefix(ref, "arn:") {
		parts := strings.Split(ref, ":")
		if len(parts) < 7 || parts[2] != "lambda" || parts[5] != "function" {
			return nil, false
		}
		name = parts[6]
	} else if n, _, ok := strings.Cut(ref, ":"); ok {
		name = n // name:qualifier
	}
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	f, ok := fs.byName[name]
	return f, ok
}

type invokeParams struct {
	FunctionName string          `json:"FunctionName"`
	Payload      json.RawMessage `json:"Payload"`
}

// invoke is arn:aws:states:::lambda:invoke: the result is
// {"ExecutedVersion", "Payload", "StatusCode"} like AWS's, and a function
// error fails the task with the error's type as its name.
func (in *integrations) invoke(ctx context.Context, call asl.TaskCall) (json.RawMessage, error) {
	var p invokeParams
	if err := decodeParams(call.Parameters, &p); err != nil || p.FunctionName == "" {
		return nil, &asl.TaskFailure{Name: "States.Runtime", Cause: "lambda:invoke needs FunctionName"}
	}
	f, ok := in.functions.lookup(p.FunctionName)
	if !ok {
		return nil, &asl.TaskFailure{Name: "Lambda.ResourceNotFoundException",
			Cause: fmt.Sprintf("Function not found: %s (the local stack hosts only the template's functions it has code for)", p.FunctionName)}
	}
	payload := p.Payload
	if len(payload) == 0 {
		payload = json.RawMessage(`{}`)
	}
	out, err := callFunction(ctx, f, payload)
	if err != nil {
		typ := errorType(err)
		cause, _ := json.Marshal(map[string]string{"errorMessage": err.Error(), "errorType": typ})
		return nil, &asl.TaskFailure{Name: typ, Cause: string(cause)}
	}
	if len(out) == 0 {
		out = json.RawMessage(`null`)
	}
	in.log.Info("task invoked a function", "execution", executionName(call.ExecutionArn), "state", call.StateName,
		"function", p.FunctionName)
	return json.Marshal(struct {
		ExecutedVersion string          `json:"ExecutedVersion"`
		Payload         json.RawMessage `json:"Payload"`
		StatusCode      int             `json:"StatusCode"`
	}{"$LATEST", out, 200})
}

// callFunction runs f, turning a panic into an error as the Lambda
// runtime reports a crashed invocation. The task's own TimeoutSeconds
// bounds it through ctx.
func callFunction(ctx context.Context, f Function, payload json.RawMessage) (json.RawMessage, error) {
	return lambdacall.Call(ctx, 0, f, payload)
}

// errorType names an error as the Go Lambda runtime does: its type name
// without package or pointer.
func errorType(err error) string {
	t := reflect.TypeOf(err)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Name() == "" {
		return "Error"
	}
	return t.Name()
}

// InvokeFunction is how SNS's lambda subscriptions reach the hosted
// functions: the function named by the ARN gets the SNS event, and its
// error, or its absence from this process, fails the delivery.
func (in *integrations) InvokeFunction(ctx context.Context, functionArn string, payload []byte) error {
	f, ok := in.functions.lookup(functionArn)
	if !ok {
		return fmt.Errorf("function %s is not hosted by the local endpoint", functionArn)
	}
	if _, err := callFunction(ctx, f, payload); err != nil {
		return fmt.Errorf("invoke %s: %w", functionArn, err)
	}
	in.log.Info("sns invoked a function", "function", functionArn)
	return nil
}

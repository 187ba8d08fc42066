// Package hosted tells the local stack which Go code runs each function
// of this repository's template.yml: the API behind the HTTP API, through
// the same Lambda adapter as in AWS, and the payment callback on its
// queue. It is the only place where the service meets the local endpoint
// outside tests, so that localaws itself knows nothing of payments.
package hosted

import (
	"context"

	"github.com/payflow-dev/payflow/internal/functions"
	"github.com/payflow-dev/payflow/internal/httpapi"
	"github.com/payflow-dev/payflow/localaws/eventsource"
	"github.com/payflow-dev/payflow/localaws/gateway"
	"github.com/payflow-dev/payflow/localaws/stack"
)

// Code returns the code of this repository's functions, keyed by their
// logical ids in template.yml (both are built from the repository root,
// CodeUri ".", by the Makefile).
func Code() stack.Code {
	return stack.Code{
		HTTP: map[string]stack.HTTPFunction{
			"ApiFunction": func(ctx context.Context, d stack.FunctionDeps) (gateway.Handler, error) {
				h, err := functions.API(ctx, deps(d))
				if err != nil {
					return nil, err
				}
				return httpapi.LambdaHandler(h), nil
			},
		},
		Queue: map[string]stack.QueueFunction{
			"CallbackFunction": func(ctx context.Context, d stack.FunctionDeps) (eventsource.Handler, error) {
				return functions.Callback(ctx, deps(d))
			},
		},
	}
}

// deps hands a function what the stack gives it: the template's
// Environment as Getenv (LOG_LEVEL included), the stack's logger, clock
// and AWS configuration.
func deps(d stack.FunctionDeps) functions.Deps {
	return functions.Deps{AWS: d.AWS, Getenv: d.Getenv, Logger: d.Logger, Clock: d.Clock, Metrics: d.Stdout}
}

package stack

import (
	"context"

	"github.com/payflow-dev/payflow/internal/apifunc"
	"github.com/payflow-dev/payflow/internal/callbackfunc"
	"github.com/payflow-dev/payflow/internal/eventsource"
	"github.com/payflow-dev/payflow/internal/gateway"
	"github.com/payflow-dev/payflow/internal/httpapi"
)

// PayflowCode is the code of this repository's functions, keyed by the
// CodeUri that template.yml gives them: the API behind the HTTP API,
// through the same Lambda adapter as in AWS, and the payment callback on
// its queue.
func PayflowCode() Code {
	return Code{
		HTTP: map[string]HTTPFunction{
			"cmd/api": func(ctx context.Context, d FunctionDeps) (gateway.Handler, error) {
				h, err := apifunc.New(ctx, apifunc.Deps{AWS: d.AWS, Getenv: d.Getenv, Logger: d.Logger, Clock: d.Clock})
				if err != nil {
					return nil, err
				}
				return httpapi.LambdaHandler(h), nil
			},
		},
		Queue: map[string]QueueFunction{
			"cmd/callback": func(ctx context.Context, d FunctionDeps) (eventsource.Handler, error) {
				h, err := callbackfunc.New(ctx, callbackfunc.Deps{AWS: d.AWS, Getenv: d.Getenv, Logger: d.Logger, Clock: d.Clock})
				if err != nil {
					return nil, err
				}
				return h, nil
			},
		},
	}
}

package stack

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// asFunction adapts a typed Lambda handler to the raw JSON payload that
// lambda:invoke tasks pass, as the Lambda runtime decodes and encodes
// events.
func asFunction[In, Out any](h func(context.Context, In) (Out, error)) awsendpoint.Function {
	return func(ctx context.Context, payload json.RawMessage) (json.RawMessage, error) {
		var in In
		if err := json.Unmarshal(payload, &in); err != nil {
			return nil, fmt.Errorf("decode payload: %w", err)
		}
		out, err := h(ctx, in)
		if err != nil {
			return nil, err
		}
		return json.Marshal(out)
	}
}

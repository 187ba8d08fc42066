package tracing

import (
	"context"
	"log/slog"
	"strings"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// HeaderName is the HTTP header X-Ray reads.
const HeaderName = "X-Amzn-Trace-Id"

// lambdaTraceKey is the context key under which aws-lambda-go stores the
// invocation's trace header.
const lambdaTraceKey = "x-amzn-trace-id"

type headerKey struct{}

// WithHeader returns ctx carrying header (for example a message's
// AWSTraceHeader, "Root=1-...;Parent=...;Sampled=1"). An empty header
// leaves ctx as it is.
func WithHeader(ctx context.Context, header string) context.Context {
	if header == "" {
		return ctx
	}
	return context.WithValue(ctx, headerKey{}, header)
}

// Header returns the trace header ctx carries: the one WithHeader put
// there, else the Lambda invocation's, else "".
func Header(ctx context.Context) string {
	if h, ok := ctx.Value(headerKey{}).(string); ok {
		return h
	}
	if h, ok := ctx.Value(lambdaTraceKey).(string); ok {
		return h
	}
	return ""
}

// TraceID returns the Root field of a trace header, or "".
func TraceID(header string) string {
	for _, field := range strings.Split(header, ";") {
		if root, ok := strings.CutPrefix(strings.TrimSpace(field), "Root="); ok {
			return root
		}
	}
	return ""
}

// AddToRequests is an AWS SDK API option (aws.Config.APIOptions) that sets
// the trace header of the call's context on the request, replacing the
// one the SDK takes from the Lambda environment, which names the
// invocation rather than the message being processed.
func AddToRequests(stack *middleware.Stack) error {
	return stack.Build.Add(middleware.BuildMiddlewareFunc("PayflowTraceHeader",
		func(ctx context.Context, in middleware.BuildInput, next middleware.BuildHandler) (middleware.BuildOutput, middleware.Metadata, error) {
			if req, ok := in.Request.(*smithyhttp.Request); ok {
				if h, ok := ctx.Value(headerKey{}).(string); ok {
					req.Header.Set(HeaderName, h)
				}
			}
			return next.HandleBuild(ctx, in)
		}), middleware.After)
}

// LogHandler wraps next so that every record logged with a context names
// the Lambda request id and the X-Ray trace id, when there are any.
func LogHandler(next slog.Handler) slog.Handler { return logHandler{next: next} }

type logHandler struct{ next slog.Handler }

func (h logHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h logHandler) Handle(ctx context.Context, r slog.Record) error {
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		r.AddAttrs(slog.String("requestId", lc.AwsRequestID))
	}
	if id := TraceID(Header(ctx)); id != "" {
		r.AddAttrs(slog.String("traceId", id))
	}
	return h.next.Handle(ctx, r)
}

func (h logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return logHandler{next: h.next.WithAttrs(attrs)}
}

func (h logHandler) WithGroup(name string) slog.Handler {
	return logHandler{next: h.next.WithGroup(name)}
}

package httpapi

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/awslabs/aws-lambda-go-api-proxy/core"
	"github.com/go-chi/chi/v5"

	"github.com/payflow-dev/payflow/clock"
)

// statusRecorder remembers what a handler wrote, for the access log and
// so that a panic after the headers went out is not answered twice.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// observe logs one line per request and turns a panic into a 500 problem.
//
// The log line holds the method, route pattern, path, status, size and
// duration, and the API Gateway request id under Lambda. It never holds
// bodies, query strings or headers, which is where card data could be.
func observe(log *slog.Logger, clk clock.Clock) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := clk.Now()
			rec := &statusRecorder{ResponseWriter: w}
			defer func() {
				if v := recover(); v != nil {
					if v == http.ErrAbortHandler {
						panic(v)
					}
					err := fmt.Errorf("panic: %v\n%s", v, debug.Stack())
					if rec.status == 0 {
						writeError(rec, r, log, err) // logs err in full
					} else {
						log.ErrorContext(r.Context(), "panic after response started", "method", r.Method, "path", safePath(r.URL.Path), "err", err)
					}
				}
				attrs := []any{
					"method", r.Method,
					"route", chi.RouteContext(r.Context()).RoutePattern(),
					"path", safePath(r.URL.Path),
					"status", rec.status,
					"bytes", rec.bytes,
					"duration", clk.Now().Sub(start).String(),
				}
				if gw, ok := core.GetAPIGatewayV2ContextFromContext(r.Context()); ok {
					attrs = append(attrs, "requestId", gw.RequestID)
				}
				log.InfoContext(r.Context(), "request", attrs...)
			}()
			next.ServeHTTP(rec, r)
		})
	}
}

package gateway

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/lambdacall"
)

// MaxBodyBytes is API Gateway's payload limit for HTTP APIs.
const MaxBodyBytes = 10 << 20

// IntegrationTimeout is the longest an HTTP API waits for a function.
const IntegrationTimeout = 30 * time.Second

// Handler is a Lambda handler for HTTP API events, the signature that
// httpapi.LambdaHandler returns.
type Handler func(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error)

// Config describes one HTTP API integrated with one function.
type Config struct {
	// Routes are the API's routes; none means a single $default route.
	Routes  []Route
	Handler Handler
	// AccountID and APIID go into the event's requestContext.
	AccountID string
	APIID     string
	Clock     clock.Clock
	// Logger receives handler failures; nil discards them.
	Logger *slog.Logger
	// Region is where AWS_IAM routes expect signatures to be scoped.
	Region string
	// Credentials verify the signatures of AWS_IAM routes; nil refuses
	// every signed request as an unknown access key.
	Credentials Credentials
	// HTTPClient fetches JWT authorizers' keys; nil means a client with a
	// 5-second timeout.
	HTTPClient *http.Client
}

// Gateway is an http.Handler that serves one HTTP API.
type Gateway struct {
	routes  []compiledRoute
	handler Handler
	account string
	apiID   string
	clock   clock.Clock
	log     *slog.Logger
	region  string
	creds   Credentials
	keys    *keyCache
}

// New checks the routes and returns the Gateway.
func New(cfg Config) (*Gateway, error) {
	if cfg.Handler == nil {
		for _, r := range cfg.Routes {
			if r.Handler == nil {
				return nil, errors.New("gateway: a route has no handler and there is no default handler")
			}
		}
		if len(cfg.Routes) == 0 {
			return nil, errors.New("gateway: no handler")
		}
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.NewReal()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if len(cfg.Routes) == 0 {
		cfg.Routes = []Route{{Path: "$default"}}
	}
	g := &Gateway{
		handler: cfg.Handler, account: cfg.AccountID, apiID: cfg.APIID, clock: cfg.Clock, log: cfg.Logger,
		region: cfg.Region, creds: cfg.Credentials, keys: newKeyCache(cfg.HTTPClient),
	}
	for _, r := range cfg.Routes {
		c, err := compile(r)
		if err != nil {
			return nil, fmt.Errorf("gateway: %w", err)
		}
		g.routes = append(g.routes, c)
	}
	return g, nil
}

// ServeHTTP serves one request through the function.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	requestID := newRequestID()
	w.Header().Set("Apigw-Requestid", requestID)
	route, params, ok := g.route(r.Method, r.URL.Path)
	if !ok {
		writeMessage(w, http.StatusNotFound, "Not Found")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeMessage(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
			return
		}
		writeMessage(w, http.StatusBadRequest, "Bad Request")
		return
	}
	authz, denied := g.authorize(r, body, route.Auth)
	if denied != nil {
		writeDenial(w, denied)
		return
	}
	event := g.event(r, body, route, params, requestID)
	event.RequestContext.Authorizer = authz
	h := route.Handler
	if h == nil {
		h = g.handler
	}
	resp, err := invoke(r.Context(), h, event, route.Timeout)
	if errors.Is(err, errIntegrationTimeout) {
		g.log.Error("function did not answer in time", "requestId", requestID, "routeKey", event.RouteKey)
		writeMessage(w, http.StatusServiceUnavailable, "Service Unavailable")
		return
	}
	if err != nil {
		g.log.Error("function failed", "requestId", requestID, "routeKey", event.RouteKey, "error", err)
		writeMessage(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if err := writeResponse(w, resp); err != nil {
		g.log.Error("bad function response", "requestId", requestID, "error", err)
		writeMessage(w, http.StatusInternalServerError, "Internal Server Error")
	}
}

// route picks the most specific route that serves the request.
func (g *Gateway) route(method, path string) (Route, map[string]string, bool) {
	var (
		best   compiledRoute
		params map[string]string
		found  bool
	)
	for _, c := range g.routes {
		p, ok := c.match(method, path)
		if ok && (!found || c.better(best)) {
			best, params, found = c, p, true
		}
	}
	return best.route, params, found
}

// errIntegrationTimeout is API Gateway giving up on the function.
var errIntegrationTimeout = errors.New("integration timed out")

// invoke calls the handler with the function's timeout as Lambda does: a
// function past its timeout is an error (Lambda's "Task timed out"), and
// past the integration timeout API Gateway stops waiting. A panic is an
// error too, as the Lambda runtime reports a crashed invocation.
func invoke(ctx context.Context, h Handler, ev events.APIGatewayV2HTTPRequest, timeout time.Duration) (events.APIGatewayV2HTTPResponse, error) {
	limit, ownTimeout := IntegrationTimeout, timeout > 0 && timeout < IntegrationTimeout
	if ownTimeout {
		limit = timeout
	}
	resp, err := lambdacall.Call(ctx, limit, h, ev)
	if te := (*lambdacall.TimeoutError)(nil); !ownTimeout && errors.As(err, &te) {
		return resp, errIntegrationTimeout
	}
	return resp, err
}

func newRequestID() string {
	var b [10]byte
	_, _ = rand.Read(b[:])
	return base64.StdEncoding.EncodeToString(b[:])
}

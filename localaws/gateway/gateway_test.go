package gateway_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/localaws/gateway"
)

var t0 = time.Date(2026, 11, 26, 4, 30, 0, 0, time.UTC)

// newServer starts a gateway in front of h and returns its URL.
func newServer(tb testing.TB, routes []gateway.Route, h gateway.Handler) string {
	tb.Helper()
	g, err := gateway.New(gateway.Config{
		Routes: routes, Handler: h, AccountID: "123456789012", APIID: "local", Clock: clock.NewFake(t0),
	})
	if err != nil {
		tb.Fatalf("gateway.New: %v", err)
	}
	srv := httptest.NewServer(g)
	tb.Cleanup(srv.Close)
	return srv.URL
}

// echo answers with the event it received, as JSON.
func echo(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	b, err := json.Marshal(ev)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: string(b), Headers: map[string]string{"Content-Type": "application/json"}}, nil
}

func do(tb testing.TB, req *http.Request) (*http.Response, []byte) {
	tb.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, b
}

var routes = []gateway.Route{
	{Method: "POST", Path: "/orders"},
	{Method: "GET", Path: "/orders/{orderId}/status"},
	{Method: "ANY", Path: "/files/{path+}"},
	{Method: "GET", Path: "/orders/special/status"},
}

func TestEventShape(t *testing.T) {
	t.Parallel()
	url := newServer(t, routes, echo)
	req, err := http.NewRequest(http.MethodPost, url+"/orders?b=2&a=1&a=3", strings.NewReader(`{"x":1}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Add("X-Multi", "one")
	req.Header.Add("X-Multi", "two")
	req.Header.Set("Cookie", "s=1; t=2")
	req.Header.Set("User-Agent", "test-agent")
	resp, body := do(t, req)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, body %s", resp.StatusCode, body)
	}
	var got events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(url, "http://")
	want := events.APIGatewayV2HTTPRequest{
		Version:        "2.0",
		RouteKey:       "POST /orders",
		RawPath:        "/orders",
		RawQueryString: "b=2&a=1&a=3",
		Cookies:        []string{"s=1", "t=2"},
		Headers: map[string]string{
			"content-type": "application/json", "x-multi": "one,two", "user-agent": "test-agent",
			"host": host, "content-length": "7",
		},
		QueryStringParameters: map[string]string{"a": "1,3", "b": "2"},
		Body:                  `{"x":1}`,
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RouteKey: "POST /orders", AccountID: "123456789012", Stage: "$default", APIID: "local",
			DomainName: host, DomainPrefix: "127", Time: "26/Nov/2026:04:30:00 +0000", TimeEpoch: t0.UnixMilli(),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
				Method: "POST", Path: "/orders", Protocol: "HTTP/1.1", SourceIP: "127.0.0.1", UserAgent: "test-agent",
			},
		},
	}
	opts := cmp.Options{
		cmpopts.IgnoreFields(events.APIGatewayV2HTTPRequestContext{}, "RequestID"),
		cmpopts.IgnoreMapEntries(func(k, _ string) bool { return k == "accept-encoding" }),
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("event (-want +got):\n%s", diff)
	}
	if got.RequestContext.RequestID == "" || resp.Header.Get("Apigw-Requestid") != got.RequestContext.RequestID {
		t.Errorf("request id %q not echoed in the apigw-requestid header %q", got.RequestContext.RequestID, resp.Header.Get("Apigw-Requestid"))
	}
}

func TestRouting(t *testing.T) {
	t.Parallel()
	url := newServer(t, routes, echo)
	tests := []struct {
		name       string
		method     string
		path       string
		wantStatus int
		wantRoute  string
		wantParams map[string]string
	}{
		{"exact", "POST", "/orders", 200, "POST /orders", nil},
		{"parameter", "GET", "/orders/o-1/status", 200, "GET /orders/{orderId}/status", map[string]string{"orderId": "o-1"}},
		{"literal beats parameter", "GET", "/orders/special/status", 200, "GET /orders/special/status", nil},
		{"greedy", "PUT", "/files/a/b/c", 200, "ANY /files/{path+}", map[string]string{"path": "a/b/c"}},
		{"wrong method", "GET", "/orders", 404, "", nil},
		{"unknown path", "GET", "/nope", 404, "", nil},
		{"greedy needs a segment", "GET", "/files/", 404, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tt.method, url+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, body := do(t, req)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status = %d, want %d (body %s)", resp.StatusCode, tt.wantStatus, body)
			}
			if tt.wantStatus == 404 {
				if string(body) != `{"message":"Not Found"}` {
					t.Errorf("404 body = %s", body)
				}
				return
			}
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(body, &ev); err != nil {
				t.Fatal(err)
			}
			if ev.RouteKey != tt.wantRoute {
				t.Errorf("routeKey = %q, want %q", ev.RouteKey, tt.wantRoute)
			}
			if diff := cmp.Diff(tt.wantParams, ev.PathParameters); diff != "" {
				t.Errorf("pathParameters (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFunctionFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		handler gateway.Handler
	}{
		{"error", func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			return events.APIGatewayV2HTTPResponse{}, errors.New("boom")
		}},
		{"panic", func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			panic("boom")
		}},
		{"bad base64", func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: "%%%", IsBase64Encoded: true}, nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			url := newServer(t, nil, tt.handler)
			req, err := http.NewRequest(http.MethodGet, url+"/anything", nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, body := do(t, req)
			if resp.StatusCode != 500 || string(body) != `{"message":"Internal Server Error"}` {
				t.Fatalf("got %d %s, want 500 Internal Server Error", resp.StatusCode, body)
			}
		})
	}
}

func TestBinaryBodiesAndResponseHeaders(t *testing.T) {
	t.Parallel()
	payload := []byte{0, 1, 2, 0xff}
	url := newServer(t, nil, func(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		if !ev.IsBase64Encoded {
			return events.APIGatewayV2HTTPResponse{StatusCode: 400, Body: "binary body not base64-encoded"}, nil
		}
		return events.APIGatewayV2HTTPResponse{
			StatusCode:        201,
			Body:              ev.Body, // echo the same bytes back, still encoded
			IsBase64Encoded:   true,
			Headers:           map[string]string{"Content-Type": "application/octet-stream"},
			MultiValueHeaders: map[string][]string{"X-Multi": {"a", "b"}},
			Cookies:           []string{"c=1", "d=2"},
		}, nil
	})
	req, err := http.NewRequest(http.MethodPut, url+"/blob", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, body := do(t, req)
	if resp.StatusCode != 201 {
		t.Fatalf("status = %d, body %q", resp.StatusCode, body)
	}
	if !bytes.Equal(body, payload) {
		t.Errorf("body = %v, want %v (base64 %s)", body, payload, base64.StdEncoding.EncodeToString(payload))
	}
	if diff := cmp.Diff([]string{"c=1", "d=2"}, resp.Header.Values("Set-Cookie")); diff != "" {
		t.Errorf("cookies (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a", "b"}, resp.Header.Values("X-Multi")); diff != "" {
		t.Errorf("multi-value header (-want +got):\n%s", diff)
	}
}

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	called := make(chan struct{}, 1)
	url := newServer(t, nil, func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		called <- struct{}{}
		return events.APIGatewayV2HTTPResponse{StatusCode: 200}, nil
	})
	req, err := http.NewRequest(http.MethodPost, url+"/x", bytes.NewReader(make([]byte, gateway.MaxBodyBytes+1)))
	if err != nil {
		t.Fatal(err)
	}
	resp, body := do(t, req)
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status = %d (%s), want 413", resp.StatusCode, body)
	}
	select {
	case <-called:
		t.Fatal("handler was called with an oversized body")
	default:
	}
}

func TestNewRejectsBadRoutes(t *testing.T) {
	t.Parallel()
	h := func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		return events.APIGatewayV2HTTPResponse{}, nil
	}
	for _, r := range []gateway.Route{{Method: "GET", Path: "orders"}, {Method: "GET", Path: "/{a+}/b"}} {
		if _, err := gateway.New(gateway.Config{Routes: []gateway.Route{r}, Handler: h}); err == nil {
			t.Errorf("New accepted route %+v", r)
		}
	}
	if _, err := gateway.New(gateway.Config{}); err == nil {
		t.Error("New accepted a config without handler")
	}
}

func TestPerRouteHandlers(t *testing.T) {
	t.Parallel()
	answer := func(body string) gateway.Handler {
		return func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: body}, nil
		}
	}
	url := newServer(t, []gateway.Route{
		{Method: "GET", Path: "/a", Handler: answer("first")},
		{Method: "GET", Path: "/b", Handler: answer("second")},
	}, nil)
	for path, want := range map[string]string{"/a": "first", "/b": "second"} {
		req, err := http.NewRequest(http.MethodGet, url+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, body := do(t, req); string(body) != want {
			t.Errorf("GET %s = %q, want %q", path, body, want)
		}
	}
}

func TestFunctionTimeout(t *testing.T) {
	t.Parallel()
	slow := func(ctx context.Context, _ events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		<-ctx.Done() // a function that never finishes on its own
		time.Sleep(50 * time.Millisecond)
		return events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: "too late"}, nil
	}
	url := newServer(t, []gateway.Route{{Method: "GET", Path: "/slow", Handler: slow, Timeout: 20 * time.Millisecond}}, nil)
	req, err := http.NewRequest(http.MethodGet, url+"/slow", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := do(t, req)
	if resp.StatusCode != 500 || string(body) != `{"message":"Internal Server Error"}` {
		t.Fatalf("got %d %s, want the 500 of a timed-out function", resp.StatusCode, body)
	}
}

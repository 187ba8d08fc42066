package stack_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// TestLocalServersRefuseForeignCallers checks the servers Start opens, as
// a browser page or a DNS-rebinding attacker would reach them.
func TestLocalServersRefuseForeignCallers(t *testing.T) {
	t.Parallel()
	local, err := stack.Start(context.Background(), stack.LocalConfig{
		TemplatePath: "testdata/template.yml", Addr: "127.0.0.1:0", APIAddr: "127.0.0.1:0",
		Region: "us-east-1", AccountID: "123456789012", StackName: "guarded", Code: tinyCode(),
		AllowHosts: []string{"localaws.internal"},
	})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := local.Close(ctx); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	const form = "application/x-www-form-urlencoded"
	queue := local.Stack.Outputs["TestQueueUrl"].Value
	send := "Action=SendMessage&MessageBody=hi&QueueUrl=" + queue
	tests := []struct {
		name    string
		url     string
		host    string
		headers map[string]string
		want    int
	}{
		{"endpoint, CLI-style form post", local.EndpointURL, "", map[string]string{"Content-Type": form}, 200},
		{"endpoint, rebinding Host", local.EndpointURL, "attacker.rebind.example", map[string]string{"Content-Type": form}, 403},
		{"endpoint, allowed container Host", local.EndpointURL, "localaws.internal:4566", map[string]string{"Content-Type": form}, 200},
		{"endpoint, page on another origin", local.EndpointURL, "", map[string]string{"Content-Type": form, "Origin": "http://evil.example"}, 403},
		{"API, page on another origin", local.APIURL + "/orders/o-9/status", "", map[string]string{"Origin": "https://shop.example"}, 202},
		{"API, rebinding Host", local.APIURL + "/orders/o-9/status", "attacker.rebind.example", nil, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method, body := http.MethodPost, send
			if strings.HasPrefix(tt.url, local.APIURL) {
				method, body = http.MethodGet, ""
			}
			req, err := http.NewRequest(method, tt.url, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

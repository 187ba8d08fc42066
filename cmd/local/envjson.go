package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"

	"github.com/payflow-dev/payflow/localaws/stack"
)

// writeEnvJSON writes the file `sam local start-api --env-vars` and `sam
// local invoke --env-vars` read: for each function, its template
// variables with the local stack's resolved ARNs, queue URLs, key ids and
// table names (sam local puts logical ids there), and AWS_ENDPOINT_URL
// pointing at the local endpoint as containerHost sees it.
func writeEnvJSON(path string, l *stack.Local, containerHost string) error {
	u, err := url.Parse(l.EndpointURL)
	if err != nil {
		return fmt.Errorf("-env-json: endpoint URL: %w", err)
	}
	_, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		return fmt.Errorf("-env-json: endpoint URL: %w", err)
	}
	endpoint := "http://" + net.JoinHostPort(containerHost, port)
	out := map[string]map[string]string{}
	for _, f := range l.Stack.Functions {
		vars := map[string]string{}
		for k, v := range f.Env {
			vars[k] = v
		}
		vars["AWS_ENDPOINT_URL"] = endpoint
		out[f.LogicalID] = vars
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("-env-json: %w", err)
	}
	return nil
}

// warnAboutReach says what a container needs to reach the endpoint: a
// non-loopback bind (which exposes the endpoint to the network, so it is
// never the default) and the container host allowed by Host checks.
func warnAboutReach(w io.Writer, addr string, allowHosts []string, containerHost string) {
	host, _, err := net.SplitHostPort(addr)
	if err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() || host == "localhost" {
			fmt.Fprintf(w, "local: warning: the endpoint listens on %s, which SAM's containers cannot reach; "+
				"run with -addr 0.0.0.0:4566 -allow-host %s\n", addr, containerHost)
		}
	}
	if !contains(allowHosts, containerHost) && !contains(allowHosts, "*") {
		fmt.Fprintf(w, "local: warning: requests with Host %s are refused; add -allow-host %s\n", containerHost, containerHost)
	}
}

// warnNonLoopback warns that a non-loopback listen address exposes the
// unauthenticated local endpoint to the network.
func warnNonLoopback(w io.Writer, addr string) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return
	}
	if ip := net.ParseIP(host); (ip != nil && ip.IsLoopback()) || host == "localhost" {
		return
	}
	fmt.Fprintf(w, "local: warning: listening on %s: the local AWS endpoint (any credentials accepted) is reachable from other machines on your network\n", addr)
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

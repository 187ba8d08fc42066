package loopback

import (
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// Config says whom a Guard lets through besides loopback callers.
type Config struct {
	// AllowHosts are host names (without port) accepted in the Host and
	// Origin headers besides loopback ones, for example
	// "host.docker.internal" or a compose service name. "*" accepts any.
	AllowHosts []string
	// AllowBrowsers lets browsers' cross-origin requests through, for an
	// HTTP API that a web page on another origin is meant to call. The Host
	// check still applies.
	AllowBrowsers bool
}

// refusals are answered in AWS JSON 1.0, which every SDK reads; query
// clients still see the 403.
var refusals = awsproto.JSON{Version: "1.0", ErrorTypeHeader: true}

// Guard wraps next so that it serves only requests addressed to a loopback
// host (or an allowed one) and, unless cfg.AllowBrowsers, no browser
// request from another origin. Refused requests get a 403 that says why and
// how to allow them.
func Guard(next http.Handler, cfg Config) http.Handler {
	allowAny := slices.Contains(cfg.AllowHosts, "*")
	allowed := func(host string) bool {
		return allowAny || isLoopback(host) || slices.ContainsFunc(cfg.AllowHosts, func(h string) bool {
			return strings.EqualFold(h, host)
		})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if host := hostOnly(r.Host); !allowed(host) {
			refuse(w, "The local endpoint answers only requests addressed to a loopback host (localhost, 127.0.0.1, ::1), "+
				"not %q; allow other names explicitly (cmd/local -allow-host NAME).", truncate(r.Host, 100))
			return
		}
		if cfg.AllowBrowsers {
			next.ServeHTTP(w, r)
			return
		}
		// A page on a loopback (or allowed) origin is the developer's own,
		// such as the console or a local web app, and may call in.
		if origin, ok := r.Header["Origin"]; ok {
			if host, ok := originHost(origin[0]); !ok || !allowed(host) {
				refuse(w, "The local endpoint refuses browser requests from other origins (Origin %q).", truncate(origin[0], 100))
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		// Without an Origin (browsers omit it on simple GETs and some
		// form posts), fetch metadata and a browser's marks tell.
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			refuse(w, "The local endpoint refuses cross-site browser requests.")
			return
		}
		if isBrowser(r) && isSimpleForm(r.Header.Get("Content-Type")) {
			refuse(w, "The local endpoint refuses form posts from browsers.")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func refuse(w http.ResponseWriter, format string, args ...any) {
	refusals.WriteError(w, "", awsproto.StatusErrorf(http.StatusForbidden, "AccessDeniedException", format, args...))
}

// hostOnly strips the port, and the brackets of an IPv6 literal, from a
// Host header.
func hostOnly(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
}

// isLoopback reports whether host is localhost, a name under .localhost
// (RFC 6761: always the loopback interface) or a loopback IP address.
func isLoopback(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// originHost returns the host of an Origin header; "null" and anything
// that is not an http(s) origin has none.
func originHost(origin string) (string, bool) {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return u.Hostname(), true
}

// isBrowser reports whether a request shows a browser's marks: the fetch
// metadata headers every current browser sends, or a Mozilla user agent.
// The AWS SDKs and CLIs send neither.
func isBrowser(r *http.Request) bool {
	return r.Header.Get("Sec-Fetch-Mode") != "" || strings.HasPrefix(r.Header.Get("User-Agent"), "Mozilla/")
}

// isSimpleForm reports whether a content type is one an HTML form can send
// without a CORS preflight.
func isSimpleForm(contentType string) bool {
	ct, _, _ := strings.Cut(strings.ToLower(contentType), ";")
	switch strings.TrimSpace(ct) {
	case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
		return true
	}
	return false
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

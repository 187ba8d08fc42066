package gateway

import (
	"fmt"
	"strings"
	"time"
)

// Route is one route of an HTTP API, as the template's HttpApi events
// declare it: a method (or ANY) and a path that may contain {name}
// parameters and a final greedy {name+} parameter. The route key "$default"
// is written as Route{Path: "$default"}.
type Route struct {
	Method string
	Path   string
	// Handler serves this route; nil means Config.Handler. An HTTP API may
	// integrate each route with a different function.
	Handler Handler
	// Timeout is the function's timeout; zero means only API Gateway's own
	// 30-second integration timeout applies.
	Timeout time.Duration
	// Auth is the route's authorization; the zero value is NONE.
	Auth Authorization
}

// Key returns the route key API Gateway puts in the event: "POST /orders"
// or "$default".
func (r Route) Key() string {
	if r.Path == "$default" {
		return "$default"
	}
	return r.Method + " " + r.Path
}

// compiledRoute is a Route split into segments for matching.
type compiledRoute struct {
	route    Route
	segments []string
	literals int
}

func compile(r Route) (compiledRoute, error) {
	r.Method = strings.ToUpper(r.Method)
	if r.Method == "" {
		r.Method = "ANY"
	}
	if r.Path == "$default" {
		return compiledRoute{route: r}, nil
	}
	if !strings.HasPrefix(r.Path, "/") {
		return compiledRoute{}, fmt.Errorf("route %s %s: path must start with /", r.Method, r.Path)
	}
	segs := strings.Split(strings.Trim(r.Path, "/"), "/")
	c := compiledRoute{route: r, segments: segs}
	for i, s := range segs {
		switch {
		case strings.HasSuffix(s, "+}") && strings.HasPrefix(s, "{"):
			if i != len(segs)-1 {
				return compiledRoute{}, fmt.Errorf("route %s: greedy parameter %s must be last", r.Path, s)
			}
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
		default:
			c.literals++
		}
	}
	return c, nil
}

// match reports whether the route serves method and path, and the path
// parameters it captures.
func (c compiledRoute) match(method, path string) (map[string]string, bool) {
	if c.route.Path == "$default" {
		return nil, true
	}
	if c.route.Method != "ANY" && c.route.Method != method {
		return nil, false
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	params := map[string]string{}
	for i, seg := range c.segments {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "+}") {
			rest := strings.Join(parts[i:], "/")
			if i >= len(parts) || rest == "" {
				return nil, false
			}
			params[seg[1:len(seg)-2]] = rest
			return params, true
		}
		if i >= len(parts) {
			return nil, false
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			if parts[i] == "" {
				return nil, false
			}
			params[seg[1:len(seg)-1]] = parts[i]
			continue
		}
		if seg != parts[i] {
			return nil, false
		}
	}
	if len(parts) != len(c.segments) {
		return nil, false
	}
	if len(params) == 0 {
		params = nil
	}
	return params, true
}

// better reports whether c is a more specific match than o, following API
// Gateway's priority: any route over $default, more literal segments
// first, then a fixed method over ANY.
func (c compiledRoute) better(o compiledRoute) bool {
	cd, od := c.route.Path == "$default", o.route.Path == "$default"
	if cd != od {
		return od
	}
	if c.literals != o.literals {
		return c.literals > o.literals
	}
	if len(c.segments) != len(o.segments) {
		return len(c.segments) > len(o.segments)
	}
	return c.route.Method != "ANY" && o.route.Method == "ANY"
}

package awsendpoint

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// maxQueryBody bounds how much of a form body the router reads to find the
// Action; the emulators apply their own, smaller, limits.
const maxQueryBody = 16 << 20

// routerErrors is how the router answers requests no service claims: AWS
// JSON 1.0, which every SDK can read.
var routerErrors = awsproto.JSON{Version: "1.0", ErrorTypeHeader: true}

// Router is an http.Handler that sends each request to the service it is
// addressed to, as each registered service describes itself
// (awsproto.Routing). It holds no list of actions of its own.
type Router struct {
	names    []string // signing names, sorted
	byTarget map[string]awsproto.Routable
	bySigner map[string]awsproto.Routable
	byAction map[string]awsproto.Routable
	byPath   []pathRoute
}

// pathRoute is a service's claim on URL paths, read once at registration.
type pathRoute struct {
	match func(path string) bool
	s     awsproto.Routable
}

// NewRouter returns a Router over the given services; see Register.
func NewRouter(services ...awsproto.Routable) (*Router, error) {
	rt := &Router{
		byTarget: map[string]awsproto.Routable{},
		bySigner: map[string]awsproto.Routable{},
		byAction: map[string]awsproto.Routable{},
	}
	for _, s := range services {
		if err := rt.Register(s); err != nil {
			return nil, err
		}
	}
	return rt, nil
}

// Register adds a service. It fails when the service has no signing name or
// claims a target prefix, signing name or query action another service
// already claims, so two services never silently share requests. Register
// is for setup: it must not run while the router serves requests.
func (rt *Router) Register(s awsproto.Routable) error {
	r := s.Routing()
	if r.SigningName == "" {
		return fmt.Errorf("register %T: no SigV4 signing name", s)
	}
	claims := []struct {
		m    map[string]awsproto.Routable
		kind string
		keys []string
	}{
		{rt.bySigner, "signing name", []string{r.SigningName}},
		{rt.byTarget, "X-Amz-Target prefix", nonEmpty(r.TargetPrefix)},
		{rt.byAction, "query action", r.Actions},
	}
	for _, c := range claims {
		for _, k := range c.keys {
			if other, taken := c.m[k]; taken {
				return fmt.Errorf("register %s: %s %q is already %s's", r.SigningName, c.kind, k, other.Routing().SigningName)
			}
		}
	}
	for _, c := range claims {
		for _, k := range c.keys {
			c.m[k] = s
		}
	}
	if r.Path != nil {
		rt.byPath = append(rt.byPath, pathRoute{match: r.Path, s: s})
	}
	rt.names = append(rt.names, r.SigningName)
	slices.Sort(rt.names)
	return nil
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// ServeHTTP dispatches on, in order: the X-Amz-Target prefix (JSON
// protocols), the SigV4 credential scope's service name, a path a service
// claims (SQS queue URLs, SNS's signing certificate), and finally the query
// protocol's Action. The path comes before the Action because it is the
// more precise of the two: an unsigned Action=AddPermission posted to a
// queue URL is SQS's, though SNS has an action of that name too.
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if prefix, _, ok := strings.Cut(r.Header.Get("X-Amz-Target"), "."); ok {
		if s := rt.byTarget[prefix]; s != nil {
			s.ServeHTTP(w, r)
			return
		}
	}
	if scope, ok := awsproto.CredentialScope(r); ok {
		if s := rt.bySigner[scope.Service]; s != nil {
			s.ServeHTTP(w, r)
			return
		}
	}
	for _, p := range rt.byPath {
		if p.match(r.URL.Path) {
			p.s.ServeHTTP(w, r)
			return
		}
	}
	action, err := queryAction(r)
	if err != nil {
		routerErrors.WriteError(w, "", awsproto.StatusErrorf(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
			"The request body is larger than %d bytes.", maxQueryBody))
		return
	}
	if s := rt.byAction[action]; action != "" && s != nil {
		s.ServeHTTP(w, r)
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == "/" {
		routerErrors.WriteResult(w, "", map[string]any{"services": rt.signingNames()})
		return
	}
	routerErrors.WriteError(w, "", awsproto.Errorf("UnknownServiceException",
		"The local endpoint serves %s, and could not tell which one this request is for "+
			"(no known X-Amz-Target, SigV4 credential scope or Action).", strings.Join(rt.signingNames(), ", ")))
}

// signingNames lists the services served, sorted.
func (rt *Router) signingNames() []string { return rt.names }

// queryAction finds the query protocol's Action in the URL or in a form
// body, leaving the body readable for the service.
func queryAction(r *http.Request) (string, error) {
	if a := r.URL.Query().Get("Action"); a != "" {
		return a, nil
	}
	if r.Body == nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxQueryBody+1))
	r.Body.Close()
	if err != nil {
		return "", nil
	}
	if len(b) > maxQueryBody {
		return "", awsproto.ErrBodyTooLarge
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	form, err := url.ParseQuery(string(b))
	if err != nil {
		return "", nil
	}
	return form.Get("Action"), nil
}

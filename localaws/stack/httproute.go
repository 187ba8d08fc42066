package stack

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/payflow-dev/payflow/localaws/gateway"
)

// The HTTP API resources a template may declare without SAM's HttpApi
// events: integrations (which function), routes (which route key, which
// authorization) and JWT authorizers. Routes become the integrated
// function's Routes; everything else about an HTTP API (stages, access
// logs, throttling) is accepted and not emulated.

// httpIntegration is an AWS::ApiGatewayV2::Integration: the function
// behind it.
type httpIntegration struct {
	functionARN string
}

// addIntegration records an AWS_PROXY integration with a function.
func (d *deployer) addIntegration(id string, p map[string]any) (created, error) {
	typ, err := stringProp(p, "IntegrationType")
	if err != nil {
		return created{}, err
	}
	if typ != "AWS_PROXY" {
		return created{}, fmt.Errorf("IntegrationType %q: only AWS_PROXY (a Lambda function) is run locally", typ)
	}
	uri, err := stringProp(p, "IntegrationUri")
	if err != nil {
		return created{}, err
	}
	if v, _ := stringProp(p, "PayloadFormatVersion"); v != "" && v != "2.0" {
		return created{}, fmt.Errorf("PayloadFormatVersion %q: only 2.0 is run locally", v)
	}
	ref := shortID(d.cfg.StackName + "/" + id)
	d.integrations[ref] = httpIntegration{functionARN: functionARNOf(uri)}
	return created{ref: ref}, nil
}

// functionARNOf accepts a function ARN or the apigateway invocation URI
// that wraps one (arn:aws:apigateway:...:path/2015-03-31/functions/ARN/invocations).
func functionARNOf(uri string) string {
	if _, rest, ok := strings.Cut(uri, "/functions/"); ok {
		return strings.TrimSuffix(rest, "/invocations")
	}
	return uri
}

// addAuthorizer records a JWT authorizer.
func (d *deployer) addAuthorizer(id string, p map[string]any) (created, error) {
	typ, err := stringProp(p, "AuthorizerType")
	if err != nil {
		return created{}, err
	}
	if typ != "JWT" {
		return created{}, fmt.Errorf("AuthorizerType %q: only JWT authorizers are run locally", typ)
	}
	jwt, _ := p["JwtConfiguration"].(map[string]any)
	issuer, err := stringProp(jwt, "Issuer")
	if err != nil {
		return created{}, err
	}
	cfg := gateway.JWTConfig{Issuer: issuer}
	auds, _ := jwt["Audience"].([]any)
	for _, a := range auds {
		s, err := str(a)
		if err != nil {
			return created{}, fmt.Errorf("JwtConfiguration.Audience: %w", err)
		}
		cfg.Audience = append(cfg.Audience, s)
	}
	if sources, _ := p["IdentitySource"].([]any); len(sources) > 0 {
		src, _ := str(sources[0])
		name, ok := strings.CutPrefix(src, "$request.header.")
		if !ok {
			return created{}, fmt.Errorf("IdentitySource %q: only $request.header.* is run locally", src)
		}
		cfg.Header = name
	}
	ref := shortID(d.cfg.StackName + "/" + id)
	d.authorizers[ref] = cfg
	return created{ref: ref}, nil
}

// addRoute gives the route to the function its integration targets.
func (d *deployer) addRoute(p map[string]any) (created, error) {
	key, err := stringProp(p, "RouteKey")
	if err != nil {
		return created{}, err
	}
	route := gateway.Route{Path: "$default", Method: "ANY"}
	if key != "$default" {
		method, path, ok := strings.Cut(key, " ")
		if !ok {
			return created{}, fmt.Errorf("RouteKey %q is not METHOD /path or $default", key)
		}
		route.Method, route.Path = strings.ToUpper(method), path
	}
	authType, err := stringProp(p, "AuthorizationType")
	if err != nil {
		return created{}, err
	}
	switch authType {
	case "", gateway.AuthNone:
		route.Auth.Type = gateway.AuthNone
	case gateway.AuthIAM:
		route.Auth.Type = gateway.AuthIAM
	case gateway.AuthJWT:
		authorizerID, err := stringProp(p, "AuthorizerId")
		if err != nil {
			return created{}, err
		}
		cfg, ok := d.authorizers[authorizerID]
		if !ok {
			return created{}, fmt.Errorf("route %s: AuthorizerId %q names no JWT authorizer of this stack", key, authorizerID)
		}
		route.Auth = gateway.Authorization{Type: gateway.AuthJWT, JWT: cfg}
	default:
		return created{}, fmt.Errorf("route %s: AuthorizationType %q is not run locally", key, authType)
	}
	target, err := stringProp(p, "Target")
	if err != nil {
		return created{}, err
	}
	integ, ok := d.integrations[strings.TrimPrefix(target, "integrations/")]
	if !ok {
		return created{}, fmt.Errorf("route %s: Target %q names no integration of this stack", key, target)
	}
	for i := range d.out.Functions {
		if d.out.Functions[i].ARN == integ.functionARN {
			d.out.Functions[i].Routes = append(d.out.Functions[i].Routes, route)
			return created{ref: shortID(key)}, nil
		}
	}
	return created{}, fmt.Errorf("route %s: integration targets %s, which is not a function of this stack", key, integ.functionARN)
}

// shortID is a stable, API Gateway-like id (10 base-36 characters).
func shortID(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	id := strconv.FormatUint(h.Sum64(), 36)
	if len(id) > 10 {
		id = id[:10]
	}
	return id
}

package gateway

import (
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

// Authorization types of an HTTP API route, as AWS::ApiGatewayV2::Route
// spells them.
const (
	AuthNone = "NONE"
	AuthIAM  = "AWS_IAM"
	AuthJWT  = "JWT"
)

// Authorization is how a route authorizes requests before the function
// runs. The zero value is NONE.
type Authorization struct {
	// Type is AuthNone, AuthIAM or AuthJWT.
	Type string
	// JWT configures a JWT authorizer; only for AuthJWT.
	JWT JWTConfig
}

// authorize runs the route's authorizer. It returns the requestContext
// authorizer description for the event, or API Gateway's refusal.
func (g *Gateway) authorize(r *http.Request, body []byte, a Authorization) (*events.APIGatewayV2HTTPRequestContextAuthorizerDescription, *denial) {
	switch a.Type {
	case "", AuthNone:
		return nil, nil
	case AuthIAM:
		caller, d := verifySigV4(r, body, g.region, g.creds, g.clock.Now())
		if d != nil {
			return nil, d
		}
		return &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			IAM: &events.APIGatewayV2HTTPRequestContextAuthorizerIAMDescription{
				AccessKey: caller.accessKey, AccountID: g.account, CallerID: caller.accessKey,
				UserARN: "arn:aws:iam::" + g.account + ":user/" + caller.accessKey, UserID: caller.accessKey,
			},
		}, nil
	case AuthJWT:
		claims, scopes, d := g.keys.verifyJWT(r.Context(), r, a.JWT, g.clock.Now())
		if d != nil {
			return nil, d
		}
		return &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims, Scopes: scopes},
		}, nil
	}
	// A type the gateway does not know is refused rather than served open.
	return nil, &denial{status: http.StatusForbidden, message: msgForbidden}
}

// writeDenial answers as API Gateway does when an authorizer refuses.
func writeDenial(w http.ResponseWriter, d *denial) {
	for k, vs := range d.header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if d.errorType != "" {
		w.Header().Set("X-Amzn-Errortype", d.errorType)
	}
	b, _ := json.Marshal(map[string]string{"message": d.message})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(d.status)
	_, _ = w.Write(b)
}

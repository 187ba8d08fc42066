package templatecheck_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// TestEveryDocumentedRouteIsRouted reads api/openapi.yaml and checks that
// API Gateway routes each documented operation to the API function, plus
// $default for the 404 and 405 problems, and nothing else.
func TestEveryDocumentedRouteIsRouted(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(repoRoot, "api", "openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	want := []string{"$default"}
	for path, ops := range spec.Paths {
		for method := range ops {
			want = append(want, strings.ToUpper(method)+" "+path)
		}
	}
	tmpl := loadTemplate(t)
	var got []string
	for id, r := range tmpl["Resources"].(map[string]any) {
		if lookup(r, "Type") != "AWS::ApiGatewayV2::Route" {
			continue
		}
		p := lookup(r, "Properties").(map[string]any)
		got = append(got, p["RouteKey"].(string))
		if diff := cmp.Diff(ref("HttpApi"), p["ApiId"]); diff != "" {
			t.Errorf("route %s ApiId (-want +got):\n%s", id, diff)
		}
		if diff := cmp.Diff(map[string]any{"Fn::Sub": "integrations/${ApiIntegration}"}, p["Target"]); diff != "" {
			t.Errorf("route %s Target (-want +got):\n%s", id, diff)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("route keys (-documented +template):\n%s", diff)
	}
	integ := props(t, tmpl, "ApiIntegration", "AWS::ApiGatewayV2::Integration")
	if diff := cmp.Diff(getAtt("ApiFunction", "Arn"), integ["IntegrationUri"]); diff != "" {
		t.Errorf("integration target (-want +got):\n%s", diff)
	}
	if integ["PayloadFormatVersion"] != "2.0" || integ["IntegrationType"] != "AWS_PROXY" {
		t.Errorf("integration %v, want AWS_PROXY with payload format 2.0", integ)
	}
}

// TestRouteAuthorization: the order routes authorize with the AuthMode
// parameter, AWS_IAM unless told otherwise, and JWT through the
// authorizer built from JwtIssuer and JwtAudience; /healthz and $default
// are open.
func TestRouteAuthorization(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	mode := lookup(map[string]any(tmpl), "Parameters", "AuthMode")
	if lookup(mode, "Default") != "AWS_IAM" {
		t.Errorf("AuthMode default %v, want AWS_IAM", lookup(mode, "Default"))
	}
	if diff := cmp.Diff([]any{"AWS_IAM", "JWT", "NONE"}, lookup(mode, "AllowedValues")); diff != "" {
		t.Errorf("AuthMode AllowedValues (-want +got):\n%s", diff)
	}
	jwtOrNothing := map[string]any{"Fn::If": []any{"AuthIsJwt", ref("OrdersJwtAuthorizer"), ref("AWS::NoValue")}}
	for _, id := range []string{"PlaceOrderRoute", "OrderStatusRoute"} {
		p := props(t, tmpl, id, "AWS::ApiGatewayV2::Route")
		if diff := cmp.Diff(ref("AuthMode"), p["AuthorizationType"]); diff != "" {
			t.Errorf("%s AuthorizationType (-want +got):\n%s", id, diff)
		}
		if diff := cmp.Diff(jwtOrNothing, p["AuthorizerId"]); diff != "" {
			t.Errorf("%s AuthorizerId (-want +got):\n%s", id, diff)
		}
	}
	for _, id := range []string{"HealthRoute", "DefaultRoute"} {
		if got := props(t, tmpl, id, "AWS::ApiGatewayV2::Route")["AuthorizationType"]; got != "NONE" {
			t.Errorf("%s AuthorizationType %v, want NONE", id, got)
		}
	}
	jwt := props(t, tmpl, "OrdersJwtAuthorizer", "AWS::ApiGatewayV2::Authorizer")
	if diff := cmp.Diff(ref("JwtIssuer"), lookup(jwt, "JwtConfiguration", "Issuer")); diff != "" {
		t.Errorf("JWT issuer (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]any{ref("JwtAudience")}, lookup(jwt, "JwtConfiguration", "Audience")); diff != "" {
		t.Errorf("JWT audience (-want +got):\n%s", diff)
	}
}

// TestApiStageThrottlingAndLogs: the $default stage deploys itself,
// throttles and writes access logs.
func TestApiStageThrottlingAndLogs(t *testing.T) {
	t.Parallel()
	tmpl := loadTemplate(t)
	stage := props(t, tmpl, "HttpApiStage", "AWS::ApiGatewayV2::Stage")
	if stage["StageName"] != "$default" || stage["AutoDeploy"] != true {
		t.Errorf("stage %v %v, want $default with AutoDeploy", stage["StageName"], stage["AutoDeploy"])
	}
	for _, key := range []string{"ThrottlingBurstLimit", "ThrottlingRateLimit"} {
		if n := number(t, lookup(stage, "DefaultRouteSettings", key), key); n <= 0 {
			t.Errorf("%s = %d, want > 0", key, n)
		}
	}
	if diff := cmp.Diff(getAtt("ApiAccessLogGroup", "Arn"), lookup(stage, "AccessLogSettings", "DestinationArn")); diff != "" {
		t.Errorf("access log destination (-want +got):\n%s", diff)
	}
	props(t, tmpl, "ApiAccessLogGroup", "AWS::Logs::LogGroup")
}

package snslocal

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// platforms are the push notification services a platform application
// may name.
var platforms = []string{"ADM", "APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "BAIDU", "GCM", "MACOS", "MACOS_SANDBOX", "MPNS", "WNS"}

// platformApp is a mobile push application: credentials for one push
// service and the device endpoints registered with it. Guarded by
// Service.mu.
type platformApp struct {
	arn, name, platform string
	attrs               map[string]string
	endpoints           []string // ARNs, in creation order
}

// platformEndpoint is one device registered with an application. Its
// attributes are Token, Enabled and CustomUserData.
type platformEndpoint struct {
	arn, app string
	attrs    map[string]string
}

func (e *platformEndpoint) enabled() bool { return e.attrs["Enabled"] != "false" }

// Push is a mobile push notification the local SNS would have sent to a
// platform endpoint. Nothing is sent; SentPush lists them.
type Push struct {
	EndpointARN, MessageID, Message string
	// SubscriptionARN is the application subscription it went through;
	// empty for a direct publish.
	SubscriptionARN string
	At              time.Time
}

// SentPush returns the push notifications published so far, oldest first.
func (s *Service) SentPush() []Push { return s.outbox.pushed.all() }

func errNoApp() error      { return errorf(codeNotFound, "PlatformApplication does not exist") }
func errNoEndpoint() error { return errorf(codeNotFound, "Endpoint does not exist") }

type createPlatformApplicationResult struct {
	PlatformApplicationArn string `xml:"PlatformApplicationArn"`
}

// createPlatformApplicationAction registers a push application. Its
// credentials are stored, never checked against the push service.
func (s *Service) createPlatformApplicationAction(req *request) (any, error) {
	p := req.params
	name, platform := p["Name"], p["Platform"]
	if err := checkAppName(name); err != nil {
		return nil, err
	}
	if !slices.Contains(platforms, platform) {
		return nil, invalidParameter("Platform Reason: %s is not supported", platform)
	}
	attrs, err := appAttributes(p)
	if err != nil {
		return nil, err
	}
	// Credentials come in pairs, but for FCM (GCM), whose key is one
	// credential (LocalStack's test_create_platform_application_invalid_attributes,
	// recorded from AWS for ADM).
	_, principal := attrs["PlatformPrincipal"]
	_, credential := attrs["PlatformCredential"]
	switch {
	case principal && !credential:
		return nil, invalidParameter("Attributes Reason: PlatformPrincipal attribute provided without PlatformCredential")
	case credential && !principal && platform != "GCM":
		return nil, invalidParameter("Attributes Reason: PlatformCredential attribute provided without PlatformPrincipal")
	}
	arn := awsid.NewARN("sns", req.region, s.account, "app/"+platform+"/"+name).String()
	s.mu.Lock()
	defer s.mu.Unlock()
	if app, ok := s.apps[arn]; ok {
		maps.Copy(app.attrs, attrs)
		return createPlatformApplicationResult{PlatformApplicationArn: arn}, nil
	}
	s.apps[arn] = &platformApp{arn: arn, name: name, platform: platform, attrs: maps.Clone(attrs)}
	if s.apps[arn].attrs == nil {
		s.apps[arn].attrs = map[string]string{}
	}
	return createPlatformApplicationResult{PlatformApplicationArn: arn}, nil
}

// checkAppName refuses an application name as AWS does (LocalStack's
// test_create_platform_application_invalid_name, recorded from AWS).
func checkAppName(name string) error {
	switch {
	case name == "":
		return invalidParameter("%s Reason: cannot be empty", name)
	case len(name) > 256:
		return invalidParameter("%s Reason: must be at most 256 characters long", name)
	case strings.ContainsFunc(name, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')
	}):
		return invalidParameter("%s Reason: must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'", name)
	}
	return nil
}

// appAttributes reads a platform application's Attributes, which AWS
// requires: none is the model's validation error (LocalStack's
// test_create_platform_application_invalid_attributes, no-args, and
// test_set_platform_application_attributes_non_existing_app, recorded
// from AWS).
func appAttributes(p params) (map[string]string, error) {
	attrs, err := p.stringMap("Attributes")
	if err != nil {
		return nil, err
	}
	if len(attrs) == 0 {
		return nil, errorf(codeValidationError, "1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null")
	}
	return attrs, nil
}

// checkAppARN refuses a PlatformApplicationArn that is not an ARN, before
// anything else (LocalStack's
// test_get_platform_application_attributes_invalid_arn and
// test_set_platform_application_attributes_invalid_arn, recorded from AWS).
func checkAppARN(arn string) error {
	if n := strings.Count(arn, ":") + 1; n < 6 {
		return invalidParameter("PlatformApplicationArn Reason: An ARN must have at least 6 elements, not %d", n)
	}
	return nil
}

func (s *Service) getPlatformApplicationAttributesAction(req *request) (any, error) {
	if err := checkAppARN(req.params["PlatformApplicationArn"]); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	app, ok := s.apps[req.params["PlatformApplicationArn"]]
	if !ok {
		return nil, errNoApp()
	}
	return attributesResult{Attributes: sortedEntries(app.attrs)}, nil
}

func (s *Service) setPlatformApplicationAttributesAction(req *request) (any, error) {
	if err := checkAppARN(req.params["PlatformApplicationArn"]); err != nil {
		return nil, err
	}
	attrs, err := appAttributes(req.params)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.apps[req.params["PlatformApplicationArn"]]
	if !ok {
		return nil, errNoApp()
	}
	maps.Copy(app.attrs, attrs)
	return nil, nil
}

type listPlatformApplicationsResult struct {
	PlatformApplications []platformAppMember `xml:"PlatformApplications>member"`
	NextToken            string              `xml:"NextToken,omitempty"`
}

type platformAppMember struct {
	PlatformApplicationArn string  `xml:"PlatformApplicationArn"`
	Attributes             []entry `xml:"Attributes>entry"`
}

func (s *Service) listPlatformApplicationsAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	got, next := page(arnsIn(s.apps, req.region), req.params["NextToken"], 15)
	out := listPlatformApplicationsResult{PlatformApplications: []platformAppMember{}, NextToken: next}
	for _, arn := range got {
		out.PlatformApplications = append(out.PlatformApplications, platformAppMember{PlatformApplicationArn: arn, Attributes: sortedEntries(s.apps[arn].attrs)})
	}
	return out, nil
}

// deletePlatformApplicationAction removes an application and its
// endpoints; removing one that is not there succeeds.
func (s *Service) deletePlatformApplicationAction(req *request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if app, ok := s.apps[req.params["PlatformApplicationArn"]]; ok {
		for _, e := range app.endpoints {
			delete(s.endpoints, e)
		}
		delete(s.apps, app.arn)
	}
	return nil, nil
}

type createPlatformEndpointResult struct {
	EndpointArn string `xml:"EndpointArn"`
}

// createPlatformEndpointAction registers a device token with an
// application. It is idempotent: the same token with the same attributes
// answers the existing endpoint, with other attributes it is refused.
func (s *Service) createPlatformEndpointAction(req *request) (any, error) {
	p := req.params
	token := p["Token"]
	if token == "" {
		return nil, invalidParameter("Token Reason: must not be empty")
	}
	given, err := p.stringMap("Attributes")
	if err != nil {
		return nil, err
	}
	attrs := map[string]string{"Enabled": "true", "Token": token}
	if p.has("CustomUserData") {
		attrs["CustomUserData"] = p["CustomUserData"]
	}
	maps.Copy(attrs, given)
	s.mu.Lock()
	defer s.mu.Unlock()
	app, ok := s.apps[p["PlatformApplicationArn"]]
	if !ok {
		return nil, errNoApp()
	}
	for _, arn := range app.endpoints {
		if e := s.endpoints[arn]; e.attrs["Token"] == token {
			if !maps.Equal(e.attrs, attrs) {
				return nil, invalidParameter("Token Reason: Endpoint %s already exists with the same Token, but different attributes.", arn)
			}
			return createPlatformEndpointResult{EndpointArn: arn}, nil
		}
	}
	arn := strings.Replace(app.arn, ":app/", ":endpoint/", 1) + "/" + s.newID()
	s.endpoints[arn] = &platformEndpoint{arn: arn, app: app.arn, attrs: attrs}
	app.endpoints = append(app.endpoints, arn)
	return createPlatformEndpointResult{EndpointArn: arn}, nil
}

func (s *Service) getEndpointAttributesAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.endpoints[req.params["EndpointArn"]]
	if !ok {
		return nil, errNoEndpoint()
	}
	return attributesResult{Attributes: sortedEntries(e.attrs)}, nil
}

func (s *Service) setEndpointAttributesAction(req *request) (any, error) {
	attrs, err := req.params.stringMap("Attributes")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.endpoints[req.params["EndpointArn"]]
	if !ok {
		return nil, errNoEndpoint()
	}
	maps.Copy(e.attrs, attrs)
	return nil, nil
}

type listEndpointsResult struct {
	Endpoints []endpointMember `xml:"Endpoints>member"`
	NextToken string           `xml:"NextToken,omitempty"`
}

type endpointMember struct {
	EndpointArn string  `xml:"EndpointArn"`
	Attributes  []entry `xml:"Attributes>entry"`
}

func (s *Service) listEndpointsByPlatformApplicationAction(req *request) (any, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	app, ok := s.apps[req.params["PlatformApplicationArn"]]
	if !ok {
		return nil, errNoApp()
	}
	out := listEndpointsResult{Endpoints: []endpointMember{}}
	for _, arn := range app.endpoints {
		out.Endpoints = append(out.Endpoints, endpointMember{EndpointArn: arn, Attributes: sortedEntries(s.endpoints[arn].attrs)})
	}
	return out, nil
}

// deleteEndpointAction removes a device endpoint; removing one that is not
// there succeeds, as on AWS.
func (s *Service) deleteEndpointAction(req *request) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.endpoints[req.params["EndpointArn"]]; ok {
		delete(s.endpoints, e.arn)
		if app := s.apps[e.app]; app != nil {
			app.endpoints = slices.DeleteFunc(app.endpoints, func(a string) bool { return a == e.arn })
		}
	}
	return nil, nil
}

// isEndpointARN reports whether a TargetArn names a platform endpoint.
func isEndpointARN(arn string) bool {
	parts := strings.SplitN(arn, ":", 6)
	return len(parts) == 6 && parts[2] == "sns" && strings.HasPrefix(parts[5], "endpoint/")
}

// publishToEndpoint is Publish with a platform endpoint's TargetArn: a
// disabled endpoint is refused, as on AWS; an enabled one has the
// notification recorded, not sent.
func (s *Service) publishToEndpoint(req *request, arn string) (any, error) {
	s.mu.RLock()
	e, ok := s.endpoints[arn]
	enabled := ok && e.enabled()
	s.mu.RUnlock()
	switch {
	case !ok:
		// Not NotFound, unlike the endpoint actions (LocalStack's
		// test_publish_non_existent_target, recorded from AWS).
		return nil, invalidParameter("TargetArn Reason: No endpoint found for the target arn specified")
	case !enabled:
		return nil, errorf(codeEndpointDisabled, "Endpoint is disabled")
	}
	in := publishRequest{PublishInput: PublishInput{Message: req.params["Message"]}, structure: req.params["MessageStructure"]}
	if err := in.validate(); err != nil {
		return nil, err
	}
	id := s.newID()
	s.outbox.pushed.add(Push{EndpointARN: arn, MessageID: id, Message: in.Message, At: s.clock.Now()})
	s.logger.Info("sns push notification recorded, not sent", "messageId", id)
	return publishResult{MessageID: id}, nil
}

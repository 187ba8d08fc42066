package snslocal

import (
	"net/http"
)

// xmlns is the namespace of every SNS query response.
const xmlns = "http://sns.amazonaws.com/doc/2010-03-31/"

// apiVersion is the only Version the query API accepts.
const apiVersion = "2010-03-31"

// request is one decoded query request.
type request struct {
	http   *http.Request
	params params
	region string // the region the request was signed for
}

// action runs one operation and returns its result element (nil for
// operations whose response has no result).
type action func(s *Service, req *request) (any, error)

// actions maps each supported Action to its handler. Each Service builds
// its own, so that no package-level state exists.
func actions() map[string]action {
	return map[string]action{
		"CreateTopic":                        (*Service).createTopicAction,
		"DeleteTopic":                        (*Service).deleteTopicAction,
		"ListTopics":                         (*Service).listTopicsAction,
		"GetTopicAttributes":                 (*Service).getTopicAttributesAction,
		"SetTopicAttributes":                 (*Service).setTopicAttributesAction,
		"Subscribe":                          (*Service).subscribeAction,
		"Unsubscribe":                        (*Service).unsubscribeAction,
		"ListSubscriptions":                  (*Service).listSubscriptionsAction,
		"ListSubscriptionsByTopic":           (*Service).listSubscriptionsByTopicAction,
		"GetSubscriptionAttributes":          (*Service).getSubscriptionAttributesAction,
		"SetSubscriptionAttributes":          (*Service).setSubscriptionAttributesAction,
		"Publish":                            (*Service).publishAction,
		"PublishBatch":                       (*Service).publishBatchAction,
		"ListTagsForResource":                (*Service).listTagsForResourceAction,
		"PutDataProtectionPolicy":            (*Service).putDataProtectionPolicyAction,
		"GetDataProtectionPolicy":            (*Service).getDataProtectionPolicyAction,
		"TagResource":                        (*Service).tagResourceAction,
		"UntagResource":                      (*Service).untagResourceAction,
		"AddPermission":                      (*Service).addPermissionAction,
		"RemovePermission":                   (*Service).removePermissionAction,
		"ConfirmSubscription":                (*Service).confirmSubscriptionAction,
		"SetSMSAttributes":                   (*Service).setSMSAttributesAction,
		"GetSMSAttributes":                   (*Service).getSMSAttributesAction,
		"CheckIfPhoneNumberIsOptedOut":       (*Service).checkIfPhoneNumberIsOptedOutAction,
		"ListPhoneNumbersOptedOut":           (*Service).listPhoneNumbersOptedOutAction,
		"OptInPhoneNumber":                   (*Service).optInPhoneNumberAction,
		"CreatePlatformApplication":          (*Service).createPlatformApplicationAction,
		"GetPlatformApplicationAttributes":   (*Service).getPlatformApplicationAttributesAction,
		"SetPlatformApplicationAttributes":   (*Service).setPlatformApplicationAttributesAction,
		"ListPlatformApplications":           (*Service).listPlatformApplicationsAction,
		"DeletePlatformApplication":          (*Service).deletePlatformApplicationAction,
		"CreatePlatformEndpoint":             (*Service).createPlatformEndpointAction,
		"GetEndpointAttributes":              (*Service).getEndpointAttributesAction,
		"SetEndpointAttributes":              (*Service).setEndpointAttributesAction,
		"ListEndpointsByPlatformApplication": (*Service).listEndpointsByPlatformApplicationAction,
		"DeleteEndpoint":                     (*Service).deleteEndpointAction,
	}
}

// ServeHTTP answers one SNS query-protocol request (a form POST, or a GET
// such as a notification's UnsubscribeURL), and serves the signing
// certificate at CertPath.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	requestID := s.newID()
	if r.Method == http.MethodGet && r.URL.Path == CertPath {
		s.serveCert(w)
		return
	}
	p, err := readParams(r)
	if err != nil {
		writeError(w, requestID, err)
		return
	}
	name := p["Action"]
	if name == "" {
		writeError(w, requestID, errorf(codeMissingAction, "Action is required"))
		return
	}
	if v, ok := p["Version"]; ok && v != apiVersion {
		writeError(w, requestID, errorf(codeInvalidAction, "Version %q is not supported", v))
		return
	}
	act, ok := s.actions[name]
	if !ok {
		writeError(w, requestID, errorf(codeInvalidAction, "Action %s is not valid for this endpoint", name))
		return
	}
	result, err := act(s, &request{http: r, params: p, region: s.requestRegion(r)})
	if err != nil {
		writeError(w, requestID, err)
		return
	}
	writeResult(w, name, requestID, result)
}

// writeResult renders <NameResponse><NameResult>result</NameResult>
// <ResponseMetadata>...</ResponseMetadata></NameResponse>.
func writeResult(w http.ResponseWriter, name, requestID string, result any) {
	queryProtocol().WriteResult(w, name, requestID, result)
}

// entry is one key/value pair of an XML-encoded map.
type entry struct {
	Key   string `xml:"key"`
	Value string `xml:"value"`
}

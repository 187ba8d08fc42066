package awsendpoint

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Services are the emulators one endpoint serves.
type Services struct {
	StepFunctions http.Handler
	SQS           http.Handler
	SNS           http.Handler
	KMS           http.Handler
	// SNSCertPath is the path at which SNS serves its signing certificate
	// (the SigningCertURL of notifications), answered by SNS.
	SNSCertPath string
}

// maxQueryBody bounds how much of a form body the router reads to find the
// Action; the emulators apply their own, smaller, limits.
const maxQueryBody = 16 << 20

// Router is an http.Handler that sends each request to the emulator of the
// service it is addressed to.
type Router struct {
	s Services
}

// NewRouter returns a Router over s.
func NewRouter(s Services) *Router { return &Router{s: s} }

// ServeHTTP dispatches on, in order: the X-Amz-Target prefix (JSON
// protocols), the SigV4 credential scope's service name, the query
// protocol's Action, and finally a queue URL path (/{account}/{queue}).
func (rt *Router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := rt.byTarget(r.Header.Get("X-Amz-Target")); h != nil {
		h.ServeHTTP(w, r)
		return
	}
	if h := rt.byService(credentialService(r)); h != nil {
		h.ServeHTTP(w, r)
		return
	}
	action, err := queryAction(r)
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge", "request body too large")
		return
	}
	if action != "" {
		if h := rt.byAction(action); h != nil {
			h.ServeHTTP(w, r)
			return
		}
	}
	if isQueuePath(r.URL.Path) && rt.s.SQS != nil {
		rt.s.SQS.ServeHTTP(w, r)
		return
	}
	if rt.s.SNSCertPath != "" && r.URL.Path == rt.s.SNSCertPath && rt.s.SNS != nil {
		rt.s.SNS.ServeHTTP(w, r)
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == "/" {
		writeJSON(w, http.StatusOK, map[string]any{"services": rt.available()})
		return
	}
	writeError(w, http.StatusBadRequest, "UnknownServiceException",
		"the local endpoint serves Step Functions, SQS, SNS and KMS, and could not tell which one this request is for "+
			"(no known X-Amz-Target, SigV4 credential scope or Action)")
}

func (rt *Router) byTarget(target string) http.Handler {
	prefix, _, ok := strings.Cut(target, ".")
	if !ok {
		return nil
	}
	switch prefix {
	case "AWSStepFunctions":
		return rt.s.StepFunctions
	case "AmazonSQS":
		return rt.s.SQS
	case "TrentService":
		return rt.s.KMS
	case "AmazonSimpleNotificationService":
		return rt.s.SNS
	}
	return nil
}

func (rt *Router) byService(service string) http.Handler {
	switch service {
	case "states":
		return rt.s.StepFunctions
	case "sqs":
		return rt.s.SQS
	case "sns":
		return rt.s.SNS
	case "kms":
		return rt.s.KMS
	}
	return nil
}

func (rt *Router) byAction(action string) http.Handler {
	if isSQSAction(action) {
		return rt.s.SQS
	}
	if isSNSAction(action) {
		return rt.s.SNS
	}
	return nil
}

func (rt *Router) available() []string {
	out := []string{}
	for _, s := range []struct {
		name string
		h    http.Handler
	}{{"kms", rt.s.KMS}, {"sns", rt.s.SNS}, {"sqs", rt.s.SQS}, {"states", rt.s.StepFunctions}} {
		if s.h != nil {
			out = append(out, s.name)
		}
	}
	return out
}

// credentialService returns the service of the SigV4 credential scope,
// from the Authorization header or a presigned URL's X-Amz-Credential.
func credentialService(r *http.Request) string {
	cred := ""
	if auth := r.Header.Get("Authorization"); auth != "" {
		_, after, ok := strings.Cut(auth, "Credential=")
		if !ok {
			return ""
		}
		cred, _, _ = strings.Cut(after, ",")
	} else {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	// AKID/date/region/service/aws4_request
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) != 5 {
		return ""
	}
	return parts[3]
}

// queryAction finds the query protocol's Action in the URL or in a form
// body, leaving the body readable for the emulator.
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
		return "", errTooLarge
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	form, err := url.ParseQuery(string(b))
	if err != nil {
		return "", nil
	}
	return form.Get("Action"), nil
}

// isQueuePath reports whether p looks like a queue URL's path:
// /{12-digit account}/{name}.
func isQueuePath(p string) bool {
	account, name, ok := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if !ok || name == "" || strings.Contains(name, "/") || len(account) != 12 {
		return false
	}
	for _, c := range account {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]string{"__type": code, "message": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

package sqslocal

import (
	"net/http"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// xmlNamespace is the namespace of every query protocol answer.
const xmlNamespace = "http://queue.amazonaws.com/doc/2012-11-05/"

// formReader is implemented by action inputs that can be read from the
// query protocol's form parameters.
type formReader interface {
	fromForm(f form) *Error
}

// queryDecoder reads an action's input from query protocol parameters.
type queryDecoder struct{ f form }

func (d queryDecoder) decode(in any) *Error {
	r, ok := in.(formReader)
	if !ok {
		return newError(CodeInternalError, "The action cannot be read from the query protocol.")
	}
	return r.fromForm(d.f)
}

// serveQuery answers one query protocol request.
func (s *Service) serveQuery(w http.ResponseWriter, r *http.Request, c *call) {
	if err := r.ParseForm(); err != nil {
		writeQueryError(w, c, newError(CodeInvalidParameterValue, "The request parameters could not be read."))
		return
	}
	op := r.Form.Get("Action")
	if op == "" {
		writeQueryError(w, c, errMissing("Action"))
		return
	}
	if serviceActions[op] && c.queuePath() {
		// A queue's URL does not take the actions addressed to the
		// service itself (LocalStack's AWS-validated
		// test_get_create_queue_fails and test_get_list_queues_fails).
		writeQueryError(w, c, errNotHere(op))
		return
	}
	out, apiErr := s.dispatch(r.Context(), op, c, queryDecoder{f: form{awsproto.NewForm(r.Form)}})
	if apiErr != nil {
		writeQueryError(w, c, apiErr)
		return
	}
	if out == nil {
		writeQueryError(w, c, errNotHere(op))
		return
	}
	writeQueryResult(w, c, op, out)
}

// serviceActions are the query actions sent to the service's endpoint,
// never to a queue's URL. It is read-only.
var serviceActions = map[string]bool{"CreateQueue": true, "ListQueues": true}

func errNotHere(op string) *Error {
	return newError(CodeInvalidAction, "The action %s is not valid for this endpoint.", truncate(op, 100))
}

// queryProtocol is SQS's query protocol: XML in SQS's namespace, errors
// with an empty <Detail/> and the query names of their codes.
func queryProtocol() awsproto.Query {
	return awsproto.Query{Namespace: xmlNamespace, ErrorDetail: true, Code: queryCode}
}

// writeQueryResult wraps out in <{op}Response><{op}Result> as SQS does;
// actions without output carry only the ResponseMetadata.
func writeQueryResult(w http.ResponseWriter, c *call, op string, out any) {
	if _, empty := out.(*emptyOutput); empty {
		out = nil
	}
	queryProtocol().WriteResult(w, op, c.requestID, out)
}

// writeQueryError renders e as the query protocol's ErrorResponse. A
// missing queue is worded as the query protocol words it, which differs
// from the JSON protocol's (test_non_existent_queue in LocalStack's
// AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
func writeQueryError(w http.ResponseWriter, c *call, e *Error) {
	if e.Code == CodeQueueDoesNotExist && e.Message == errNoQueue().Message {
		q := *e
		q.Message = "The specified queue does not exist for this wsdl version."
		e = &q
	}
	queryProtocol().WriteError(w, c.requestID, e)
}

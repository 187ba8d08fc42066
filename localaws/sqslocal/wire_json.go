package sqslocal

import (
	"io"
	"net/http"
	"strings"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// jsonProtocol is SQS's AWS JSON 1.0: errors carry the
// com.amazonaws.sqs# type prefix and, being query-compatible, the
// x-amzn-query-error header SDKs use to recover the query protocol's code.
func jsonProtocol() awsproto.JSON {
	return awsproto.JSON{Version: "1.0", TypePrefix: "com.amazonaws.sqs#", TypeName: jsonTypeName, QueryCode: func(code string) string {
		if code == CodeSerialization {
			return ""
		}
		return queryCode(code)
	}}
}

// jsonTypeNames are the JSON error types AWS writes for the two common
// errors SQS's model does not declare; their x-amzn-query-error header
// still carries the plain code. botocore reports the type as
// QueryErrorCode: LocalStack's AWS recordings in
// tests/aws/services/sqs/test_sqs.snapshot.json show
// "InvalidParameterValueException" (test_send_receive_max_number_of_messages[sqs])
// and "MissingRequiredParameterException" (test_send_empty_message[sqs]).
var jsonTypeNames = map[string]string{
	CodeInvalidParameterValue: "InvalidParameterValueException",
	CodeMissingParameter:      "MissingRequiredParameterException",
}

// jsonTypeName returns the JSON protocol's __type name for a code.
func jsonTypeName(code string) string {
	if t, ok := jsonTypeNames[code]; ok {
		return t
	}
	return code
}

// jsonDecoder reads an action's input from an AWS JSON 1.0 body.
type jsonDecoder struct{ body []byte }

func (d jsonDecoder) decode(in any) *Error {
	if err := awsproto.DecodeJSON(d.body, in); err != nil {
		return asError(err)
	}
	return nil
}

// serveJSON answers one AWS JSON 1.0 request.
func (s *Service) serveJSON(w http.ResponseWriter, r *http.Request, c *call, target string) {
	p := jsonProtocol()
	op, ok := strings.CutPrefix(target, "AmazonSQS.")
	if !ok {
		p.WriteError(w, c.requestID, newError(CodeUnsupportedOperation, "The target %s is not an SQS operation.", truncate(target, 100)))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		p.WriteError(w, c.requestID, newError(CodeInvalidParameterValue, "The request body is too large or could not be read."))
		return
	}
	out, apiErr := s.dispatch(r.Context(), op, c, jsonDecoder{body: body})
	switch {
	case apiErr != nil:
		p.WriteError(w, c.requestID, apiErr)
	case out == nil:
		p.WriteError(w, c.requestID, newError(CodeUnsupportedOperation, "The operation %s is not supported.", truncate(op, 100)))
	default:
		p.WriteResult(w, c.requestID, out)
	}
}

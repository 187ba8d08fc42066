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
	return awsproto.JSON{Version: "1.0", TypePrefix: "com.amazonaws.sqs#", QueryCode: func(code string) string {
		if code == CodeSerialization {
			return ""
		}
		return queryCode(code)
	}}
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

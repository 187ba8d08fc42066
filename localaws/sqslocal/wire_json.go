package sqslocal

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// jsonDecoder reads an action's input from an AWS JSON 1.0 body.
type jsonDecoder struct{ body []byte }

func (d jsonDecoder) decode(in any) *Error {
	body := bytes.TrimSpace(d.body)
	if len(body) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, in); err != nil {
		return newError(CodeSerialization, "The request body could not be read as this action's input: %v", err)
	}
	return nil
}

// serveJSON answers one AWS JSON 1.0 request.
func (s *Service) serveJSON(w http.ResponseWriter, r *http.Request, c *call, target string) {
	op, ok := strings.CutPrefix(target, "AmazonSQS.")
	if !ok {
		writeJSONError(w, c, newError(CodeUnsupportedOperation, "The target %s is not an SQS operation.", truncate(target, 100)))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSONError(w, c, newError(CodeInvalidParameterValue, "The request body is too large or could not be read."))
		return
	}
	out, apiErr := s.dispatch(r.Context(), op, c, jsonDecoder{body: body})
	if apiErr != nil {
		writeJSONError(w, c, apiErr)
		return
	}
	if out == nil {
		writeJSONError(w, c, newError(CodeUnsupportedOperation, "The operation %s is not supported.", truncate(op, 100)))
		return
	}
	payload, err := json.Marshal(out)
	if err != nil {
		writeJSONError(w, c, asError(err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/x-amz-json-1.0")
	h.Set("x-amzn-RequestId", c.requestID)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(payload)
}

// writeJSONError renders e the way SQS's JSON protocol does, including the
// x-amzn-query-error header SDKs use to recover the query protocol's code.
func writeJSONError(w http.ResponseWriter, c *call, e *Error) {
	payload, _ := json.Marshal(struct {
		Type    string `json:"__type"`
		Message string `json:"message"`
	}{"com.amazonaws.sqs#" + e.Code, e.Message})
	h := w.Header()
	h.Set("Content-Type", "application/x-amz-json-1.0")
	h.Set("x-amzn-RequestId", c.requestID)
	if e.Code != CodeSerialization {
		h.Set("x-amzn-query-error", queryCode(e.Code)+";"+e.fault())
	}
	w.WriteHeader(e.status())
	_, _ = w.Write(payload)
}

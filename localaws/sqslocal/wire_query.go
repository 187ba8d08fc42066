package sqslocal

import (
	"encoding/xml"
	"net/http"
	"reflect"
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
	out, apiErr := s.dispatch(r.Context(), op, c, queryDecoder{f: form{v: r.Form}})
	if apiErr != nil {
		writeQueryError(w, c, apiErr)
		return
	}
	if out == nil {
		writeQueryError(w, c, newError(CodeInvalidAction, "The action %s is not valid for this endpoint.", truncate(op, 100)))
		return
	}
	writeQueryResult(w, c, op, out)
}

// writeQueryResult wraps out in <{op}Response><{op}Result> as SQS does;
// actions without output carry only the ResponseMetadata.
func writeQueryResult(w http.ResponseWriter, c *call, op string, out any) {
	h := w.Header()
	h.Set("Content-Type", "text/xml")
	h.Set("x-amzn-RequestId", c.requestID)
	w.WriteHeader(http.StatusOK)
	enc := xml.NewEncoder(w)
	start := xml.StartElement{
		Name: xml.Name{Local: op + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: xmlNamespace}},
	}
	_, _ = w.Write([]byte(xml.Header))
	_ = enc.EncodeToken(start)
	if _, empty := out.(*emptyOutput); !empty && !reflect.ValueOf(out).IsNil() {
		_ = enc.EncodeElement(out, xml.StartElement{Name: xml.Name{Local: op + "Result"}})
	}
	_ = enc.EncodeElement(responseMetadata{RequestID: c.requestID}, xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}})
	_ = enc.EncodeToken(start.End())
	_ = enc.Flush()
}

type responseMetadata struct {
	RequestID string `xml:"RequestId"`
}

// writeQueryError renders e as the query protocol's ErrorResponse.
func writeQueryError(w http.ResponseWriter, c *call, e *Error) {
	type errorBody struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
		Detail  string `xml:"Detail"`
	}
	payload := struct {
		XMLName   xml.Name  `xml:"ErrorResponse"`
		Xmlns     string    `xml:"xmlns,attr"`
		Error     errorBody `xml:"Error"`
		RequestID string    `xml:"RequestId"`
	}{Xmlns: xmlNamespace, Error: errorBody{Type: e.fault(), Code: queryCode(e.Code), Message: e.Message}, RequestID: c.requestID}
	h := w.Header()
	h.Set("Content-Type", "text/xml")
	h.Set("x-amzn-RequestId", c.requestID)
	w.WriteHeader(e.status())
	_, _ = w.Write([]byte(xml.Header))
	_ = xml.NewEncoder(w).Encode(payload)
}

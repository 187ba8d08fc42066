package awsproto

import (
	"encoding/xml"
	"net/http"
	"reflect"
)

// Query describes one service's query protocol: form-encoded requests with
// an Action, answered in XML.
type Query struct {
	// Namespace is the xmlns of every answer, such as
	// "http://queue.amazonaws.com/doc/2012-11-05/".
	Namespace string
	// ErrorDetail writes the empty <Detail/> element SQS puts in its
	// errors; SNS writes none.
	ErrorDetail bool
	// Code, when set, returns the query protocol's name for an error code
	// where it differs from the service's (SQS's
	// "AWS.SimpleQueueService.NonExistentQueue").
	Code func(code string) string
}

// WriteResult answers <{action}Response><{action}Result>result</…>
// <ResponseMetadata><RequestId/></ResponseMetadata></…>; a nil result
// (or nil pointer) writes only the metadata, as actions without output do.
func (p Query) WriteResult(w http.ResponseWriter, action, requestID string, result any) {
	p.header(w, requestID, http.StatusOK)
	enc := xml.NewEncoder(w)
	root := xml.StartElement{
		Name: xml.Name{Local: action + "Response"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns"}, Value: p.Namespace}},
	}
	_ = enc.EncodeToken(root)
	if !isNil(result) {
		_ = enc.EncodeElement(result, xml.StartElement{Name: xml.Name{Local: action + "Result"}})
	}
	_ = enc.EncodeElement(struct {
		RequestID string `xml:"RequestId"`
	}{requestID}, xml.StartElement{Name: xml.Name{Local: "ResponseMetadata"}})
	_ = enc.EncodeToken(root.End())
	_ = enc.Flush() // the client has gone if this fails; nothing to do
}

// WriteError answers e as <ErrorResponse><Error><Type/><Code/><Message/>
// </Error><RequestId/></ErrorResponse> with its status.
func (p Query) WriteError(w http.ResponseWriter, requestID string, e *Error) {
	code := e.Code
	if p.Code != nil {
		code = p.Code(code)
	}
	type errorBody struct {
		Type    string  `xml:"Type"`
		Code    string  `xml:"Code"`
		Message string  `xml:"Message"`
		Detail  *string `xml:"Detail"`
	}
	body := errorBody{Type: e.Fault.String(), Code: code, Message: e.Message}
	if p.ErrorDetail {
		body.Detail = new(string)
	}
	p.header(w, requestID, e.HTTPStatus())
	_ = xml.NewEncoder(w).Encode(struct {
		XMLName   xml.Name  `xml:"ErrorResponse"`
		Xmlns     string    `xml:"xmlns,attr"`
		Error     errorBody `xml:"Error"`
		RequestID string    `xml:"RequestId"`
	}{Xmlns: p.Namespace, Error: body, RequestID: requestID})
}

func (p Query) header(w http.ResponseWriter, requestID string, status int) {
	h := w.Header()
	h.Set("Content-Type", "text/xml")
	if requestID != "" {
		h.Set("X-Amzn-RequestId", requestID)
	}
	w.WriteHeader(status)
	_, _ = w.Write([]byte(xml.Header))
}

func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

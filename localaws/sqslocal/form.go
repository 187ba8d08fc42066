package sqslocal

import (
	"encoding/base64"

	"github.com/payflow-dev/payflow/localaws/awsproto"
)

// form reads query protocol parameters, optionally below a prefix such as
// "SendMessageBatchRequestEntry.3.": the shared awsproto.Form, with the
// errors SQS answers for what it cannot read.
type form struct{ awsproto.Form }

func (f form) str(name string) string     { return f.Get(name) }
func (f form) strPtr(name string) *string { return f.Ptr(name) }

// intPtr returns the integer parameter, or nil when it is absent.
func (f form) intPtr(name string) (*int, *Error) {
	n, err := f.Int(name)
	if err != nil {
		return nil, errInvalidParam(name, truncate(f.Get(name), 50), "Must be an integer.")
	}
	return n, nil
}

// list reads name.1, name.2, ...; nil when there are none.
func (f form) list(name string) []string {
	if l := f.List(name); len(l) > 0 {
		return l
	}
	return nil
}

// pairs reads a map sent as name.N.{key}, name.N.{value}.
func (f form) pairs(name, key, value string) map[string]string { return f.Map(name, key, value) }

// entries returns one sub-form per numbered entry name.N. It stops one
// past the batch limit: that is enough to reject the request, and it keeps
// hostile requests from making every entry re-scan a huge form.
func (f form) entries(name string) []form {
	var out []form
	for _, e := range f.Entries(name, maxBatchEntries+1) {
		out = append(out, form{e})
	}
	return out
}

// batchEntries returns a batch request's entries name.N, refusing more
// than a batch may carry with the number actually sent, as AWS counts
// them in the query protocol too (test_too_many_entries_in_batch_request
// in LocalStack's AWS-recorded tests/aws/services/sqs/test_sqs.snapshot.json).
func (f form) batchEntries(name string) ([]form, *Error) {
	if n := len(f.Indices(name)); n > maxBatchEntries {
		return nil, errTooManyEntries(n)
	}
	return f.entries(name), nil
}

// messageAttributes reads name.N.Name and name.N.Value.{DataType,
// StringValue, BinaryValue}.
func (f form) messageAttributes(name string) (map[string]MessageAttribute, *Error) {
	es := f.entries(name)
	if len(es) == 0 {
		return nil, nil
	}
	out := make(map[string]MessageAttribute, len(es))
	for _, e := range es {
		a := MessageAttribute{DataType: e.str("Value.DataType"), StringValue: e.str("Value.StringValue")}
		if raw := e.str("Value.BinaryValue"); raw != "" {
			b, err := base64.StdEncoding.DecodeString(raw)
			if err != nil {
				return nil, errInvalidParam("BinaryValue", "(binary)", "Binary values must be base64-encoded.")
			}
			a.BinaryValue = b
		}
		out[e.str("Name")] = a
	}
	return out, nil
}

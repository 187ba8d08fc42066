package sqslocal

import (
	"encoding/base64"
	"sort"
	"strconv"
	"strings"
)

// maxFormItems bounds how many numbered items one list or map parameter
// may hold, so hostile requests cannot make the decoder work unboundedly.
const maxFormItems = 256

// form reads query protocol parameters, optionally below a prefix such as
// "SendMessageBatchRequestEntry.3.".
type form struct {
	v      map[string][]string
	prefix string
}

func (f form) str(name string) string {
	if vs := f.v[f.prefix+name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

func (f form) has(name string) bool {
	_, ok := f.v[f.prefix+name]
	return ok
}

// strPtr returns the parameter, or nil when it is absent.
func (f form) strPtr(name string) *string {
	if !f.has(name) {
		return nil
	}
	s := f.str(name)
	return &s
}

// intPtr returns the integer parameter, or nil when it is absent.
func (f form) intPtr(name string) (*int, *Error) {
	if !f.has(name) {
		return nil, nil
	}
	raw := f.str(name)
	n, err := strconv.Atoi(strings.TrimSpace(raw))
	if err != nil {
		return nil, errInvalidParam(name, truncate(raw, 50), "Must be an integer.")
	}
	return &n, nil
}

// indices lists, in order, the N of every parameter named name.N or
// name.N.something.
func (f form) indices(name string) []int {
	prefix := f.prefix + name + "."
	seen := map[int]bool{}
	for key := range f.v {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || len(seen) >= maxFormItems {
			continue
		}
		seen[n] = true
	}
	out := make([]int, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// list reads name.1, name.2, ...
func (f form) list(name string) []string {
	var out []string
	for _, n := range f.indices(name) {
		out = append(out, f.str(name+"."+strconv.Itoa(n)))
	}
	return out
}

// pairs reads a map sent as name.N.{key}, name.N.{value}.
func (f form) pairs(name, key, value string) map[string]string {
	ns := f.indices(name)
	if len(ns) == 0 {
		return nil
	}
	out := make(map[string]string, len(ns))
	for _, n := range ns {
		p := name + "." + strconv.Itoa(n) + "."
		out[f.str(p+key)] = f.str(p + value)
	}
	return out
}

// entries returns one sub-form per numbered entry name.N. It stops one
// past the batch limit: that is enough to reject the request, and it keeps
// hostile requests from making every entry re-scan a huge form.
func (f form) entries(name string) []form {
	var out []form
	ns := f.indices(name)
	if len(ns) > maxBatchEntries+1 {
		ns = ns[:maxBatchEntries+1]
	}
	for _, n := range ns {
		out = append(out, form{v: f.v, prefix: f.prefix + name + "." + strconv.Itoa(n) + "."})
	}
	return out
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

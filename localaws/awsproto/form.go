package awsproto

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// MaxFormItems bounds how many numbered items one list or map parameter
// yields, so a hostile request cannot make a decoder work unboundedly.
const MaxFormItems = 256

// ErrBodyTooLarge is the cause of a ReadForm or ReadBody error when the body
// is over the caller's limit.
var ErrBodyTooLarge = errors.New("request body too large")

// Form is the parameters of one query-protocol request, optionally below a
// prefix such as "SendMessageBatchRequestEntry.3.", so that a numbered entry
// reads like a request of its own.
type Form struct {
	values url.Values
	prefix string
}

// NewForm returns a Form over values.
func NewForm(values url.Values) Form { return Form{values: values} }

// ReadForm reads a query request's parameters: the URL's query merged with
// a form-encoded body (which wins) of at most limit bytes. A GET has no
// body. The error wraps ErrBodyTooLarge when the body is over limit.
func ReadForm(r *http.Request, limit int64) (Form, error) {
	values := r.URL.Query()
	if r.Body == nil || r.Method == http.MethodGet {
		return NewForm(values), nil
	}
	body, err := readLimited(r.Body, limit)
	if err != nil {
		return Form{}, err
	}
	posted, err := url.ParseQuery(string(body))
	if err != nil {
		return Form{}, fmt.Errorf("parse form body: %w", err)
	}
	for k, v := range posted {
		values[k] = v
	}
	return NewForm(values), nil
}

// ReadBody reads a request body of at most limit bytes. The error wraps
// ErrBodyTooLarge when the body is over limit.
func ReadBody(r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	return readLimited(r.Body, limit)
}

func readLimited(body io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(body, limit+1))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, fmt.Errorf("read body: %w (limit %d bytes)", ErrBodyTooLarge, tooBig.Limit)
	}
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("read body: %w (limit %d bytes)", ErrBodyTooLarge, limit)
	}
	return b, nil
}

// Get returns the parameter's first value, or "" when it is absent.
func (f Form) Get(name string) string {
	if vs := f.values[f.prefix+name]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// Has reports whether the parameter was sent at all, even empty.
func (f Form) Has(name string) bool {
	_, ok := f.values[f.prefix+name]
	return ok
}

// Ptr returns the parameter, or nil when it is absent.
func (f Form) Ptr(name string) *string {
	if !f.Has(name) {
		return nil
	}
	s := f.Get(name)
	return &s
}

// Int returns the integer parameter, or nil when it is absent. The error
// is the strconv error of a value that is not an integer.
func (f Form) Int(name string) (*int, error) {
	if !f.Has(name) {
		return nil, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(f.Get(name)))
	if err != nil {
		return nil, fmt.Errorf("parameter %s: %w", name, err)
	}
	return &n, nil
}

// Indices lists, in order, the N of every parameter named name.N or
// name.N.something, ignoring indexes that are not positive integers and
// keeping at most MaxFormItems.
func (f Form) Indices(name string) []int {
	prefix := f.prefix + name + "."
	seen := map[int]bool{}
	for key := range f.values {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || len(seen) >= MaxFormItems {
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

// BadIndex returns the first parameter (in sorted order) below name. whose
// index is not an integer from 1 to max, for services that refuse such
// requests rather than ignore the parameter.
func (f Form) BadIndex(name string, max int) (key string, bad bool) {
	prefix := f.prefix + name + "."
	var bads []string
	for k := range f.values {
		rest, ok := strings.CutPrefix(k, prefix)
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(num); err != nil || n < 1 || n > max {
			bads = append(bads, strings.TrimPrefix(k, f.prefix))
		}
	}
	if len(bads) == 0 {
		return "", false
	}
	sort.Strings(bads)
	return bads[0], true
}

// List reads name.1, name.2, … in index order.
func (f Form) List(name string) []string {
	ns := f.Indices(name)
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		out = append(out, f.Get(name+"."+strconv.Itoa(n)))
	}
	return out
}

// Entries returns one sub-form per numbered entry name.N, in index order,
// at most limit of them (limit <= 0 means MaxFormItems). Stopping one past a
// service's limit is enough to refuse the request and keeps a huge form
// from being scanned once per entry.
func (f Form) Entries(name string, limit int) []Form {
	ns := f.Indices(name)
	if limit > 0 && len(ns) > limit {
		ns = ns[:limit]
	}
	out := make([]Form, 0, len(ns))
	for _, n := range ns {
		out = append(out, f.Sub(name+"."+strconv.Itoa(n)))
	}
	return out
}

// Sub returns the form below name. ("Attributes.entry.2" reads
// "Attributes.entry.2.key" as "key").
func (f Form) Sub(name string) Form {
	return Form{values: f.values, prefix: f.prefix + name + "."}
}

// Map reads a map sent as name.N.{key} and name.N.{value}, nil when there
// are no entries. Later entries win over earlier ones with the same key.
func (f Form) Map(name, key, value string) map[string]string {
	es := f.Entries(name, 0)
	if len(es) == 0 {
		return nil
	}
	out := make(map[string]string, len(es))
	for _, e := range es {
		out[e.Get(key)] = e.Get(value)
	}
	return out
}

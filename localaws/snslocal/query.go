package snslocal

import (
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// maxRequestBytes bounds a query request body: a 256 KiB message, its
// attributes and the form encoding's expansion fit well within it.
const maxRequestBytes = 2 << 20

// maxMembers bounds the index of a list or map member (Foo.member.N,
// Foo.entry.N), so a hostile index cannot make the decoder allocate.
const maxMembers = 100

// params are the decoded parameters of one query request, or the members of
// one list or map entry within it (with their prefix removed).
type params map[string]string

// readParams merges the URL query and a form-encoded body.
func readParams(r *http.Request) (params, error) {
	p := params{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	if r.Body == nil || r.Method == http.MethodGet {
		return p, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	if err != nil {
		return nil, errorf(codeInvalidParameter, "could not read the request body")
	}
	if len(body) > maxRequestBytes {
		return nil, errorf(codeRequestEntityTooBig, "request body is larger than %d bytes", maxRequestBytes)
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, errorf(codeInvalidParameter, "malformed form body")
	}
	for k, v := range form {
		p[k] = v[0]
	}
	return p, nil
}

// members returns the numbered members under prefix ("Tags.member",
// "Attributes.entry") in index order, each with its keys relative to the
// member ("Key", "Value.DataType"). Indexes must be 1..maxMembers.
func (p params) members(prefix string) ([]params, error) {
	byIndex := map[int]params{}
	for k, v := range p {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		idx, field, ok := strings.Cut(rest, ".")
		if !ok || field == "" {
			return nil, invalidParameter("%s", k)
		}
		n, err := strconv.Atoi(idx)
		if err != nil || n < 1 || n > maxMembers {
			return nil, invalidParameter("%s", k)
		}
		m := byIndex[n]
		if m == nil {
			m = params{}
			byIndex[n] = m
		}
		m[field] = v
	}
	idxs := make([]int, 0, len(byIndex))
	for n := range byIndex {
		idxs = append(idxs, n)
	}
	sort.Ints(idxs)
	out := make([]params, 0, len(idxs))
	for _, n := range idxs {
		out = append(out, byIndex[n])
	}
	return out, nil
}

// list decodes a list of scalars such as TagKeys.member.N, in index order.
func (p params) list(prefix string) ([]string, error) {
	byIndex := map[int]string{}
	for k, v := range p {
		idx, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(idx)
		if err != nil || n < 1 || n > maxMembers {
			return nil, invalidParameter("%s", k)
		}
		byIndex[n] = v
	}
	idxs := make([]int, 0, len(byIndex))
	for n := range byIndex {
		idxs = append(idxs, n)
	}
	sort.Ints(idxs)
	out := make([]string, 0, len(idxs))
	for _, n := range idxs {
		out = append(out, byIndex[n])
	}
	return out, nil
}

// stringMap decodes a map member such as Attributes.entry.N.key/value.
func (p params) stringMap(name string) (map[string]string, error) {
	entries, err := p.members(name + ".entry")
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(entries))
	for _, e := range entries {
		k, ok := e["key"]
		if !ok || k == "" {
			return nil, invalidParameter("%s: missing key", name)
		}
		out[k] = e["value"]
	}
	return out, nil
}

// has reports whether a parameter was sent at all, even empty.
func (p params) has(name string) bool {
	_, ok := p[name]
	return ok
}

package jsonpath

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNoMatch is wrapped by the errors Get returns when a reference path
// names a member or index the document does not have.
var ErrNoMatch = errors.New("jsonpath: no match")

// Path is a compiled JSONPath. It is immutable and safe for concurrent use.
type Path struct {
	src      string
	segs     []segment
	definite bool
}

// Compile parses a JSONPath such as "$.order.items[0]" or
// "$..book[?(@.price < 10)]". It never panics, whatever the input.
func Compile(path string) (*Path, error) {
	p := &parser{src: path}
	segs, err := p.parseRoot()
	if err != nil {
		return nil, fmt.Errorf("invalid JSONPath %q: %w", path, err)
	}
	return &Path{src: path, segs: segs, definite: allDefinite(segs)}, nil
}

// String returns the path as it was written.
func (p *Path) String() string { return p.src }

// IsDefinite reports whether p is a reference path: one that uses only member
// names and single indexes and so designates at most one node.
func (p *Path) IsDefinite() bool { return p.definite }

// Get evaluates p over doc. A reference path yields the single value it names,
// or an error wrapping ErrNoMatch when that value does not exist. Any other
// path yields a []any of every match, empty when nothing matches.
func (p *Path) Get(doc any) (any, error) {
	if p.definite {
		return p.getDefinite(doc)
	}
	nodes := []any{doc}
	for i := range p.segs {
		nodes = p.segs[i].apply(nodes, doc)
		if len(nodes) == 0 {
			break
		}
	}
	if nodes == nil {
		nodes = []any{}
	}
	return nodes, nil
}

// getDefinite evaluates a reference path.
func (p *Path) getDefinite(doc any) (any, error) {
	v, failed := lookup(p.segs, doc)
	if failed >= 0 {
		return nil, p.noMatch(&p.segs[failed])
	}
	return v, nil
}

// lookup walks reference-path segments without allocating. It returns the
// value found, or the index of the first segment that matched nothing.
func lookup(segs []segment, doc any) (any, int) {
	cur := doc
	for i := range segs {
		s := &segs[i]
		switch s.kind {
		case segName:
			m, ok := cur.(map[string]any)
			if !ok {
				return nil, i
			}
			if cur, ok = m[s.names[0]]; !ok {
				return nil, i
			}
		case segIndex:
			a, ok := cur.([]any)
			if !ok {
				return nil, i
			}
			idx, ok := resolveIndex(s.indexes[0], len(a))
			if !ok {
				return nil, i
			}
			cur = a[idx]
		}
	}
	return cur, -1
}

func (p *Path) noMatch(s *segment) error {
	return fmt.Errorf("%w: path %q has no %s", ErrNoMatch, p.src, s.describe())
}

// resolveIndex turns a possibly negative index into an offset into an array
// of length n.
func resolveIndex(i, n int) (int, bool) {
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, false
	}
	return i, true
}

func allDefinite(segs []segment) bool {
	for i := range segs {
		if !segs[i].definite() {
			return false
		}
	}
	return true
}

// Normalized renders a reference path the way Step Functions' JSONPath
// library names it in its "No results for path" causes: $['a']['b'][0].
// Any other path is returned as written.
func (p *Path) Normalized() string {
	if !p.definite {
		return p.src
	}
	var b strings.Builder
	b.WriteByte('$')
	for i := range p.segs {
		s := &p.segs[i]
		if s.kind == segName {
			b.WriteString("['" + s.names[0] + "']")
		} else {
			b.WriteString("[" + strconv.Itoa(s.indexes[0]) + "]")
		}
	}
	return b.String()
}

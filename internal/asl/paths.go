package asl

import (
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/internal/asl/jsonpath"
)

// path is a JSONPath compiled when the definition is parsed. A path that
// starts with "$$" reads the context object instead of the state's input.
type path struct {
	src     string
	context bool
	whole   bool // "$" or "$$": the document itself, no lookup needed
	p       *jsonpath.Path
}

// compilePath compiles a Path field. reference demands a reference path
// (ResultPath, and paths whose value must be a single node).
func compilePath(src string, reference bool) (*path, error) {
	if !strings.HasPrefix(src, "$") {
		return nil, fmt.Errorf("the value %q is not a valid JSONPath", src)
	}
	out := &path{src: src}
	expr := src
	if strings.HasPrefix(src, "$$") {
		out.context = true
		expr = src[1:]
	}
	if expr == "$" {
		out.whole = true
		return out, nil
	}
	p, err := jsonpath.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("the value %q is not a valid JSONPath", src)
	}
	if reference && !p.IsDefinite() {
		return nil, fmt.Errorf("the value %q is not a valid reference path", src)
	}
	out.p = p
	return out, nil
}

// get evaluates the path; the error wraps jsonpath.ErrNoMatch when the
// input lacks the node.
func (p *path) get(in any, c *evalCtx) (any, error) {
	doc := in
	if p.context {
		doc = c.object()
	}
	if p.whole {
		return doc, nil
	}
	return p.p.Get(doc)
}

// setter is implemented by jsonpath paths that can set a value without
// being compiled again.
type setter interface {
	Set(doc, value any) (any, error)
}

// set places value into doc at the path, copying what it changes.
func (p *path) set(doc, value any) (any, error) {
	if p.whole {
		return value, nil
	}
	if s, ok := any(p.p).(setter); ok {
		return s.Set(doc, value)
	}
	return jsonpath.Set(doc, p.src, value)
}

// isNoMatch reports whether err says the path matched nothing.
func isNoMatch(err error) bool { return errors.Is(err, jsonpath.ErrNoMatch) }

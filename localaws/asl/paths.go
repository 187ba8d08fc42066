package asl

import (
	"errors"
	"fmt"
	"strings"

	"github.com/payflow-dev/payflow/localaws/asl/jsonpath"
)

// path is a JSONPath compiled when the definition is parsed. A path that
// starts with "$$" reads the context object instead of the state's input.
type path struct {
	src     string
	context bool
	// ctxHead names the context object member a "$$.Head..." path starts
	// with, so evaluation builds only that member; the rest of the path
	// (p, or whole) applies to it.
	ctxHead string
	whole   bool // the document itself, no lookup needed
	p       *jsonpath.Path
	// variable names the workflow variable a "$name..." path reads; the
	// rest of the path (p, or whole) applies to its value.
	variable string
}

// compilePath compiles a Path field. reference demands a reference path
// (ResultPath, and paths whose value must be a single node).
func compilePath(src string, reference bool) (*path, error) {
	if !strings.HasPrefix(src, "$") {
		return nil, fmt.Errorf("the value %q is not a valid JSONPath", src)
	}
	out := &path{src: src}
	expr := src
	if name, rest, ok := variableHead(src); ok {
		out.variable, expr = name, rest
	} else if strings.HasPrefix(src, "$$") {
		out.context = true
		expr = src[1:]
		if head, rest, ok := contextHead(expr); ok {
			out.ctxHead, expr = head, rest
		}
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
	switch {
	case p.variable != "":
		v, ok := c.vars.lookup(p.variable)
		if !ok {
			return nil, fmt.Errorf("%w: the variable '%s' is not defined", jsonpath.ErrNoMatch, p.variable)
		}
		doc = v.json
	case p.ctxHead != "":
		part, ok := c.part(p.ctxHead)
		if !ok {
			return nil, fmt.Errorf("%w: the context object has no %s", jsonpath.ErrNoMatch, p.ctxHead)
		}
		doc = part
	case p.context:
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
	if p.variable != "" {
		return nil, fmt.Errorf("a ResultPath cannot name a variable")
	}
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

// contextHead splits "$.Execution.Name" into "Execution" and "$.Name".
func contextHead(expr string) (head, rest string, ok bool) {
	if !strings.HasPrefix(expr, "$.") {
		return "", "", false
	}
	i := 2
	for i < len(expr) && expr[i] != '.' && expr[i] != '[' {
		c := expr[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return "", "", false
		}
		i++
	}
	if i == 2 {
		return "", "", false
	}
	return expr[2:i], "$" + expr[i:], true
}

// noResults is the cause Step Functions gives when a path matches nothing
// in the input: "Invalid path '$.a' : No results for path: $['a']".
func (p *path) noResults() string {
	norm := p.src
	if p.p != nil && !p.context && p.variable == "" {
		norm = p.p.Normalized()
	}
	return fmt.Sprintf("Invalid path '%s' : No results for path: %s", p.src, norm)
}

// variableHead splits "$order.items[0]" into the variable "order" and the
// path "$.items[0]" into its value.
func variableHead(src string) (name, rest string, ok bool) {
	if len(src) < 2 || src[0] != '$' || src[1] == '.' || src[1] == '[' || src[1] == '$' {
		return "", "", false
	}
	i := 1
	for i < len(src) && src[i] != '.' && src[i] != '[' {
		i++
	}
	if !validVarName(src[1:i]) {
		return "", "", false
	}
	return src[1:i], "$" + src[i:], true
}

package jsonpath

import (
	"fmt"

	"github.com/payflow-dev/payflow/localaws/asl/jsonvalue"
)

// Set returns doc with value placed at path, following ResultPath rules:
// "$" (or "$$") replaces the whole document; "$.a.b" sets member b of
// member a, creating missing objects on the way. Only reference paths are
// allowed, an index must already exist, and a path that runs into a value
// that is not an object (or not an array, for an index) is an error.
//
// doc itself is never modified: every object and array along the path is
// copied, and the rest of the document is shared with the result.
func Set(doc any, path string, value any) (any, error) {
	p, err := Compile(path)
	if err != nil {
		return nil, err
	}
	return p.Set(doc, value)
}

// Set is the compiled form of the package-level Set, for callers that
// compile ResultPath once when parsing a definition.
func (p *Path) Set(doc any, value any) (any, error) {
	if !p.definite {
		return nil, fmt.Errorf("path %q is not a reference path", p.src)
	}
	return p.setAt(doc, 0, value)
}

func (p *Path) setAt(node any, i int, value any) (any, error) {
	if i == len(p.segs) {
		return value, nil
	}
	s := &p.segs[i]
	switch s.kind {
	case segName:
		m, ok := node.(map[string]any)
		if !ok {
			return nil, p.setError(i, "an object", node)
		}
		name := s.names[0]
		child, exists := m[name]
		if !exists {
			if i+1 < len(p.segs) && p.segs[i+1].kind != segName {
				return nil, fmt.Errorf("cannot set %q: member %q does not exist", p.src, name)
			}
			child = map[string]any{}
		}
		v, err := p.setAt(child, i+1, value)
		if err != nil {
			return nil, err
		}
		out := make(map[string]any, len(m)+1)
		for k, x := range m {
			out[k] = x
		}
		out[name] = v
		return out, nil
	default: // segIndex: reference paths have nothing else
		a, ok := node.([]any)
		if !ok {
			return nil, p.setError(i, "an array", node)
		}
		idx, ok := resolveIndex(s.indexes[0], len(a))
		if !ok {
			return nil, fmt.Errorf("cannot set %q: index %d is out of range", p.src, s.indexes[0])
		}
		v, err := p.setAt(a[idx], i+1, value)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(a))
		copy(out, a)
		out[idx] = v
		return out, nil
	}
}

func (p *Path) setError(i int, want string, got any) error {
	return fmt.Errorf("cannot set %q: the value at step %d is %s, not %s",
		p.src, i+1, jsonvalue.TypeName(got), want)
}

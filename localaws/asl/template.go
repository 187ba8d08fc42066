package asl

import (
	"fmt"
	"strings"
)

// template is a compiled payload template (Parameters, ResultSelector,
// ItemSelector): a JSON value whose object keys ending in ".$" take their
// value from a path or an intrinsic function at run time. Every object and
// array is rebuilt on each evaluation, so results never share mutable
// structure with the definition.
type template interface {
	eval(in any, c *evalCtx) (any, *failure)
}

type staticValue struct{ v any }

type objectTemplate struct{ fields []templateField }

type templateField struct {
	key  string // without the ".$" suffix
	dyn  string // the field as written, for error messages; "" if static
	node template
}

type arrayTemplate struct{ items []template }

type pathTemplate struct{ p *path }

// compileTemplate compiles v, found at loc, reporting problems to chk.
func compileTemplate(v any, loc string, chk *checker) template {
	switch x := v.(type) {
	case map[string]any:
		t := &objectTemplate{}
		for _, k := range sortedKeys(x) {
			val := x[k]
			if !strings.HasSuffix(k, ".$") {
				t.fields = append(t.fields, templateField{key: k, node: compileTemplate(val, loc+"/"+k, chk)})
				continue
			}
			s, ok := val.(string)
			node := template(staticValue{})
			switch {
			case !ok:
				chk.schema(loc, "The value for the field '%s' must be a STRING that contains a JSONPath or an intrinsic function", k)
			case isIntrinsic(s):
				it, err := compileIntrinsic(s)
				if err != nil {
					// AWS's wording, with no detail (scenarios/
					// test_base_scenarios.snapshot.json,
					// TestBaseScenarios::test_illegal_escapes).
					chk.schema(loc, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call", k)
				} else {
					node = it
				}
			default:
				p, err := compilePath(s, false)
				if err != nil {
					chk.schema(loc, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call", k)
				} else {
					node = &pathTemplate{p: p}
				}
			}
			t.fields = append(t.fields, templateField{key: strings.TrimSuffix(k, ".$"), dyn: k, node: node})
		}
		return t
	case []any:
		t := &arrayTemplate{items: make([]template, len(x))}
		for i, e := range x {
			t.items[i] = compileTemplate(e, fmt.Sprintf("%s/%d", loc, i), chk)
		}
		return t
	default:
		return staticValue{v: v}
	}
}

func (s staticValue) eval(any, *evalCtx) (any, *failure) { return s.v, nil }

func (t *objectTemplate) eval(in any, c *evalCtx) (any, *failure) {
	out := make(map[string]any, len(t.fields))
	for _, f := range t.fields {
		v, fl := f.node.eval(in, c)
		if fl != nil {
			if pt, ok := f.node.(*pathTemplate); ok && fl.name == ErrNameRuntime && fl.cause == "" {
				doc := in
				if pt.p.context {
					doc = c.object()
				}
				fl.cause = fmt.Sprintf("The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'",
					pt.p.src, f.dyn, encodeValue(doc))
			}
			return nil, fl
		}
		out[f.key] = v
	}
	return out, nil
}

func (t *arrayTemplate) eval(in any, c *evalCtx) (any, *failure) {
	out := make([]any, len(t.items))
	for i, n := range t.items {
		v, fl := n.eval(in, c)
		if fl != nil {
			return nil, fl
		}
		out[i] = v
	}
	return out, nil
}

func (t *pathTemplate) eval(in any, c *evalCtx) (any, *failure) {
	v, err := t.p.get(in, c)
	if err != nil {
		if isNoMatch(err) {
			return nil, fail(ErrNameRuntime, "")
		}
		return nil, fail(ErrNameRuntime, err.Error())
	}
	return v, nil
}

package cfn

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Pseudo describes the stack being created, for the pseudo parameters.
type Pseudo struct {
	Region    string
	AccountID string
	StackName string
	// Partition defaults to "aws" and URLSuffix to "amazonaws.com".
	Partition string
	URLSuffix string
}

// Lookup answers Ref and Fn::GetAtt for resources that already exist.
// It reports false for a resource it does not know (yet).
type Lookup interface {
	Ref(logicalID string) (string, bool)
	GetAtt(logicalID, attribute string) (any, bool)
}

// Resolver evaluates intrinsic functions against one stack. It caches
// condition results and is not safe for concurrent use.
type Resolver struct {
	tpl    *Template
	pseudo Pseudo
	params map[string]any
	lookup Lookup
	conds  map[string]bool
}

// noValue is what Ref AWS::NoValue evaluates to: the enclosing key or list
// element disappears.
type noValue struct{}

// NewResolver checks the parameter values (overrides win over defaults; a
// parameter with neither is an error) and returns a Resolver.
func NewResolver(t *Template, p Pseudo, overrides map[string]string, lookup Lookup) (*Resolver, error) {
	if p.Partition == "" {
		p.Partition = "aws"
	}
	if p.URLSuffix == "" {
		p.URLSuffix = "amazonaws.com"
	}
	r := &Resolver{tpl: t, pseudo: p, params: map[string]any{}, lookup: lookup, conds: map[string]bool{}}
	for name, def := range t.Parameters {
		var v any
		if s, ok := overrides[name]; ok {
			v = s
		} else if def.Default != nil {
			v = scalarString(def.Default)
		} else {
			return nil, fmt.Errorf("parameter %s has no value and no default", name)
		}
		if len(def.AllowedValues) > 0 && !allowed(v.(string), def.AllowedValues) {
			return nil, fmt.Errorf("parameter %s: value %q is not one of its AllowedValues", name, v)
		}
		if strings.HasPrefix(def.Type, "List<") || def.Type == "CommaDelimitedList" {
			var list []any
			for _, part := range strings.Split(v.(string), ",") {
				list = append(list, strings.TrimSpace(part))
			}
			v = list
		}
		r.params[name] = v
	}
	for name := range overrides {
		if _, ok := t.Parameters[name]; !ok {
			return nil, fmt.Errorf("parameter %s is not declared by the template", name)
		}
	}
	return r, nil
}

// Resolve returns v with every intrinsic function evaluated.
func (r *Resolver) Resolve(v any) (any, error) {
	out, err := r.eval(v)
	if err != nil {
		return nil, err
	}
	if _, ok := out.(noValue); ok {
		return nil, nil
	}
	return out, nil
}

// ResolveString resolves v and requires the result to be a string (numbers
// and booleans are formatted, as CloudFormation does for string properties).
func (r *Resolver) ResolveString(v any) (string, error) {
	out, err := r.Resolve(v)
	if err != nil {
		return "", err
	}
	return toString(out)
}

// Condition evaluates the named entry of the Conditions section.
func (r *Resolver) Condition(name string) (bool, error) {
	if b, ok := r.conds[name]; ok {
		return b, nil
	}
	def, ok := r.tpl.Conditions[name]
	if !ok {
		return false, fmt.Errorf("condition %s is not declared", name)
	}
	r.conds[name] = false // guards against a condition that refers to itself
	v, err := r.eval(def)
	if err != nil {
		return false, fmt.Errorf("condition %s: %w", name, err)
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("condition %s does not evaluate to a boolean", name)
	}
	r.conds[name] = b
	return b, nil
}

func (r *Resolver) eval(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		if fn, arg, ok := intrinsic(x); ok {
			return r.call(fn, arg)
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			ev, err := r.eval(e)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			if _, skip := ev.(noValue); !skip {
				out[k] = ev
			}
		}
		return out, nil
	case []any:
		out := make([]any, 0, len(x))
		for i, e := range x {
			ev, err := r.eval(e)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			if _, skip := ev.(noValue); !skip {
				out = append(out, ev)
			}
		}
		return out, nil
	default:
		return v, nil
	}
}

// ref answers Ref for parameters, pseudo parameters and resources.
func (r *Resolver) ref(name string) (any, error) {
	switch name {
	case "AWS::Region":
		return r.pseudo.Region, nil
	case "AWS::AccountId":
		return r.pseudo.AccountID, nil
	case "AWS::StackName":
		return r.pseudo.StackName, nil
	case "AWS::StackId":
		return fmt.Sprintf("arn:%s:cloudformation:%s:%s:stack/%s/local", r.pseudo.Partition, r.pseudo.Region, r.pseudo.AccountID, r.pseudo.StackName), nil
	case "AWS::Partition":
		return r.pseudo.Partition, nil
	case "AWS::URLSuffix":
		return r.pseudo.URLSuffix, nil
	case "AWS::NoValue":
		return noValue{}, nil
	case "AWS::NotificationARNs":
		return []any{}, nil
	}
	if v, ok := r.params[name]; ok {
		return v, nil
	}
	// The lookup is asked even for names the template does not declare, so
	// that it can answer for resources SAM creates implicitly (such as
	// ServerlessHttpApi or a function's role).
	if r.lookup != nil {
		if s, ok := r.lookup.Ref(name); ok {
			return s, nil
		}
	}
	if _, ok := r.tpl.Resources[name]; !ok {
		//lint:ignore ST1005 Ref is the CloudFormation function's name
		return nil, fmt.Errorf("Ref %s: no such parameter or resource", name)
	}
	//lint:ignore ST1005 Ref is the CloudFormation function's name
	return nil, fmt.Errorf("Ref %s: resource not created yet", name)
}

func (r *Resolver) getAtt(id, attr string) (any, error) {
	if r.lookup != nil {
		if v, ok := r.lookup.GetAtt(id, attr); ok {
			return v, nil
		}
	}
	if _, ok := r.tpl.Resources[id]; !ok {
		return nil, fmt.Errorf("Fn::GetAtt %s.%s: no such resource", id, attr)
	}
	return nil, fmt.Errorf("Fn::GetAtt %s.%s: attribute not available", id, attr)
}

func intrinsic(m map[string]any) (string, any, bool) {
	if len(m) != 1 {
		return "", nil, false
	}
	for k, v := range m {
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			return k, v, true
		}
	}
	return "", nil, false
}

func isIntrinsic(m map[string]any) bool {
	_, _, ok := intrinsic(m)
	return ok
}

func toString(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case int, int64, float64, bool:
		return scalarString(x), nil
	default:
		return "", fmt.Errorf("expected a string, got %T", v)
	}
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

func allowed(v string, list []any) bool {
	for _, a := range list {
		if scalarString(a) == v {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of m in order, for deterministic errors.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

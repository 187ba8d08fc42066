package cfn

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// call evaluates one intrinsic function given its long-form name and its
// (unevaluated) argument.
func (r *Resolver) call(fn string, arg any) (any, error) {
	switch fn {
	case "Ref":
		name, ok := arg.(string)
		if !ok {
			//lint:ignore ST1005 Ref is the CloudFormation function's name
			return nil, fmt.Errorf("Ref takes a name, got %T", arg)
		}
		return r.ref(name)
	case "Condition":
		name, ok := arg.(string)
		if !ok {
			return nil, fmt.Errorf("Condition takes a name, got %T", arg)
		}
		return r.Condition(name)
	case "Fn::GetAtt":
		return r.callGetAtt(arg)
	case "Fn::Sub":
		return r.sub(arg)
	case "Fn::Join":
		return r.join(arg)
	case "Fn::Select":
		return r.selectFn(arg)
	case "Fn::Split":
		return r.split(arg)
	case "Fn::If":
		return r.ifFn(arg)
	case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or":
		return r.logic(fn, arg)
	case "Fn::FindInMap":
		return r.findInMap(arg)
	case "Fn::Base64":
		s, err := r.evalString(arg)
		if err != nil {
			return nil, fmt.Errorf("Fn::Base64: %w", err)
		}
		return base64.StdEncoding.EncodeToString([]byte(s)), nil
	default:
		return nil, fmt.Errorf("%s is not supported by the local stack", fn)
	}
}

func (r *Resolver) callGetAtt(arg any) (any, error) {
	args, err := r.evalArgs("Fn::GetAtt", arg, 2)
	if err != nil {
		return nil, err
	}
	id, err1 := toString(args[0])
	attr, err2 := toString(args[1])
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("Fn::GetAtt takes [logicalId, attribute]")
	}
	return r.getAtt(id, attr)
}

func (r *Resolver) join(arg any) (any, error) {
	args, err := r.evalArgs("Fn::Join", arg, 2)
	if err != nil {
		return nil, err
	}
	delim, err := toString(args[0])
	if err != nil {
		return nil, fmt.Errorf("Fn::Join delimiter: %w", err)
	}
	list, ok := args[1].([]any)
	if !ok {
		return nil, fmt.Errorf("Fn::Join takes a list of values, got %T", args[1])
	}
	parts := make([]string, len(list))
	for i, e := range list {
		if parts[i], err = toString(e); err != nil {
			return nil, fmt.Errorf("Fn::Join element %d: %w", i, err)
		}
	}
	return strings.Join(parts, delim), nil
}

func (r *Resolver) selectFn(arg any) (any, error) {
	args, err := r.evalArgs("Fn::Select", arg, 2)
	if err != nil {
		return nil, err
	}
	s, err := toString(args[0])
	if err != nil {
		return nil, fmt.Errorf("Fn::Select index: %w", err)
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		return nil, fmt.Errorf("Fn::Select index %q is not a number", s)
	}
	list, ok := args[1].([]any)
	if !ok {
		return nil, fmt.Errorf("Fn::Select takes a list, got %T", args[1])
	}
	if i < 0 || i >= len(list) {
		return nil, fmt.Errorf("Fn::Select index %d out of range (list has %d)", i, len(list))
	}
	return list[i], nil
}

func (r *Resolver) split(arg any) (any, error) {
	args, err := r.evalArgs("Fn::Split", arg, 2)
	if err != nil {
		return nil, err
	}
	delim, err1 := toString(args[0])
	s, err2 := toString(args[1])
	if err1 != nil || err2 != nil || delim == "" {
		return nil, fmt.Errorf("Fn::Split takes [delimiter, string]")
	}
	var out []any
	for _, p := range strings.Split(s, delim) {
		out = append(out, p)
	}
	return out, nil
}

// ifFn evaluates only the branch the condition selects, so the other branch
// may refer to resources that the condition leaves out.
func (r *Resolver) ifFn(arg any) (any, error) {
	list, ok := arg.([]any)
	if !ok || len(list) != 3 {
		return nil, fmt.Errorf("Fn::If takes [condition, valueIfTrue, valueIfFalse]")
	}
	name, ok := list[0].(string)
	if !ok {
		return nil, fmt.Errorf("Fn::If condition must be a condition name")
	}
	b, err := r.Condition(name)
	if err != nil {
		return nil, err
	}
	if b {
		return r.eval(list[1])
	}
	return r.eval(list[2])
}

func (r *Resolver) logic(fn string, arg any) (any, error) {
	list, ok := arg.([]any)
	if !ok {
		return nil, fmt.Errorf("%s takes a list", fn)
	}
	args, err := r.evalArgs(fn, arg, len(list))
	if err != nil {
		return nil, err
	}
	if fn == "Fn::Equals" {
		if len(args) != 2 {
			return nil, fmt.Errorf("Fn::Equals takes two values")
		}
		return scalarString(args[0]) == scalarString(args[1]), nil
	}
	bools := make([]bool, len(args))
	for i, a := range args {
		b, ok := a.(bool)
		if !ok {
			return nil, fmt.Errorf("%s argument %d is not a condition", fn, i)
		}
		bools[i] = b
	}
	switch fn {
	case "Fn::Not":
		if len(bools) != 1 {
			return nil, fmt.Errorf("Fn::Not takes one condition")
		}
		return !bools[0], nil
	case "Fn::And":
		for _, b := range bools {
			if !b {
				return false, nil
			}
		}
		return true, nil
	default: // Fn::Or
		for _, b := range bools {
			if b {
				return true, nil
			}
		}
		return false, nil
	}
}

func (r *Resolver) findInMap(arg any) (any, error) {
	args, err := r.evalArgs("Fn::FindInMap", arg, 3)
	if err != nil {
		return nil, err
	}
	var cur any = r.tpl.Mappings
	for i, a := range args {
		key, err := toString(a)
		if err != nil {
			return nil, fmt.Errorf("Fn::FindInMap key %d: %w", i, err)
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("Fn::FindInMap: %q is not under a mapping", key)
		}
		if cur, ok = m[key]; !ok {
			return nil, fmt.Errorf("Fn::FindInMap: no key %q", key)
		}
	}
	return cur, nil
}

// evalArgs evaluates a function's argument, which must be a list of n
// values once evaluated.
func (r *Resolver) evalArgs(fn string, arg any, n int) ([]any, error) {
	v, err := r.eval(arg)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", fn, err)
	}
	list, ok := v.([]any)
	if !ok || len(list) != n {
		return nil, fmt.Errorf("%s takes a list of %d values", fn, n)
	}
	return list, nil
}

func (r *Resolver) evalString(arg any) (string, error) {
	v, err := r.eval(arg)
	if err != nil {
		return "", err
	}
	return toString(v)
}

package cfn

import (
	"fmt"
	"strings"
)

// sub evaluates Fn::Sub in its string form ("arn:${AWS::Partition}:...")
// and its list form ([template, {Var: value}]).
func (r *Resolver) sub(arg any) (any, error) {
	var (
		tmpl string
		vars map[string]any
	)
	switch x := arg.(type) {
	case string:
		tmpl = x
	case []any:
		if len(x) != 2 {
			return nil, fmt.Errorf("Fn::Sub takes a string or [string, variables]")
		}
		s, ok := x[0].(string)
		m, ok2 := x[1].(map[string]any)
		if !ok || !ok2 {
			return nil, fmt.Errorf("Fn::Sub takes a string or [string, variables]")
		}
		tmpl, vars = s, m
	default:
		return nil, fmt.Errorf("Fn::Sub takes a string or [string, variables], got %T", arg)
	}
	var b strings.Builder
	for {
		i := strings.Index(tmpl, "${")
		if i < 0 {
			b.WriteString(tmpl)
			return b.String(), nil
		}
		b.WriteString(tmpl[:i])
		rest := tmpl[i+2:]
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return nil, fmt.Errorf("Fn::Sub: unterminated ${ in %q", tmpl)
		}
		name := rest[:end]
		tmpl = rest[end+1:]
		if strings.HasPrefix(name, "!") {
			// "${!Literal}" writes "${Literal}" unchanged.
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		v, err := r.subVar(strings.TrimSpace(name), vars)
		if err != nil {
			return nil, fmt.Errorf("Fn::Sub: %w", err)
		}
		s, err := toString(v)
		if err != nil {
			return nil, fmt.Errorf("Fn::Sub ${%s}: %w", name, err)
		}
		b.WriteString(s)
	}
}

// subVar resolves one ${name}: the explicit variables first, then
// Fn::GetAtt for dotted names of resources, then Ref.
func (r *Resolver) subVar(name string, vars map[string]any) (any, error) {
	if v, ok := vars[name]; ok {
		return r.eval(v)
	}
	if id, attr, ok := strings.Cut(name, "."); ok && !strings.HasPrefix(name, "AWS::") {
		return r.getAtt(id, attr)
	}
	return r.ref(name)
}

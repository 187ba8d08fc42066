package cfn

import (
	"fmt"
	"sort"
	"strings"
)

// Order returns the logical IDs of the resources so that every resource
// comes after the resources it refers to (through Ref, Fn::GetAtt, Fn::Sub
// or DependsOn), as CloudFormation creates them. Ties are broken by name so
// the order is stable. A cycle is an error naming the resources in it.
func (t *Template) Order() ([]string, error) {
	deps := make(map[string]map[string]bool, len(t.Resources))
	for id, res := range t.Resources {
		d := map[string]bool{}
		t.collectRefs(res.Properties, d)
		for _, on := range res.DependsOn {
			if _, ok := t.Resources[on]; !ok {
				return nil, fmt.Errorf("resource %s DependsOn unknown resource %s", id, on)
			}
			d[on] = true
		}
		delete(d, id)
		deps[id] = d
	}
	var order []string
	done := map[string]bool{}
	for len(order) < len(deps) {
		var ready []string
		for id, d := range deps {
			if done[id] {
				continue
			}
			ok := true
			for on := range d {
				if !done[on] {
					ok = false
					break
				}
			}
			if ok {
				ready = append(ready, id)
			}
		}
		if len(ready) == 0 {
			var stuck []string
			for id := range deps {
				if !done[id] {
					stuck = append(stuck, id)
				}
			}
			sort.Strings(stuck)
			return nil, fmt.Errorf("circular dependency between resources: %s", strings.Join(stuck, ", "))
		}
		sort.Strings(ready)
		for _, id := range ready {
			done[id] = true
		}
		order = append(order, ready...)
	}
	return order, nil
}

// collectRefs adds to into the resources that v refers to.
func (t *Template) collectRefs(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if fn, arg, ok := intrinsic(x); ok {
			switch fn {
			case "Ref":
				if s, ok := arg.(string); ok {
					t.addRef(s, into)
				}
				return
			case "Fn::GetAtt":
				if l, ok := arg.([]any); ok && len(l) > 0 {
					if s, ok := l[0].(string); ok {
						t.addRef(s, into)
					}
				}
			case "Fn::Sub":
				t.collectSubRefs(arg, into)
			}
		}
		for _, k := range sortedKeys(x) {
			t.collectRefs(x[k], into)
		}
	case []any:
		for _, e := range x {
			t.collectRefs(e, into)
		}
	}
}

func (t *Template) collectSubRefs(arg any, into map[string]bool) {
	tmpl, _ := arg.(string)
	var vars map[string]any
	if l, ok := arg.([]any); ok && len(l) == 2 {
		tmpl, _ = l[0].(string)
		vars, _ = l[1].(map[string]any)
	}
	for {
		i := strings.Index(tmpl, "${")
		if i < 0 {
			return
		}
		rest := tmpl[i+2:]
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return
		}
		name := strings.TrimSpace(rest[:end])
		tmpl = rest[end+1:]
		if _, ok := vars[name]; ok || strings.HasPrefix(name, "!") {
			continue
		}
		id, _, _ := strings.Cut(name, ".")
		t.addRef(id, into)
	}
}

func (t *Template) addRef(name string, into map[string]bool) {
	if _, ok := t.Resources[name]; ok {
		into[name] = true
	}
}

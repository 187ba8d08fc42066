package cfn

import (
	"fmt"
	"sort"
)

// Template is a parsed template. Values are plain Go values as produced by
// a YAML decoder, with intrinsic functions in their long form (a map with
// the single key "Ref", "Fn::Sub", ...).
type Template struct {
	Description string
	Parameters  map[string]Parameter
	Mappings    map[string]any
	Conditions  map[string]any
	Resources   map[string]Resource
	Outputs     map[string]Output
}

// Parameter is one entry of the template's Parameters section.
type Parameter struct {
	Type          string
	Default       any
	AllowedValues []any
}

// Resource is one entry of the template's Resources section, with SAM
// Globals already merged into its Properties.
type Resource struct {
	Type       string
	Properties map[string]any
	DependsOn  []string
	Condition  string
}

// Output is one entry of the template's Outputs section.
type Output struct {
	Description string
	Value       any
	Condition   string
}

// Parse reads a YAML or JSON template.
func Parse(data []byte) (*Template, error) {
	root, err := Decode(data)
	if err != nil {
		return nil, fmt.Errorf("parse template: %w", err)
	}
	t := &Template{
		Parameters: map[string]Parameter{},
		Mappings:   asMap(root["Mappings"]),
		Conditions: asMap(root["Conditions"]),
		Resources:  map[string]Resource{},
		Outputs:    map[string]Output{},
	}
	t.Description, _ = root["Description"].(string)
	for name, v := range asMap(root["Parameters"]) {
		p := asMap(v)
		typ, _ := p["Type"].(string)
		allowed, _ := p["AllowedValues"].([]any)
		t.Parameters[name] = Parameter{Type: typ, Default: p["Default"], AllowedValues: allowed}
	}
	globals := asMap(root["Globals"])
	for id, v := range asMap(root["Resources"]) {
		r, err := parseResource(id, v, globals)
		if err != nil {
			return nil, fmt.Errorf("parse template: %w", err)
		}
		t.Resources[id] = r
	}
	for name, v := range asMap(root["Outputs"]) {
		o := asMap(v)
		desc, _ := o["Description"].(string)
		cond, _ := o["Condition"].(string)
		t.Outputs[name] = Output{Description: desc, Value: o["Value"], Condition: cond}
	}
	return t, nil
}

func parseResource(id string, v any, globals map[string]any) (Resource, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Resource{}, fmt.Errorf("resource %s is not a mapping", id)
	}
	r := Resource{Properties: asMap(m["Properties"])}
	r.Type, _ = m["Type"].(string)
	if r.Type == "" {
		return Resource{}, fmt.Errorf("resource %s has no Type", id)
	}
	r.Condition, _ = m["Condition"].(string)
	switch d := m["DependsOn"].(type) {
	case string:
		r.DependsOn = []string{d}
	case []any:
		for _, x := range d {
			s, ok := x.(string)
			if !ok {
				return Resource{}, fmt.Errorf("resource %s: DependsOn entry is not a string", id)
			}
			r.DependsOn = append(r.DependsOn, s)
		}
	}
	if g := globalsFor(r.Type, globals); g != nil {
		r.Properties = mergeGlobals(g, r.Properties)
	}
	return r, nil
}

// globalsFor returns the SAM Globals section that applies to a resource
// type: Globals.Function for AWS::Serverless::Function, and so on.
func globalsFor(typ string, globals map[string]any) map[string]any {
	const prefix = "AWS::Serverless::"
	if len(typ) <= len(prefix) || typ[:len(prefix)] != prefix {
		return nil
	}
	g, _ := globals[typ[len(prefix):]].(map[string]any)
	return g
}

// mergeGlobals applies SAM's rule: maps merge key by key, and for any other
// value the resource's own setting wins over the global one.
func mergeGlobals(global, own map[string]any) map[string]any {
	out := make(map[string]any, len(global)+len(own))
	for k, v := range global {
		out[k] = v
	}
	for k, v := range own {
		gm, gok := out[k].(map[string]any)
		om, ook := v.(map[string]any)
		if gok && ook && !isIntrinsic(om) && !isIntrinsic(gm) {
			out[k] = mergeGlobals(gm, om)
			continue
		}
		out[k] = v
	}
	return out
}

// LogicalIDs returns the resource logical IDs in sorted order.
func (t *Template) LogicalIDs() []string {
	ids := make([]string, 0, len(t.Resources))
	for id := range t.Resources {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	if m == nil {
		return map[string]any{}
	}
	return m
}

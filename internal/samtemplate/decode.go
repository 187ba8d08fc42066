package samtemplate

import (
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Template is a decoded template: maps, slices, strings, numbers and bools,
// with intrinsic functions in long form ({"Ref": "X"},
// {"Fn::GetAtt": ["X", "Arn"]}, {"Fn::Sub": "..."}).
type Template map[string]any

// ReadFile reads and decodes a template file.
func ReadFile(path string) (Template, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read template: %w", err)
	}
	return Decode(data)
}

// Decode decodes a YAML (or JSON) template.
func Decode(data []byte) (Template, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("decode template: %w", err)
	}
	v, err := value(&doc)
	if err != nil {
		return nil, fmt.Errorf("decode template: %w", err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("decode template: the document is not a mapping")
	}
	return Template(m), nil
}

// value converts a node, expanding short-form intrinsic tags.
func value(n *yaml.Node) (any, error) {
	var v any
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return value(n.Content[0])
	case yaml.AliasNode:
		return value(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			val, err := value(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = val
		}
		v = m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			val, err := value(c)
			if err != nil {
				return nil, err
			}
			s = append(s, val)
		}
		v = s
	case yaml.ScalarNode:
		if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
			v = n.Value
		} else if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
	default:
		return nil, fmt.Errorf("line %d: unexpected YAML node kind %d", n.Line, n.Kind)
	}
	return longForm(n.Tag, v), nil
}

// longForm wraps v in the intrinsic function a short-form tag names, or
// returns it unchanged for standard YAML tags.
func longForm(tag string, v any) any {
	if !strings.HasPrefix(tag, "!") || strings.HasPrefix(tag, "!!") {
		return v
	}
	name := strings.TrimPrefix(tag, "!")
	switch name {
	case "Ref", "Condition":
		return map[string]any{name: v}
	case "GetAtt":
		if s, ok := v.(string); ok {
			resource, attribute, _ := strings.Cut(s, ".")
			return map[string]any{"Fn::GetAtt": []any{resource, attribute}}
		}
	}
	return map[string]any{"Fn::" + name: v}
}

// Resource returns the resource with the given logical id, or nil.
func (t Template) Resource(logicalID string) map[string]any {
	res, _ := Lookup(map[string]any(t), "Resources", logicalID).(map[string]any)
	return res
}

// Lookup walks maps by key and returns what it finds at the end of path,
// or nil.
func Lookup(v any, path ...string) any {
	for _, key := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[key]
	}
	return v
}

package cfn

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// shortForms maps the YAML short-form tags to the long-form key they stand
// for, so the rest of the package only ever sees long forms.
var shortForms = map[string]string{
	"!Ref":          "Ref",
	"!Condition":    "Condition",
	"!GetAtt":       "Fn::GetAtt",
	"!Sub":          "Fn::Sub",
	"!Join":         "Fn::Join",
	"!Select":       "Fn::Select",
	"!Split":        "Fn::Split",
	"!If":           "Fn::If",
	"!Equals":       "Fn::Equals",
	"!Not":          "Fn::Not",
	"!And":          "Fn::And",
	"!Or":           "Fn::Or",
	"!FindInMap":    "Fn::FindInMap",
	"!Base64":       "Fn::Base64",
	"!GetAZs":       "Fn::GetAZs",
	"!ImportValue":  "Fn::ImportValue",
	"!Cidr":         "Fn::Cidr",
	"!Transform":    "Fn::Transform",
	"!Length":       "Fn::Length",
	"!ToJsonString": "Fn::ToJsonString",
}

// Decode reads a YAML or JSON template document as it stands: plain Go
// values (map[string]any, []any, string, int, float64, bool, nil) with the
// short-form tags (!Ref, !GetAtt, !Sub, ...) rewritten to their long forms
// ({"Ref": "X"}, {"Fn::GetAtt": ["X", "Arn"]}, {"Fn::Sub": "..."}). Unlike
// Parse it keeps every section (Transform, Globals, Metadata) and merges
// nothing, for readers that check the template itself rather than deploy
// it.
func Decode(data []byte) (map[string]any, error) {
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode template: %w", err)
	}
	raw, err := fromNode(&doc)
	if err != nil {
		return nil, fmt.Errorf("decode template: %w", err)
	}
	root, ok := raw.(map[string]any)
	if !ok {
		return nil, errors.New("decode template: top level is not a mapping")
	}
	return root, nil
}

// fromNode turns a YAML node into plain Go values (map[string]any, []any,
// string, int, float64, bool, nil), rewriting short-form tags into their
// long-form single-key maps.
func fromNode(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return fromNode(n.Content[0])
	case yaml.AliasNode:
		return fromNode(n.Alias)
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") {
		return fromTagged(n)
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: mapping key is not a scalar", k.Line)
			}
			v, err := fromNode(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := fromNode(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	default:
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("line %d: %w", n.Line, err)
		}
		return v, nil
	}
}

// fromTagged converts a node carrying a short-form tag such as !Ref or
// !GetAtt into the equivalent long form.
func fromTagged(n *yaml.Node) (any, error) {
	key, ok := shortForms[n.Tag]
	if !ok {
		return nil, fmt.Errorf("line %d: unknown tag %s", n.Line, n.Tag)
	}
	plain := *n
	plain.Tag = ""
	if n.Kind == yaml.ScalarNode {
		plain.Tag = "!!str"
	}
	v, err := fromNode(&plain)
	if err != nil {
		return nil, err
	}
	if key == "Fn::GetAtt" {
		if s, ok := v.(string); ok {
			// "!GetAtt Queue.Arn": the logical ID ends at the first dot.
			id, attr, found := strings.Cut(s, ".")
			if !found {
				return nil, fmt.Errorf("line %d: !GetAtt %q has no attribute", n.Line, s)
			}
			v = []any{id, attr}
		}
	}
	if key == "Fn::GetAZs" && v == nil {
		v = ""
	}
	return map[string]any{key: v}, nil
}

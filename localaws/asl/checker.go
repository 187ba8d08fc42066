package asl

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// checker collects the problems found while parsing a definition, so a
// user sees every one of them at once, as ValidateStateMachineDefinition
// reports them.
type checker struct {
	diags []Diagnostic
}

func (c *checker) add(code, loc, format string, args ...any) {
	if loc == "" {
		loc = "/"
	}
	c.diags = append(c.diags, Diagnostic{Code: code, Message: fmt.Sprintf(format, args...), Location: loc})
}

func (c *checker) schema(loc, format string, args ...any) {
	c.add("SCHEMA_VALIDATION_FAILED", loc, format, args...)
}

func (c *checker) err() error {
	if len(c.diags) == 0 {
		return nil
	}
	return &ValidationError{Diagnostics: c.diags}
}

// fields checks an object's keys against the allowed and required ones.
func (c *checker) fields(m map[string]any, loc string, allowed, required []string) {
	for _, k := range sortedKeys(m) {
		switch {
		case slices.Contains(allowed, k) || slices.Contains(required, k):
		default:
			c.schema(loc, "The field '%s' is not supported by Step Functions", k)
		}
	}
	var missing []string
	for _, k := range required {
		if _, ok := m[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		c.schema(loc, "These fields are required: [%s]", strings.Join(missing, ", "))
	}
}

// str reads an optional string field.
func (c *checker) str(m map[string]any, key, loc string) (string, bool) {
	v, ok := m[key]
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		c.schema(loc+"/"+key, "Expected value of type: String")
		return "", false
	}
	return s, true
}

// integer reads an optional whole-number field of at least min.
func (c *checker) integer(m map[string]any, key, loc string, min int64) (int64, bool) {
	v, ok := m[key]
	if !ok {
		return 0, false
	}
	n, isNum := v.(json.Number)
	i, err := n.Int64()
	if !isNum || err != nil {
		c.schema(loc+"/"+key, "Expected value of type: Integer")
		return 0, false
	}
	if i < min {
		c.schema(loc+"/"+key, "Value must be at least %d", min)
		return 0, false
	}
	return i, true
}

// number reads an optional numeric field of at least min.
func (c *checker) number(m map[string]any, key, loc string, min float64) (float64, bool) {
	v, ok := m[key]
	if !ok {
		return 0, false
	}
	n, isNum := v.(json.Number)
	f, err := n.Float64()
	if !isNum || err != nil {
		c.schema(loc+"/"+key, "Expected value of type: Number")
		return 0, false
	}
	if f < min {
		c.schema(loc+"/"+key, "Value must be at least %g", min)
		return 0, false
	}
	return f, true
}

// pathField compiles an optional Path field; null is allowed when
// nullable, and is reported as present with a nil path.
func (c *checker) pathField(m map[string]any, key, loc string, reference bool) (p *path, present bool) {
	v, ok := m[key]
	if !ok {
		return nil, false
	}
	if v == nil {
		return nil, true
	}
	s, ok := v.(string)
	if !ok {
		c.schema(loc+"/"+key, "Expected value of type: String")
		return nil, false
	}
	p, err := compilePath(s, reference)
	if err != nil {
		c.schema(loc+"/"+key, "The value for the field '%s' must be a valid JSONPath", key)
		return nil, false
	}
	return p, true
}

// object reads an optional object field.
func (c *checker) object(m map[string]any, key, loc string) (map[string]any, bool) {
	v, ok := m[key]
	if !ok {
		return nil, false
	}
	o, ok := v.(map[string]any)
	if !ok {
		c.schema(loc+"/"+key, "Expected value of type: Object")
		return nil, false
	}
	return o, true
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func itoa(i int) string { return strconv.Itoa(i) }

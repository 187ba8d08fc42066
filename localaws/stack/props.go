package stack

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// str formats a resolved scalar property the way the AWS APIs take it: as
// a string. Objects (such as a RedrivePolicy written as YAML) become JSON.
func str(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), nil
	case map[string]any, []any:
		b, err := json.Marshal(x)
		if err != nil {
			return "", err
		}
		return string(b), nil
	default:
		return "", fmt.Errorf("unexpected %T", v)
	}
}

// stringProp reads an optional string property.
func stringProp(p map[string]any, key string) (string, error) {
	s, err := str(p[key])
	if err != nil {
		return "", fmt.Errorf("property %s: %w", key, err)
	}
	return s, nil
}

// intProp reads an optional integer property, accepting numbers written as
// strings as CloudFormation does.
func intProp(p map[string]any, key string, def int) (int, error) {
	v, ok := p[key]
	if !ok || v == nil {
		return def, nil
	}
	s, err := str(v)
	if err != nil {
		return 0, fmt.Errorf("property %s: %w", key, err)
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("property %s: %q is not an integer", key, s)
	}
	return n, nil
}

// boolProp reads an optional boolean property.
func boolProp(p map[string]any, key string) (bool, error) {
	v, ok := p[key]
	if !ok || v == nil {
		return false, nil
	}
	s, err := str(v)
	if err != nil {
		return false, fmt.Errorf("property %s: %w", key, err)
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, fmt.Errorf("property %s: %q is not a boolean", key, s)
	}
	return b, nil
}

// attributeMap converts the named properties that are present into the
// string attributes an AWS Create* call takes.
func attributeMap(p map[string]any, names ...string) (map[string]string, error) {
	out := map[string]string{}
	for _, n := range names {
		v, ok := p[n]
		if !ok || v == nil {
			continue
		}
		s, err := str(v)
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", n, err)
		}
		out[n] = s
	}
	return out, nil
}

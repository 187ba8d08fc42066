package jsonata

import (
	"math"
	"strings"
	"unicode/utf8"
)

// toStr is $string: strings as they are, anything else as JSON.
func toStr(v any, pretty bool) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return x, nil
	case callable:
		return "", nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, errAt("D3001", 0, map[string]any{"value": x})
		}
	}
	return stringify(v, pretty)
}

func fnString(_ *evaluator, args []any, _ any) (any, error) {
	pretty, _ := args[1].(bool)
	v := args[0]
	if arr, ok := v.(*array); ok && arr.outerWrapper && len(arr.items) == 1 {
		v = arr.items[0] // $string() of a whole array input
	}
	return toStr(v, pretty)
}

func fnLength(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	return float64(utf8.RuneCountInString(s)), nil
}

// jsSlice is JavaScript's Array.prototype.slice bounds on n items.
func jsSlice(n int, start, end float64) (int, int) {
	clamp := func(f float64) int {
		i := int(math.Trunc(f))
		if f < 0 {
			i = n + i
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		return i
	}
	s, e := clamp(start), clamp(end)
	if e < s {
		e = s
	}
	return s, e
}

func fnSubstring(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	runes := []rune(s)
	n := len(runes)
	start := args[1].(float64)
	if float64(n)+start < 0 {
		start = 0
	}
	end := float64(n)
	if l, ok := args[2].(float64); ok {
		if l <= 0 {
			return "", nil
		}
		if start >= 0 {
			end = start + l
		} else {
			end = float64(n) + start + l
		}
	}
	a, b := jsSlice(n, start, end)
	return string(runes[a:b]), nil
}

func fnSubstringBefore(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	chars, _ := args[1].(string)
	if i := strings.Index(s, chars); i >= 0 {
		return s[:i], nil
	}
	return s, nil
}

func fnSubstringAfter(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	chars, _ := args[1].(string)
	if i := strings.Index(s, chars); i >= 0 {
		return s[i+len(chars):], nil
	}
	return s, nil
}

func fnUppercase(_ *evaluator, args []any, _ any) (any, error) {
	if s, ok := args[0].(string); ok {
		// JavaScript's toUpperCase also applies the one special casing
		// that changes length and matters in practice.
		return strings.ReplaceAll(strings.ToUpper(s), "ß", "SS"), nil
	}
	return nil, nil
}

func fnLowercase(_ *evaluator, args []any, _ any) (any, error) {
	if s, ok := args[0].(string); ok {
		return strings.ToLower(s), nil
	}
	return nil, nil
}

func fnTrim(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String(), nil
}

func fnPad(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	w := args[1].(float64)
	width := int(math.Trunc(w))
	char, _ := args[2].(string)
	if char == "" {
		char = " "
	}
	n := abs(width) - utf8.RuneCountInString(s)
	if n <= 0 {
		return s, nil
	}
	if w != math.Trunc(w) {
		// JavaScript's new Array(n) refuses a fractional length.
		return nil, &Error{Message: "Invalid array length"}
	}
	padding := []rune(strings.Repeat(char, n))[:n]
	if width > 0 {
		return s + string(padding), nil
	}
	return string(padding) + s, nil
}

func fnContains(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	switch t := args[1].(type) {
	case string:
		return strings.Contains(s, t), nil
	case *regex:
		return t.re.MatchString(s), nil
	}
	return nil, errAt("T0410", 0, map[string]any{"index": 2.0, "token": "contains"})
}

func fnSplit(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	limit := -1
	if l, ok := args[2].(float64); ok {
		if l < 0 {
			return nil, errAt("D3020", 0, map[string]any{"value": l})
		}
		limit = int(l)
	}
	var parts []string
	switch sep := args[1].(type) {
	case string:
		if sep == "" {
			for _, r := range s {
				parts = append(parts, string(r))
			}
		} else {
			parts = strings.Split(s, sep)
		}
	case *regex:
		parts = sep.re.Split(s, -1)
	default:
		return nil, errAt("T0410", 0, map[string]any{"index": 2.0, "token": "split"})
	}
	if limit >= 0 && limit < len(parts) {
		parts = parts[:limit]
	}
	out := &array{items: make([]any, len(parts))}
	for i, p := range parts {
		out.items[i] = p
	}
	return out, nil
}

func fnJoin(_ *evaluator, args []any, _ any) (any, error) {
	arr, ok := args[0].(*array)
	if !ok {
		return nil, nil
	}
	sep, _ := args[1].(string)
	parts := make([]string, len(arr.items))
	for i, e := range arr.items {
		parts[i], _ = e.(string)
	}
	return strings.Join(parts, sep), nil
}

func runeIndex(s string, byteIdx int) int { return utf8.RuneCountInString(s[:byteIdx]) }

func fnMatch(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	re, ok := args[1].(*regex)
	if !ok {
		return nil, errAt("T0410", 0, map[string]any{"index": 2.0, "token": "match"})
	}
	limit := -1
	if l, ok := args[2].(float64); ok {
		if l < 0 {
			return nil, errAt("D3040", 0, map[string]any{"value": l})
		}
		limit = int(l)
	}
	out := seqOf()
	for _, loc := range re.re.FindAllStringSubmatchIndex(s, limit) {
		o := newObject(3)
		o.set("match", s[loc[0]:loc[1]])
		o.set("index", float64(runeIndex(s, loc[0])))
		groups := &array{}
		for i := 2; i+1 < len(loc); i += 2 {
			if loc[i] < 0 {
				groups.items = append(groups.items, "")
			} else {
				groups.items = append(groups.items, s[loc[i]:loc[i+1]])
			}
		}
		o.set("groups", groups)
		out.items = append(out.items, o)
	}
	return out, nil
}

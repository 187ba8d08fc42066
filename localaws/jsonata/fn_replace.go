package jsonata

import (
	"math"
	"strconv"
	"strings"
)

func fnReplace(ev *evaluator, args []any, input any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	if p, ok := args[1].(string); ok && p == "" {
		return nil, errAt("D3010", 0, nil)
	}
	limit := -1
	if l, ok := args[3].(float64); ok {
		if l < 0 {
			return nil, errAt("D3011", 0, map[string]any{"value": l})
		}
		limit = int(l)
	}
	switch pat := args[1].(type) {
	case string:
		repl, _ := args[2].(string)
		return strings.Replace(s, pat, repl, limit), nil
	case *regex:
		return replaceRegex(ev, s, pat, args[2], limit, input)
	}
	return nil, errAt("T0410", 0, map[string]any{"index": 2.0, "token": "replace"})
}

func replaceRegex(ev *evaluator, s string, re *regex, replacement any, limit int, input any) (any, error) {
	var b strings.Builder
	pos := 0
	for count, loc := range re.re.FindAllStringSubmatchIndex(s, limit) {
		_ = count
		if loc[0] == loc[1] {
			return nil, errAt("D1004", 0, map[string]any{"value": re.src})
		}
		groups := make([]string, 0, len(loc)/2-1)
		for i := 2; i+1 < len(loc); i += 2 {
			if loc[i] < 0 {
				groups = append(groups, "")
			} else {
				groups = append(groups, s[loc[i]:loc[i+1]])
			}
		}
		b.WriteString(s[pos:loc[0]])
		switch r := replacement.(type) {
		case string:
			b.WriteString(substitute(r, s[loc[0]:loc[1]], groups))
		case callable:
			m := newObject(4)
			m.set("match", s[loc[0]:loc[1]])
			m.set("start", float64(runeIndex(s, loc[0])))
			m.set("end", float64(runeIndex(s, loc[1])))
			ga := &array{}
			for _, g := range groups {
				ga.items = append(ga.items, g)
			}
			m.set("groups", ga)
			v, err := ev.callWith(r, input, m)
			if err != nil {
				return nil, err
			}
			str, ok := v.(string)
			if !ok {
				return nil, errAt("D3012", 0, map[string]any{"value": v})
			}
			b.WriteString(str)
		}
		pos = loc[1]
	}
	b.WriteString(s[pos:])
	return b.String(), nil
}

// substitute expands $0, $n and $$ in a replacement string as the
// reference implementation does.
func substitute(repl, match string, groups []string) string {
	var b strings.Builder
	pos := 0
	for {
		i := strings.IndexByte(repl[pos:], '$')
		if i < 0 {
			break
		}
		i += pos
		b.WriteString(repl[pos:i])
		pos = i + 1
		if pos >= len(repl) {
			b.WriteByte('$')
			break
		}
		switch c := repl[pos]; {
		case c == '$':
			b.WriteByte('$')
			pos++
		case c == '0':
			b.WriteString(match)
			pos++
		default:
			maxDigits := 1
			if len(groups) > 0 {
				maxDigits = int(math.Floor(math.Log10(float64(len(groups))))) + 1
			}
			digits := leadingDigits(repl[pos:], maxDigits)
			idx, err := strconv.Atoi(digits)
			if maxDigits > 1 && err == nil && idx > len(groups) {
				digits = digits[:len(digits)-1]
				idx, err = strconv.Atoi(digits)
			}
			if err != nil {
				b.WriteByte('$')
				continue
			}
			if idx >= 1 && idx <= len(groups) {
				b.WriteString(groups[idx-1])
			}
			pos += len(strconv.Itoa(idx))
		}
	}
	b.WriteString(repl[pos:])
	return b.String()
}

func leadingDigits(s string, max int) string {
	n := 0
	for n < len(s) && n < max && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return s[:n]
}

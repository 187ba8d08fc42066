package jsonata

import (
	"math"
	"strconv"
	"strings"
)

// stringify renders a value as JSON.stringify does, with $string's number
// precision; indent pretty-prints with two spaces.
func stringify(v any, indent bool) (string, error) {
	var b strings.Builder
	if err := writeJSON(&b, v, indent, "", true); err != nil {
		return "", err
	}
	return b.String(), nil
}

// writeJSON writes v as JSON; round applies $string's 15 significant
// digits to numbers, which JSON.stringify itself does not.
func writeJSON(b *strings.Builder, v any, indent bool, pad string, round bool) error {
	switch x := v.(type) {
	case nil, null:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case float64:
		if round && math.IsInf(x, 0) {
			// $string refuses an infinite number inside a structure.
			return errAt("D1001", 0, map[string]any{"value": x})
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			b.WriteString("null")
			return nil
		}
		if round {
			x = precision15(x)
		}
		b.WriteString(jsNumber(x))
	case string:
		writeQuoted(b, x)
	case callable:
		b.WriteString(`""`)
	case *array:
		if len(x.items) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteByte('[')
		inner := pad + "  "
		for i, e := range x.items {
			if i > 0 {
				b.WriteByte(',')
			}
			if indent {
				b.WriteString("\n" + inner)
			}
			if err := writeJSON(b, e, indent, inner, round); err != nil {
				return err
			}
		}
		if indent {
			b.WriteString("\n" + pad)
		}
		b.WriteByte(']')
	case *object:
		n := 0
		inner := pad + "  "
		b.WriteByte('{')
		for _, k := range x.keys {
			e := x.vals[k]
			if e == nil {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			if indent {
				b.WriteString("\n" + inner)
			}
			writeQuoted(b, k)
			b.WriteByte(':')
			if indent {
				b.WriteByte(' ')
			}
			if err := writeJSON(b, e, indent, inner, round); err != nil {
				return err
			}
		}
		if indent && n > 0 {
			b.WriteString("\n" + pad)
		}
		b.WriteByte('}')
	default:
		b.WriteString("null")
	}
	return nil
}

// writeQuoted writes a JSON string literal as JSON.stringify does.
func writeQuoted(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte("0123456789abcdef"[r>>4])
				b.WriteByte("0123456789abcdef"[r&0xF])
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

package intrinsic

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// checkFormat checks a literal template against the number of arguments.
func checkFormat(args []arg) error {
	t := args[0]
	if t.kind != argLiteral {
		return nil
	}
	if _, ok := t.lit.(string); !ok {
		return errors.New("the first argument must be a string")
	}
	return placeholderCount(len(t.tmpl)-1, len(args)-1)
}

func placeholderCount(placeholders, values int) error {
	if placeholders != values {
		return fmt.Errorf("the template has %d {} placeholder(s) but %d value(s) were given", placeholders, values)
	}
	return nil
}

// format replaces each {} of the template with the next argument. A
// template given as a literal honours the \{ \} escapes; one read from a
// path is split on every "{}".
func format(_ *evaluator, c *call, args []any) (any, error) {
	pieces := c.args[0].tmpl
	if c.args[0].kind != argLiteral {
		t, err := stringArg(args, 0)
		if err != nil {
			return nil, err
		}
		pieces = strings.Split(t, "{}")
	}
	if err := placeholderCount(len(pieces)-1, len(args)-1); err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(pieces[0])
	for i, v := range args[1:] {
		writeFormatValue(&b, v)
		b.WriteString(pieces[i+1])
	}
	return b.String(), nil
}

// writeFormatValue renders one States.Format value. Strings go in as they
// are and other scalars as JSON; objects and arrays are rendered the way
// Step Functions' Java runtime prints them, {key=value, ...} and
// [item, ...], with members in key order.
func writeFormatValue(b *strings.Builder, v any) {
	switch x := v.(type) {
	case string:
		b.WriteString(x)
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case json.Number:
		b.WriteString(string(x))
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeFormatValue(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k)
			b.WriteByte('=')
			writeFormatValue(b, x[k])
		}
		b.WriteByte('}')
	default:
		fmt.Fprint(b, v)
	}
}

// stringSplit splits a string on any of the delimiter characters, dropping
// empty pieces as Java's StringTokenizer, which Step Functions follows, does.
func stringSplit(_ *evaluator, _ *call, args []any) (any, error) {
	s, err := stringArg(args, 0)
	if err != nil {
		return nil, err
	}
	delims, err := stringArg(args, 1)
	if err != nil {
		return nil, err
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(delims, r) })
	out := make([]any, len(fields))
	for i, f := range fields {
		out[i] = f
	}
	return out, nil
}

package dynamolocal

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
)

// MarshalJSON writes v in the wire format, e.g. {"S":"x"}.
func (v *Value) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	v.write(&buf)
	return buf.Bytes(), nil
}

func (v *Value) write(buf *bytes.Buffer) {
	buf.WriteString(`{"`)
	buf.WriteString(v.kind.String())
	buf.WriteString(`":`)
	switch v.kind {
	case kindS, kindN:
		writeString(buf, v.str)
	case kindB:
		writeString(buf, base64.StdEncoding.EncodeToString([]byte(v.str)))
	case kindBOOL, kindNULL:
		if v.b || v.kind == kindNULL {
			buf.WriteString("true")
		} else {
			buf.WriteString("false")
		}
	case kindM:
		writeItem(buf, v.m)
	case kindL:
		buf.WriteByte('[')
		for i, x := range v.l {
			if i > 0 {
				buf.WriteByte(',')
			}
			x.write(buf)
		}
		buf.WriteByte(']')
	case kindSS, kindNS, kindBS:
		buf.WriteByte('[')
		for i, s := range v.set {
			if i > 0 {
				buf.WriteByte(',')
			}
			if v.kind == kindBS {
				s = base64.StdEncoding.EncodeToString([]byte(s))
			}
			writeString(buf, s)
		}
		buf.WriteByte(']')
	}
	buf.WriteByte('}')
}

func writeItem(buf *bytes.Buffer, m map[string]*Value) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		writeString(buf, k)
		buf.WriteByte(':')
		m[k].write(buf)
	}
	buf.WriteByte('}')
}

func writeString(buf *bytes.Buffer, s string) {
	b, _ := json.Marshal(s) // strings always marshal
	buf.Write(b)
}

// UnmarshalJSON reads and validates one wire-format value: exactly one data
// type, NULL true, numbers within DynamoDB's range, sets non-empty and
// without duplicates.
func (v *Value) UnmarshalJSON(data []byte) error {
	// The SDKs send compact JSON: read {"T":body} without first decoding
	// it into a map, and fall back to the general path (and its messages)
	// for anything else or anything the fast path refuses.
	if k, body, ok := compactValue(data); ok {
		if v.decode(k, body) == nil {
			return nil
		}
		*v = Value{}
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return errorf(codeSerialization, "Start of structure or map found where not expected")
	}
	if len(raw) == 0 {
		return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
	}
	if len(raw) > 1 {
		return validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")
	}
	for name, body := range raw {
		k, ok := kindOf(name)
		if !ok {
			return errorf(codeSerialization, "Unexpected field type")
		}
		return v.decode(k, body)
	}
	return nil
}

// compactValue splits a value written as {"T":body}, with no space, into
// its data type and body. The body is not checked here: decode refuses one
// that is not a single JSON value, such as a second member.
func compactValue(data []byte) (kind, []byte, bool) {
	if len(data) < 6 || data[0] != '{' || data[1] != '"' || data[len(data)-1] != '}' {
		return 0, nil, false
	}
	end := bytes.IndexByte(data[2:], '"')
	if end < 0 || 2+end+1 >= len(data) || data[2+end+1] != ':' {
		return 0, nil, false
	}
	k, ok := kindOf(string(data[2 : 2+end]))
	if !ok {
		return 0, nil, false
	}
	return k, data[2+end+2 : len(data)-1], true
}

func (v *Value) decode(k kind, body json.RawMessage) error {
	v.kind = k
	bad := func() error { return errorf(codeSerialization, "Unexpected value type in payload") }
	switch k {
	case kindS:
		if json.Unmarshal(body, &v.str) != nil {
			return bad()
		}
	case kindN:
		var s string
		if json.Unmarshal(body, &s) != nil {
			return bad()
		}
		d, err := parseNumber(s)
		if err != nil {
			return err
		}
		v.str = d.String()
	case kindB:
		var b []byte
		if json.Unmarshal(body, &b) != nil {
			return bad()
		}
		v.str = string(b)
	case kindBOOL, kindNULL:
		if json.Unmarshal(body, &v.b) != nil {
			return bad()
		}
		if k == kindNULL && !v.b {
			return invalidParam("Null attribute value types must have the value of true")
		}
	case kindM:
		if json.Unmarshal(body, &v.m) != nil {
			return bad()
		}
		if v.m == nil {
			v.m = map[string]*Value{}
		}
		for _, x := range v.m {
			if x == nil {
				return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			}
		}
	case kindL:
		if json.Unmarshal(body, &v.l) != nil {
			return bad()
		}
		if v.l == nil {
			v.l = []*Value{}
		}
		for _, x := range v.l {
			if x == nil {
				return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes")
			}
		}
	case kindSS, kindNS:
		if json.Unmarshal(body, &v.set) != nil {
			return bad()
		}
		return v.checkSet()
	case kindBS:
		var bs [][]byte
		if json.Unmarshal(body, &bs) != nil {
			return bad()
		}
		v.set = make([]string, len(bs))
		for i, b := range bs {
			v.set[i] = string(b)
		}
		return v.checkSet()
	}
	return nil
}

// checkSet canonicalises and sorts a set's members and refuses empty sets
// and duplicates, in AWS's words.
func (v *Value) checkSet() error {
	if len(v.set) == 0 {
		noun := map[kind]string{kindSS: "string", kindNS: "number", kindBS: "binary"}[v.kind]
		return invalidParam("An %s set  may not be empty", noun)
	}
	orig := append([]string(nil), v.set...)
	if v.kind == kindNS {
		for i, s := range v.set {
			d, err := parseNumber(s)
			if err != nil {
				return err
			}
			v.set[i] = d.String()
		}
	}
	sort.Strings(v.set)
	for i := 1; i < len(v.set); i++ {
		if v.set[i] == v.set[i-1] {
			return invalidParam("Input collection [%s] contains duplicates.", strings.Join(orig, ", "))
		}
	}
	return nil
}

package jsonata

import (
	"encoding/base64"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
)

func fnBase64Encode(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

func fnBase64Decode(_ *evaluator, args []any, _ any) (any, error) {
	s, ok := args[0].(string)
	if !ok {
		return nil, nil
	}
	// Lenient, as the reference implementation's decoder is: characters
	// outside the alphabet are skipped and a partial last group dropped.
	var clean []byte
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' {
			clean = append(clean, c)
		}
	}
	clean = clean[:len(clean)-len(clean)%4+min(len(clean)%4, 4)]
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	b, err := base64.RawStdEncoding.DecodeString(string(clean))
	if err != nil {
		return "", nil
	}
	return string(b), nil
}

// encodeURI escapes s as JavaScript's encodeURI (keep holds the extra
// characters left as they are) or encodeURIComponent does.
func encodeURI(s, keep string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9',
			strings.IndexByte("-_.!~*'()", c) >= 0, strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func fnEncodeURLComponent(_ *evaluator, args []any, _ any) (any, error) {
	if s, ok := args[0].(string); ok {
		return encodeURI(s, ""), nil
	}
	return nil, nil
}

func fnEncodeURL(_ *evaluator, args []any, _ any) (any, error) {
	if s, ok := args[0].(string); ok {
		return encodeURI(s, ";,/?:@&=+$#"), nil
	}
	return nil, nil
}

func decodeURI(name string, v any) (any, error) {
	s, ok := v.(string)
	if !ok {
		return nil, nil
	}
	out, err := url.PathUnescape(s)
	if err != nil {
		return nil, errAt("D3140", 0, map[string]any{"functionName": name, "value": s})
	}
	return out, nil
}

func fnDecodeURLComponent(_ *evaluator, args []any, _ any) (any, error) {
	return decodeURI("decodeUrlComponent", args[0])
}

func fnDecodeURL(_ *evaluator, args []any, _ any) (any, error) {
	return decodeURI("decodeUrl", args[0])
}

func fnFormatBase(_ *evaluator, args []any, _ any) (any, error) {
	f, ok := args[0].(float64)
	if !ok {
		return nil, nil
	}
	radix := 10.0
	if r, ok := args[1].(float64); ok {
		radix = r
	}
	if radix < 2 || radix > 36 {
		return nil, &Error{Code: "D3100", Message: fmt.Sprintf("The radix of the formatBase function must be between 2 and 36.  It was given %s", jsNumber(radix))}
	}
	return strconv.FormatInt(int64(roundHalfEven(f, 0)), int(radix)), nil
}

// roundHalfEven is $round: halves go to the even neighbour, at precision
// decimal places, shifting the decimal point in the text so that binary
// fractions do not skew it.
func roundHalfEven(f float64, precision int) float64 {
	shift := func(x float64, by int) float64 {
		mant, exp, _ := strings.Cut(strconv.FormatFloat(x, 'e', -1, 64), "e")
		e, _ := strconv.Atoi(exp)
		r, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(e+by), 64)
		if err != nil {
			return x
		}
		return r
	}
	v := f
	if precision != 0 {
		v = shift(f, precision)
	}
	r := math.Round(v)
	if math.Abs(r-v) == 0.5 && math.Mod(math.Abs(r), 2) == 1 {
		r -= math.Copysign(1, v)
	}
	if precision != 0 {
		r = shift(r, -precision)
	}
	if r == 0 {
		return 0
	}
	return r
}

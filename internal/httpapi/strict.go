package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/payflow-dev/payflow/internal/orders"
)

// The checks in this file refuse bodies that encoding/json would quietly
// repair or read in a way some other reader of the same bytes would not:
// a log, a WAF or a second parser must see the order the API charges.

// checkCharset accepts a Content-Type charset parameter only if it names
// UTF-8, the one encoding JSON may travel in (RFC 8259, section 8.1).
// Without the parameter the body is UTF-8 as well.
func checkCharset(params map[string]string) error {
	cs, ok := params["charset"]
	if !ok || strings.EqualFold(cs, "utf-8") {
		return nil
	}
	return &requestError{status: http.StatusUnsupportedMediaType, detail: "The request body must be UTF-8: the only charset accepted is utf-8."}
}

// checkText refuses bytes that are not UTF-8 and \u escapes that do not
// make a character (a lone half of a UTF-16 surrogate pair), both of which
// encoding/json would turn into U+FFFD without a word.
func checkText(body []byte) error {
	if !utf8.Valid(body) {
		return &requestError{status: http.StatusBadRequest, detail: "The request body is not valid UTF-8."}
	}
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' || i+1 >= len(body) {
			continue
		}
		i++ // the escaped character
		if body[i] != 'u' {
			continue
		}
		r, ok := hex4(body[i+1:])
		if !ok {
			continue // a syntax error, which the decoder reports
		}
		i += 4
		if !utf16.IsSurrogate(r) {
			continue
		}
		low, ok := rune(0), false
		if i+2 < len(body) && body[i+1] == '\\' && body[i+2] == 'u' {
			low, ok = hex4(body[i+3:])
		}
		if !ok || utf16.DecodeRune(r, low) == utf8.RuneError {
			return &requestError{status: http.StatusBadRequest, detail: `The request body has a \u escape that is not a whole character (an unpaired UTF-16 surrogate).`}
		}
		i += 6
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// checkDuplicateKeys refuses an object that names a key twice at any
// depth. encoding/json keeps the last one; other parsers keep the first.
// The problem names the key (with its path when nested), never a value.
// A body that is not valid JSON passes: the decoder explains that better.
func checkDuplicateKeys(body []byte) error {
	type frame struct {
		object    bool
		path      string // the container's path, with a trailing dot
		keys      map[string]bool
		expectKey bool   // in an object: the next token is a key
		key       string // in an object: the key of the value being read
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // io.EOF, or a syntax error the decoder reports
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if top != nil && top.object && top.expectKey {
			key, _ := tok.(string) // the decoder allows only strings here
			if top.keys[key] {
				return &requestError{status: http.StatusBadRequest, detail: "The request body names a field more than once.",
					fields: []orders.FieldError{{Field: top.path + key, Message: "appears more than once"}}}
			}
			top.keys[key], top.key, top.expectKey = true, key, false
			continue
		}
		path := ""
		if top != nil {
			path = top.path
			if top.object {
				path += top.key + "."
				top.expectKey = true
			}
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &frame{object: d == '{', path: path, keys: map[string]bool{}, expectKey: d == '{'})
		}
	}
}

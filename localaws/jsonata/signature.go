package jsonata

import "strings"

// signature is a function signature such as <s-nn?:s>: which arguments a
// function takes, which are optional (?), repeatable (+) or taken from the
// context when left out (-).
type signature struct {
	params []sigParam
}

type sigParam struct {
	accepts  string // argument symbols accepted (see symbol)
	array    bool   // the a type: a non-array argument is wrapped
	sub      string // element symbols accepted by a<...>, "" for any
	optional bool
	many     bool
	context  bool
}

// symbol classifies a value for signature matching: m is undefined.
func symbol(v any) byte {
	switch v.(type) {
	case nil:
		return 'm'
	case string:
		return 's'
	case float64:
		return 'n'
	case bool:
		return 'b'
	case null:
		return 'l'
	case *array:
		return 'a'
	case *object:
		return 'o'
	case callable:
		return 'f'
	}
	return 'x'
}

// typeSymbols lists the symbols one signature type letter accepts.
func typeSymbols(c byte) string {
	switch c {
	case 'x', 'a':
		return "asnblfom"
	case 'j':
		return "asnblom"
	case 'u':
		return "bnslm"
	}
	return string(c) + "m"
}

// parseSignature parses the text between < and >, return type included.
func parseSignature(text string) (*signature, error) {
	s := strings.TrimSuffix(strings.TrimPrefix(text, "<"), ">")
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ':':
			if depth == 0 {
				s = s[:i]
			}
		}
	}
	sig := &signature{}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("bnsloafxju", c) >= 0:
			p := sigParam{accepts: typeSymbols(c), array: c == 'a'}
			sig.params = append(sig.params, p)
		case c == '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				return nil, &Error{Code: "S0401", Message: "Invalid function signature: " + text}
			}
			acc := "m"
			for _, t := range []byte(s[i+1 : i+end]) {
				acc += typeSymbols(t)
			}
			sig.params = append(sig.params, sigParam{accepts: acc})
			i += end
		case c == '<':
			end := matchingAngle(s, i)
			if end < 0 || len(sig.params) == 0 {
				return nil, &Error{Code: "S0401", Message: "Invalid function signature: " + text}
			}
			last := &sig.params[len(sig.params)-1]
			if last.array {
				sub := s[i+1 : end]
				if sub != "x" {
					for _, t := range []byte(sub) {
						last.sub += strings.TrimSuffix(typeSymbols(t), "m")
					}
				}
			}
			i = end
		case c == '?' && len(sig.params) > 0:
			sig.params[len(sig.params)-1].optional = true
		case c == '+' && len(sig.params) > 0:
			sig.params[len(sig.params)-1].many = true
		case c == '-' && len(sig.params) > 0:
			sig.params[len(sig.params)-1].context = true
			sig.params[len(sig.params)-1].optional = true
		}
	}
	return sig, nil
}

func matchingAngle(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '<':
			depth++
		case '>':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// validate checks args against the signature, filling in the context for
// a left-out context parameter and wrapping non-array arguments of array
// parameters. name is the function's name for error messages.
func (s *signature) validate(args []any, context any, name string) ([]any, error) {
	syms := make([]byte, len(args))
	for i, a := range args {
		syms[i] = symbol(a)
	}
	counts, ok := s.match(0, syms)
	if !ok {
		return nil, unnamedErr("T0410", map[string]any{"index": float64(s.goodTo(syms) + 1), "token": name})
	}
	out := make([]any, 0, len(args)+1)
	ai := 0
	for pi, p := range s.params {
		n := counts[pi]
		if n == 0 {
			if p.context {
				if strings.IndexByte(p.accepts, symbol(context)) < 0 {
					return nil, unnamedErr("T0411", map[string]any{"index": float64(ai + 1), "token": name})
				}
				out = append(out, context)
			} else if p.optional {
				out = append(out, nil)
			}
			continue
		}
		for range n {
			a := args[ai]
			if p.array && a != nil {
				arr, isArr := a.(*array)
				if !isArr {
					arr = &array{items: []any{a}}
					a = arr
				}
				if p.sub != "" {
					for _, e := range arr.items {
						if strings.IndexByte(p.sub, symbol(e)) < 0 {
							return nil, unnamedErr("T0412", map[string]any{"index": float64(ai + 1), "token": name, "type": subtypeName(p.sub)})
						}
					}
				}
			}
			out = append(out, a)
			ai++
		}
	}
	return out, nil
}

// match assigns argument counts to parameters from pi on, greedily with
// backtracking, as the reference implementation's signature regex does.
func (s *signature) match(pi int, syms []byte) ([]int, bool) {
	if pi == len(s.params) {
		return []int{}, len(syms) == 0
	}
	p := s.params[pi]
	maxN := 1
	if p.many {
		maxN = len(syms)
	}
	minN := 1
	if p.optional {
		minN = 0
	}
	n := 0
	for n < maxN && n < len(syms) && strings.IndexByte(p.accepts, syms[n]) >= 0 {
		n++
	}
	for ; n >= minN; n-- {
		if rest, ok := s.match(pi+1, syms[n:]); ok {
			return append([]int{n}, rest...), true
		}
	}
	return nil, false
}

// goodTo is how many arguments the longest matching prefix of parameters
// accepts, for the index in T0410.
func (s *signature) goodTo(syms []byte) int {
	i := 0
	for _, p := range s.params {
		n := 0
		for (p.many || n == 0) && i < len(syms) && strings.IndexByte(p.accepts, syms[i]) >= 0 {
			i++
			n++
			if !p.many {
				break
			}
		}
		if n == 0 && !p.optional {
			return i
		}
	}
	return i
}

func subtypeName(sub string) string {
	switch sub {
	case "n":
		return "numbers"
	case "s":
		return "strings"
	case "b":
		return "booleans"
	case "o":
		return "objects"
	case "a":
		return "arrays"
	case "f":
		return "functions"
	}
	return "values"
}

// unnamedErr is a signature error that the call expression will name.
func unnamedErr(code string, vals map[string]any) *Error {
	e := errAt(code, 0, vals)
	e.unnamed = vals
	return e
}

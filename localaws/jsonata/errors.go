package jsonata

import (
	"fmt"
	"strings"
)

// Error is a JSONata compile or evaluation error. Code is the reference
// implementation's error code (S0201, T2001, D3030...) and Error renders
// "<code>: <message>" the way jsonata-js and Step Functions word it.
type Error struct {
	Code     string
	Message  string
	Position int
	// unnamed holds the values of a signature error whose function the
	// call expression names (in the reference, the name written at the
	// call site, not the function's own).
	unnamed map[string]any
}

// nameCall renders a signature error with the function name its call
// expression used (nil for an expression that is not a name), once.
func (e *Error) nameCall(name any) {
	if e.unnamed == nil {
		return
	}
	e.unnamed["token"] = name
	e.Message = errAt(e.Code, e.Position, e.unnamed).Message
	e.unnamed = nil
}

func (e *Error) Error() string {
	if e.Code == "" {
		return e.Message
	}
	return e.Code + ": " + e.Message
}

// template is the reference implementation's message for a code this
// package raises. {{x}} is replaced by x rendered as JSON, {{{x}}} by x as
// it is.
func template(code string) string {
	switch code {
	case "S0101":
		return "String literal must be terminated by a matching quote"
	case "S0102":
		return "Number out of range: {{token}}"
	case "S0103":
		return "Unsupported escape sequence: \\{{token}}"
	case "S0104":
		return "The escape sequence \\u must be followed by 4 hex digits"
	case "S0105":
		return "Quoted property name must be terminated with a backquote (`)"
	case "S0106":
		return "Comment has no closing tag"
	case "S0201":
		return "Syntax error: {{token}}"
	case "S0202":
		return "Expected {{value}}, got {{token}}"
	case "S0203":
		return "Expected {{value}} before end of expression"
	case "S0204":
		return "Unknown operator: {{token}}"
	case "S0208":
		return "Parameter {{value}} of function definition must be a variable name (start with $)"
	case "S0211":
		return "The symbol {{token}} cannot be used as a unary operator"
	case "S0212":
		return "The left side of := must be a variable name (start with $)"
	case "S0213":
		return "The literal value {{value}} cannot be used as a step within a path expression"
	case "S0214":
		return "The right side of {{token}} must be a variable name (start with $)"
	case "S0215":
		return "A context variable binding must precede any predicates on a step"
	case "S0216":
		return "A context variable binding must precede the 'order-by' clause on a step"
	case "S0217":
		return "The object representing the 'parent' cannot be derived from this expression"
	case "S0301":
		return "Empty regular expressions are not allowed"
	case "S0302":
		return "No terminating / in regular expression"
	case "S0402":
		return "Choice groups containing parameterized types are not supported"
	case "S0401":
		return "Type parameters can only be applied to functions and arrays"
	case "T0410":
		return "Argument {{index}} of function {{token}} does not match function signature"
	case "T0411":
		return "Context value is not a compatible type with argument {{index}} of function {{token}}"
	case "T0412":
		return "Argument {{index}} of function {{token}} must be an array of {{type}}"
	case "D1001":
		return "Number out of range: {{value}}"
	case "D1002":
		return "Cannot negate a non-numeric value: {{value}}"
	case "T1003":
		return "Key in object structure must evaluate to a string; got: {{value}}"
	case "D1004":
		return "Regular expression matches zero length string"
	case "T1005":
		return "Attempted to invoke a non-function. Did you mean ${{{token}}}?"
	case "T1006":
		return "Attempted to invoke a non-function"
	case "T1007":
		return "Attempted to partially apply a non-function. Did you mean ${{{token}}}?"
	case "T1008":
		return "Attempted to partially apply a non-function"
	case "D1009":
		return "Multiple key definitions evaluate to same key: {{value}}"
	case "T2001":
		return "The left side of the {{token}} operator must evaluate to a number"
	case "T2002":
		return "The right side of the {{token}} operator must evaluate to a number"
	case "T2003":
		return "The left side of the range operator (..) must evaluate to an integer"
	case "T2004":
		return "The right side of the range operator (..) must evaluate to an integer"
	case "T2006":
		return "The right side of the function application operator ~> must be a function"
	case "T2007":
		return "Type mismatch when comparing values {{value}} and {{value2}} in order-by clause"
	case "T2008":
		return "The expressions within an order-by clause must evaluate to numeric or string values"
	case "T2009":
		return "The values {{value}} and {{value2}} either side of operator {{token}} must be of the same data type"
	case "T2010":
		return "The expressions either side of operator {{token}} must evaluate to numeric or string values"
	case "T2011":
		return "The insert/update clause of the transform expression must evaluate to an object: {{value}}"
	case "T2012":
		return "The delete clause of the transform expression must evaluate to a string or array of strings: {{value}}"
	case "T2013":
		return "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function."
	case "D2014":
		return "The size of the sequence allocated by the range operator (..) must not exceed 1e6.  Attempted to allocate {{{value}}}."
	case "D3001":
		return "Attempting to invoke string function on Infinity or NaN"
	case "D3010":
		return "Second argument of replace function cannot be an empty string"
	case "D3011":
		return "Fourth argument of replace function must evaluate to a positive number"
	case "D3012":
		return "Attempted to replace a matched string with a non-string value"
	case "D3020":
		return "Third argument of split function must evaluate to a positive number"
	case "D3030":
		return "Unable to cast value to a number: {{value}}"
	case "D3040":
		return "Third argument of match function must evaluate to a positive number"
	case "D3050":
		return "The second argument of reduce function must be a function with at least two arguments"
	case "D3060":
		return "The sqrt function cannot be applied to a negative number: {{value}}"
	case "D3061":
		return "The power function has resulted in a value that cannot be represented as a JSON number: base={{value}}, exponent={{exp}}"
	case "D3070":
		return "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function"
	case "D3080":
		return "The picture string must only contain a maximum of two sub-pictures"
	case "D3081":
		return "The sub-picture must not contain more than one instance of the 'decimal-separator' character"
	case "D3082":
		return "The sub-picture must not contain more than one instance of the 'percent' character"
	case "D3083":
		return "The sub-picture must not contain more than one instance of the 'per-mille' character"
	case "D3084":
		return "The sub-picture must not contain both a 'percent' and a 'per-mille' character"
	case "D3085":
		return "The mantissa part of a sub-picture must contain at least one character that is either an 'optional digit character' or a member of the 'decimal digit family'"
	case "D3086":
		return "The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character"
	case "D3087":
		return "The sub-picture must not contain a 'grouping-separator' character that appears adjacent to a 'decimal-separator' character"
	case "D3088":
		return "The sub-picture must not contain a 'grouping-separator' at the end of the integer part"
	case "D3089":
		return "The sub-picture must not contain two adjacent instances of the 'grouping-separator' character"
	case "D3090":
		return "The integer part of the sub-picture must not contain a member of the 'decimal digit family' that is followed by an instance of the 'optional digit character'"
	case "D3091":
		return "The fractional part of the sub-picture must not contain an instance of the 'optional digit character' that is followed by a member of the 'decimal digit family'"
	case "D3092":
		return "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a character treated as an 'exponent-separator'"
	case "D3093":
		return "The exponent part of the sub-picture must comprise only of one or more characters that are members of the 'decimal digit family'"
	case "D3130":
		return "Formatting or parsing an integer as a sequence starting with {{value}} is not supported by this implementation"
	case "D3131":
		return "In a decimal digit pattern, all digits must be from the same decimal group"
	case "D3132":
		return "Unknown component specifier {{value}} in date/time picture string"
	case "D3133":
		return "The 'name' modifier can only be applied to months and days in the date/time picture string, not {{value}}"
	case "D3134":
		return "The timezone integer format specifier cannot have more than four digits"
	case "D3135":
		return "No matching closing bracket ']' in date/time picture string"
	case "D3136":
		return "The date/time picture string is missing specifiers required to parse the timestamp"
	case "D3137":
		return "{{{message}}}"
	case "D3138":
		return "The $single() function expected exactly 1 matching result.  Instead it matched more."
	case "D3139":
		return "The $single() function expected exactly 1 matching result.  Instead it matched 0."
	case "D3140":
		return "Malformed URL passed to ${{{functionName}}}(): {{value}}"
	case "D3141":
		return "{{{message}}}"
	case "U1001":
		return "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive."
	}
	return ""
}

// errAt builds an Error from a code's template and named values.
func errAt(code string, pos int, vals map[string]any) *Error {
	msg := template(code)
	for k, v := range vals {
		msg = strings.ReplaceAll(msg, "{{{"+k+"}}}", fmt.Sprint(rawText(v)))
		msg = strings.ReplaceAll(msg, "{{"+k+"}}", jsonText(v))
	}
	return &Error{Code: code, Message: msg, Position: pos}
}

// rawText is how a {{{x}}} placeholder shows a value.
func rawText(v any) any {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonText(v)
}

// jsonText renders a value as JSON.stringify does, for messages.
func jsonText(v any) string {
	if v == nil {
		return "undefined"
	}
	var b strings.Builder
	if err := writeJSON(&b, v, false, "", false); err != nil {
		return fmt.Sprint(v)
	}
	return b.String()
}

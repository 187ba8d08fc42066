package jsonata

// builtin returns the built-in function bound to $name, or nil.
func (ev *evaluator) builtin(name string) *native {
	if f, ok := ev.natives[name]; ok {
		return f
	}
	return newBuiltin(name, ev.opts.StepFunctions)
}

// newBuiltin makes the built-in $name, with Step Functions' additions
// when sfn is set.
func newBuiltin(name string, sfn bool) *native {
	var sig string
	var fn builtinFunc
	if sfn {
		sig, fn = stepFunctionsDef(name)
	}
	if fn == nil {
		sig, fn = builtinDef(name)
	}
	if fn == nil {
		return nil
	}
	f := &native{name: name, fn: fn}
	if sig != "" {
		s, err := parseSignature(sig)
		if err != nil {
			return nil
		}
		f.sig = s
	}
	return f
}

type builtinFunc = func(ev *evaluator, args []any, input any) (any, error)

// builtinDef is the signature and implementation of a standard function.
func builtinDef(name string) (string, builtinFunc) {
	switch name {
	// Strings.
	case "string":
		return "<x-b?:s>", fnString
	case "length":
		return "<s-:n>", fnLength
	case "substring":
		return "<s-nn?:s>", fnSubstring
	case "substringBefore":
		return "<s-s:s>", fnSubstringBefore
	case "substringAfter":
		return "<s-s:s>", fnSubstringAfter
	case "uppercase":
		return "<s-:s>", fnUppercase
	case "lowercase":
		return "<s-:s>", fnLowercase
	case "trim":
		return "<s-:s>", fnTrim
	case "pad":
		return "<s-ns?:s>", fnPad
	case "contains":
		return "<s-(sf):b>", fnContains
	case "split":
		return "<s-(sf)n?:a<s>>", fnSplit
	case "join":
		return "<a<s>s?:s>", fnJoin
	case "match":
		return "<s-f<s:o>n?:a<o>>", fnMatch
	case "replace":
		return "<s-(sf)(sf)n?:s>", fnReplace
	case "base64encode":
		return "<s-:s>", fnBase64Encode
	case "base64decode":
		return "<s-:s>", fnBase64Decode
	case "encodeUrlComponent":
		return "<s-:s>", fnEncodeURLComponent
	case "encodeUrl":
		return "<s-:s>", fnEncodeURL
	case "decodeUrlComponent":
		return "<s-:s>", fnDecodeURLComponent
	case "decodeUrl":
		return "<s-:s>", fnDecodeURL
	case "formatNumber":
		return "<n-so?:s>", fnFormatNumber
	case "formatInteger":
		return "<n-s:s>", fnFormatInteger
	case "parseInteger":
		return "<s-s:n>", fnParseInteger
	case "formatBase":
		return "<n-n?:s>", fnFormatBase
	// Numbers.
	case "number":
		return "<(nsb)-:n>", fnNumber
	case "abs":
		return "<n-:n>", fnAbs
	case "floor":
		return "<n-:n>", fnFloor
	case "ceil":
		return "<n-:n>", fnCeil
	case "round":
		return "<n-n?:n>", fnRound
	case "power":
		return "<n-n:n>", fnPower
	case "sqrt":
		return "<n-:n>", fnSqrt
	case "random":
		return "<:n>", fnRandom
	// Aggregation.
	case "sum":
		return "<a<n>:n>", fnSum
	case "max":
		return "<a<n>:n>", fnMax
	case "min":
		return "<a<n>:n>", fnMin
	case "average":
		return "<a<n>:n>", fnAverage
	case "count":
		return "<a:n>", fnCount
	// Booleans.
	case "boolean":
		return "<x-:b>", fnBoolean
	case "not":
		return "<x-:b>", fnNot
	case "exists":
		return "<x:b>", fnExists
	// Arrays.
	case "append":
		return "<xx:a>", fnAppend
	case "reverse":
		return "<a:a>", fnReverse
	case "sort":
		return "<af?:a>", fnSort
	case "shuffle":
		return "<a:a>", fnShuffle
	case "distinct":
		return "<x:x>", fnDistinct
	case "zip":
		return "<a+>", fnZip
	// Objects.
	case "keys":
		return "<x-:a<s>>", fnKeys
	case "lookup":
		return "<x-s:x>", fnLookup
	case "spread":
		return "<x-:a<o>>", fnSpread
	case "merge":
		return "<a<o>:o>", fnMerge
	case "each":
		return "<o-f:a>", fnEach
	case "sift":
		return "<o-f?:o>", fnSift
	case "type":
		return "<x:s>", fnType
	case "clone":
		return "<(oa)-:o>", fnClone
	case "error":
		return "<s?:x>", fnError
	case "assert":
		return "<bs?:x>", fnAssert
	// Higher-order functions.
	case "map":
		return "<af>", fnMap
	case "filter":
		return "<af>", fnFilter
	case "single":
		return "<af?>", fnSingle
	case "reduce":
		return "<afj?:j>", fnReduce
	// Dates and times.
	case "now":
		return "<s?s?:s>", fnNow
	case "millis":
		return "<:n>", fnMillis
	case "fromMillis":
		return "<n-s?s?:s>", fnFromMillis
	case "toMillis":
		return "<s-s?:n>", fnToMillis
	}
	return "", nil
}

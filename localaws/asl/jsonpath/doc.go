// Package jsonpath evaluates the JSONPath dialect of the Amazon States
// Language: the paths found in InputPath, OutputPath, ResultPath, ItemsPath,
// "key.$" fields, Choice rule variables and intrinsic function arguments.
//
// Values are decoded JSON as produced by json.Decoder with UseNumber: nil,
// bool, string, json.Number, []any and map[string]any. Paths are compiled
// once, when a state machine definition is parsed, and evaluated many times
// at run time, so Compile does all the parsing and Get only walks the value.
//
// A path starting with "$$" is accepted and treated exactly like "$": the
// caller decides which document it is evaluated over, and passes the context
// object as doc for "$$" paths.
//
// Like Step Functions, Get returns a single value for a reference path (only
// member names and indexes) and an array of every match for any path using a
// wildcard, filter, slice, union or recursive descent. Object members have no
// order once decoded into a map, so wildcard and recursive-descent results
// list members in key order.
//
// The package is not a general JSONPath library: it has no functions
// (length(), min()...) and no script expressions beyond the filter
// comparisons ASL users write.
package jsonpath

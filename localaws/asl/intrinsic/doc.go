// Package intrinsic evaluates the intrinsic functions of the Amazon States
// Language (States.Format, States.Array, States.Hash, ...) as Step Functions
// does for states that use the JSONPath query language.
//
// An invocation such as "States.Format('Hello, {}', $.name)" is parsed once
// by Compile (or on each call by Eval) and evaluated against the state's
// input, with "$$" arguments read from the context object. Values are decoded
// JSON as produced by json.Decoder with UseNumber; numbers in results are
// json.Number.
//
// Errors are plain Go errors naming the function and the broken rule; the
// engine reports them as States.IntrinsicFailure (or States.Runtime for a
// path that does not match). The package does not decide which state fields
// may hold intrinsics: that is the engine's job.
package intrinsic

// Package choice parses and evaluates the Choice Rules of an Amazon States
// Language Choice state: the comparison operators (String*, Numeric*,
// Boolean*, Timestamp*, their *Path variants and StringMatches), the type
// tests (IsPresent, IsNull, IsNumeric, IsString, IsBoolean, IsTimestamp)
// and the And, Or and Not combinators.
//
// Rules are parsed once, when the state machine definition is read, and
// every validation problem is reported with its location in the definition
// in the form Step Functions uses ("SCHEMA_VALIDATION_FAILED: ... at
// /States/Check/Choices/0"). Matching follows Step Functions: comparing a
// value of the wrong type is simply false, while a Variable (or a *Path
// operand) that is missing from the input is an error, which the engine
// reports as States.Runtime, except under IsPresent.
//
// The package does not check that Next names an existing state, and knows
// nothing of Default: both belong to the Choice state, in the engine.
package choice

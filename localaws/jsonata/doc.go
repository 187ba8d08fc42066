// Package jsonata is an implementation of the JSONata 2.x query and
// transformation language (https://docs.jsonata.org), written for the local
// Step Functions engine: AWS runs JSONata in states whose QueryLanguage is
// JSONata.
//
// It covers the language (paths with predicates, wildcards and descendants,
// array and object constructors, grouping, order-by, ranges, conditionals,
// variables and blocks, lambdas, closures, partial application and the ~>
// chain, regular expressions, the focus (@$v) and index (#$i) bindings and
// the parent operator (%), which run paths as tuple streams, and the
// transform operator | location | update, delete |) and the standard
// function library that state machines use: string, numeric, aggregation,
// boolean, array, object, date/time and higher-order functions. Callers
// add their own functions (Step Functions adds $partition, $range, $hash,
// $random, $uuid and $parse) through Options.
//
// It is not the reference implementation: that is the npm package jsonata,
// against which `make conformance` measures this one. The XPath picture
// strings of $formatNumber, $formatInteger, $parseInteger, $fromMillis,
// $now and $toMillis are read as the reference reads them, its quirks
// included (for instance $parseInteger does not check its input against
// the picture).
// Not implemented: $eval. Regular expressions run on Go's RE2, which lacks
// backreferences and lookaround. An expression that uses either fails to
// compile or evaluate with an *Error saying so. Where the reference
// implementation lets a transform make an object contain itself (and
// fails only when writing it out), this package refuses at the transform;
// a picture that asks for more than a million padding digits fails, and
// so does a $formatNumber exponent picture applied to zero or a negative
// number, where the reference never returns.
package jsonata

// Package digest computes the hex digests that Step Functions' hash
// functions offer: the States.Hash intrinsic and JSONata's $hash. Both
// accept the same five algorithm names, so the names and the hashing live
// here once.
//
// It is not a general hashing package: it knows only the names Step
// Functions accepts, and each caller words its own error for any other
// name, as AWS words them differently.
package digest

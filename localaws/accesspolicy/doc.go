// Package accesspolicy holds the one piece of resource policy the local
// SQS and SNS share: the statement their AddPermission actions write into
// a queue or topic policy, and how RemovePermission finds a statement by
// its Sid.
//
// It is not a policy engine: the emulators store policies and enforce
// nothing, and each keeps its own policy document and error wordings.
package accesspolicy

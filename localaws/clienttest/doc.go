// Package clienttest finds the external AWS clients some tests drive the
// emulators with (the AWS CLI v1 and v2, Python with boto3), so those
// tests prove the wire protocols against real clients.
//
// When a client is missing a test is skipped with a message on a
// developer's machine, where `make test` needs nothing but Go, and fails
// when CI=true, so a CI machine without the clients cannot pass by proving
// less. .ci/run installs them.
//
// It is for tests only; nothing outside _test.go files imports it.
package clienttest

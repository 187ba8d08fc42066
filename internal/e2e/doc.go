// Package e2e holds the end-to-end tests and the flow benchmark of the
// local stack: each test starts the whole stack in-process from the
// repository's template.yml (AWS endpoint, deployed resources, API and
// callback functions) on free ports, usually with a fake clock, and drives
// it with the real AWS SDK clients and an HTTP client, as a user would.
//
// It has no code of its own outside tests.
package e2e

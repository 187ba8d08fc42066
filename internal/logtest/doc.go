// Package logtest provides what tests need to capture output written from
// several goroutines at once, such as the logs of a batch handler or of a
// whole local stack, and read it back safely: a Buffer.
//
// It is for tests only; production code never imports it.
package logtest

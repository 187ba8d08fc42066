// Command local runs the whole payment service on a laptop: one local AWS
// endpoint (Step Functions, SQS, SNS, KMS, Secrets Manager, DynamoDB) on
// 127.0.0.1:4566, the stack that template.yml declares created on it, the
// API function behind an HTTP API emulation on 127.0.0.1:3000 and the
// callback function on its SQS event source mapping. Ctrl-C stops it.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/payflow-dev/payflow/localaws/stack"
)

func main() {
	stack.TuneGC(os.Getenv)
	if err := run(context.Background(), os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "local:", err)
		os.Exit(1)
	}
}
